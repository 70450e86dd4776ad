import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StoredPost } from '../store.js';
import type { MakeStore } from './contract-kit.js';
import { ids, makePost, rejectsWithCode, storeRunner } from './contract-kit.js';

const term = (folded: string) => ({ op: 'term', folded }) as const;

/** Storing and reading posts: round trip, idempotent re-ingest, validation. */
export function postsContract(makeStore: MakeStore): void {
  const withStore = storeRunner(makeStore);

  describe('posts', () => {
    it('reads back every field of a full post and adds nothing to a minimal one', () =>
      withStore(async (store) => {
        const full: StoredPost = makePost({
          platform: 'youtube',
          kind: 'comment',
          url: 'https://youtube.com/watch?v=abc&lc=1',
          title: 'Triều cường',
          text: 'Nước ngập tới đầu gối ở Thủ Đức 😱',
          lang: 'vi',
          author: { id: 'UC1', name: 'Trần Thị Bích', followers: 1200, isPress: false },
          parentId: 'youtube:abc',
          engagement: { likes: 3, comments: 0, shares: 1, views: 99 },
          labels: { area: ['thu-duc', 'thu duc'], category: ['flooding'], sentiment: ['negative'] },
          enrichment: { simhash: 'ff00aa', toxicity: 0.1, pii: [], nested: { a: [1, 'hai'] } },
          truncated: true,
          duplicateOf: 'youtube:first',
          privateTo: 'ubnd-q1',
        });
        const minimal = makePost();
        const result = await store.upsertPosts([full, minimal]);
        assert.deepEqual(result, { inserted: [full.id, minimal.id], updated: [] });
        assert.deepEqual(await store.getPost(full.id), full);
        assert.deepEqual(await store.getPost(minimal.id), minimal);
        assert.equal(await store.getPost('facebook:missing'), undefined);
      }));

    it('normalizes timestamps to UTC toISOString form', () =>
      withStore(async (store) => {
        const post = makePost({ publishedAt: '2025-06-01T15:30:00+07:00' });
        await store.upsertPosts([{ ...post, collectedAt: '2025-06-01T09:00:00Z' }]);
        const stored = await store.getPost(post.id);
        assert.equal(stored?.publishedAt, '2025-06-01T08:30:00.000Z');
        assert.equal(stored?.collectedAt, '2025-06-01T09:00:00.000Z');
      }));

    it('re-ingest refreshes only engagement and collectedAt and indexes the text once', () =>
      withStore(async (store) => {
        const first = makePost({ text: 'Ngập nặng ở Quận 7', engagement: { likes: 1, views: 10 } });
        await store.upsertPosts([first]);
        const again: StoredPost = {
          ...first,
          text: 'Sửa lại: kẹt xe',
          title: 'new title',
          platform: 'x',
          labels: { category: ['traffic'] },
          collectedAt: '2025-06-01T09:00:00.000Z',
          engagement: { likes: 7, views: 50 },
        };
        assert.deepEqual(await store.upsertPosts([again]), { inserted: [], updated: [first.id] });
        assert.deepEqual(await store.getPost(first.id), {
          ...first,
          collectedAt: again.collectedAt,
          engagement: { likes: 7, views: 50 },
        });
        assert.equal(await store.countPosts(), 1);
        const found = await store.searchPosts({ text: term('ngap') });
        assert.deepEqual(ids(found.posts), [first.id]);
        assert.equal((await store.searchPosts({ text: term('ket') })).posts.length, 0);
      }));

    it('keeps the privacy a post was first stored with', () =>
      withStore(async (store) => {
        const inbox = makePost({ privateTo: 'ubnd-q1' });
        const shared = makePost();
        await store.upsertPosts([inbox, shared]);
        const later = '2025-06-01T09:00:00.000Z';
        await store.upsertPosts([
          { ...inbox, privateTo: undefined, collectedAt: later },
          { ...shared, privateTo: 'ubnd-q3', collectedAt: later },
        ]);
        assert.equal((await store.getPost(inbox.id))?.privateTo, 'ubnd-q1');
        const stillShared = await store.getPost(shared.id);
        assert.equal(stillShared?.collectedAt, later);
        assert.equal(stillShared !== undefined && 'privateTo' in stillShared, false);
      }));

    it('keeps counts a re-ingest leaves out and ignores an older observation', () =>
      withStore(async (store) => {
        const post = makePost({ engagement: { likes: 5, shares: 2 } });
        await store.upsertPosts([post]);
        await store.upsertPosts([
          { ...post, collectedAt: '2025-06-01T10:00:00.000Z', engagement: { likes: 9 } },
        ]);
        await store.upsertPosts([
          { ...post, collectedAt: '2025-06-01T09:00:00.000Z', engagement: { likes: 6 } },
        ]);
        const stored = await store.getPost(post.id);
        assert.deepEqual(stored?.engagement, { likes: 9, shares: 2 });
        assert.equal(stored?.collectedAt, '2025-06-01T10:00:00.000Z');
      }));

    it('stores an id repeated within one batch once', () =>
      withStore(async (store) => {
        const post = makePost({ engagement: { likes: 1 } });
        const later = {
          ...post,
          collectedAt: '2025-06-02T00:00:00.000Z',
          engagement: { likes: 2 },
        };
        const result = await store.upsertPosts([post, later, post]);
        assert.deepEqual(result, { inserted: [post.id], updated: [] });
        assert.equal(await store.countPosts(), 1);
        assert.deepEqual((await store.getPost(post.id))?.engagement, { likes: 2 });
      }));

    it('rejects a batch holding an invalid post and stores none of it', () =>
      withStore(async (store) => {
        const good = makePost();
        const cases: unknown[] = [
          { ...makePost(), publishedAt: 'yesterday' },
          { ...makePost(), platform: 'myspace' },
          { ...makePost(), id: '' },
          { ...makePost(), text: undefined },
          { ...makePost(), engagement: { likes: Number.NaN } },
          { ...makePost(), privateTo: '' },
          null,
        ];
        for (const bad of cases) {
          await rejectsWithCode(store.upsertPosts([good, bad as StoredPost]), 'store.invalid');
        }
        assert.equal(await store.countPosts(), 0);
        assert.deepEqual(await store.upsertPosts([]), { inserted: [], updated: [] });
      }));

    it('gets several posts in the order asked, skipping unknown ids and repeats', () =>
      withStore(async (store) => {
        const [a, b, c] = [makePost(), makePost(), makePost()];
        await store.upsertPosts([a, b, c]);
        const got = await store.getPosts([c.id, 'x:none', a.id, c.id]);
        assert.deepEqual(ids(got), [c.id, a.id]);
        assert.deepEqual(await store.getPosts([]), []);
      }));

    it('keeps hostile text intact', () =>
      withStore(async (store) => {
        const text = `'); DROP TABLE posts; -- "NEAR(a b)" * ^ : \u0000 ${'ạ'.repeat(5000)}`;
        const post = makePost({ text, title: 'Robert"); --', author: { id: "o'neil" } });
        await store.upsertPosts([post]);
        assert.deepEqual(await store.getPost(post.id), post);
        assert.equal(await store.countPosts(), 1);
      }));
  });
}
