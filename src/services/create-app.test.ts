import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memberScope, openApp } from '../../test/services/harness.js';
import { createMemoryBus, queueSubject } from '../bus/index.js';
import { createFixedClock } from '../core/clock.js';
import { systemScope } from '../core/scope.js';
import { createSqliteStore } from '../store/index.js';
import type { MatchedEvent } from './app.js';
import { createApp } from './create-app.js';

test('ingest stores every good item and reports each bad one by its index', async () => {
  const { app, store, system, hoursAgo } = await openApp();
  const result = await app.ingest(system, [
    {
      id: '1',
      platform: 'facebook',
      text: 'Ngập nước đường Huỳnh Tấn Phát Q7',
      publishedAt: hoursAgo(1),
    },
    { platform: 'facebook' },
    { id: '3', platform: 'nope', text: 'x' },
    { id: '4', text: 'ok', extra: true },
    { id: '5', platform: 'youtube', text: 'kẹt xe Phạm Văn Đồng', publishedAt: 'not a date' },
    { id: '6', platform: 'youtube', text: 'ket xe pham van dong', publishedAt: hoursAgo(2) },
  ]);
  assert.equal(result.accepted, 2);
  assert.equal(result.inserted, 2);
  assert.deepEqual(
    result.errors.map((e) => [e.index, e.code]),
    [
      [1, 'input.invalid'],
      [2, 'input.invalid'],
      [3, 'input.invalid'],
      [4, 'input.invalid'],
    ],
  );
  assert.match(result.errors[2]!.message, /unknown field.*"extra"/);
  assert.equal(await store.countPosts(), 2);
  await app.close();
});

test('re-ingesting a post updates its engagement and adds no duplicate match', async () => {
  const { app, store, system, hoursAgo } = await openApp();
  await app.createTopic(system, { name: 'Ngập', query: 'ngập' });
  const post = {
    id: 'p1',
    platform: 'facebook',
    text: 'ngập quá',
    publishedAt: hoursAgo(1),
    engagement: { likes: 1 },
  };
  const first = await app.ingest(system, [post]);
  const second = await app.ingest(system, [
    { ...post, text: 'changed text', engagement: { likes: 9 } },
  ]);
  assert.deepEqual([first.inserted, first.matched], [1, 1]);
  assert.deepEqual([second.inserted, second.updated, second.matched], [0, 1, 0]);
  const stored = await store.getPost('facebook:p1');
  assert.equal(stored?.engagement?.likes, 9);
  assert.equal(stored?.text, 'ngập quá');
  const [topic] = await app.listTopics(system);
  assert.equal(topic?.count, 1);
  await app.close();
});

test('a new topic is back-filled over stored posts and searchable by topic', async () => {
  const { app, system, hoursAgo } = await openApp();
  await app.ingest(system, [
    {
      id: 'a',
      platform: 'facebook',
      text: 'Triều cường gây ngập phường Tân Phong',
      publishedAt: hoursAgo(5),
    },
    { id: 'b', platform: 'facebook', text: 'ngap nuoc q7 qua troi', publishedAt: hoursAgo(3) },
    { id: 'c', platform: 'facebook', text: 'trời đẹp', publishedAt: hoursAgo(2) },
    {
      id: 'd',
      platform: 'facebook',
      text: 'ngập quận 7 từ tháng trước',
      publishedAt: hoursAgo(24 * 30),
    },
  ]);
  const topic = await app.createTopic(system, {
    name: 'Ngập Q7',
    query: '(ngập OR "triều cường") AND (q7 OR "quận 7" OR "Tân Phong")',
  });
  const result = await app.search(system, { topicId: topic.id });
  assert.deepEqual(
    result.hits.map((h) => h.post.id),
    ['facebook:b', 'facebook:a'],
  );
  const hit = result.hits[1]!;
  assert.deepEqual(
    hit.explanation?.hits.map((h) => [h.text, hit.post.text.slice(h.start, h.end)]),
    [
      ['Triều cường', 'Triều cường'],
      ['ngập', 'ngập'],
      ['Tân Phong', 'Tân Phong'],
    ],
  );
  const backfill = await app.backfillTopic(system, topic.id, { from: hoursAgo(24 * 60) });
  assert.equal(backfill.matched, 3);
  await app.close();
});

test('search verifies the query with the matcher and highlights with offsets into the text', async () => {
  const { app, system, hoursAgo } = await openApp();
  await app.ingest(system, [
    { id: '1', text: 'Bán nhà quận 7', publishedAt: hoursAgo(1) },
    { id: '2', text: 'cái bàn gỗ', publishedAt: hoursAgo(2) },
    { id: '3', text: 'ban nha gia re', publishedAt: hoursAgo(3) },
    { id: '4', text: 'đường Đồng Khởi', publishedAt: hoursAgo(4) },
  ]);
  const accented = await app.search(system, { q: 'bán' });
  assert.deepEqual(
    accented.hits.map((h) => h.post.id),
    ['import:1', 'import:3'],
  );
  const [hit] = accented.hits;
  const mark = hit!.explanation!.hits[0]!;
  assert.equal(hit!.post.text.slice(mark.start, mark.end), 'Bán');
  assert.deepEqual((await app.search(system, { q: 'ban' })).hits.length, 3);
  assert.deepEqual(
    (await app.search(system, { q: 'duong' })).hits.map((h) => h.post.id),
    ['import:4'],
  );
  assert.deepEqual(
    (await app.search(system, { q: 'NOT ban' })).hits.map((h) => h.post.id),
    ['import:4'],
  );
  await assert.rejects(
    app.search(system, { q: 'ngập AND (q7' }),
    (error: { code?: string; details?: { offset?: number } }) => {
      assert.equal(error.code, 'query.syntax');
      assert.equal(typeof error.details?.offset, 'number');
      return true;
    },
  );
  await app.close();
});

test('search pages with a cursor without repeating or skipping posts', async () => {
  const { app, system, hoursAgo } = await openApp();
  const items = Array.from({ length: 25 }, (_, i) => ({
    id: `n${i}`,
    text: i % 2 === 0 ? `ngập ${i}` : `khô ${i}`,
    publishedAt: hoursAgo(i % 5),
  }));
  await app.ingest(system, items);
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await app.search(system, { q: 'ngập', limit: 4, cursor });
    seen.push(...page.hits.map((h) => h.post.id));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  assert.equal(seen.length, 13);
  assert.equal(new Set(seen).size, 13);
  await app.close();
});

test('a huge text is capped and marked truncated; invalid surrogates become U+FFFD', async () => {
  const { app, store, system } = await openApp();
  const result = await app.ingest(system, [
    { id: 'big', text: 'ngập '.repeat(2_000_000) },
    { id: 'bad', text: 'ngập \uD800 nước' },
  ]);
  assert.equal(result.inserted, 2);
  const big = await store.getPost('import:big');
  assert.equal(big?.truncated, true);
  assert.ok(big!.text.length <= 100_000);
  assert.equal((await store.getPost('import:bad'))?.text, 'ngập \uFFFD nước');
  await app.close();
});

test('HTML is turned into text before storing', async () => {
  const { app, store, system } = await openApp();
  await app.ingest(system, [
    { id: 'h', text: '<p>Ngập&nbsp;nặng</p><script>alert(1)</script><br>Q&#x2E;7 &amp; Q8' },
  ]);
  assert.equal((await store.getPost('import:h'))?.text, 'Ngập nặng\nQ.7 & Q8');
  await app.close();
});

test('topic test counts matches over stored posts without saving the topic', async () => {
  const { app, system, hoursAgo } = await openApp();
  await app.ingest(system, [
    { id: '1', text: 'kẹt xe trên đường Phạm Văn Đồng', publishedAt: hoursAgo(1) },
    { id: '2', text: 'Phạm Văn Đồng thông thoáng', publishedAt: hoursAgo(1) },
  ]);
  const result = await app.testTopic(system, { query: '"kẹt xe" NEAR/3 "Phạm Văn Đồng"' });
  assert.equal(result.count, 1);
  assert.equal(result.examined, 1);
  assert.equal(result.sample[0]?.post.id, 'import:1');
  assert.deepEqual(await app.listTopics(system), []);
  await app.close();
});

test('listeners hear newly matched posts with their highlights', async () => {
  const { app, system } = await openApp();
  const topic = await app.createTopic(system, { name: 'Lừa đảo', query: 'lừa*' });
  const events: MatchedEvent[] = [];
  const stop = app.onMatched(system, (event) => events.push(event), topic.id);
  await app.ingest(system, [
    { id: 'x', text: 'Cảnh giác lừa đảo qua mạng' },
    { id: 'y', text: 'không liên quan' },
  ]);
  stop();
  await app.ingest(system, [{ id: 'z', text: 'lừa tiếp' }]);
  assert.equal(events.length, 1);
  assert.deepEqual(events[0]!.topicIds, [topic.id]);
  assert.equal(events[0]!.explanations[topic.id]?.hits[0]?.text, 'lừa');
  await app.close();
});

test('live listeners of one post share one explanation of each topic', async () => {
  const h = await openApp();
  const { app, system } = h;
  const topic = await app.createTopic(system, { name: 'Lừa đảo', query: 'lừa*' });
  const viewer = await memberScope(h, { login: 'hoa', workspaceId: 'default', role: 'viewer' });
  const events: MatchedEvent[] = [];
  app.onMatched(system, (event) => events.push(event));
  app.onMatched(viewer, (event) => events.push(event), topic.id);
  await app.ingest(system, [{ id: 'x', text: 'Cảnh giác lừa đảo qua mạng' }]);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(events.length, 2);
  const [first, second] = events.map((event) => event.explanations[topic.id]);
  assert.ok(first !== undefined);
  assert.equal(second, first);
  await app.close();
});

test('topic queries are validated and names are required', async () => {
  const { app, system } = await openApp();
  await assert.rejects(app.createTopic(system, { name: 'x', query: '"unbalanced' }), {
    code: 'query.syntax',
  });
  await assert.rejects(app.createTopic(system, { name: '  ', query: 'ngập' }), {
    code: 'input.invalid',
  });
  assert.deepEqual(await app.listTopics(system), []);
  await app.close();
});

test('a selective condition is found among many posts in one call', async () => {
  const { app, system, hoursAgo } = await openApp();
  const items = Array.from({ length: 1_200 }, (_, i) => ({
    id: `s${i}`,
    platform: i % 400 === 399 ? 'youtube' : 'facebook',
    text: `tin số ${i} về giao thông`,
    publishedAt: hoursAgo(i / 100),
  }));
  await app.ingest(system, items);
  const result = await app.search(system, { q: 'platform:youtube AND "giao thông"', limit: 50 });
  assert.deepEqual(result.hits.map((h) => h.post.id).sort(), [
    'youtube:s1199',
    'youtube:s399',
    'youtube:s799',
  ]);
  await app.close();
});

test('a topic made in one process is matched by every process on the bus, in and out of workers', async () => {
  const clock = createFixedClock(Date.parse('2026-11-23T08:00:00Z'));
  const store = createSqliteStore({ path: ':memory:', clock });
  const bus = createMemoryBus();
  const first = await createApp({ store, bus, clock, postsSubject: queueSubject('posts.a') });
  const second = await createApp({
    store,
    bus,
    clock,
    analysisWorkers: 1,
    postsSubject: queueSubject('posts.b'),
  });
  const system = systemScope('default');
  try {
    const topic = await first.createTopic(system, { name: 'Cây đổ', query: '"cây đổ"' });
    const item = (id: string) => ({
      id,
      platform: 'facebook',
      text: 'Cây đổ chắn ngang đường Lê Lợi',
    });
    assert.equal(
      (await second.ingest(system, [item('x1')])).matched,
      1,
      'the other process sees it',
    );
    await first.updateTopic(system, topic.id, { query: 'ngập' });
    assert.equal((await second.ingest(system, [item('x2')])).matched, 0, 'and its change');
    await first.deleteTopic(system, topic.id);
    await first.createTopic(system, { name: 'Lê Lợi', query: '"lê lợi"' });
    assert.equal((await second.ingest(system, [item('x3')])).matched, 1);
  } finally {
    await second.close();
    await first.close();
  }
});
