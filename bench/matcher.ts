/**
 * Matcher throughput with 100 … 100,000 topics against the naive baseline (every compiled query
 * evaluated on every post), on one core, in one run. Posts and topics come from the
 * deterministic generator in src/demo.
 */
import { performance } from 'node:perf_hooks';
import { generatePostStream, generateTopicQueries } from '../src/demo/index.js';
import { compileQuery, createTopicMatcher, parseQuery, prepareDoc } from '../src/query/index.js';
import type { DocPredicate, MatchDoc } from '../src/query/index.js';
import type { Post } from '../src/core/types.js';
import { formatRate, median, table } from './stats.js';

export interface MatcherBenchOptions {
  topicCounts: number[];
  posts: number;
  rounds: number;
  /** Posts the naive baseline runs over (it is slow with many topics). */
  naivePosts: number;
}

export interface MatcherBenchRow {
  topics: number;
  buildMs: number;
  postsPerSecond: number;
  naivePostsPerSecond: number;
  ratio: number;
  matchesPerPost: number;
  candidatesNote: string;
}

function takePosts(count: number): Post[] {
  const posts: Post[] = [];
  const endMs = Date.UTC(2026, 10, 23, 12);
  for (const post of generatePostStream({ seed: 42, count, endMs, spanMs: 7 * 24 * 3600_000 }))
    posts.push(post);
  return posts;
}

function timeMatcher(
  posts: readonly Post[],
  match: (post: Post) => number,
  rounds: number,
): { rate: number; pairs: number } {
  const rates: number[] = [];
  let pairs = 0;
  for (let round = 0; round < rounds; round++) {
    pairs = 0;
    const started = performance.now();
    for (const post of posts) pairs += match(post);
    rates.push((posts.length / (performance.now() - started)) * 1000);
  }
  return { rate: median(rates), pairs };
}

export function runMatcherBench(
  options: MatcherBenchOptions,
  log: (line: string) => void,
): MatcherBenchRow[] {
  const posts = takePosts(options.posts);
  const naivePosts = posts.slice(0, options.naivePosts);
  const rows: MatcherBenchRow[] = [];
  const maxTopics = Math.max(...options.topicCounts);
  const allQueries = generateTopicQueries({ seed: 7, count: maxTopics });
  const parsed = allQueries.map((q) => parseQuery(q));
  for (const count of options.topicCounts) {
    const started = performance.now();
    const matcher = createTopicMatcher();
    for (let i = 0; i < count; i++) matcher.set(`t${i}`, parsed[i]!);
    const buildMs = performance.now() - started;
    const indexed = timeMatcher(
      posts,
      (post) => matcher.match(prepareDoc(post)).length,
      options.rounds,
    );
    const predicates: DocPredicate[] = parsed.slice(0, count).map((p) => compileQuery(p.ast));
    // The naive baseline costs posts × topics: fewer posts as topics grow keep it to seconds.
    const naiveSample = naivePosts.slice(
      0,
      Math.max(50, Math.floor((naivePosts.length * 1_000) / Math.max(count, 1_000))),
    );
    const naive = timeMatcher(
      naiveSample,
      (post) => {
        const doc: MatchDoc = prepareDoc(post);
        let hits = 0;
        for (const predicate of predicates) if (predicate(doc)) hits++;
        return hits;
      },
      Math.min(options.rounds, 3),
    );
    const stats = matcher.stats();
    const row: MatcherBenchRow = {
      topics: count,
      buildMs: Math.round(buildMs),
      postsPerSecond: indexed.rate,
      naivePostsPerSecond: naive.rate,
      ratio: indexed.rate / naive.rate,
      matchesPerPost: indexed.pairs / posts.length,
      candidatesNote: `${stats.keys} keys, ${stats.alwaysCheck} always-check`,
    };
    rows.push(row);
    log(
      `  ${count} topics: ${formatRate(row.postsPerSecond)} posts/s indexed, ${formatRate(row.naivePostsPerSecond)} naive, ×${row.ratio.toFixed(1)}`,
    );
  }
  return rows;
}

export function matcherTable(rows: readonly MatcherBenchRow[]): string {
  return table(
    [
      'topics',
      'index build (ms)',
      'indexed posts/s (median)',
      'naive posts/s (median)',
      'indexed ÷ naive',
      'matches/post',
      'index',
    ],
    rows.map((r) => [
      r.topics.toLocaleString('en-US'),
      r.buildMs,
      formatRate(r.postsPerSecond),
      formatRate(r.naivePostsPerSecond),
      `×${r.ratio.toFixed(1)}`,
      r.matchesPerPost.toFixed(2),
      r.candidatesNote,
    ]),
  );
}
