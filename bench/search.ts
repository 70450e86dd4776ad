/**
 * Search latency over a large store: fills a SQLite file with generated posts (through the
 * store directly, in batches), then times `app.search` (FTS prefilter + matcher verification +
 * highlights, first page of 50) for a mix of queries; reports p50/p95 per kind.
 */
import { systemScope } from '../src/core/scope.js';
import { DEFAULT_WORKSPACE_ID } from '../src/core/types.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMemoryBus } from '../src/bus/index.js';
import { generatePostStream } from '../src/demo/index.js';
import { foldText } from '../src/nlp/fold.js';
import { createApp } from '../src/services/create-app.js';
import { createSqliteStore } from '../src/store/index.js';
import type { StoredPost } from '../src/store/index.js';
import { percentile, table } from './stats.js';

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

export interface SearchBenchRow {
  kind: string;
  queries: number;
  p50: number;
  p95: number;
}

export async function runSearchBench(
  options: { posts: number; repeats: number },
  log: (line: string) => void,
): Promise<{ rows: SearchBenchRow[]; fillRate: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'langnghe-search-'));
  const store = createSqliteStore({ path: join(dir, 'search.sqlite') });
  const started = performance.now();
  let batch: StoredPost[] = [];
  let done = 0;
  for (const post of generatePostStream({
    seed: 11,
    count: options.posts,
    endMs: END,
    spanMs: 30 * 24 * 3600_000,
  })) {
    batch.push({ ...post, folded: foldText(`${post.title ?? ''}\n${post.text}`) });
    if (batch.length === 2_000) {
      await store.upsertPosts(batch);
      done += batch.length;
      batch = [];
      if (done % 100_000 === 0) log(`  filled ${done.toLocaleString('en-US')} posts`);
    }
  }
  if (batch.length > 0) await store.upsertPosts(batch);
  const fillRate = options.posts / ((performance.now() - started) / 1000);
  const app = await createApp({ store, bus: createMemoryBus(), clock: { now: () => END } });
  const rows: SearchBenchRow[] = [];
  for (const [kind, queries] of Object.entries(QUERIES)) {
    const times: number[] = [];
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
        times.push(performance.now() - t);
      }
    }
    const row = {
      kind,
      queries: times.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
    };
    rows.push(row);
    log(`  ${kind}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms`);
  }
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  return { rows, fillRate };
}

export function searchTable(rows: readonly SearchBenchRow[]): string {
  return table(
    ['query kind', 'searches', 'p50 (ms)', 'p95 (ms)'],
    rows.map((r) => [r.kind, r.queries, r.p50.toFixed(1), r.p95.toFixed(1)]),
  );
}
