import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_WORKSPACE_ID } from '../../core/types.js';
import type { Store, StoredPost } from '../store.js';
import type { MakeStore } from './contract-kit.js';
import { makePost, rejectsWithCode, storeRunner } from './contract-kit.js';

const at = (iso: string, text = 'tin') => makePost({ publishedAt: iso, text });
const POSTS = [
  at('2025-06-01T00:10:00.000Z'),
  at('2025-06-01T00:50:00.000Z'),
  at('2025-06-01T02:00:00.000Z'),
  at('2025-06-01T02:59:59.999Z'),
  at('2025-06-03T12:00:00.000Z'),
];

async function seed(store: Store, posts: StoredPost[] = POSTS): Promise<string> {
  await store.upsertPosts(posts);
  const topic = await store.createTopic({
    workspaceId: DEFAULT_WORKSPACE_ID,
    name: 'T',
    query: 'tin',
  });
  await store.insertMatches(
    posts.map((p) => ({ postId: p.id, topicId: topic.id, publishedAt: p.publishedAt })),
  );
  return topic.id;
}

/** Topic matches, counts and volume. */
export function matchesContract(makeStore: MakeStore): void {
  const withStore = storeRunner(makeStore);

  describe('matches', () => {
    it('records a match once however often it is inserted, skipping unknown topics and posts', () =>
      withStore(async (store) => {
        const post = makePost();
        await store.upsertPosts([post]);
        const topic = await store.createTopic({
          workspaceId: DEFAULT_WORKSPACE_ID,
          name: 'T',
          query: 'q',
        });
        const match = { postId: post.id, topicId: topic.id, publishedAt: post.publishedAt };
        assert.equal(await store.insertMatches([match, match]), 1);
        assert.equal(await store.insertMatches([match]), 0);
        assert.equal(
          await store.insertMatches([
            { ...match, topicId: 'gone' },
            { ...match, postId: 'x:gone' },
          ]),
          0,
        );
        assert.deepEqual(await store.topicCounts(DEFAULT_WORKSPACE_ID), [
          { topicId: topic.id, count: 1 },
        ]);
        await rejectsWithCode(
          store.insertMatches([{ ...match, publishedAt: 'soon' }]),
          'store.invalid',
        );
      }));

    it('deletes matches of a topic in a range, for back-fill', () =>
      withStore(async (store) => {
        const topicId = await seed(store);
        const range = { from: '2025-06-01T00:50:00.000Z', to: '2025-06-01T02:59:59.999Z' };
        assert.equal(await store.deleteMatches(topicId, range), 2);
        assert.equal(await store.countPosts({ topicId }), 3);
        assert.equal(await store.deleteMatches(topicId), 3);
        assert.equal(await store.countPosts({ topicId }), 0);
        assert.equal(await store.countPosts(), POSTS.length);
      }));

    it('counts matches per topic in a range, listing topics with none', () =>
      withStore(async (store) => {
        const topicId = await seed(store);
        const empty = await store.createTopic({
          id: 'aaa-empty',
          workspaceId: DEFAULT_WORKSPACE_ID,
          name: 'E',
          query: 'e',
        });
        await store.createWorkspace({ id: 'other', name: 'Other' });
        await store.createTopic({ workspaceId: 'other', name: 'O', query: 'o' });
        assert.deepEqual(await store.topicCounts(DEFAULT_WORKSPACE_ID), [
          { topicId, count: 5 },
          { topicId: empty.id, count: 0 },
        ]);
        const range = { from: '2025-06-01T02:00:00.000Z', to: '2025-06-03T12:00:00.000Z' };
        assert.deepEqual(await store.topicCounts(DEFAULT_WORKSPACE_ID, range), [
          { topicId, count: 2 },
          { topicId: empty.id, count: 0 },
        ]);
        assert.deepEqual(await store.topicCounts('nobody'), []);
      }));

    it('buckets volume by UTC hour and day, filling empty buckets with zero', () =>
      withStore(async (store) => {
        const topicId = await seed(store);
        const hourly = await store.topicVolume({
          topicId,
          bucket: 'hour',
          from: '2025-06-01T00:30:00Z',
          to: '2025-06-01T04:00:00Z',
        });
        assert.deepEqual(hourly, [
          { bucket: '2025-06-01T00:00:00.000Z', count: 2 },
          { bucket: '2025-06-01T01:00:00.000Z', count: 0 },
          { bucket: '2025-06-01T02:00:00.000Z', count: 2 },
          { bucket: '2025-06-01T03:00:00.000Z', count: 0 },
        ]);
        const daily = await store.topicVolume({
          topicId,
          bucket: 'day',
          from: '2025-05-31T00:00:00Z',
          to: '2025-06-04T00:00:00Z',
        });
        assert.deepEqual(
          daily.map((b) => b.count),
          [0, 4, 0, 1],
        );
        assert.equal(daily[0]?.bucket, '2025-05-31T00:00:00.000Z');
        const none = await store.topicVolume({
          topicId: 'gone',
          bucket: 'day',
          from: '2025-06-01',
          to: '2025-06-03',
        });
        assert.deepEqual(
          none.map((b) => b.count),
          [0, 0],
        );
        assert.deepEqual(
          await store.topicVolume({ topicId, bucket: 'day', from: '2025-06-03', to: '2025-06-01' }),
          [],
        );
        await rejectsWithCode(
          store.topicVolume({ topicId, bucket: 'hour', from: '2000-01-01', to: '2025-01-01' }),
          'store.invalid',
        );
        await rejectsWithCode(
          store.topicVolume({
            topicId,
            bucket: 'week' as 'day',
            from: '2025-06-01',
            to: '2025-06-03',
          }),
          'store.invalid',
        );
      }));
  });
}
