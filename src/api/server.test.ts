import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness } from '../../test/api-harness.js';
import type { ApiHarness, Caller } from '../../test/api-harness.js';

const NOW = Date.parse('2026-11-23T08:00:00Z');
const hoursAgo = (h: number): string => new Date(NOW - h * 3600_000).toISOString();

const POSTS = [
  {
    id: 'a',
    platform: 'facebook',
    text: 'Triều cường gây ngập đường Huỳnh Tấn Phát',
    publishedAt: hoursAgo(1),
  },
  {
    id: 'b',
    platform: 'youtube',
    text: 'Kẹt xe kéo dài trên Phạm Văn Đồng',
    publishedAt: hoursAgo(2),
  },
  {
    id: 'c',
    platform: 'news',
    title: 'Ngập nặng ở Quận 7',
    text: 'Nước ngập sâu sau mưa lớn',
    publishedAt: hoursAgo(3),
  },
];

async function start(options: { demo?: boolean } = {}): Promise<ApiHarness> {
  const h = await openApiHarness({ now: NOW, config: { demo: options.demo ?? true } });
  await h.app.ingest(h.system('default'), POSTS);
  return h;
}

describe('API server (inject)', () => {
  let h: ApiHarness;
  /** An admin of the default workspace, signed in with the session cookie. */
  let admin: Caller;
  before(async () => {
    h = await start();
    admin = h.members.default.admin;
  });
  after(() => h.close());

  const get = (url: string) => admin.request({ url });
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    admin.request({ method, url, payload });

  it('answers liveness, readiness and info', async () => {
    assert.deepEqual((await get('/healthz')).json(), { status: 'ok' });
    assert.equal((await get('/readyz')).statusCode, 200);
    assert.deepEqual((await get('/api/info')).json(), {
      version: '0.1.0',
      demo: true,
      mode: 'embedded',
      isSsoEnabled: false,
    });
  });

  it('searches with the query language and returns highlight offsets into the text', async () => {
    const res = await get(`/api/posts?q=${encodeURIComponent('ngap')}`);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(
      body.hits.map((h: { post: { id: string } }) => h.post.id),
      ['facebook:a', 'news:c'],
    );
    const [first] = body.hits;
    const { start, end } = first.highlights[0];
    assert.equal(first.post.text.slice(start, end), 'ngập');
    assert.equal(first.highlights[0].field, 'text');
  });

  it('filters by platform given as a comma list or repeated', async () => {
    const listed = (await get('/api/posts?platform=youtube,news')).json();
    const repeated = (await get('/api/posts?platform=youtube&platform=news')).json();
    const ids = (r: { hits: { post: { id: string } }[] }) => r.hits.map((h) => h.post.id);
    assert.deepEqual(ids(listed), ['youtube:b', 'news:c']);
    assert.deepEqual(ids(repeated), ids(listed));
    assert.equal((await get('/api/posts?platform=myspace')).statusCode, 400);
  });

  it('pages with nextCursor without repeating a post', async () => {
    const first = (await get('/api/posts?limit=2')).json();
    assert.equal(first.hits.length, 2);
    assert.ok(first.nextCursor);
    const second = (
      await get(`/api/posts?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)
    ).json();
    assert.deepEqual(
      second.hits.map((h: { post: { id: string } }) => h.post.id),
      ['news:c'],
    );
    assert.equal(second.nextCursor, undefined);
  });

  it('answers a query that does not parse with 400 and its position', async () => {
    const res = await get(`/api/posts?q=${encodeURIComponent('ngập AND (kẹt')}`);
    assert.equal(res.statusCode, 400);
    const { error } = res.json();
    assert.equal(error.code, 'query.syntax');
    assert.equal(typeof error.details.offset, 'number');
    assert.equal(error.details.column, error.details.offset + 1);
    assert.match(error.message, /\)/);
  });

  it('rejects unknown query parameters and over-long strings', async () => {
    const unknown = await get('/api/posts?qq=x');
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json().error.message, /Unknown field "qq" in querystring/);
    const long = await get(`/api/posts?q=${'a'.repeat(4097)}`);
    assert.equal(long.statusCode, 400);
    assert.match(long.json().error.message, /querystring.q is too long: at most 4096/);
  });

  it('creates, reads, lists with counts, renames and deletes a topic', async () => {
    const created = await send('POST', '/api/topics', {
      name: 'Ngập nước',
      query: 'ngập OR "triều cường"',
    });
    assert.equal(created.statusCode, 201);
    const topic = created.json();
    assert.equal(topic.name, 'Ngập nước');
    assert.deepEqual((await get(`/api/topics/${topic.id}`)).json(), topic);
    const listed = (await get('/api/topics')).json().topics;
    assert.equal(listed.find((t: { id: string }) => t.id === topic.id).count, 2);
    const renamed = await send('PATCH', `/api/topics/${topic.id}`, { name: 'Triều cường' });
    assert.equal(renamed.json().name, 'Triều cường');
    assert.equal((await send('DELETE', `/api/topics/${topic.id}`)).statusCode, 204);
    assert.equal((await get(`/api/topics/${topic.id}`)).statusCode, 404);
    assert.equal(
      (await send('DELETE', `/api/topics/${topic.id}`)).json().error.code,
      'store.not_found',
    );
  });

  it('rejects a topic with an unknown field, a bad query, a long name or an empty patch', async () => {
    const extra = await send('POST', '/api/topics', { name: 'x', query: 'y', colour: 'red' });
    assert.equal(extra.statusCode, 400);
    assert.equal(extra.json().error.message, 'Unknown field "colour" in body');
    const bad = await send('POST', '/api/topics', { name: 'x', query: '"kẹt xe' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'query.syntax');
    assert.equal(bad.json().error.details.offset, 0);
    const long = await send('POST', '/api/topics', { name: 'n'.repeat(201), query: 'y' });
    assert.match(long.json().error.message, /body.name is too long: at most 200/);
    const missing = await send('POST', '/api/topics', { name: 'x' });
    assert.match(missing.json().error.message, /Missing field "query" in body/);
    const topic = (await send('POST', '/api/topics', { name: 'Kẹt xe', query: 'kẹt xe' })).json();
    const empty = await send('PATCH', `/api/topics/${topic.id}`, {});
    assert.equal(empty.statusCode, 400);
    await send('DELETE', `/api/topics/${topic.id}`);
  });

  it('answers a malformed or oversized JSON body with 400 or 413', async () => {
    const malformed = await admin.request({
      method: 'POST',
      url: '/api/topics',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "x", ',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error.code, 'input.invalid');
    const huge = await send('POST', '/api/topics', { name: 'x', query: 'y'.repeat(70_000) });
    assert.equal(huge.statusCode, 413);
    assert.match(huge.json().error.message, /larger than the limit of 65536 bytes/);
    assert.doesNotMatch(huge.json().error.message, /LANGNGHE_BODY_LIMIT_BYTES/);
  });

  it('tests a query without saving it', async () => {
    const res = await send('POST', '/api/topics/test', { query: '"kẹt xe"', sampleSize: 5 });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.count, 1);
    assert.equal(body.sample[0].post.id, 'youtube:b');
    const { start, end } = body.sample[0].highlights[0];
    assert.equal(body.sample[0].post.text.slice(start, end), 'Kẹt xe');
    assert.equal((await get('/api/topics')).json().topics.length, 0);
  });

  it('gives volume buckets, and back-fills with or without a body', async () => {
    const topic = (await send('POST', '/api/topics', { name: 'Ngập', query: 'ngập' })).json();
    const url = `/api/topics/${topic.id}/volume?bucket=hour&from=${hoursAgo(4)}&to=${hoursAgo(0)}`;
    const volume = (await get(url)).json();
    assert.equal(volume.bucket, 'hour');
    assert.equal(volume.buckets.length, 4);
    assert.equal(
      volume.buckets.reduce((n: number, b: { count: number }) => n + b.count, 0),
      2,
    );
    assert.equal((await get(`/api/topics/${topic.id}/volume?bucket=week`)).statusCode, 400);
    assert.equal((await get('/api/topics/nope/volume')).statusCode, 404);
    const bare = await send('POST', `/api/topics/${topic.id}/backfill`);
    assert.deepEqual(bare.json(), { topicId: topic.id, scanned: 3, matched: 2 });
    const ranged = await send('POST', `/api/topics/${topic.id}/backfill`, { from: hoursAgo(1.5) });
    assert.equal(ranged.json().scanned, 1);
    await send('DELETE', `/api/topics/${topic.id}`);
  });

  it('lists sources with health but never their configuration', async () => {
    await h.store.upsertSource({
      id: 'rss-tt',
      workspaceId: 'default',
      kind: 'rss',
      name: 'Tuổi Trẻ',
      config: { apiKey: 'secret-key' },
      enabled: true,
    });
    const res = await get('/api/sources');
    assert.equal(res.statusCode, 200);
    const [source] = res.json().sources;
    assert.equal(source.id, 'rss-tt');
    assert.equal(source.health.consecutiveFailures, 0);
    assert.doesNotMatch(res.body, /secret-key/);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await get('/api/nothing');
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'http.not_found');
  });

  it('serves an OpenAPI 3 document listing the routes', async () => {
    const doc = (await get('/api/docs')).json();
    assert.match(doc.openapi, /^3\./);
    for (const path of [
      '/api/posts',
      '/api/topics',
      '/api/topics/{id}',
      '/api/ingest',
      '/api/stream',
    ]) {
      assert.ok(doc.paths[path], path);
    }
  });

  it('sends nosniff and a locked-down CSP with JSON', async () => {
    const res = await get('/api/topics');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.equal(
      res.headers['content-security-policy'],
      "default-src 'none'; frame-ancestors 'none'",
    );
  });
});

describe('API server readiness', () => {
  it('answers 503 on /readyz once the app is closed', async () => {
    const h = await start({ demo: false });
    await h.app.close();
    const res = await h.anonymous.request({ url: '/readyz' });
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json(), { status: 'unavailable' });
    assert.equal(res.headers['retry-after'], undefined);
    await h.server.close();
  });
});
