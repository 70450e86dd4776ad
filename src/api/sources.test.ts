import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { openApiHarness } from '../../test/api-harness.js';
import type { ApiHarness } from '../../test/api-harness.js';
import type { Connector } from '../sources/connector.js';

/** A push connector checking an HMAC of the raw body, as platform webhooks do. */
const signed: Connector<{ secret: string }> = {
  kind: 'signed',
  platform: 'web',
  description: 'test webhook',
  mode: 'webhook',
  configSchema: z.strictObject({ secret: z.string().min(8) }),
  secretFields: ['secret'],
  defaultIntervalSeconds: 0,
  async webhook(request, ctx) {
    if (request.method === 'GET')
      return { status: 200, body: request.query.challenge ?? '', items: [] };
    const expected = createHmac('sha256', ctx.config.secret).update(request.rawBody).digest('hex');
    if (request.headers['x-signature'] !== expected)
      return { status: 401, body: { error: 'bad signature' }, items: [] };
    const body = JSON.parse(request.rawBody.toString('utf8')) as { id: string; text: string };
    return {
      status: 200,
      body: 'EVENT_RECEIVED',
      items: [{ externalId: body.id, platform: 'web', kind: 'post', text: body.text }],
    };
  },
};

const polled: Connector<{ url: string }> = {
  kind: 'polled',
  platform: 'news',
  description: 'test poll',
  mode: 'poll',
  configSchema: z.strictObject({ url: z.url() }),
  secretFields: [],
  defaultIntervalSeconds: 300,
  async *poll() {
    yield {
      items: [{ externalId: 'p1', platform: 'news', kind: 'article', text: 'Tin mới về kẹt xe' }],
      cursor: 'done',
    };
  },
};

describe('source routes', () => {
  let h: ApiHarness;
  let server: FastifyInstance;
  /** The default workspace's admin API token (sources:write). */
  let auth: Record<string, string>;
  before(async () => {
    h = await openApiHarness({ connectors: [signed, polled], config: { bodyLimitBytes: 4096 } });
    server = h.server;
    auth = { authorization: `Bearer ${h.tokens.default.admin.secret}` };
  });
  after(() => h.close());

  it('asks for an admin to add, run or remove a source', async () => {
    const body = { kind: 'polled', config: { url: 'https://vnexpress.net/rss/thoi-su.rss' } };
    const none = await server.inject({ method: 'POST', url: '/api/sources', payload: body });
    assert.equal(none.statusCode, 401);
    const wrong = await server.inject({
      method: 'POST',
      url: '/api/sources',
      payload: body,
      headers: { authorization: 'Bearer nope-nope-nope-nope' },
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(
      (await server.inject({ method: 'DELETE', url: '/api/sources/x' })).statusCode,
      401,
    );
    assert.equal(
      (await server.inject({ method: 'POST', url: '/api/sources/x/run' })).statusCode,
      401,
    );
    const viewer = await h.tokens.default.viewer.request({
      method: 'POST',
      url: '/api/sources',
      payload: body,
    });
    assert.equal(viewer.statusCode, 403);
    assert.match(viewer.json().error.message, /sources:write/);
  });

  it('adds a source, lists it without its config, runs it and removes it', async () => {
    const created = await server.inject({
      method: 'POST',
      url: '/api/sources',
      headers: auth,
      payload: {
        id: 'tin-moi',
        kind: 'polled',
        name: 'Tin mới',
        config: { url: 'https://vnexpress.net/rss/tin-moi-nhat.rss' },
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().config, undefined);
    const run = await server.inject({
      method: 'POST',
      url: '/api/sources/tin-moi/run',
      headers: auth,
    });
    assert.equal(run.statusCode, 200);
    assert.equal(run.json().inserted, 1);
    const list = await h.members.default.viewer.request({ url: '/api/sources' });
    const [source] = list.json().sources;
    assert.equal(source.id, 'tin-moi');
    assert.equal(source.health.itemsLastHour, 1);
    assert.equal(source.config, undefined);
    const removed = await server.inject({
      method: 'DELETE',
      url: '/api/sources/tin-moi',
      headers: auth,
    });
    assert.equal(removed.statusCode, 204);
    assert.equal(
      (await server.inject({ method: 'DELETE', url: '/api/sources/tin-moi', headers: auth }))
        .statusCode,
      404,
    );
  });

  it('answers a bad config with 400 naming the field, an unknown kind with 400', async () => {
    const bad = await server.inject({
      method: 'POST',
      url: '/api/sources',
      headers: auth,
      payload: { kind: 'polled', config: { url: 'not a url' } },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /url/);
    const unknown = await server.inject({
      method: 'POST',
      url: '/api/sources',
      headers: auth,
      payload: { kind: 'myspace', config: {} },
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.code, 'source.unknown_kind');
    assert.equal((await h.store.listSources()).length, 0);
  });

  it('hands webhook deliveries to the connector with the exact bytes sent', async () => {
    await server.inject({
      method: 'POST',
      url: '/api/sources',
      headers: auth,
      payload: { id: 'hook', kind: 'signed', config: { secret: 'webhook-secret-1' } },
    });
    const challenge = await server.inject({
      method: 'GET',
      url: '/api/webhooks/hook?challenge=12345',
    });
    assert.equal(challenge.body, '12345');
    const payload = Buffer.from(
      JSON.stringify({ id: 'w1', text: 'Phản ánh rác thải ở phường Bến Thành' }),
    );
    const signature = createHmac('sha256', 'webhook-secret-1').update(payload).digest('hex');
    const bad = await server.inject({
      method: 'POST',
      url: '/api/webhooks/hook',
      payload,
      headers: { 'content-type': 'application/json', 'x-signature': 'f'.repeat(64) },
    });
    assert.equal(bad.statusCode, 401);
    assert.equal(await h.store.getPost('web:w1'), undefined);
    const good = await server.inject({
      method: 'POST',
      url: '/api/webhooks/hook',
      payload,
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-signature': signature },
    });
    assert.equal(good.statusCode, 200);
    assert.equal(good.body, 'EVENT_RECEIVED');
    const stored = await h.store.getPost('web:w1');
    assert.equal(stored?.sourceId, 'hook');
    const missing = await server.inject({
      method: 'POST',
      url: '/api/webhooks/nope',
      payload: '{}',
    });
    assert.equal(missing.statusCode, 404);
  });
});
