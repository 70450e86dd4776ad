import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness } from '../../test/api-harness.js';
import type { ApiHarness } from '../../test/api-harness.js';

const NDJSON = 'application/x-ndjson';

const post = (id: string, text = `bài viết ${id}`) =>
  JSON.stringify({ id, platform: 'facebook', text, publishedAt: '2026-11-23T07:00:00Z' });

describe('POST /api/ingest', () => {
  let h: ApiHarness;
  /** The default workspace's admin API token (ingest:write). */
  let token: string;
  before(async () => {
    h = await openApiHarness({ config: { bodyLimitBytes: 4096 } });
    token = h.tokens.default.admin.secret;
  });
  after(() => h.close());

  const ingest = (
    payload: string | Buffer,
    headers: Record<string, string> = {},
    url = '/api/ingest',
  ) =>
    h.server.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}`, 'content-type': NDJSON, ...headers },
      payload,
    });

  it('asks for a bearer token when none is sent, and refuses a wrong one', async () => {
    const missing = await ingest(post('1'), { authorization: '' });
    assert.equal(missing.statusCode, 401);
    assert.equal(missing.headers['www-authenticate'], 'Bearer realm="langnghe"');
    assert.equal(missing.json().error.code, 'auth.required');
    const wrong = await ingest(post('1'), { authorization: `Bearer ${token}x` });
    assert.equal(wrong.statusCode, 401);
    assert.match(String(wrong.headers['www-authenticate']), /error="invalid_token"/);
    const basic = await ingest(post('1'), { authorization: `Basic ${token}` });
    assert.equal(basic.statusCode, 401);
    assert.equal(await h.store.countPosts(), 0);
  });

  it('stores every good line and reports the bad one by its line number', async () => {
    const body = [post('n1'), '{"id": "n2", "platform": ', post('n3'), ''].join('\n');
    const res = await ingest(body);
    assert.equal(res.statusCode, 200);
    const result = res.json();
    assert.equal(result.accepted, 2);
    assert.equal(result.inserted, 2);
    assert.deepEqual(
      result.errors.map((e: { line: number; code: string }) => [e.line, e.code]),
      [[2, 'input.json']],
    );
    assert.match(result.errors[0].message, /^Line 2 is not valid JSON/);
    assert.ok(await h.store.getPost('facebook:n3'));
  });

  it('with wait=false answers 202 once the bus has the items, and stores them', async () => {
    const body = [post('q1'), 'not json', post('q2')].join('\n');
    const res = await ingest(body, {}, '/api/ingest?wait=false');
    assert.equal(res.statusCode, 202, res.body);
    const result = res.json();
    assert.equal(result.accepted, 2);
    assert.equal(result.queued, 2);
    assert.equal(result.inserted, 0);
    assert.deepEqual(
      result.errors.map((e: { line: number }) => e.line),
      [2],
    );
    const end = Date.now() + 5_000;
    while ((await h.store.getPost('facebook:q2')) === undefined && Date.now() < end)
      await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(await h.store.getPost('facebook:q1'));
    assert.ok(await h.store.getPost('facebook:q2'));
  });

  it('numbers invalid posts by line, counting blank lines, CRLF and a byte-order mark', async () => {
    const bad = JSON.stringify({ id: 'x', platform: 'myspace', text: 'y' });
    const body = `\uFEFF${post('c1')}\r\n\r\n${bad}\r\n${post('c2')}\r\n`;
    const result = (await ingest(body)).json();
    assert.equal(result.inserted, 2);
    assert.deepEqual(
      result.errors.map((e: { line: number; code: string }) => [e.line, e.code]),
      [[3, 'input.invalid']],
    );
  });

  it('reports a line of invalid UTF-8 and keeps the lines around it', async () => {
    const body = Buffer.concat([
      Buffer.from(`${post('u1', 'Sài Gòn mưa lớn')}\n`),
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d, 0x0a]),
      Buffer.from(`${post('u3', 'Thủ Đức kẹt xe')}\n`),
    ]);
    const result = (await ingest(body)).json();
    assert.equal(result.inserted, 2);
    assert.deepEqual(result.errors, [
      { line: 2, code: 'input.encoding', message: 'Line 2 is not valid UTF-8' },
    ]);
    assert.equal((await h.store.getPost('facebook:u1'))?.text, 'Sài Gòn mưa lớn');
  });

  it('accepts a JSON array and reports bad items by index', async () => {
    const body = `[${post('j1')}, {"id": "j2"}, ${post('j3')}]`;
    const result = (await ingest(body, { 'content-type': 'application/json' })).json();
    assert.equal(result.inserted, 2);
    assert.deepEqual(
      result.errors.map((e: { index: number }) => e.index),
      [1],
    );
    assert.equal(result.errors[0].line, undefined);
  });

  it('rejects a JSON body that is not an array, is not JSON, or is not UTF-8', async () => {
    const json = { 'content-type': 'application/json' };
    const object = await ingest(post('o1'), json);
    assert.equal(object.statusCode, 400);
    assert.match(object.json().error.message, /Expected a JSON array/);
    assert.equal((await ingest('[{', json)).json().error.code, 'input.json');
    assert.equal(
      (await ingest(Buffer.from([0x5b, 0xff, 0x5d]), json)).json().error.code,
      'input.encoding',
    );
  });

  it('answers 413 with the limit for a body over bodyLimitBytes', async () => {
    const body = Array.from({ length: 60 }, (_, i) => post(`big${i}`)).join('\n');
    assert.ok(Buffer.byteLength(body) > 4096);
    const res = await ingest(body);
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().error.code, 'input.too_large');
    assert.match(res.json().error.message, /4096 bytes/);
    assert.equal(await h.store.getPost('facebook:big0'), undefined);
  });

  it('answers 415 for another content type and 200 with nothing for an empty body', async () => {
    const res = await ingest(post('t1'), { 'content-type': 'text/plain' });
    assert.equal(res.statusCode, 415);
    const empty = (await ingest('\n\n')).json();
    assert.deepEqual(empty, { accepted: 0, inserted: 0, updated: 0, matched: 0, errors: [] });
  });

  it('rejects unknown query parameters', async () => {
    const res = await ingest(post('q1'), {}, '/api/ingest?source=x');
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error.message, /Unknown field "source"/);
  });
});

describe('POST /api/ingest without ingest:write', () => {
  it('refuses an analyst token and a viewer session with 403 naming the permission', async () => {
    const h = await openApiHarness();
    const analyst = await h.tokens.default.analyst.request({
      method: 'POST',
      url: '/api/ingest',
      headers: { 'content-type': NDJSON },
      payload: post('1'),
    });
    assert.equal(analyst.statusCode, 403);
    assert.equal(analyst.json().error.code, 'auth.forbidden');
    assert.match(analyst.json().error.message, /ingest:write/);
    const viewer = await h.members.default.viewer.request({
      method: 'POST',
      url: '/api/ingest',
      headers: { 'content-type': NDJSON },
      payload: post('2'),
    });
    assert.equal(viewer.statusCode, 403);
    assert.equal(await h.store.countPosts(), 0);
    await h.close();
  });
});
