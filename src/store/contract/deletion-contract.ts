import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_WORKSPACE_ID } from '../../core/types.js';
import type { Store, StoredPost } from '../store.js';
import type { MakeStore } from './contract-kit.js';
import { ids, makePost, rejectsWithCode, storeRunner, T0 } from './contract-kit.js';

const term = (folded: string) => ({ op: 'term', folded }) as const;
const DAY = 24 * 60;

async function matchAll(store: Store, posts: readonly StoredPost[]): Promise<string> {
  const topic = await store.createTopic({
    workspaceId: DEFAULT_WORKSPACE_ID,
    name: 'Mọi thứ',
    query: 'mọi thứ',
  });
  await store.insertMatches(
    posts.map((p) => ({ postId: p.id, topicId: topic.id, publishedAt: p.publishedAt })),
  );
  return topic.id;
}

/** Deleting posts for retention and erasure: matches and index entries go with them. */
export function deletionContract(makeStore: MakeStore): void {
  const withStore = storeRunner(makeStore);

  describe('deleting posts', () => {
    it('deletes posts published before a time, with their matches and index entries', () =>
      withStore(async (store) => {
        const old = makePost({ text: 'mưa đá năm ngoái', minutesAgo: 400 * DAY });
        const recent = makePost({ text: 'mưa đá hôm nay', minutesAgo: 60 });
        await store.upsertPosts([old, recent]);
        const topicId = await matchAll(store, [old, recent]);
        const cutoff = new Date(T0 - 365 * DAY * 60_000).toISOString();
        assert.equal(await store.deletePosts({ publishedBefore: cutoff }), 1);
        assert.equal(await store.getPost(old.id), undefined);
        assert.deepEqual(ids((await store.searchPosts({ text: term('mua') })).posts), [recent.id]);
        assert.equal(await store.countPosts({ text: term('ngoai') }), 0);
        assert.deepEqual(await store.topicCounts(DEFAULT_WORKSPACE_ID), [{ topicId, count: 1 }]);
        assert.equal(await store.deletePosts({ publishedBefore: cutoff }), 0);
      }));

    it("erases one author's posts on one platform only", () =>
      withStore(async (store) => {
        const author = { id: 'u-42', name: 'Nguyễn Văn A' };
        const mine = [makePost({ author }), makePost({ author, text: 'số điện thoại của tôi' })];
        const sameIdElsewhere = makePost({ platform: 'tiktok', author });
        const other = makePost({ author: { id: 'u-43' } });
        await store.upsertPosts([...mine, sameIdElsewhere, other]);
        const topicId = await matchAll(store, [...mine, other]);
        const erased = await store.deletePosts({ platform: 'facebook', authorId: 'u-42' });
        assert.equal(erased, 2);
        assert.deepEqual(
          ids(await store.getPosts([...mine, sameIdElsewhere, other].map((p) => p.id))),
          [sameIdElsewhere.id, other.id],
        );
        assert.equal(await store.countPosts({ text: term('dien') }), 0);
        assert.equal(await store.countPosts({ text: term('nguyen') }), 1);
        assert.equal(await store.countPosts({ topicId }), 1);
      }));

    it('deletes at most limit posts per call; calling again finishes the job', () =>
      withStore(async (store) => {
        const posts = Array.from({ length: 7 }, () =>
          makePost({ platform: 'x', text: 'kẹt xe', minutesAgo: 100 }),
        );
        await store.upsertPosts([...posts, makePost({ platform: 'news' })]);
        const counts: number[] = [];
        for (let i = 0; i < 5; i++)
          counts.push(await store.deletePosts({ platform: 'x', limit: 3 }));
        assert.deepEqual(counts, [3, 3, 1, 0, 0]);
        assert.equal(await store.countPosts(), 1);
        assert.equal(await store.countPosts({ text: term('ket') }), 0);
      }));

    it('combines criteria: a platform before a time', () =>
      withStore(async (store) => {
        const oldX = makePost({ platform: 'x', minutesAgo: 90 });
        const newX = makePost({ platform: 'x', minutesAgo: 10 });
        const oldNews = makePost({ platform: 'news', minutesAgo: 90 });
        await store.upsertPosts([oldX, newX, oldNews]);
        const cutoff = new Date(T0 - 60 * 60_000).toISOString();
        assert.equal(await store.deletePosts({ platform: 'x', publishedBefore: cutoff }), 1);
        assert.deepEqual(ids((await store.searchPosts({})).posts), [newX.id, oldNews.id]);
      }));

    it('refuses a deletion without criteria, or an author without a platform', () =>
      withStore(async (store) => {
        await store.upsertPosts([makePost({ author: { id: 'u-1' } })]);
        await rejectsWithCode(store.deletePosts({}), 'store.invalid');
        await rejectsWithCode(store.deletePosts({ limit: 10 }), 'store.invalid');
        await rejectsWithCode(store.deletePosts({ authorId: 'u-1' }), 'store.invalid');
        await rejectsWithCode(store.deletePosts({ publishedBefore: 'soon' }), 'store.invalid');
        await rejectsWithCode(store.deletePosts({ platform: 'x', limit: 0 }), 'store.invalid');
        assert.equal(await store.countPosts(), 1);
      }));
  });
}
