import type { Anchor } from './anchors.js';
import { PAIR_SEPARATOR, PREFIX_LENGTH } from './anchors.js';
import type { DocField, MatchDoc } from './match-doc.js';
import { hostOf } from './match-doc.js';
import type { Postings } from './postings.js';
import { addPosting, forEachDomainSuffix, removePosting } from './postings.js';

/**
 * Everything filed under one body word: its `word` postings and, by second word, the bigrams
 * and pairs it starts, so a post looks each of its words up once for all three.
 */
interface WordAnchors {
  word: Postings | undefined;
  bigrams: Map<string, Postings> | undefined;
  pairs: Map<string, Postings> | undefined;
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

const FILTER_SIZE = 1 << 16;

/** A hash of a word's first two letters into `FILTER_SIZE` slots, to test for a wildcard prefix. */
function headOf(key: string): number {
  return ((key.charCodeAt(0) * 31 + key.charCodeAt(1)) | 0) & (FILTER_SIZE - 1);
}

/** A cheap hash of a word's length and first two letters, into `FILTER_SIZE` slots. */
function filterSlot(key: string): number {
  return (((key.charCodeAt(0) * 31 + key.charCodeAt(1)) | 0) * 31 + key.length) & (FILTER_SIZE - 1);
}

/** Stamps stay below this so that `stamp * 4 + 3` fits a `Uint32Array` cell. */
const MAX_STAMP = 2 ** 30;

function splitAt(key: string, separator: string): [string, string] {
  const at = key.indexOf(separator);
  return [key.slice(0, at), key.slice(at + separator.length)];
}

export function createAnchorIndex(): AnchorIndex {
  const vocab = new Map<string, WordAnchors>();
  /** Counts of `vocab`'s words by `filterSlot`: most of a post's words are skipped unprobed. */
  const vocabFilter = new Uint32Array(FILTER_SIZE);
  const prefixes = new Map<string, Postings>();
  /** Heads of the prefix keys with their counts: a post slices only words with such a head. */
  const prefixHeads = new Uint32Array(FILTER_SIZE);
  const hashtags = new Map<string, Postings>();
  const mentions = new Map<string, Postings>();
  const authors = new Map<string, Postings>();
  /** `meta` anchors (`field:value`) as field → value → postings. */
  const meta = new Map<string, Map<string, Postings>>();
  const alwaysCheck = new Set<number>();
  let keyCount = 0;
  /** Per disjunct `stamp * 4 + groups shown`: one read per posting. */
  let marks = new Uint32Array(1024);
  let stamp = 0;
  let postings = 0;

  function anchorsOf(word: string): WordAnchors {
    let anchors = vocab.get(word);
    if (anchors === undefined) {
      anchors = { word: undefined, bigrams: undefined, pairs: undefined };
      vocab.set(word, anchors);
      vocabFilter[filterSlot(word)]! += 1;
    }
    return anchors;
  }

  function addUnder(word: string, kind: 'bigrams' | 'pairs', second: string, entry: number): void {
    const anchors = anchorsOf(word);
    const inner = (anchors[kind] ??= new Map());
    if (addPosting(inner, second, entry)) keyCount++;
  }

  function removeUnder(word: string, kind: 'bigrams' | 'pairs', second: string, entry: number) {
    const anchors = vocab.get(word);
    const inner = anchors?.[kind];
    if (inner === undefined || !removePosting(inner, second, entry)) return;
    keyCount--;
    if (inner.size === 0) anchors![kind] = undefined;
    dropIfEmpty(word, anchors!);
  }

  function dropIfEmpty(word: string, anchors: WordAnchors): void {
    if (
      anchors.word === undefined &&
      anchors.bigrams === undefined &&
      anchors.pairs === undefined
    ) {
      vocab.delete(word);
      vocabFilter[filterSlot(word)]! -= 1;
    }
  }

  function metaValues(key: string, isAdd: boolean): [Map<string, Postings>, string] | undefined {
    const [field, value] = splitAt(key, ':');
    let values = meta.get(field);
    if (values === undefined) {
      if (!isAdd) return undefined;
      values = new Map();
      meta.set(field, values);
    }
    return [values, value];
  }

  function file(anchor: Anchor, entry: number): void {
    const { key } = anchor;
    switch (anchor.space) {
      case 'word': {
        const anchors = anchorsOf(key);
        if (anchors.word === undefined) {
          anchors.word = { ids: [entry], seen: 0 };
          keyCount++;
        } else anchors.word.ids.push(entry);
        return;
      }
      case 'bigram': {
        const [first, second] = splitAt(key, ' ');
        return addUnder(first, 'bigrams', second, entry);
      }
      case 'pair': {
        const [first, second] = splitAt(key, PAIR_SEPARATOR);
        return addUnder(first, 'pairs', second, entry);
      }
      case 'prefix':
        if (addPosting(prefixes, key, entry)) {
          keyCount++;
          prefixHeads[headOf(key)]! += 1;
        }
        return;
      case 'meta': {
        const [values, value] = metaValues(key, true)!;
        if (addPosting(values, value, entry)) keyCount++;
        return;
      }
      default: {
        const map =
          anchor.space === 'hashtag' ? hashtags : anchor.space === 'mention' ? mentions : authors;
        if (addPosting(map, key, entry)) keyCount++;
      }
    }
  }

  function unfile(anchor: Anchor, entry: number): void {
    const { key } = anchor;
    switch (anchor.space) {
      case 'word': {
        const anchors = vocab.get(key);
        const list = anchors?.word;
        if (list === undefined || !list.ids.includes(entry)) return;
        list.ids.splice(list.ids.indexOf(entry), 1);
        if (list.ids.length > 0) return;
        keyCount--;
        anchors!.word = undefined;
        return dropIfEmpty(key, anchors!);
      }
      case 'bigram': {
        const [first, second] = splitAt(key, ' ');
        return removeUnder(first, 'bigrams', second, entry);
      }
      case 'pair': {
        const [first, second] = splitAt(key, PAIR_SEPARATOR);
        return removeUnder(first, 'pairs', second, entry);
      }
      case 'prefix': {
        if (!removePosting(prefixes, key, entry)) return;
        keyCount--;
        prefixHeads[headOf(key)]! -= 1;
        return;
      }
      case 'meta': {
        const found = metaValues(key, false);
        if (found === undefined || !removePosting(found[0], found[1], entry)) return;
        keyCount--;
        if (found[0].size === 0) meta.delete(splitAt(key, ':')[0]);
        return;
      }
      default: {
        const map =
          anchor.space === 'hashtag' ? hashtags : anchor.space === 'mention' ? mentions : authors;
        if (removePosting(map, key, entry)) keyCount--;
      }
    }
  }

  /**
   * A disjunct becomes a candidate once the post has shown an anchor of each of its groups
   * (`need`: 1, or 3 for two groups, carried by the entry's bit 2).
   */
  function collect(list: Postings | undefined, out: number[]): void {
    // A hostile post repeats a key thousands of times: each list is read once per post.
    if (list === undefined || list.seen === stamp) return;
    list.seen = stamp;
    const ids = list.ids;
    const base = stamp * 4;
    postings += ids.length;
    for (let i = 0; i < ids.length; i++) {
      const entry = ids[i]!;
      const id = entry >>> 3;
      const bit = entry & 3;
      const need = (entry & 4) === 0 ? 1 : 3;
      const got = marks[id]! - base;
      if (got < 0 || got > 3) {
        marks[id] = base + bit;
        if (bit === need) out.push(id);
      } else if (got !== need) {
        const now = got | bit;
        marks[id] = base + now;
        if (now === need) out.push(id);
      }
    }
  }

  /** Pairs starting with one of the post's words whose second word the post also has. */
  function collectPairs(inner: Map<string, Postings>, doc: MatchDoc, out: number[]): void {
    const { title, text } = doc;
    if (inner.size <= title.words.size + text.words.size) {
      for (const [second, ids] of inner)
        if (text.words.has(second) || title.words.has(second)) collect(ids, out);
      return;
    }
    for (const second of title.words.keys()) collect(inner.get(second), out);
    for (const second of text.words.keys()) collect(inner.get(second), out);
  }

  function collectBody(field: DocField, doc: MatchDoc, out: number[]): void {
    const tokens = field.tokens;
    const hasPrefixes = prefixes.size > 0;
    for (const key of field.words.keys()) {
      const anchors = vocabFilter[filterSlot(key)] === 0 ? undefined : vocab.get(key);
      if (anchors !== undefined) {
        collect(anchors.word, out);
        const bigrams = anchors.bigrams;
        if (bigrams !== undefined) {
          for (const position of field.words.get(key)!) {
            const next = tokens[position + 1];
            if (next !== undefined) collect(bigrams.get(next.folded), out);
          }
        }
        if (anchors.pairs !== undefined) collectPairs(anchors.pairs, doc, out);
      }
      if (hasPrefixes && key.length >= PREFIX_LENGTH && prefixHeads[headOf(key)] !== 0)
        collect(prefixes.get(key.slice(0, PREFIX_LENGTH)), out);
    }
    if (hashtags.size > 0) for (const key of field.hashtags.keys()) collect(hashtags.get(key), out);
    if (mentions.size > 0) for (const key of field.mentions.keys()) collect(mentions.get(key), out);
  }

  function collectMeta(doc: MatchDoc, out: number[]): void {
    const probe = (field: string, value: string): void => collect(meta.get(field)?.get(value), out);
    if (doc.platform) probe('platform', doc.platform);
    if (doc.lang) probe('lang', doc.lang);
    const sites = meta.get('site');
    if (doc.host && sites !== undefined)
      forEachDomainSuffix(doc.host, (suffix) => collect(sites.get(suffix), out));
    const links = meta.get('link');
    if (links !== undefined) {
      for (const link of doc.links)
        forEachDomainSuffix(hostOf(link), (suffix) => collect(links.get(suffix), out));
    }
    for (const field of ['area', 'category', 'sentiment'] as const) {
      for (const value of doc.labels[field]) probe(field, value);
    }
  }

  /** Forgets which lists were read, when the stamps start again from 1. */
  function resetSeen(): void {
    const lists: Iterable<Postings>[] = [prefixes.values(), hashtags.values()];
    lists.push(mentions.values(), authors.values());
    for (const values of meta.values()) lists.push(values.values());
    for (const anchors of vocab.values()) {
      if (anchors.word !== undefined) lists.push([anchors.word]);
      if (anchors.bigrams !== undefined) lists.push(anchors.bigrams.values());
      if (anchors.pairs !== undefined) lists.push(anchors.pairs.values());
    }
    for (const values of lists) for (const list of values) list.seen = 0;
  }

  function candidates(doc: MatchDoc, out: number[]): void {
    stamp++;
    if (stamp === MAX_STAMP) {
      marks.fill(0);
      resetSeen();
      stamp = 1;
    }
    out.length = 0;
    collectBody(doc.title, doc, out);
    collectBody(doc.text, doc, out);
    if (authors.size > 0) for (const key of doc.author.words.keys()) collect(authors.get(key), out);
    if (meta.size > 0) collectMeta(doc, out);
    for (const id of alwaysCheck) out.push(id);
  }

  function ensure(id: number): void {
    if (id < marks.length) return;
    const size = Math.max(marks.length * 2, id + 1);
    const grownMarks = new Uint32Array(size);
    grownMarks.set(marks);
    marks = grownMarks;
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
        out.push([anchor, id * 8 + (groups.length === 2 ? 4 : 0) + (1 << g)]);
      }
    });
    return out;
  }

  return {
    file(groups, id) {
      ensure(id);
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
    keys: () => keyCount,
    alwaysCheck: () => alwaysCheck.size,
  };
}
