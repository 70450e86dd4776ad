import { canonicalSpelling } from '../spelling.js';
import type { Span } from './span.js';
import { WordMemo } from '../word-table.js';

/**
 * One phrase a {@link PhraseMatcher} finds.
 *
 * - `phrase`: words separated by spaces, matched as consecutive words of the text (punctuation
 *   between them does not matter). `"A ... B"` finds A followed by B within `gap` words.
 * - `accent: 'any'` (default): matched folded, so "ket xe", "kẹt xe" and "KẸT XE" all match.
 * - `accent: 'exact'`: for words whose folded form is ambiguous ("ngập"/"ngáp", "cháy"/"chạy").
 *   A word typed with diacritics must carry the phrase's own (any tone placement); a word typed
 *   without any diacritic still matches but the hit is marked `needsSupport`, and the caller
 *   decides what supports it.
 * - `group`: hits of one group do not overlap: at each position the longest phrase of the group
 *   wins and a phrase inside an earlier, longer hit of its group is dropped ("ngập nước" does not
 *   also count "nước").
 */
export interface PhraseSpec {
  phrase: string;
  accent?: 'any' | 'exact';
  gap?: number;
  group?: number;
}

/** Where a phrase was found. `spans` has one span, or two for an `A ... B` phrase. */
export interface PhraseHit {
  phrase: number;
  spans: Span[];
  /** True when an `exact` phrase was found only in its unaccented spelling. */
  needsSupport: boolean;
}

/** `whole` phrase, or the `first`/`second` part of an `A ... B` phrase. */
export type EntryKind = 'whole' | 'first' | 'second';

export interface Entry {
  phrase: number;
  group: number;
  kind: EntryKind;
  length: number;
  /** Lower-case canonical spelling per word, only for `exact` phrases. */
  exact: string[] | undefined;
}

export interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  entries: Entry[] | undefined;
}

/** A compiled dictionary of phrases; build once with {@link compilePhrases}, reuse for every text. */
export interface PhraseMatcher {
  readonly root: Map<string, TrieNode>;
  /** `root.get(key)` by the word id of a text's word (null: no node), filled as texts are read. */
  readonly firstNodes: WordMemo<TrieNode | null>;
  readonly hashtags: Map<string, Entry[]>;
  readonly gaps: Int32Array;
  readonly groups: number;
}

function splitWords(phrase: string): string[] {
  return phrase
    .normalize('NFC')
    .toLowerCase()
    .split(/[\s\p{P}]+/u)
    .filter((w) => w !== '');
}

function insert(root: Map<string, TrieNode>, keys: string[], entry: Entry): void {
  let level = root;
  let node: TrieNode | undefined;
  for (const key of keys) {
    node = level.get(key);
    if (node === undefined) {
      node = { next: undefined, entries: undefined };
      level.set(key, node);
    }
    node.next ??= new Map();
    level = node.next;
  }
  if (node !== undefined) (node.entries ??= []).push(entry);
}

function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đð]/g, 'd');
}

/** Compiles phrases into a word trie (plus a table for #hashtags written as one word). */
export function compilePhrases(specs: readonly PhraseSpec[]): PhraseMatcher {
  const root = new Map<string, TrieNode>();
  const hashtags = new Map<string, Entry[]>();
  const gaps = new Int32Array(specs.length);
  let groups = 1;
  specs.forEach((spec, phrase) => {
    const group = spec.group ?? 0;
    groups = Math.max(groups, group + 1);
    gaps[phrase] = Math.max(1, spec.gap ?? 5);
    const parts = spec.phrase
      .split(/\s*(?:\.\.\.|…)\s*/)
      .map(splitWords)
      .filter((words) => words.length > 0)
      .slice(0, 2);
    parts.forEach((words, index) => {
      const exact =
        spec.accent === 'exact' ? words.map((w) => canonicalSpelling(w).toLowerCase()) : undefined;
      const keys = words.map(foldWord);
      const kind: EntryKind = parts.length === 1 ? 'whole' : index === 0 ? 'first' : 'second';
      const entry: Entry = { phrase, group, kind, length: keys.length, exact };
      insert(root, keys, entry);
      if (kind === 'whole' && spec.accent !== 'exact') {
        const tag = keys.join('');
        hashtags.set(tag, [...(hashtags.get(tag) ?? []), entry]);
      }
    });
  });
  return { root, firstNodes: new WordMemo(), hashtags, gaps, groups };
}
