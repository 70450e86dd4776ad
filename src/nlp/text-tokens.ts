import { tokenizeWithIds, type Token } from './tokenize.js';
import { wordGeneration } from './word-table.js';

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

/** Per offset of the last text: the word id of the pure word run starting there, or -1. */
let runIds = new Int32Array(1024);
let runEnds = new Int32Array(1024);
/** The tokens runIds was filled from. */
let runsOf: TextWords | undefined;

function fillRuns(text: string, words: TextWords): void {
  if (runIds.length < text.length) {
    runIds = new Int32Array(text.length * 2);
    runEnds = new Int32Array(text.length * 2);
  }
  runIds.fill(-1, 0, text.length);
  const { tokens, ids } = words;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    // A number with separators ("1.200") is longer than the run of word characters it starts.
    if (ids[k]! < 0 || (t.kind !== 'word' && !/^[\p{N}_]+$/u.test(t.text))) continue;
    runIds[t.start] = ids[k]!;
    runEnds[t.start] = t.end;
  }
  runsOf = words;
}

/**
 * When `text` is the text last tokenized (and its ids are still valid): the word id of the
 * maximal run of word characters (`[\p{L}\p{M}\p{N}_]`) starting at `i`, if the tokenizer read
 * that run as a word or a number, else -1; its end is then {@link sharedRunEnd}. The model
 * scanner reads the same runs and takes them from here instead of scanning and hashing them again.
 */
export function sharedRunAt(text: string, i: number): number {
  if (text !== lastText || lastWords.generation !== wordGeneration()) return -1;
  if (runsOf !== lastWords) fillRuns(text, lastWords);
  return runIds[i]!;
}

/** The end of the run {@link sharedRunAt} just found. */
export function sharedRunEnd(i: number): number {
  return runEnds[i]!;
}
