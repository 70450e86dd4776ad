import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_WORKSPACE_ID } from '../../core/types.js';
import type { MakeStore } from './contract-kit.js';
import { ids, makePost, storeRunner } from './contract-kit.js';

const fb = makePost({ platform: 'facebook', text: 'ngập ở quận 7', minutesAgo: 10 });
const yt = makePost({
  platform: 'youtube',
  text: 'ngập ở quận 8',
  minutesAgo: 20,
  sourceId: 'yt-1',
});
const news = makePost({
  platform: 'news',
  text: 'kẹt xe quận 1',
  minutesAgo: 30,
  sourceId: 'rss-1',
});

/** Topic, platform, time, text and visibility filters, alone and together. */
export function filtersContract(makeStore: MakeStore): void {
  const withStore = storeRunner(makeStore);

  describe('filters', () => {
    it('filters by platform; an empty list does not filter', () =>
      withStore(async (store) => {
        await store.upsertPosts([fb, yt, news]);
        const only = await store.searchPosts({ platforms: ['youtube', 'news'] });
        assert.deepEqual(ids(only.posts), [yt.id, news.id]);
        assert.equal((await store.searchPosts({ platforms: [] })).posts.length, 3);
        assert.equal(await store.countPosts({ platforms: ['tiktok'] }), 0);
      }));

    it('filters on publishedAt with from inclusive and to exclusive', () =>
      withStore(async (store) => {
        await store.upsertPosts([fb, yt, news]);
        const window = { from: news.publishedAt, to: fb.publishedAt };
        assert.deepEqual(ids((await store.searchPosts(window)).posts), [yt.id, news.id]);
        assert.equal(await store.countPosts({ from: yt.publishedAt }), 2);
        assert.equal(await store.countPosts({ to: yt.publishedAt }), 1);
        const offset = { from: '2025-06-01T14:45:00+07:00' }; // 07:45Z: fb only
        assert.deepEqual(ids((await store.searchPosts(offset)).posts), [fb.id]);
      }));

    it('filters by topic, combined with text and platform', () =>
      withStore(async (store) => {
        await store.upsertPosts([fb, yt, news]);
        const topic = await store.createTopic({
          workspaceId: DEFAULT_WORKSPACE_ID,
          name: 'Ngập',
          query: 'ngập',
        });
        await store.insertMatches(
          [fb, yt].map((p) => ({ postId: p.id, topicId: topic.id, publishedAt: p.publishedAt })),
        );
        assert.deepEqual(ids((await store.searchPosts({ topicId: topic.id })).posts), [
          fb.id,
          yt.id,
        ]);
        const narrowed = {
          topicId: topic.id,
          platforms: ['youtube' as const],
          text: { op: 'term' as const, folded: 'quan' },
        };
        assert.deepEqual(ids((await store.searchPosts(narrowed)).posts), [yt.id]);
        assert.equal(await store.countPosts({ topicId: topic.id }), 2);
        assert.equal(await store.countPosts({ topicId: 'no-such-topic' }), 0);
      }));

    it('shows a workspace the shared corpus and its own private posts only', () =>
      withStore(async (store) => {
        const q1 = makePost({ text: 'tin nhắn gửi quận 1', minutesAgo: 5, privateTo: 'ubnd-q1' });
        const q3 = makePost({ text: 'tin nhắn gửi quận 3', minutesAgo: 6, privateTo: 'ubnd-q3' });
        await store.upsertPosts([fb, yt, news, q1, q3]);
        const q1Sees = await store.searchPosts({ visibleTo: 'ubnd-q1' });
        assert.deepEqual(ids(q1Sees.posts), [q1.id, fb.id, yt.id, news.id]);
        assert.equal(await store.countPosts({ visibleTo: 'ubnd-q3' }), 4);
        assert.equal(await store.countPosts({ visibleTo: 'nobody' }), 3);
        assert.equal(await store.countPosts(), 5);
        const text = { op: 'term' as const, folded: 'nhan' };
        assert.deepEqual(ids((await store.searchPosts({ visibleTo: 'ubnd-q3', text })).posts), [
          q3.id,
        ]);
        assert.equal(await store.countPosts({ visibleTo: 'nobody', text }), 0);
      }));
  });
}
