import { tokenizeWithIds, type Token } from '../tokenize.js';
import { wordGeneration } from '../word-table.js';

/** A text's tokens and their word ids (-1 for a token that is not an interned word). */
export interface TextWords {
  readonly tokens: readonly Token[];
  readonly ids: readonly number[];
  /** The word table's generation the ids belong to. */
  readonly generation: number;
}

let lastText: string | undefined;
let lastWords: TextWords = { tokens: [], ids: [], generation: -1 };

/**
 * `tokenizeWithIds(text)`, remembering the last text: the enrichment stage runs areas,
 * categories, intent, SimHash and the language check over the same post one after the other, and
 * tokenizing is most of their cost. Callers must not change what they get: the next one reads it.
 * A text is tokenized again when the word table started afresh since (its ids would be stale), so
 * the ids are valid until the caller interns other words.
 */
export function textWords(text: string): TextWords {
  if (text === lastText && lastWords.generation === wordGeneration()) return lastWords;
  lastWords = tokenizeWithIds(text);
  lastText = text;
  return lastWords;
}

/** `tokenize(text)`, shared like {@link textWords}. */
export function textTokens(text: string): readonly Token[] {
  return textWords(text).tokens;
}
