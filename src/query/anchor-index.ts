import type { Anchor, AnchorSpace } from './anchors.js';
import { PAIR_SEPARATOR, PREFIX_LENGTH } from './anchors.js';
import type { DocField, MatchDoc } from './match-doc.js';
import { hostOf } from './match-doc.js';

function domainSuffixes(host: string): string[] {
  const parts = host.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) out.push(parts.slice(i).join('.'));
  return out;
}

/** The `meta` keys a document carries. */
function metaKeysOf(doc: MatchDoc): Set<string> {
  const keys = new Set<string>();
  if (doc.platform) keys.add(`platform:${doc.platform}`);
  if (doc.lang) keys.add(`lang:${doc.lang}`);
  if (doc.host) for (const suffix of domainSuffixes(doc.host)) keys.add(`site:${suffix}`);
  for (const link of doc.links)
    for (const suffix of domainSuffixes(hostOf(link))) keys.add(`link:${suffix}`);
  for (const field of ['area', 'category', 'sentiment'] as const) {
    for (const value of doc.labels[field]) keys.add(`${field}:${value}`);
  }
  return keys;
}

function splitBigram(key: string): [string, string] {
  const at = key.indexOf(' ');
  return [key.slice(0, at), key.slice(at + 1)];
}

/**
 * Disjuncts (small integer ids) filed under their anchors. `candidates` lists, once each, every
 * disjunct with an anchor the post carries, plus those with none; its cost grows with the
 * post's distinct words and the ids it returns, not with the number of topics.
 */
export interface AnchorIndex {
  /**
   * Files a disjunct under one or two groups of anchors; every post it can match carries an
   * anchor of each group, and only such posts list it.
   */
  file(groups: readonly (readonly Anchor[])[], id: number): void;
  unfile(groups: readonly (readonly Anchor[])[], id: number): void;
  /** Disjuncts without anchors (purely negative and the like): checked on every post. */
  fileAlways(id: number): void;
  unfileAlways(id: number): void;
  /** Fills `out` (emptied first) with the candidate ids for the post. */
  candidates(doc: MatchDoc, out: number[]): void;
  /** Index entries read by `candidates` since the index was created. */
  postings(): number;
  keys(): number;
  alwaysCheck(): number;
}

export function createAnchorIndex(): AnchorIndex {
  // Pair anchors live in `pairs` below, keyed by both words.
  const index: Record<Exclude<AnchorSpace, 'pair'>, Map<string, number[]>> = {
    word: new Map(),
    bigram: new Map(),
    prefix: new Map(),
    hashtag: new Map(),
    mention: new Map(),
    author: new Map(),
    meta: new Map(),
  };
  /** Pair anchors as first word → second word → disjunct ids, so a post never builds pair keys. */
  const pairs = new Map<string, Map<string, number[]>>();
  const alwaysCheck = new Set<number>();
  let marks = new Uint32Array(1024);
  let got = new Uint8Array(1024);
  let need = new Uint8Array(1024);
  let stamp = 0;
  let postings = 0;
  const visited = new Set<number[]>();
  /** Indexed bigrams as first word → second word → entries: no key is built per token. */
  const bigrams = new Map<string, Map<string, number[]>>();

  function filePair(key: string, id: number, isAdd: boolean): void {
    const [first, second] = key.split(PAIR_SEPARATOR) as [string, string];
    let inner = pairs.get(first);
    if (inner === undefined) {
      if (!isAdd) return;
      inner = new Map();
      pairs.set(first, inner);
    }
    const list = inner.get(second);
    if (isAdd) {
      if (list === undefined) inner.set(second, [id]);
      else list.push(id);
      return;
    }
    if (list === undefined || !list.includes(id)) return;
    list.splice(list.indexOf(id), 1);
    if (list.length === 0) inner.delete(second);
    if (inner.size === 0) pairs.delete(first);
  }

  function file(anchor: Anchor, id: number): void {
    if (anchor.space === 'pair') return filePair(anchor.key, id, true);
    const map = index[anchor.space];
    const list = map.get(anchor.key);
    if (list === undefined) map.set(anchor.key, [id]);
    else list.push(id);
    if (anchor.space === 'bigram') {
      const [first, second] = splitBigram(anchor.key);
      const inner = bigrams.get(first) ?? new Map<string, number[]>();
      bigrams.set(first, inner);
      inner.set(second, map.get(anchor.key)!);
    }
  }

  function unfile(anchor: Anchor, id: number): void {
    if (anchor.space === 'pair') return filePair(anchor.key, id, false);
    const map = index[anchor.space];
    const list = map.get(anchor.key);
    if (list === undefined) return;
    const at = list.indexOf(id);
    if (at === -1) return;
    list.splice(at, 1);
    if (list.length === 0) map.delete(anchor.key);
    if (anchor.space === 'bigram' && list.length === 0) {
      const [first, second] = splitBigram(anchor.key);
      const inner = bigrams.get(first)!;
      inner.delete(second);
      if (inner.size === 0) bigrams.delete(first);
    }
  }

  /**
   * Entries are `id * 4 + group bit`; a disjunct becomes a candidate once the post has shown an
   * anchor of each of its groups (`need`: 1, or 3 for two groups).
   */
  function collect(list: number[] | undefined, out: number[]): void {
    // A hostile post repeats a key thousands of times: each list is read once per post.
    if (list === undefined || visited.has(list)) return;
    visited.add(list);
    postings += list.length;
    for (const entry of list) {
      const id = entry >>> 2;
      const bit = entry & 3;
      if (marks[id] !== stamp) {
        marks[id] = stamp;
        got[id] = bit;
        if (bit === need[id]) out.push(id);
      } else if (got[id] !== need[id]) {
        const now = got[id]! | bit;
        got[id] = now;
        if (now === need[id]) out.push(id);
      }
    }
  }

  function collectField(field: DocField, out: number[], isBodyField: boolean): void {
    const words = isBodyField ? index.word : index.author;
    for (const key of field.words.keys()) collect(words.get(key), out);
    if (!isBodyField) return;
    if (index.prefix.size > 0) {
      for (const key of field.words.keys()) {
        if (key.length >= PREFIX_LENGTH)
          collect(index.prefix.get(key.slice(0, PREFIX_LENGTH)), out);
      }
    }
    if (index.hashtag.size > 0)
      for (const key of field.hashtags.keys()) collect(index.hashtag.get(key), out);
    if (index.mention.size > 0)
      for (const key of field.mentions.keys()) collect(index.mention.get(key), out);
    if (bigrams.size > 0) {
      const tokens = field.tokens;
      for (let i = 0; i + 1 < tokens.length; i++) {
        const token = tokens[i]!;
        if (token.kind === 'url' || token.kind === 'emoji' || token.kind === 'mention') continue;
        const inner = bigrams.get(token.folded);
        if (inner !== undefined) collect(inner.get(tokens[i + 1]!.folded), out);
      }
    }
  }

  /** Disjuncts filed under two words the post both has (duplicates are dropped by `collect`). */
  function collectPairs(doc: MatchDoc, out: number[]): void {
    const { title, text } = doc;
    const docWords = title.words.size + text.words.size;
    for (const words of [title.words, text.words]) {
      for (const first of words.keys()) {
        const inner = pairs.get(first);
        if (inner === undefined) continue;
        if (inner.size <= docWords) {
          for (const [second, ids] of inner)
            if (text.words.has(second) || title.words.has(second)) collect(ids, out);
        } else {
          for (const second of title.words.keys()) collect(inner.get(second), out);
          for (const second of text.words.keys()) collect(inner.get(second), out);
        }
      }
    }
  }

  function candidates(doc: MatchDoc, out: number[]): void {
    stamp = (stamp + 1) >>> 0;
    if (stamp === 0) {
      marks.fill(0);
      stamp = 1;
    }
    out.length = 0;
    visited.clear();
    collectField(doc.title, out, true);
    collectField(doc.text, out, true);
    if (pairs.size > 0) collectPairs(doc, out);
    if (index.author.size > 0) collectField(doc.author, out, false);
    if (index.meta.size > 0) for (const key of metaKeysOf(doc)) collect(index.meta.get(key), out);
    for (const id of alwaysCheck) out.push(id);
  }

  function ensure(id: number): void {
    if (id < marks.length) return;
    const size = Math.max(marks.length * 2, id + 1);
    const grownMarks = new Uint32Array(size);
    grownMarks.set(marks);
    marks = grownMarks;
    const grownGot = new Uint8Array(size);
    grownGot.set(got);
    got = grownGot;
    const grownNeed = new Uint8Array(size);
    grownNeed.set(need);
    need = grownNeed;
  }

  /** Each anchor of each group once, as `[anchor, entry]`. */
  function entries(groups: readonly (readonly Anchor[])[], id: number): [Anchor, number][] {
    const seen = new Set<string>();
    const out: [Anchor, number][] = [];
    groups.forEach((group, g) => {
      for (const anchor of group) {
        const key = `${g}:${anchor.space}:${anchor.key}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push([anchor, id * 4 + (1 << g)]);
      }
    });
    return out;
  }

  return {
    file(groups, id) {
      ensure(id);
      need[id] = groups.length === 2 ? 3 : 1;
      for (const [anchor, entry] of entries(groups, id)) file(anchor, entry);
    },
    unfile(groups, id) {
      for (const [anchor, entry] of entries(groups, id)) unfile(anchor, entry);
    },
    fileAlways(id) {
      ensure(id);
      alwaysCheck.add(id);
    },
    unfileAlways: (id) => void alwaysCheck.delete(id),
    candidates,
    postings: () => postings,
    keys() {
      let keys = 0;
      for (const map of Object.values(index)) keys += map.size;
      for (const inner of pairs.values()) keys += inner.size;
      return keys;
    },
    alwaysCheck: () => alwaysCheck.size,
  };
}
