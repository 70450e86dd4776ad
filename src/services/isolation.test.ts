import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Scope } from '../core/scope.js';
import { systemScope } from '../core/scope.js';
import { addWorkspace, memberScope, openApp } from '../../test/services/harness.js';
import type { AppHarness } from '../../test/services/harness.js';
import type { MatchedEvent } from './app.js';

interface TwoWorkspaces {
  h: AppHarness;
  /** An admin of workspace `quan-7`. */
  a: Scope;
  /** An admin of workspace `thu-duc`. */
  b: Scope;
}

async function withTwoWorkspaces(run: (w: TwoWorkspaces) => Promise<void>): Promise<void> {
  const h = await openApp();
  try {
    await addWorkspace(h, 'quan-7');
    await addWorkspace(h, 'thu-duc');
    const a = await memberScope(h, { login: 'lan', workspaceId: 'quan-7', role: 'admin' });
    const b = await memberScope(h, { login: 'minh', workspaceId: 'thu-duc', role: 'admin' });
    await run({ h, a, b });
  } finally {
    await h.close();
  }
}

/** Registers a source of workspace `quan-7` as the CLI would. */
async function addSourceOfA(h: AppHarness, id: string, kind: string): Promise<void> {
  await h.store.upsertSource({
    id,
    workspaceId: 'quan-7',
    kind,
    name: id,
    config: {},
    enabled: true,
  });
}

const ids = async (result: Promise<{ hits: { post: { id: string } }[] }>): Promise<string[]> =>
  (await result).hits.map((hit) => hit.post.id);

/** Live listeners are called once the post has been presented (masked or audited). */
const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('workspace isolation', () => {
  it("hides another workspace's topic: not found, not listed, not changed", () =>
    withTwoWorkspaces(async ({ h: { app }, a, b }) => {
      const topic = await app.createTopic(a, { name: 'Ngập', query: 'ngập' });
      await app.createTopic(b, { name: 'Kẹt xe', query: '"kẹt xe"' });
      const notFound = { code: 'store.not_found' };
      assert.equal(await app.getTopic(b, topic.id), undefined);
      await assert.rejects(app.updateTopic(b, topic.id, { name: 'Đã đổi' }), notFound);
      await assert.rejects(app.updateTopic(b, topic.id, { query: 'khác' }), notFound);
      await assert.rejects(app.deleteTopic(b, topic.id), notFound);
      await assert.rejects(app.backfillTopic(b, topic.id), notFound);
      await assert.rejects(app.topicVolume(b, { topicId: topic.id, bucket: 'day' }), notFound);
      await assert.rejects(app.search(b, { topicId: topic.id }), notFound);
      assert.deepEqual(
        (await app.listTopics(b)).map((t) => t.name),
        ['Kẹt xe'],
      );
      assert.deepEqual(await app.getTopic(a, topic.id), topic);
      assert.deepEqual(
        (await app.listTopics(a)).map((t) => t.name),
        ['Ngập'],
      );
    }));

  it("matches a public post against both workspaces' topics, and both find it", () =>
    withTwoWorkspaces(async ({ h, a, b }) => {
      const { app } = h;
      const ofA = await app.createTopic(a, { name: 'Ngập', query: 'ngập' });
      const ofB = await app.createTopic(b, { name: 'Ngập nước', query: 'ngập AND nước' });
      const heardByB: MatchedEvent[] = [];
      app.onMatched(b, (event) => heardByB.push(event));
      const result = await app.ingest(h.system, [
        { id: 'pub', platform: 'facebook', text: 'Ngập nước đường Huỳnh Tấn Phát' },
        { id: 'dry', platform: 'facebook', text: 'Hết ngập rồi' },
      ]);
      await settled();
      assert.equal(result.matched, 3);
      assert.deepEqual(
        heardByB.map((e) => [e.post.id, e.topicIds, Object.keys(e.explanations)]),
        [['facebook:pub', [ofB.id], [ofB.id]]],
      );
      for (const [scope, topic] of [
        [a, ofA],
        [b, ofB],
      ] as const) {
        assert.deepEqual(await ids(app.search(scope, { topicId: topic.id })), [
          'facebook:pub',
          ...(scope === a ? ['facebook:dry'] : []),
        ]);
        assert.deepEqual(await ids(app.search(scope, { q: '"Huỳnh Tấn Phát"' })), ['facebook:pub']);
        assert.equal((await app.listTopics(scope))[0]?.count, scope === a ? 2 : 1);
      }
    }));

  it('keeps a post of a private channel to its workspace: matched, found and streamed there only', () =>
    withTwoWorkspaces(async ({ h, a, b }) => {
      const { app } = h;
      await addSourceOfA(h, 'zalo-q7', 'zalo-oa');
      const ofA = await app.createTopic(a, { name: 'Ngập', query: 'ngập' });
      const ofB = await app.createTopic(b, { name: 'Ngập', query: 'ngập' });
      const heardByA: MatchedEvent[] = [];
      const heardByB: MatchedEvent[] = [];
      app.onMatched(a, (event) => heardByA.push(event));
      app.onMatched(b, (event) => heardByB.push(event));
      app.onMatched(b, (event) => heardByB.push(event), ofA.id);
      const result = await app.ingest(
        h.system,
        [{ id: 'm1', platform: 'zalo', text: 'Nhà em ngập tới gối rồi' }],
        { sourceId: 'zalo-q7' },
      );
      await settled();
      assert.equal(result.matched, 1);
      assert.equal((await h.store.getPost('zalo:m1'))?.privateTo, 'quan-7');
      assert.deepEqual(await ids(app.search(a, { q: 'ngập' })), ['zalo:m1']);
      assert.deepEqual(await ids(app.search(b, { q: 'ngập' })), []);
      assert.deepEqual(await ids(app.search(b, { topicId: ofB.id })), []);
      assert.equal((await app.testTopic(a, { query: 'ngập' })).count, 1);
      assert.equal((await app.testTopic(b, { query: 'ngập' })).count, 0);
      assert.deepEqual(
        heardByA.map((e) => [e.post.id, e.topicIds]),
        [['zalo:m1', [ofA.id]]],
      );
      assert.deepEqual(heardByB, []);
      const late = await app.createTopic(b, { name: 'Ngập (mới)', query: 'ngập' });
      const counts = new Map((await app.listTopics(b)).map((t) => [t.id, t.count]));
      assert.deepEqual([counts.get(ofB.id), counts.get(late.id)], [0, 0]);
    }));

  it('keeps a direct message to the workspace it came in through', () =>
    withTwoWorkspaces(async ({ h, a, b }) => {
      const { app } = h;
      await addSourceOfA(h, 'fb-q7', 'facebook-page');
      await app.createTopic(a, { name: 'Ngập', query: 'ngập' });
      const ofB = await app.createTopic(b, { name: 'Ngập', query: 'ngập' });
      await app.ingest(a, [{ id: 'dm1', platform: 'facebook', kind: 'message', text: 'ngập' }]);
      await app.ingest(
        h.system,
        [
          { id: 'dm2', platform: 'facebook', kind: 'message', text: 'ngập nữa' },
          { id: 'wall', platform: 'facebook', text: 'ngập trên tường' },
        ],
        { sourceId: 'fb-q7' },
      );
      assert.equal((await h.store.getPost('facebook:dm1'))?.privateTo, 'quan-7');
      assert.equal((await h.store.getPost('facebook:dm2'))?.privateTo, 'quan-7');
      assert.equal((await h.store.getPost('facebook:wall'))?.privateTo, undefined);
      assert.deepEqual((await ids(app.search(a, { q: 'ngập' }))).sort(), [
        'facebook:dm1',
        'facebook:dm2',
        'facebook:wall',
      ]);
      assert.deepEqual(await ids(app.search(b, { q: 'ngập' })), ['facebook:wall']);
      assert.deepEqual(await ids(app.search(b, { topicId: ofB.id })), ['facebook:wall']);
    }));

  it("refuses, item by item, posts that name another workspace's source", () =>
    withTwoWorkspaces(async ({ h, b }) => {
      const { app } = h;
      await addSourceOfA(h, 'zalo-q7', 'zalo-oa');
      const result = await app.ingest(b, [
        { id: 'ok1', text: 'tin bình thường' },
        { id: 'forged', text: 'giả danh kênh Zalo của quận 7', sourceId: 'zalo-q7' },
        { id: 'ok2', text: 'tin bình thường nữa' },
      ]);
      assert.deepEqual([result.accepted, result.inserted], [2, 2]);
      assert.deepEqual(
        result.errors.map((e) => [e.index, e.code]),
        [[1, 'auth.forbidden']],
      );
      assert.match(result.errors[0]!.message, /belongs to another workspace/);
      const all = await app.ingest(b, [{ id: 'y', text: 'cũng giả' }], { sourceId: 'zalo-q7' });
      assert.deepEqual(
        all.errors.map((e) => e.code),
        ['auth.forbidden'],
      );
      assert.equal(await h.store.getPost('import:forged'), undefined);
      assert.equal(await h.store.getPost('import:y'), undefined);
      assert.ok(await h.store.getPost('import:ok2'));
    }));

  it("refuses an item of a connector's delivery that names another workspace's source", () =>
    withTwoWorkspaces(async ({ h }) => {
      const { app } = h;
      await addSourceOfA(h, 'zalo-q7', 'zalo-oa');
      await h.store.upsertSource({
        id: 'rss-td',
        workspaceId: 'thu-duc',
        kind: 'rss',
        name: 'rss-td',
        config: {},
        enabled: true,
      });
      const result = await app.ingest(
        systemScope('default'),
        [
          { id: 'a1', text: 'tin của nguồn' },
          { id: 'a2', text: 'chen vào kênh Zalo quận 7', sourceId: 'zalo-q7' },
        ],
        { sourceId: 'rss-td' },
      );
      assert.deepEqual(
        result.errors.map((e) => [e.index, e.code]),
        [[1, 'auth.forbidden']],
      );
      assert.equal((await h.store.getPost('import:a1'))?.sourceId, 'rss-td');
      assert.equal(await h.store.getPost('import:a2'), undefined);
    }));
});
