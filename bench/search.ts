/**
 * Search latency over a large store: fills a SQLite file with generated posts (through the
 * store directly, in batches), then times `app.search` (FTS prefilter + matcher verification +
 * highlights, first page of 50) for a mix of queries; reports p50/p95 per kind, the median over
 * `rounds` rounds of `repeats` searches each, with the file size and the process's memory.
 *
 * With `file`, the filled store is kept there and reused by the next run when it already holds
 * `posts` posts (a 10,000,000-post fill takes most of an hour on a 2-core machine).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMemoryBus } from '../src/bus/index.js';
import { systemScope } from '../src/core/scope.js';
import { DEFAULT_WORKSPACE_ID } from '../src/core/types.js';
import { generatePostStream } from '../src/demo/index.js';
import { foldText } from '../src/nlp/fold.js';
import { createApp } from '../src/services/create-app.js';
import { createSqliteStore } from '../src/store/index.js';
import type { Store, StoredPost } from '../src/store/index.js';
import { median, percentile, table } from './stats.js';

const END = Date.UTC(2026, 10, 23, 12);
const QUERIES: Record<string, string[]> = {
  'rare term': [
    '"Nguyễn Hữu Cảnh"',
    'Nhiêu Lộc',
    '"sốt xuất huyết"',
    '"Tân Sơn Nhất"',
    '"giả danh công an"',
  ],
  'common term': ['ngập', 'xe', 'quận', 'người'],
  'boolean + phrase': [
    '(ngập OR "triều cường") AND (q7 OR "quận 7")',
    '"kẹt xe" AND NOT "tai nạn"',
    'lừa* AND "công an"',
  ],
  NEAR: ['"kẹt xe" NEAR/3 "Phạm Văn Đồng"', 'ngập NEAR/5 (q7 OR "quận 7")'],
  'last 24 h + term': ['ngập'],
};

export interface SearchBenchOptions {
  posts: number;
  /** Searches of each query per round. */
  repeats: number;
  rounds: number;
  /** Keep the filled store in this file and reuse it when it holds `posts` posts. */
  file?: string;
}

export interface SearchBenchRow {
  kind: string;
  /** Searches per round. */
  queries: number;
  p50: number;
  p95: number;
}

export interface SearchBenchResult {
  rows: SearchBenchRow[];
  /** Posts/s of the fill; absent when a kept file was reused. */
  fillRate?: number;
  fileBytes: number;
  rssBytes: number;
  maxRssBytes: number;
}

async function fill(store: Store, posts: number, log: (line: string) => void): Promise<number> {
  const started = performance.now();
  let batch: StoredPost[] = [];
  let done = 0;
  const step = posts >= 5_000_000 ? 1_000_000 : 100_000;
  for (const post of generatePostStream({
    seed: 11,
    count: posts,
    endMs: END,
    spanMs: 30 * 24 * 3600_000,
  })) {
    batch.push({ ...post, folded: foldText(`${post.title ?? ''}\n${post.text}`) });
    if (batch.length === 2_000) {
      await store.upsertPosts(batch);
      done += batch.length;
      batch = [];
      if (done % step === 0) {
        const rate = done / ((performance.now() - started) / 1000);
        log(`  filled ${done.toLocaleString('en-US')} posts (${Math.round(rate)} posts/s)`);
      }
    }
  }
  if (batch.length > 0) await store.upsertPosts(batch);
  return posts / ((performance.now() - started) / 1000);
}

function fileBytes(path: string): number {
  return ['', '-wal'].reduce((sum, end) => {
    const file = `${path}${end}`;
    return sum + (existsSync(file) ? statSync(file).size : 0);
  }, 0);
}

export async function runSearchBench(
  options: SearchBenchOptions,
  log: (line: string) => void,
): Promise<SearchBenchResult> {
  const dir = options.file === undefined ? mkdtempSync(join(tmpdir(), 'langnghe-search-')) : '';
  const path = options.file ?? join(dir, 'search.sqlite');
  const store = createSqliteStore({ path });
  const stored = await store.countPosts();
  let fillRate: number | undefined;
  if (stored === options.posts) {
    log(`  reusing ${path} (${stored.toLocaleString('en-US')} posts)`);
  } else {
    if (stored !== 0) throw new Error(`${path} holds ${stored} posts, not ${options.posts}`);
    fillRate = await fill(store, options.posts, log);
  }
  const app = await createApp({ store, bus: createMemoryBus(), clock: { now: () => END } });
  const times = new Map<string, { p50: number[]; p95: number[] }>();
  for (let round = 0; round < options.rounds; round++) {
    for (const [kind, queries] of Object.entries(QUERIES)) {
      const samples: number[] = [];
      for (let r = 0; r < options.repeats; r++) {
        for (const q of queries) {
          const t = performance.now();
          await app.search(systemScope(DEFAULT_WORKSPACE_ID), {
            q,
            limit: 50,
            from: kind.startsWith('last 24')
              ? new Date(END - 24 * 3600_000).toISOString()
              : undefined,
          });
          samples.push(performance.now() - t);
        }
      }
      const seen = times.get(kind) ?? { p50: [], p95: [] };
      seen.p50.push(percentile(samples, 50));
      seen.p95.push(percentile(samples, 95));
      times.set(kind, seen);
    }
  }
  const rows = [...times].map(([kind, t]) => ({
    kind,
    queries: QUERIES[kind]!.length * options.repeats,
    p50: median(t.p50),
    p95: median(t.p95),
  }));
  for (const row of rows) {
    log(`  ${row.kind}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms`);
  }
  const rssBytes = process.memoryUsage().rss;
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  await app.close();
  const bytes = fileBytes(path);
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
  return { rows, fillRate, fileBytes: bytes, rssBytes, maxRssBytes };
}

export function searchTable(rows: readonly SearchBenchRow[]): string {
  return table(
    ['query kind', 'searches per round', 'p50 (ms)', 'p95 (ms)'],
    rows.map((r) => [r.kind, r.queries, r.p50.toFixed(1), r.p95.toFixed(1)]),
  );
}
