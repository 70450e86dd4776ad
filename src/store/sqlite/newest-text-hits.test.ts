import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredPost } from '../store.js';
import { createSqliteStore } from './sqlite-store.js';

const T0 = Date.parse('2025-06-01T08:00:00.000Z');

const post = (i: number, platform: 'x' | 'news'): StoredPost => ({
  id: `${platform}:${String(i).padStart(6, '0')}`,
  platform,
  kind: platform === 'news' ? 'article' : 'post',
  text: `Đường ngập số ${i}`,
  publishedAt: new Date(T0 - i * 1_000).toISOString(),
  collectedAt: new Date(T0).toISOString(),
  sourceId: 'rss',
});

test('a filter that rejects almost every hit still pages right past the scan budget', async () => {
  const store = createSqliteStore({ path: ':memory:' });
  const posts = Array.from({ length: 30_000 }, (_, i) => post(i, 'x'));
  const rare = [5, 12_000, 25_000, 29_999].map((i) => post(i, 'news'));
  await store.upsertPosts([...posts, ...rare]);
  const text = { op: 'term' as const, folded: 'ngap' };
  const first = await store.searchPosts({ text, platforms: ['news'], limit: 2 });
  assert.deepEqual(
    first.posts.map((p) => p.id),
    ['news:000005', 'news:012000'],
  );
  const second = await store.searchPosts({
    text,
    platforms: ['news'],
    limit: 2,
    cursor: first.nextCursor,
  });
  assert.deepEqual(
    second.posts.map((p) => p.id),
    ['news:025000', 'news:029999'],
  );
  assert.equal(second.nextCursor, undefined);
  await store.close();
});

test('a batch of posts older than the stored ones is indexed and found in time order', async () => {
  const store = createSqliteStore({ path: ':memory:' });
  await store.upsertPosts(Array.from({ length: 100 }, (_, i) => post(i, 'x')));
  await store.upsertPosts(Array.from({ length: 100 }, (_, i) => post(1_000 - i * 7, 'news')));
  const text = { op: 'term' as const, folded: 'ngap' };
  const page = await store.searchPosts({ text, limit: 500 });
  const times = page.posts.map((p) => p.publishedAt);
  assert.equal(page.posts.length, 200);
  assert.deepEqual(times, [...times].sort().reverse());
  await store.close();
});
