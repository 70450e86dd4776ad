/**
 * Full pipeline throughput: validate/normalize → dedupe → (enrich) → match against 1,000 topics →
 * SQLite with FTS5, through the memory bus, in one process. Posts are the deterministic
 * generator's; each run writes a fresh database file.
 */
import { systemScope } from '../src/core/scope.js';
import { DEFAULT_WORKSPACE_ID } from '../src/core/types.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMemoryBus } from '../src/bus/index.js';
import { generatePostStream, generateTopicQueries } from '../src/demo/index.js';
import { defaultEnricher } from '../src/pipeline/default-enricher.js';
import type { App } from '../src/services/app.js';
import { createApp } from '../src/services/create-app.js';
import { createSqliteStore } from '../src/store/index.js';
import type { Post } from '../src/core/types.js';
import { formatRate, median, table } from './stats.js';

export interface PipelineBenchRow {
  variant: string;
  /** Worker threads for enrichment and matching (0: all in the main thread). */
  workers: number;
  posts: number;
  topics: number;
  postsPerSecond: number;
  matchesPerPost: number;
}

const END = Date.UTC(2026, 10, 23, 12);
/** CPU time of the whole process (every thread) per post in the last run, µs. */
let cpuPerPost = 0;

function posts(count: number, seed: number): Post[] {
  return [...generatePostStream({ seed, count, endMs: END, spanMs: 7 * 24 * 3600_000 })];
}

/**
 * The app as the pipeline benchmarks run it: a SQLite file, the memory bus, batches of 1,000,
 * the default enricher or none, `workers` analysis threads, and the topics created through it
 * (their back-fill over the empty store is instant).
 */
export async function openBenchApp(
  path: string,
  queries: readonly string[],
  options: { isEnriched: boolean; workers: number },
): Promise<App> {
  const app = await createApp({
    store: createSqliteStore({ path }),
    bus: createMemoryBus({ capacity: 20_000 }),
    clock: { now: () => END },
    enrich: options.isEnriched ? defaultEnricher : undefined,
    batchSize: 1_000,
    maxTopicsPerWorkspace: 100_000,
    analysisWorkers: options.workers,
  });
  const scope = systemScope(DEFAULT_WORKSPACE_ID);
  for (const [i, query] of queries.entries())
    await app.createTopic(scope, { id: `t${i}`, name: `t${i}`, query });
  return app;
}

async function runOnce(
  items: Post[],
  queries: string[],
  isEnriched: boolean,
  workers: number,
): Promise<{ rate: number; matches: number; rssPeak: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'langnghe-bench-'));
  const app = await openBenchApp(join(dir, 'bench.sqlite'), queries, { isEnriched, workers });
  const scope = systemScope(DEFAULT_WORKSPACE_ID);
  let matches = 0;
  let rssPeak = 0;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 100);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const pending: Promise<{ matched: number }>[] = [];
  for (let i = 0; i < items.length; i += 1_000) {
    pending.push(app.ingest(scope, items.slice(i, i + 1_000)));
    if (pending.length >= 4) matches += (await pending.shift()!).matched;
  }
  for (const p of pending) matches += (await p).matched;
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  cpuPerPost = (cpu.user + cpu.system) / items.length;
  clearInterval(sampler);
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  return { rate: items.length / seconds, matches, rssPeak };
}

/**
 * Each variant (with and without enrichment) in the main thread only and with 1 and 2 worker
 * threads, the rounds interleaved so that a noisy moment hits every variant alike.
 */
export async function runPipelineBench(
  options: {
    posts: number;
    topics: number;
    rounds: number;
    workers?: readonly number[];
    /** Only the variant with enrichment. */
    enrichedOnly?: boolean;
  },
  log: (line: string) => void,
): Promise<PipelineBenchRow[]> {
  const items = posts(options.posts, 5);
  const queries = generateTopicQueries({ seed: 7, count: options.topics });
  const variants = (options.enrichedOnly === true ? [true] : [false, true]).flatMap((isEnriched) =>
    (options.workers ?? [0, 1, 2]).map((workers) => ({ isEnriched, workers })),
  );
  const rates = variants.map(() => [] as number[]);
  const matches = variants.map(() => 0);
  const rss = variants.map(() => 0);
  const cpu = variants.map(() => [] as number[]);
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, { isEnriched, workers }] of variants.entries()) {
      const result = await runOnce(items, queries, isEnriched, workers);
      rates[i]!.push(result.rate);
      matches[i] = result.matches;
      rss[i] = Math.max(rss[i]!, result.rssPeak);
      cpu[i]!.push(cpuPerPost);
    }
  }
  return variants.map(({ isEnriched, workers }, i) => {
    const row: PipelineBenchRow = {
      variant: isEnriched ? 'with enrichment' : 'normalize → match → store',
      workers,
      posts: options.posts,
      topics: options.topics,
      postsPerSecond: median(rates[i]!),
      matchesPerPost: matches[i]! / options.posts,
    };
    log(
      `  ${row.variant}, ${workers} worker(s): ${formatRate(row.postsPerSecond)} posts/s (runs: ${rates[i]!.map(formatRate).join(', ')}; RSS peak ${Math.round(rss[i]! / 2 ** 20)} MiB; CPU ${Math.round(median(cpu[i]!))} µs/post, all threads)`,
    );
    return row;
  });
}

export function pipelineTable(rows: readonly PipelineBenchRow[]): string {
  return table(
    ['pipeline', 'workers', 'posts', 'topics', 'posts/s (median)', 'matches/post'],
    rows.map((r) => [
      r.variant,
      String(r.workers),
      r.posts.toLocaleString('en-US'),
      r.topics.toLocaleString('en-US'),
      formatRate(r.postsPerSecond),
      r.matchesPerPost.toFixed(2),
    ]),
  );
}
