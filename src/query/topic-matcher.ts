import type { QueryNode, ParsedQuery } from './ast.js';
import type { Anchor, AnchorSpace, WordFrequency } from './anchors.js';
import {
  PAIR_SEPARATOR,
  PREFIX_LENGTH,
  anchorTree,
  chooseAnchors,
  requiredGroups,
} from './anchors.js';
import type { DocPredicate } from './compile-query.js';
import { compileQuery } from './compile-query.js';
import type { DocField, MatchDoc, MatchInput } from './match-doc.js';
import { hostOf, prepareDoc } from './match-doc.js';
import { defaultWordFrequency } from './word-frequency.js';

/** One alternative of a topic: the topic matches when any of its disjuncts does. */
interface Disjunct {
  topicId: string;
  predicate: DocPredicate;
  anchors: Anchor[];
  /** Checked on the bag of words before the predicate: each group needs one anchor present. */
  required: Anchor[][];
  isAlive: boolean;
}

/** Counters of the index, for diagnostics and the benchmark. */
export interface TopicMatcherStats {
  topics: number;
  disjuncts: number;
  alwaysCheck: number;
  keys: number;
}

/**
 * All topics compiled together (Lucene Monitor style): each query is filed under its most
 * selective required terms, so the cost of matching a post grows with the post's length and the
 * number of candidate topics, not with the number of topics.
 */
export interface TopicMatcher {
  /** Adds or replaces a topic. Throws the parser's `query.syntax`/`query.limit` errors. */
  set(topicId: string, query: ParsedQuery | QueryNode): void;
  remove(topicId: string): boolean;
  has(topicId: string): boolean;
  /** Ids of the topics the post matches, in the order they were added. */
  match(input: MatchInput | MatchDoc): string[];
  stats(): TopicMatcherStats;
}

export interface TopicMatcherOptions {
  frequency?: WordFrequency;
}

function isMatchDoc(input: MatchInput | MatchDoc): input is MatchDoc {
  return (input as MatchDoc).isPrepared === true;
}

/** Splits top-level ORs into disjuncts so each alternative gets its own anchors. */
function disjunctsOf(node: QueryNode): QueryNode[] {
  return node.type === 'or' ? node.children.flatMap(disjunctsOf) : [node];
}

/** Adjacent word pairs of the title and text, built the first time a bigram is checked. */
const docBigrams = new WeakMap<MatchDoc, Set<string>>();

function bigramsOf(doc: MatchDoc): Set<string> {
  let set = docBigrams.get(doc);
  if (set === undefined) {
    set = new Set();
    for (const field of [doc.title, doc.text]) {
      const tokens = field.tokens;
      for (let i = 0; i + 1 < tokens.length; i++)
        set.add(`${tokens[i]!.folded} ${tokens[i + 1]!.folded}`);
    }
    docBigrams.set(doc, set);
  }
  return set;
}

/** The `PREFIX_LENGTH`-letter prefixes of the title's and text's words, built on first use. */
const docPrefixes = new WeakMap<MatchDoc, Set<string>>();

function prefixesOf(doc: MatchDoc): Set<string> {
  let set = docPrefixes.get(doc);
  if (set === undefined) {
    set = new Set();
    for (const words of [doc.title.words, doc.text.words]) {
      for (const word of words.keys())
        if (word.length >= PREFIX_LENGTH) set.add(word.slice(0, PREFIX_LENGTH));
    }
    docPrefixes.set(doc, set);
  }
  return set;
}

function hasKey(doc: MatchDoc, anchor: Anchor, metaKeys: () => Set<string>): boolean {
  switch (anchor.space) {
    case 'prefix':
      return prefixesOf(doc).has(anchor.key);
    case 'bigram':
      return bigramsOf(doc).has(anchor.key);
    case 'word':
      return doc.text.words.has(anchor.key) || doc.title.words.has(anchor.key);
    case 'hashtag':
      return doc.text.hashtags.has(anchor.key) || doc.title.hashtags.has(anchor.key);
    case 'mention':
      return doc.text.mentions.has(anchor.key) || doc.title.mentions.has(anchor.key);
    case 'author':
      return doc.author.words.has(anchor.key);
    case 'meta':
      return metaKeys().has(anchor.key);
    default:
      return true;
  }
}

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

export function createTopicMatcher(options: TopicMatcherOptions = {}): TopicMatcher {
  const frequency = options.frequency ?? defaultWordFrequency;
  const disjuncts: Disjunct[] = [];
  const free: number[] = [];
  const byTopic = new Map<string, number[]>();
  const topicOrder = new Map<string, number>();
  let topicSeq = 0;
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
  /** First words of indexed bigrams: a post builds a bigram key only after one of these. */
  const bigramFirst = new Map<string, number>();
  /** Pair anchors as first word → second word → disjunct ids, so a post never builds pair keys. */
  const pairs = new Map<string, Map<string, number[]>>();
  const alwaysCheck = new Set<number>();
  let marks = new Uint32Array(1024);
  let stamp = 0;

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
      else if (!list.includes(id)) list.push(id);
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
    else if (!list.includes(id)) list.push(id);
    if (anchor.space === 'bigram') {
      const first = anchor.key.slice(0, anchor.key.indexOf(' '));
      bigramFirst.set(first, (bigramFirst.get(first) ?? 0) + 1);
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
    if (anchor.space === 'bigram') {
      const first = anchor.key.slice(0, anchor.key.indexOf(' '));
      const count = (bigramFirst.get(first) ?? 1) - 1;
      if (count <= 0) bigramFirst.delete(first);
      else bigramFirst.set(first, count);
    }
  }

  function addDisjunct(topicId: string, node: QueryNode): number {
    const tree = anchorTree(node, frequency);
    const disjunct: Disjunct = {
      topicId,
      predicate: compileQuery(node),
      anchors: tree === null ? [] : chooseAnchors(tree).anchors,
      required: tree === null ? [] : requiredGroups(tree),
      isAlive: true,
    };
    const id = free.pop() ?? disjuncts.length;
    disjuncts[id] = disjunct;
    if (id >= marks.length) {
      const grown = new Uint32Array(marks.length * 2);
      grown.set(marks);
      marks = grown;
    }
    if (tree === null) alwaysCheck.add(id);
    else for (const anchor of disjunct.anchors) file(anchor, id);
    return id;
  }

  function remove(topicId: string): boolean {
    const ids = byTopic.get(topicId);
    if (ids === undefined) return false;
    for (const id of ids) {
      const disjunct = disjuncts[id]!;
      for (const anchor of disjunct.anchors) unfile(anchor, id);
      alwaysCheck.delete(id);
      disjunct.isAlive = false;
      free.push(id);
    }
    byTopic.delete(topicId);
    topicOrder.delete(topicId);
    return true;
  }

  function collect(list: number[] | undefined, out: number[]): void {
    if (list === undefined) return;
    for (const id of list) {
      if (marks[id] !== stamp) {
        marks[id] = stamp;
        out.push(id);
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
    if (bigramFirst.size > 0) {
      const tokens = field.tokens;
      for (let i = 0; i + 1 < tokens.length; i++) {
        const token = tokens[i]!;
        if (token.kind === 'url' || token.kind === 'emoji' || token.kind === 'mention') continue;
        if (!bigramFirst.has(token.folded)) continue;
        collect(index.bigram.get(`${token.folded} ${tokens[i + 1]!.folded}`), out);
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

  function candidates(doc: MatchDoc, metaKeys: () => Set<string>): number[] {
    stamp = (stamp + 1) >>> 0;
    if (stamp === 0) {
      marks.fill(0);
      stamp = 1;
    }
    const out: number[] = [];
    collectField(doc.title, out, true);
    collectField(doc.text, out, true);
    if (pairs.size > 0) collectPairs(doc, out);
    if (index.author.size > 0) collectField(doc.author, out, false);
    if (index.meta.size > 0) for (const key of metaKeys()) collect(index.meta.get(key), out);
    for (const id of alwaysCheck) {
      if (marks[id] !== stamp) {
        marks[id] = stamp;
        out.push(id);
      }
    }
    return out;
  }

  return {
    set(topicId, query) {
      const node = 'ast' in query ? query.ast : query;
      remove(topicId);
      byTopic.set(
        topicId,
        disjunctsOf(node).map((part) => addDisjunct(topicId, part)),
      );
      topicOrder.set(topicId, topicSeq++);
    },
    remove,
    has: (topicId) => byTopic.has(topicId),
    match(input) {
      const doc = isMatchDoc(input) ? input : prepareDoc(input);
      let keys: Set<string> | undefined;
      const metaKeys = (): Set<string> => (keys ??= metaKeysOf(doc));
      const matched = new Set<string>();
      for (const id of candidates(doc, metaKeys)) {
        const disjunct = disjuncts[id]!;
        if (!disjunct.isAlive || matched.has(disjunct.topicId)) continue;
        if (
          !disjunct.required.every((group) => group.some((anchor) => hasKey(doc, anchor, metaKeys)))
        )
          continue;
        if (disjunct.predicate(doc)) matched.add(disjunct.topicId);
      }
      return [...matched].sort((a, b) => topicOrder.get(a)! - topicOrder.get(b)!);
    },
    stats() {
      let keys = 0;
      for (const map of Object.values(index)) keys += map.size;
      for (const inner of pairs.values()) keys += inner.size;
      return {
        topics: byTopic.size,
        disjuncts: disjuncts.filter((d) => d.isAlive).length,
        alwaysCheck: alwaysCheck.size,
        keys,
      };
    },
  };
}
