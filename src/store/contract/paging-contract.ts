import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PostPage, PostScan, PostSearch, Store, StoredPost } from '../store.js';
import type { MakeStore } from './contract-kit.js';
import { ids, makePost, rejectsWithCode, storeRunner } from './contract-kit.js';

/** 23 posts; several share a timestamp, so the id must break ties. */
function timeline(): StoredPost[] {
  return Array.from({ length: 23 }, (_, i) =>
    makePost({
      id: `x:${String(i).padStart(2, '0')}`,
      platform: 'x',
      minutesAgo: Math.floor(i / 4),
    }),
  );
}

const newestFirst = (posts: StoredPost[]): string[] =>
  [...posts]
    .sort((a, b) =>
      a.publishedAt === b.publishedAt
        ? a.id < b.id
          ? 1
          : -1
        : a.publishedAt < b.publishedAt
          ? 1
          : -1,
    )
    .map((p) => p.id);

async function collect(
  next: (cursor: string | undefined) => Promise<PostPage>,
  between?: (page: number) => Promise<void>,
): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await next(cursor);
    seen.push(...ids(result.posts));
    await between?.(page);
    if (result.nextCursor === undefined) return seen;
    cursor = result.nextCursor;
  }
  throw new Error('paging did not end');
}

/** Keyset paging for search and back-fill scans. */
export function pagingContract(makeStore: MakeStore): void {
  const withStore = storeRunner(makeStore);
  const search = (store: Store, params: PostSearch) => (cursor: string | undefined) =>
    store.searchPosts({ ...params, cursor });
  const scan = (store: Store, params: PostScan) => (cursor: string | undefined) =>
    store.scanPosts({ ...params, cursor });

  describe('paging', () => {
    it('pages newest first with no repeat and no gap, equal timestamps included', () =>
      withStore(async (store) => {
        const posts = timeline();
        await store.upsertPosts(posts);
        for (const limit of [1, 4, 5, 22, 23, 50]) {
          assert.deepEqual(
            await collect(search(store, { limit })),
            newestFirst(posts),
            `limit ${limit}`,
          );
        }
        const last = await store.searchPosts({ limit: 23 });
        assert.equal(last.nextCursor, undefined);
      }));

    it('stays stable when posts arrive between pages', () =>
      withStore(async (store) => {
        const posts = timeline();
        await store.upsertPosts(posts);
        const seen = await collect(search(store, { limit: 5 }), async (page) => {
          await store.upsertPosts([makePost({ id: `x:new${page}`, minutesAgo: -10 })]);
        });
        assert.deepEqual(seen, newestFirst(posts));
      }));

    it('scans a time range oldest first in pages', () =>
      withStore(async (store) => {
        const posts = timeline();
        await store.upsertPosts(posts);
        const all = await collect(scan(store, { limit: 3 }));
        assert.deepEqual(all, newestFirst(posts).reverse());
        const from = new Date(Date.parse(posts[0]!.publishedAt) - 3 * 60_000).toISOString();
        const to = posts[0]!.publishedAt;
        const ranged = await collect(scan(store, { from, to, limit: 2 }));
        const expected = posts.filter((p) => p.publishedAt >= from && p.publishedAt < to);
        assert.deepEqual(ranged, newestFirst(expected).reverse());
        assert.equal(ranged.length, 12);
      }));

    it('breaks ties by id in one order with and without a text filter, any characters', () =>
      withStore(async (store) => {
        // UTF-16 order and code point order disagree between U+FF5E and U+1F525.
        const names = ['a', 'b', '\uff5e', '\u{1f525}', 'z\u00e9', 'ze\u0301', 'A', '~'];
        const posts = names.map((name, i) =>
          makePost({ id: `x:${name}`, text: 'ngập', minutesAgo: i % 2 }),
        );
        await store.upsertPosts([...posts].reverse());
        const text = { op: 'term' as const, folded: 'ngap' };
        for (const limit of [1, 2, 3, 8]) {
          const plain = await collect(search(store, { limit }));
          assert.deepEqual(await collect(search(store, { text, limit })), plain, `limit ${limit}`);
          assert.equal(plain.length, names.length);
        }
      }));

    it('clamps large limits, defaults to 50, and rejects bad limits and cursors', () =>
      withStore(async (store) => {
        await store.upsertPosts(Array.from({ length: 520 }, () => makePost()));
        assert.equal((await store.searchPosts({})).posts.length, 50);
        assert.equal((await store.searchPosts({ limit: 10_000 })).posts.length, 500);
        assert.equal((await store.scanPosts({})).posts.length, 500);
        for (const limit of [0, -1, 1.5, Number.NaN]) {
          await rejectsWithCode(store.searchPosts({ limit }), 'store.invalid');
        }
        for (const cursor of [
          'not a cursor',
          'W10',
          '',
          Buffer.from('[1,2]').toString('base64url'),
        ]) {
          await rejectsWithCode(store.searchPosts({ cursor }), 'store.invalid');
          await rejectsWithCode(store.scanPosts({ cursor }), 'store.invalid');
        }
        const text = { op: 'term' as const, folded: 'bai' };
        const forged = Buffer.from('["yesterday","x:1"]').toString('base64url');
        await rejectsWithCode(store.searchPosts({ text, cursor: forged }), 'store.invalid');
        await rejectsWithCode(store.searchPosts({ from: 'last week' }), 'store.invalid');
      }));
  });
}
