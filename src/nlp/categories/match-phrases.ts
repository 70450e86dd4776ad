import { canonicalSpelling } from '../spelling.js';
import type { Token } from '../tokenize.js';
import { WordMemo } from '../word-table.js';
import type { Entry, PhraseHit, PhraseMatcher, TrieNode } from './compile-phrases.js';
import { spanOf, type Span } from './span.js';

/**
 * Common chat spellings of very frequent words, folded → folded. Only unambiguous ones; the full
 * teencode normalizer lives elsewhere, this keeps phrases like "ko ai giải quyết" matchable here.
 */
const ALIASES = new Map<string, string>([
  ['ko', 'khong'],
  ['k', 'khong'],
  ['kh', 'khong'],
  ['hok', 'khong'],
  ['hk', 'khong'],
  ['khg', 'khong'],
  ['dc', 'duoc'],
  ['wa', 'qua'],
  ['j', 'gi'],
  ['ng', 'nguoi'],
  ['trc', 'truoc'],
  ['r', 'roi'],
  ['vs', 'voi'],
  ['cx', 'cung'],
  ['bik', 'biet'],
]);

/** The matchable words of a text: their trie keys and whether each was typed without marks. */
interface Words {
  tokens: Token[];
  keys: string[];
  plain: boolean[];
  /** Word ids (word-table.ts), -1 where a word has none. */
  ids: number[];
}

interface WordKey {
  readonly key: string;
  readonly plain: boolean;
}

/** Trie key and plainness by word id: both are functions of the word's text. */
const keysById = new WordMemo<WordKey>();

function keyOf(token: Token): WordKey {
  const alias = ALIASES.get(token.folded);
  return { key: alias ?? token.folded, plain: alias !== undefined || token.plain };
}

let lastTokens: readonly Token[] | undefined;
let lastWords: Words | undefined;

/** The words of a token list; remembers the last list, which categories and intent share. */
function wordsOf(tokens: readonly Token[], ids: readonly number[] | undefined): Words {
  if (tokens === lastTokens && lastWords !== undefined) return lastWords;
  const words: Words = { tokens: [], keys: [], plain: [], ids: [] };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word' && token.kind !== 'number') continue;
    const id = ids === undefined ? -1 : ids[i]!;
    let key = id < 0 ? undefined : keysById.get(id);
    if (key === undefined) {
      key = keyOf(token);
      if (id >= 0) keysById.set(id, key);
    }
    words.tokens.push(token);
    words.keys.push(key.key);
    words.plain.push(key.plain);
    words.ids.push(id);
  }
  lastTokens = tokens;
  lastWords = words;
  return words;
}

const spellings = new Map<string, string>();
const MAX_SPELLINGS = 20_000;

/** Lower-case canonical spelling of a word, cached: the same few words come back all the time. */
function spellingOf(word: string): string {
  let spelling = spellings.get(word);
  if (spelling === undefined) {
    spelling = canonicalSpelling(word.toLowerCase());
    if (spellings.size >= MAX_SPELLINGS) spellings.clear();
    spellings.set(word, spelling);
  }
  return spelling;
}

/** 0 = no match, 1 = match, 2 = match in the unaccented spelling only (needs support). */
function verify(entry: Entry, words: Words, at: number): 0 | 1 | 2 {
  if (entry.exact === undefined) return 1;
  let result: 1 | 2 = 1;
  for (let k = 0; k < entry.exact.length; k++) {
    const wanted = entry.exact[k]!;
    if (words.plain[at + k] === true) {
      if (wanted !== words.keys[at + k]) result = 2;
      continue;
    }
    const token = words.tokens[at + k]!;
    if (spellingOf(token.text) !== wanted) return 0;
  }
  return result;
}

interface Candidate {
  entry: Entry;
  needsSupport: boolean;
}

/** No candidate (most words start no phrase); never written to. */
const NONE: Candidate[] = [];

/** The trie node of word `at` under the root, through the matcher's memo by word id. */
function firstNode(matcher: PhraseMatcher, words: Words, at: number): TrieNode | undefined {
  const id = words.ids[at]!;
  if (id < 0) return matcher.root.get(words.keys[at]!);
  const known = matcher.firstNodes.get(id);
  if (known !== undefined) return known ?? undefined;
  const node = matcher.root.get(words.keys[at]!);
  matcher.firstNodes.set(id, node ?? null);
  return node;
}

/** Every verified entry starting at word `at`, found by walking the trie. */
function candidatesAt(matcher: PhraseMatcher, words: Words, at: number): Candidate[] {
  let node = firstNode(matcher, words, at);
  if (node === undefined) return NONE;
  const found: Candidate[] = [];
  for (let j = at + 1; node !== undefined; j++) {
    const entries = node.entries;
    if (entries !== undefined) {
      for (const entry of entries) {
        const verdict = verify(entry, words, at);
        if (verdict !== 0) found.push({ entry, needsSupport: verdict === 2 });
      }
    }
    node = j < words.keys.length ? node.next?.get(words.keys[j]!) : undefined;
  }
  return found;
}

/** Keeps, per group, the longest whole phrase starting here (the first one on a tie). */
function longestPerGroup(candidates: Candidate[]): Candidate[] {
  const best: Candidate[] = [];
  for (const candidate of candidates) {
    if (candidate.entry.kind !== 'whole') continue;
    const index = best.findIndex((b) => b.entry.group === candidate.entry.group);
    if (index < 0) best.push(candidate);
    else if (candidate.entry.length > best[index]!.entry.length) best[index] = candidate;
  }
  return best;
}

interface Pending {
  endWord: number;
  span: Span;
  needsSupport: boolean;
}

/** Scratch of matchPhrases (synchronous, never re-entered): per group, where its last hit ended. */
let covered = new Int32Array(16);
/** Scratch of matchPhrases: the first parts of `A ... B` phrases waiting for their second. */
const pending = new Map<number, Pending>();

/**
 * Finds every phrase of `matcher` in a tokenized text. `text` is the string the tokens came from;
 * spans are offsets into it; `ids` are the tokens' word ids when the caller has them
 * (`textWords`). Cost: one lookup per word plus one per word of each phrase that continues there.
 */
export function matchPhrases(
  matcher: PhraseMatcher,
  tokens: readonly Token[],
  text: string,
  ids?: readonly number[],
): PhraseHit[] {
  const words = wordsOf(tokens, ids);
  const hits: PhraseHit[] = [];
  if (covered.length < matcher.groups) covered = new Int32Array(matcher.groups);
  covered.fill(0, 0, matcher.groups);
  pending.clear();
  for (let at = 0; at < words.keys.length; at++) {
    const candidates = candidatesAt(matcher, words, at);
    if (candidates.length === 0) continue;
    const start = words.tokens[at]!.start;
    for (const { entry, needsSupport } of candidates) {
      if (entry.kind === 'whole') continue;
      const span = spanOf(text, start, words.tokens[at + entry.length - 1]!.end);
      if (entry.kind === 'first') {
        pending.set(entry.phrase, { endWord: at + entry.length, span, needsSupport });
      } else if (entry.kind === 'second') {
        const first = pending.get(entry.phrase);
        if (first === undefined || at - first.endWord > matcher.gaps[entry.phrase]!) continue;
        if (at < first.endWord) continue;
        pending.delete(entry.phrase);
        hits.push({
          phrase: entry.phrase,
          spans: [first.span, span],
          needsSupport: first.needsSupport || needsSupport,
        });
      }
    }
    for (const { entry, needsSupport } of longestPerGroup(candidates)) {
      const end = at + entry.length;
      if (end <= covered[entry.group]!) continue;
      covered[entry.group] = end;
      const span = spanOf(text, start, words.tokens[end - 1]!.end);
      hits.push({ phrase: entry.phrase, spans: [span], needsSupport });
    }
  }
  matchHashtags(matcher, tokens, text, hits);
  return hits;
}

function matchHashtags(
  matcher: PhraseMatcher,
  tokens: readonly Token[],
  text: string,
  hits: PhraseHit[],
): void {
  if (matcher.hashtags.size === 0) return;
  for (const token of tokens) {
    if (token.kind !== 'hashtag') continue;
    const entries = matcher.hashtags.get(token.folded);
    if (entries === undefined) continue;
    const seen = new Set<number>();
    for (const entry of entries) {
      if (seen.has(entry.group)) continue;
      seen.add(entry.group);
      const span = spanOf(text, token.start, token.end);
      hits.push({ phrase: entry.phrase, spans: [span], needsSupport: false });
    }
  }
}
