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

/** Topic, platform, time and workspace filters, alone and together. */
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

    it("filters by workspace through the post's source; unregistered sources are the default's", () =>
      withStore(async (store) => {
        await store.createWorkspace({ id: 'ubnd-q1', name: 'UBND Quận 1' });
        await store.upsertSource({
          id: 'rss-1',
          workspaceId: 'ubnd-q1',
          kind: 'rss',
          name: 'Tin quận 1',
          config: {},
          enabled: true,
        });
        await store.upsertSource({
          id: 'yt-1',
          workspaceId: DEFAULT_WORKSPACE_ID,
          kind: 'youtube',
          name: 'YT',
          config: {},
          enabled: true,
        });
        await store.upsertPosts([fb, yt, news]);
        assert.deepEqual(ids((await store.searchPosts({ workspaceId: 'ubnd-q1' })).posts), [
          news.id,
        ]);
        assert.deepEqual(
          ids((await store.searchPosts({ workspaceId: DEFAULT_WORKSPACE_ID })).posts),
          [fb.id, yt.id],
        );
        assert.equal(await store.countPosts({ workspaceId: 'nobody' }), 0);
      }));
  });
}
