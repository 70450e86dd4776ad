import { tokenize, type Token } from '../tokenize.js';

let lastText: string | undefined;
let lastTokens: readonly Token[] = [];

/**
 * `tokenize(text)`, remembering the last text: the enrichment stage runs categories, intent and
 * simhash over the same post one after the other, and tokenizing is most of their cost. The result
 * is the same as `tokenize(text)` (frozen, so one caller cannot change what the next one sees).
 */
export function textTokens(text: string): readonly Token[] {
  if (text === lastText) return lastTokens;
  const tokens = Object.freeze(tokenize(text));
  lastText = text;
  lastTokens = tokens;
  return tokens;
}
