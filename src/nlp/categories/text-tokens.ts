import { tokenizeWithIds, type Token } from '../tokenize.js';

/** A text's tokens and their word ids (-1 for a token that is not an interned word). */
export interface TextWords {
  readonly tokens: readonly Token[];
  readonly ids: readonly number[];
}

let lastText: string | undefined;
let lastWords: TextWords = { tokens: [], ids: [] };

/**
 * `tokenizeWithIds(text)`, remembering the last text: the enrichment stage runs areas,
 * categories, intent, SimHash and the language check over the same post one after the other, and
 * tokenizing is most of their cost. Callers must not change what they get: the next one reads it.
 */
export function textWords(text: string): TextWords {
  if (text === lastText) return lastWords;
  lastWords = tokenizeWithIds(text);
  lastText = text;
  return lastWords;
}

/** `tokenize(text)`, shared like {@link textWords}. */
export function textTokens(text: string): readonly Token[] {
  return textWords(text).tokens;
}
