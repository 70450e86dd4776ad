import { canonicalSpelling } from '../spelling.js';
import { foldText } from '../fold.js';

/** A trie over folded words: each node is reached by one more folded word of a phrase. */
export interface TrieNode<T> {
  next?: Map<string, TrieNode<T>>;
  values?: { accented: readonly string[]; value: T }[];
}

/** Words that fit a phrase recur ("quận", "phường"): their canonical spelling is remembered. */
const accentKeys = new Map<string, string>();
const MAX_CACHED_KEYS = 20_000;

/** The spelling a word with marks is compared on: canonical tone placement, lower case. */
export function accentKey(word: string): string {
  let key = accentKeys.get(word);
  if (key === undefined) {
    key = canonicalSpelling(word.replace(/\u00d0/g, 'Đ').replace(/\u00f0/g, 'đ')).toLowerCase();
    if (accentKeys.size >= MAX_CACHED_KEYS) accentKeys.clear();
    accentKeys.set(word, key);
  }
  return key;
}

/** Splits a lexicon phrase ("thị trấn") into its folded and its accented words. */
export function phraseWords(phrase: string): { folded: string[]; accented: string[] } {
  const words = phrase
    .normalize('NFC')
    .split(/[\s\-–]+/u)
    .filter((w) => w.length > 0);
  return { folded: words.map(foldText), accented: words.map(accentKey) };
}

export function createTrie<T>(): TrieNode<T> {
  return {};
}

/** Adds a value under the phrase's folded words, keeping its accented spelling for checking. */
export function addPhrase<T>(root: TrieNode<T>, phrase: string, value: T, anyAccent = false): void {
  const { folded, accented: spelt } = phraseWords(phrase);
  const accented = anyAccent ? spelt.map(() => ANY_ACCENT) : spelt;
  if (folded.length === 0) return;
  let node = root;
  for (const word of folded) {
    node.next ??= new Map();
    let child = node.next.get(word);
    if (child === undefined) {
      child = {};
      node.next.set(word, child);
    }
    node = child;
  }
  (node.values ??= []).push({ accented, value });
}

/** An accented form that every spelling fits (run-together names like "#BinhThanh"). */
export const ANY_ACCENT = '*';

/** What the matcher needs to know about each word of the text. */
export interface TrieWord {
  folded: string;
  /** The word as written, without a hashtag's `#`. */
  text: string;
  plain: boolean;
  /** Canonical spelling, filled in the first time the word is compared with marks. */
  accent: string | undefined;
  isBarrier: boolean;
}

/**
 * True when a written word fits a phrase word: a word typed without any diacritic fits every
 * spelling with the same folded form (unless the phrase `isMixed`, see below); one typed with
 * marks must carry the phrase's own marks (any tone placement), so "gia đình" is not "Gia Định".
 */
export function fitsAccent(word: TrieWord, accented: string, isMixed = false): boolean {
  if (accented === ANY_ACCENT) return true;
  if (word.plain) return !isMixed || word.folded === accented;
  word.accent ??= accentKey(word.text);
  return word.accent === accented;
}

/**
 * A phrase typed partly with diacritics ("ba điểm") was typed by someone who writes them: its
 * unmarked words mean the unmarked spelling ("ba" three, not "Bà").
 */
function fitsPhrase(
  words: readonly TrieWord[],
  start: number,
  accented: readonly string[],
): boolean {
  let isMixed = false;
  for (let k = 0; k < accented.length; k++) if (!words[start + k]!.plain) isMixed = true;
  return accented.every((a, k) => fitsAccent(words[start + k]!, a, isMixed));
}

/**
 * The longest phrase starting at word `start` whose words all fit, with the values that fit, or
 * undefined. Cost: one map lookup per word walked, so scanning a text is linear in its length.
 */
export function longestMatch<T>(
  root: TrieNode<T>,
  words: readonly TrieWord[],
  start: number,
): { end: number; values: T[] } | undefined {
  let node: TrieNode<T> | undefined = root;
  let best: { end: number; values: T[] } | undefined;
  for (let i = start; i < words.length; i++) {
    const word = words[i]!;
    if (word.isBarrier) break;
    node = node.next?.get(word.folded);
    if (node === undefined) break;
    if (node.values === undefined) continue;
    const fitting: T[] = [];
    for (const entry of node.values) {
      if (fitsPhrase(words, start, entry.accented)) fitting.push(entry.value);
    }
    if (fitting.length > 0) best = { end: i + 1, values: fitting };
  }
  return best;
}
