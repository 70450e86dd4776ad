/**
 * A long ingest through the whole pipeline (normalize → workers: enrich? + match 1,000 topics →
 * SQLite + FTS5), posts generated on the fly, with the process's resident memory sampled each
 * second: the figure the issue asks for over 10,000,000 posts (`--ingest-posts=10000000`).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemScope } from '../src/core/scope.js';
import type { Post } from '../src/core/types.js';
import { DEFAULT_WORKSPACE_ID } from '../src/core/types.js';
import { generatePostStream, generateTopicQueries } from '../src/demo/index.js';
import { openBenchApp } from './pipeline.js';
import { formatRate } from './stats.js';

export interface IngestMemoryResult {
  posts: number;
  workers: number;
  isEnriched: boolean;
  postsPerSecond: number;
  rssPeakMiB: number;
  fileGiB: number;
}

const END = Date.UTC(2026, 10, 23, 12);
/** Posts per `app.ingest` call (the bench app's batch size). */
const CHUNK = 1_000;

export async function runIngestMemoryBench(
  options: { posts: number; workers: number; isEnriched: boolean; file?: string },
  log: (line: string) => void,
): Promise<IngestMemoryResult> {
  const dir = mkdtempSync(join(tmpdir(), 'langnghe-ingest-'));
  const path = options.file ?? join(dir, 'ingest.sqlite');
  const queries = generateTopicQueries({ seed: 7, count: 1_000 });
  const app = await openBenchApp(path, queries, options);
  const scope = systemScope(DEFAULT_WORKSPACE_ID);
  let rssPeak = 0;
  const sample = (): void => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  };
  const sampler = setInterval(sample, 1_000);
  const started = performance.now();
  let done = 0;
  let lastLog = started;
  const pending: Promise<unknown>[] = [];
  let chunk: Post[] = [];
  // A year of posts, so the time-keyed index and the partitions see a realistic spread.
  for (const post of generatePostStream({
    seed: 21,
    count: options.posts,
    endMs: END,
    spanMs: 365 * 24 * 3600_000,
  })) {
    chunk.push(post);
    if (chunk.length < CHUNK) continue;
    pending.push(app.ingest(scope, chunk));
    chunk = [];
    if (pending.length >= 4) await pending.shift();
    done += CHUNK;
    const now = performance.now();
    if (now - lastLog > 30_000) {
      sample();
      lastLog = now;
      log(
        `    ${done.toLocaleString('en-US')} posts, ${formatRate(done / ((now - started) / 1000))} posts/s, RSS ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MiB (peak ${Math.round(rssPeak / 2 ** 20)})`,
      );
    }
  }
  if (chunk.length > 0) pending.push(app.ingest(scope, chunk));
  await Promise.all(pending);
  sample();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await app.close();
  const fileGiB = statSync(path).size / 2 ** 30;
  if (options.file === undefined) rmSync(dir, { recursive: true, force: true });
  const result: IngestMemoryResult = {
    posts: options.posts,
    workers: options.workers,
    isEnriched: options.isEnriched,
    postsPerSecond: options.posts / seconds,
    rssPeakMiB: Math.round(rssPeak / 2 ** 20),
    fileGiB,
  };
  log(
    `  ${options.posts.toLocaleString('en-US')} posts${options.isEnriched ? ' with enrichment' : ''}, ${options.workers} worker(s): ${formatRate(result.postsPerSecond)} posts/s, RSS peak ${result.rssPeakMiB} MiB, file ${fileGiB.toFixed(2)} GiB`,
  );
  return result;
}
