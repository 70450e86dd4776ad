import { writeFileSync } from 'node:fs';
import { systemScope } from '../core/scope.js';
import { DEFAULT_WORKSPACE_ID } from '../core/types.js';
import type { Store } from '../store/index.js';
import { generatePosts } from '../demo/index.js';
import type { App } from '../services/app.js';
import type { Progress } from './progress.js';

/** The topics a new install starts with (the city issues a listening desk watches first). */
export const DEFAULT_TOPICS: readonly { name: string; query: string }[] = [
  {
    name: 'Ngập nước, triều cường',
    query: '(ngập OR "triều cường" OR "ngập nước" OR "mưa lớn" OR #ngapnuoc) NOT "quảng cáo"',
  },
  { name: 'Kẹt xe, tai nạn', query: '"kẹt xe" OR "ùn tắc" OR "tai nạn" OR "va chạm" OR #ketxe' },
  {
    name: 'Rác thải, ô nhiễm',
    query: '"rác thải" OR "ô nhiễm" OR "mùi hôi" OR "khói bụi" OR "xả rác"',
  },
  {
    name: 'An ninh trật tự',
    query: '"cướp giật" OR "trộm" OR "đánh nhau" OR "an ninh trật tự" OR "trộm cắp"',
  },
  {
    name: 'Lấn chiếm vỉa hè, xây dựng không phép',
    query: '"lấn chiếm" OR "vỉa hè" OR "xây dựng không phép" OR "sai phép" OR "trật tự đô thị"',
  },
  { name: 'Lừa đảo', query: 'lừa* OR "chiếm đoạt" OR "giả danh" OR "app vay"' },
];

const SEEDED_MARK = 'demo:seeded';
const DAY_MS = 24 * 3600_000;
export const DEMO_POSTS = 4_000;

/**
 * On a new install: the default topics, a week of generated sample posts (fixed seed), and the
 * replay file the live demo feeds from. Does nothing once done (a mark in the store says so).
 */
export async function seedDemo(
  { app, store }: { app: App; store: Store },
  options: { now: number; replayFile: string; progress: Progress },
): Promise<boolean> {
  if ((await store.getCursor(SEEDED_MARK)) !== undefined) return false;
  const scope = systemScope(DEFAULT_WORKSPACE_ID);
  if ((await app.listTopics(scope)).length === 0) {
    for (const topic of DEFAULT_TOPICS) await app.createTopic(scope, topic);
  }
  const posts = generatePosts({
    seed: 2026,
    count: DEMO_POSTS,
    endMs: options.now,
    spanMs: 7 * DAY_MS,
  });
  for (let i = 0; i < posts.length; i += 500) {
    await app.ingest(scope, posts.slice(i, i + 500));
    options.progress.update(Math.min(i + 500, posts.length), Math.min(i + 500, posts.length));
  }
  const live = generatePosts({ seed: 2027, count: 2_000, endMs: options.now, spanMs: DAY_MS });
  writeFileSync(
    options.replayFile,
    `${live.map((p) => JSON.stringify({ ...p, id: p.id.replace(/^[^:]+:/, 'live-') })).join('\n')}\n`,
  );
  options.progress.finish(
    `demo: ${posts.length} sample posts and ${DEFAULT_TOPICS.length} topics loaded (generated sample data, not real posts)`,
  );
  await store.saveCursor(SEEDED_MARK, new Date(options.now).toISOString());
  return true;
}
