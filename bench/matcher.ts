/**
 * Matcher throughput with 100 … 100,000 topics as a ratio to the read-once rate (`prepareDoc`
 * alone on the same posts, timed in alternating rounds in this process), on two topic sets: the
 * generated topic queries of src/demo, and a dense set built from the demo vocabulary where a
 * post matches about 30 topics at every size. The naive baseline (every compiled query on every
 * post) runs for the generated set up to 10,000 topics.
 */
import { performance } from 'node:perf_hooks';
import { generatePostStream, generateTopicQueries } from '../src/demo/index.js';
import { compileQuery, createTopicMatcher, parseQuery, prepareDoc } from '../src/query/index.js';
import type { DocPredicate, MatchDoc, ParsedQuery } from '../src/query/index.js';
import type { Post } from '../src/core/types.js';
import { createRng } from '../src/demo/rng.js';
import type { Rng } from '../src/demo/rng.js';
import { exclusion, issueGroup, nearOperator, placeGroup } from '../src/demo/query-parts.js';
import { QUERY_PLATFORMS } from '../src/demo/query-vocab.js';
import { formatRate, median, table } from './stats.js';

export interface MatcherBenchOptions {
  topicCounts: number[];
  posts: number;
  rounds: number;
  /** Posts the naive baseline runs over (it is slow with many topics). */
  naivePosts: number;
  /** Largest topic count the naive baseline runs at. */
  naiveMaxTopics: number;
}

export interface MatcherBenchRow {
  set: string;
  topics: number;
  buildMs: number;
  posts: number;
  readOncePerSecond: number;
  postsPerSecond: number;
  /** Median over rounds of matched rate ÷ read-once rate, both timed in the same round. */
  readOnceRatio: number;
  naivePostsPerSecond?: number;
  matchesPerPost: number;
  index: string;
}

export function takePosts(count: number): Post[] {
  const posts: Post[] = [];
  const endMs = Date.UTC(2026, 10, 23, 12);
  for (const post of generatePostStream({ seed: 42, count, endMs, spanMs: 7 * 24 * 3600_000 }))
    posts.push(post);
  return posts;
}

function timeRate(posts: readonly Post[], run: (post: Post) => number): [number, number] {
  let pairs = 0;
  const started = performance.now();
  for (const post of posts) pairs += run(post);
  return [(posts.length / (performance.now() - started)) * 1000, pairs];
}

/** Read-once and matching rounds alternate so both see the same machine load. */
function timeAgainstReadOnce(
  posts: readonly Post[],
  match: (post: Post) => number,
  rounds: number,
): { readOnce: number; rate: number; ratio: number; pairs: number } {
  const reads: number[] = [];
  const rates: number[] = [];
  const ratios: number[] = [];
  let pairs = 0;
  for (let round = 0; round < rounds; round++) {
    const [read] = timeRate(posts, (post) => (prepareDoc(post).isPrepared ? 0 : 1));
    const [rate, found] = timeRate(posts, match);
    reads.push(read);
    rates.push(rate);
    ratios.push(rate / read);
    pairs = found;
  }
  return { readOnce: median(reads), rate: median(rates), ratio: median(ratios), pairs };
}

function naiveRate(posts: readonly Post[], parsed: readonly ParsedQuery[], rounds: number): number {
  const predicates: DocPredicate[] = parsed.map((p) => compileQuery(p.ast));
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const [rate] = timeRate(posts, (post) => {
      const doc: MatchDoc = prepareDoc(post);
      let hits = 0;
      for (const predicate of predicates) if (predicate(doc)) hits++;
      return hits;
    });
    rates.push(rate);
  }
  return median(rates);
}

function benchSet(
  set: string,
  parsed: readonly ParsedQuery[],
  posts: readonly Post[],
  options: MatcherBenchOptions,
  log: (line: string) => void,
): MatcherBenchRow[] {
  const rows: MatcherBenchRow[] = [];
  for (const count of options.topicCounts) {
    const started = performance.now();
    const matcher = createTopicMatcher();
    for (let i = 0; i < count; i++) matcher.set(`t${i}`, parsed[i]!);
    const buildMs = performance.now() - started;
    // Fewer posts with 100,000 topics keep a row to about a minute on the old matcher.
    const sample = posts.slice(0, count >= 100_000 ? Math.ceil(posts.length / 10) : posts.length);
    const timed = timeAgainstReadOnce(
      sample,
      (post) => matcher.match(prepareDoc(post)).length,
      options.rounds,
    );
    let naive: number | undefined;
    if (set === 'generated' && count <= options.naiveMaxTopics) {
      const naivePosts = posts.slice(
        0,
        Math.max(50, Math.floor((options.naivePosts * 1_000) / Math.max(count, 1_000))),
      );
      naive = naiveRate(naivePosts, parsed.slice(0, count), Math.min(options.rounds, 3));
    }
    const stats = matcher.stats();
    const row: MatcherBenchRow = {
      set,
      topics: count,
      buildMs: Math.round(buildMs),
      posts: sample.length,
      readOncePerSecond: timed.readOnce,
      postsPerSecond: timed.rate,
      readOnceRatio: timed.ratio,
      naivePostsPerSecond: naive,
      matchesPerPost: timed.pairs / sample.length,
      index: `${stats.keys} keys, ${stats.alwaysCheck} always-check`,
    };
    rows.push(row);
    log(
      `  ${set} ${count} topics: ${formatRate(row.postsPerSecond)} posts/s, read-once ${formatRate(row.readOncePerSecond)}, ×${row.readOnceRatio.toFixed(3)} of read-once, ${row.matchesPerPost.toFixed(1)} matches/post`,
    );
  }
  return rows;
}

type Level = (rng: Rng) => string;

/** Topic shapes from broad to narrow; the dense set mixes two neighbours to reach its target. */
const LEVELS: readonly Level[] = [
  (r) => `${issueGroup(r)}${r.chance(0.3) ? exclusion(r) : ''}`,
  (r) => `${issueGroup(r)} AND ${placeGroup(r)}${r.chance(0.3) ? exclusion(r) : ''}`,
  (r) =>
    r.chance(0.5)
      ? `${issueGroup(r)} AND ${placeGroup(r)} AND platform:${r.pick(QUERY_PLATFORMS)}`
      : `${issueGroup(r, undefined, 2)} ${nearOperator(r)} ${placeGroup(r, 2)}`,
];

function levelQueries(level: Level, rng: Rng, count: number, seen: Set<string>): string[] {
  const out: string[] = [];
  for (let attempts = 0; out.length < count && attempts < count * 20; attempts++) {
    const query = level(rng);
    if (seen.has(query)) continue;
    seen.add(query);
    out.push(query);
  }
  return out;
}

/** Share of (topic, post) pairs that match, for topics of one level. */
function levelRate(queries: readonly string[], posts: readonly Post[]): number {
  const matcher = createTopicMatcher();
  queries.forEach((q, i) => matcher.set(`c${i}`, parseQuery(q)));
  let hits = 0;
  for (const post of posts) hits += matcher.match(prepareDoc(post)).length;
  return hits / (queries.length * posts.length);
}

/**
 * `count` distinct topic queries from the demo vocabulary (issue groups, place groups, NEAR,
 * platforms, exclusions) mixed from two neighbouring levels of `LEVELS` so that a post of
 * `calibration` matches about `target` of them, whatever `count` is.
 */
export function denseTopicQueries(options: {
  seed: number;
  count: number;
  calibration: readonly Post[];
  target?: number;
}): string[] {
  const target = options.target ?? 30;
  const rng = createRng(options.seed);
  const seen = new Set<string>();
  const rates = LEVELS.map((level) =>
    levelRate(levelQueries(level, rng, 1_000, seen), options.calibration),
  );
  const wanted = target / options.count;
  let low = rates.findIndex((rate) => rate < wanted);
  if (low <= 0) low = low === 0 ? 1 : LEVELS.length - 1;
  const [broad, narrow] = [rates[low - 1]!, rates[low]!];
  const broadShare = Math.min(1, Math.max(0, (wanted - narrow) / (broad - narrow)));
  const out: string[] = [];
  for (let misses = 0; out.length < options.count && misses < 10_000;) {
    const level = rng.next() < broadShare ? LEVELS[low - 1]! : LEVELS[low]!;
    const query = levelQueries(level, rng, 1, seen);
    if (query.length === 0) misses++;
    out.push(...query);
  }
  return out;
}

export function runMatcherBench(
  options: MatcherBenchOptions,
  log: (line: string) => void,
): MatcherBenchRow[] {
  const posts = takePosts(options.posts);
  const maxTopics = Math.max(...options.topicCounts);
  const generated = generateTopicQueries({ seed: 7, count: maxTopics }).map((q) => parseQuery(q));
  const rows = benchSet('generated', generated, posts, options, log);
  for (const count of options.topicCounts) {
    const dense = denseTopicQueries({ seed: 11, count, calibration: posts.slice(0, 1_000) });
    rows.push(
      ...benchSet(
        'dense',
        dense.map((q) => parseQuery(q)),
        posts,
        { ...options, topicCounts: [count] },
        log,
      ),
    );
  }
  return rows;
}

export function matcherTable(rows: readonly MatcherBenchRow[]): string {
  return table(
    [
      'topic set',
      'topics',
      'index build (ms)',
      'posts',
      'read-once posts/s',
      'matched posts/s',
      '÷ read-once',
      'naive posts/s',
      'matches/post',
      'index',
    ],
    rows.map((r) => [
      r.set,
      r.topics.toLocaleString('en-US'),
      r.buildMs,
      r.posts.toLocaleString('en-US'),
      formatRate(r.readOncePerSecond),
      formatRate(r.postsPerSecond),
      `×${r.readOnceRatio.toFixed(3)}`,
      r.naivePostsPerSecond === undefined ? '–' : formatRate(r.naivePostsPerSecond),
      r.matchesPerPost.toFixed(2),
      r.index,
    ]),
  );
}
