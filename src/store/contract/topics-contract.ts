import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_WORKSPACE_ID } from '../../core/types.js';
import type { MakeStore } from './contract-kit.js';
import { T0, makePost, rejectsWithCode, storeRunner } from './contract-kit.js';

const iso = (ms: number) => new Date(ms).toISOString();
const topicInput = (name: string, workspaceId = DEFAULT_WORKSPACE_ID) => ({
  workspaceId,
  name,
  query: `"${name}"`,
});

/** Workspaces and topics. */
export function topicsContract(makeStore: MakeStore): void {
  const withStore = storeRunner(makeStore);

  describe('workspaces', () => {
    it('starts with the default workspace and creates others once', () =>
      withStore(async (store) => {
        assert.deepEqual(
          (await store.listWorkspaces()).map((w) => w.id),
          [DEFAULT_WORKSPACE_ID],
        );
        const created = await store.createWorkspace({
          id: 'so-gtvt',
          name: 'Sở Giao thông Vận tải',
        });
        assert.deepEqual(created, {
          id: 'so-gtvt',
          name: 'Sở Giao thông Vận tải',
          createdAt: iso(T0),
        });
        const generated = await store.createWorkspace({ name: 'Khác' });
        assert.match(generated.id, /^[0-9a-f-]{36}$/);
        assert.equal((await store.listWorkspaces()).length, 3);
        assert.deepEqual(
          (await store.listWorkspaces()).find((w) => w.id === 'so-gtvt'),
          created,
        );
        await rejectsWithCode(
          store.createWorkspace({ id: 'so-gtvt', name: 'again' }),
          'store.conflict',
        );
        await rejectsWithCode(store.createWorkspace({ name: '' }), 'store.invalid');
      }));

    it('gets and renames a workspace, keeping its createdAt', () =>
      withStore(async (store, clock) => {
        const created = await store.createWorkspace({ id: 'so-gtvt', name: 'Sở GTVT' });
        assert.deepEqual(await store.getWorkspace('so-gtvt'), created);
        assert.equal(await store.getWorkspace('nowhere'), undefined);
        clock.advance(60_000);
        const renamed = await store.renameWorkspace('so-gtvt', 'Sở Xây dựng');
        assert.deepEqual(renamed, { ...created, name: 'Sở Xây dựng' });
        assert.deepEqual(await store.getWorkspace('so-gtvt'), renamed);
        await rejectsWithCode(store.renameWorkspace('nowhere', 'x'), 'store.not_found');
        await rejectsWithCode(store.renameWorkspace('so-gtvt', ' '), 'store.invalid');
      }));
  });

  describe('topics', () => {
    it('creates, reads, lists, updates and deletes topics', () =>
      withStore(async (store, clock) => {
        const flood = await store.createTopic({ id: 't-flood', ...topicInput('Ngập nước') });
        assert.deepEqual(flood, {
          id: 't-flood',
          ...topicInput('Ngập nước'),
          createdAt: iso(T0),
          updatedAt: iso(T0),
        });
        const traffic = await store.createTopic(topicInput('Giao thông'));
        assert.match(traffic.id, /^[0-9a-f-]{36}$/);
        assert.deepEqual(await store.getTopic('t-flood'), flood);
        assert.deepEqual(
          (await store.listTopics(DEFAULT_WORKSPACE_ID)).map((t) => t.name),
          ['Giao thông', 'Ngập nước'],
        );
        clock.advance(60_000);
        const renamed = await store.updateTopic('t-flood', { query: 'ngập OR "triều cường"' });
        assert.deepEqual(renamed, {
          ...flood,
          query: 'ngập OR "triều cường"',
          updatedAt: iso(T0 + 60_000),
        });
        assert.deepEqual(await store.getTopic('t-flood'), renamed);
        await store.deleteTopic('t-flood');
        assert.equal(await store.getTopic('t-flood'), undefined);
        assert.deepEqual(
          (await store.listTopics(DEFAULT_WORKSPACE_ID)).map((t) => t.id),
          [traffic.id],
        );
        assert.deepEqual(await store.listTopics('nobody'), []);
      }));

    it('reports conflicts, unknown topics and workspaces, and bad input', () =>
      withStore(async (store) => {
        await store.createTopic({ id: 't1', ...topicInput('A') });
        await rejectsWithCode(
          store.createTopic({ id: 't1', ...topicInput('B') }),
          'store.conflict',
        );
        await rejectsWithCode(store.createTopic(topicInput('C', 'nobody')), 'store.not_found');
        await rejectsWithCode(
          store.createTopic({ ...topicInput('D'), query: '' }),
          'store.invalid',
        );
        await rejectsWithCode(store.updateTopic('missing', { name: 'x' }), 'store.not_found');
        await rejectsWithCode(store.updateTopic('t1', { name: ' ' }), 'store.invalid');
        await rejectsWithCode(store.deleteTopic('missing'), 'store.not_found');
        assert.equal((await store.listTopics(DEFAULT_WORKSPACE_ID)).length, 1);
      }));

    it('deleting a topic deletes its matches and nothing else', () =>
      withStore(async (store) => {
        const post = makePost();
        await store.upsertPosts([post]);
        const a = await store.createTopic(topicInput('A'));
        const b = await store.createTopic(topicInput('B'));
        const match = { postId: post.id, publishedAt: post.publishedAt };
        await store.insertMatches([
          { ...match, topicId: a.id },
          { ...match, topicId: b.id },
        ]);
        await store.deleteTopic(a.id);
        assert.deepEqual(await store.topicCounts(DEFAULT_WORKSPACE_ID), [
          { topicId: b.id, count: 1 },
        ]);
        assert.equal(await store.countPosts({ topicId: a.id }), 0);
        assert.equal(await store.countPosts({ topicId: b.id }), 1);
        const again = await store.createTopic({ id: a.id, ...topicInput('A again') });
        assert.equal(await store.countPosts({ topicId: again.id }), 0);
      }));
  });
}
