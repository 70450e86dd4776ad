import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { PASSWORD, errorCode, openApiHarness } from '../../test/api-harness.js';
import type { ApiHarness, ApiRequest, Caller } from '../../test/api-harness.js';

/** SQL, FTS5 and LIKE syntax, control characters and sheer size. */
const HOSTILE: readonly string[] = [
  "' OR 1=1 --",
  '"; DROP TABLE posts; --',
  "'); DELETE FROM posts; --",
  'NEAR(',
  'NEAR(a b, 1)',
  '*',
  'ngập*',
  '"unbalanced',
  'col:*',
  'text:ngập',
  'posts_fts MATCH *',
  '{text title}: x',
  '^x',
  'a AND OR NOT b',
  '()',
  '\u0000',
  'ngập\u0000kẹt',
  '\u202e\u200b\ufeff',
  '%',
  '_',
  '%_%',
  '\\',
  '..%2f..%2fetc%2fpasswd',
  '<script>alert(1)</script>',
  '🌧️'.repeat(50),
  'x'.repeat(10_000),
];
/** Sent as they are in a query string: bad percent-encoding, NUL, an unpaired surrogate in UTF-8. */
const RAW_QUERY_VALUES: readonly string[] = ['%', '%zz', '%00', '%ED%A0%80', '%FF%FE', '%25%00'];
/** Path parameters the router itself refuses: bad encoding, longer than its 100-character cap. */
const RAW_PATH_VALUES: readonly string[] = [
  '%zz',
  '%ED%A0%80',
  '%00',
  'x'.repeat(101),
  '%F0%9F%8C%A7'.repeat(60),
];

const NOW = '2026-11-23T07:00:00Z';

describe('hostile strings in every filter and name', () => {
  let h: ApiHarness;
  const outcomes: string[] = [];
  before(async () => {
    h = await openApiHarness({ config: { loginRateLimitPerMinute: 10_000 } });
    await h.app.ingest(h.system('default'), [
      { id: '1', platform: 'facebook', text: 'Triều cường gây ngập', publishedAt: NOW },
      { id: '2', platform: 'news', text: "O'Reilly nói 100% _ngập_", publishedAt: NOW },
      { id: '3', platform: 'zalo', kind: 'message', text: 'kẹt xe riêng', publishedAt: NOW },
    ]);
  });
  after(() => h.close());

  const label = (value: string) =>
    value.length > 40
      ? `${JSON.stringify(value.slice(0, 12))}…(${value.length})`
      : JSON.stringify(value);

  /** 200 or a clear 4xx with a JSON error body; never a 500. */
  async function check(field: string, value: string, caller: Caller, request: ApiRequest) {
    const res: LightMyRequestResponse = await caller.request(request);
    outcomes.push(`${field} ${label(value)} → ${res.statusCode} ${errorCode(res) ?? ''}`);
    assert.ok(res.statusCode < 500, `${field} ${label(value)}: ${res.statusCode} ${res.body}`);
    if (res.statusCode >= 400) {
      const code = errorCode(res);
      assert.ok(code !== undefined && /^[a-z]+\.[a-z_]+$/.test(code), `${field}: ${res.body}`);
    }
    assert.equal(res.headers['x-content-type-options'], 'nosniff', `${field}: security headers`);
    return res;
  }

  async function snapshot() {
    const search = await h.members.default.viewer.request({ url: '/api/posts?q=ng%E1%BA%ADp' });
    return {
      posts: await h.store.countPosts(),
      hits: search.json().hits.map((hit: { post: { id: string } }) => hit.post.id),
      users: (await h.members.default.owner.request({ url: '/api/members' })).json().members.length,
    };
  }

  it('answers 200 or a clear 4xx to each in q, topic, platform, from, to and cursor, and loses nothing', async () => {
    const before = await snapshot();
    const viewer = h.members.default.viewer;
    for (const value of HOSTILE) {
      const encoded = encodeURIComponent(value);
      for (const field of ['q', 'topic', 'platform', 'from', 'to', 'cursor'])
        await check(`posts ${field}`, value, viewer, { url: `/api/posts?${field}=${encoded}` });
      await check('posts q+platform', value, viewer, {
        url: `/api/posts?q=${encoded}&platform=facebook,${encoded}`,
      });
    }
    for (const raw of RAW_QUERY_VALUES)
      for (const field of ['q', 'topic', 'platform', 'cursor'])
        await check(`posts ${field} (raw)`, raw, viewer, { url: `/api/posts?${field}=${raw}` });
    for (const raw of RAW_PATH_VALUES) {
      for (const url of [`/api/topics/${raw}`, `/api/topics/${raw}/volume`, `/static/${raw}`])
        await check('path (raw)', raw, viewer, { url });
      await check('path (raw)', raw, h.tokens.default.owner, {
        method: 'DELETE',
        url: `/api/tokens/${raw}`,
      });
    }
    assert.deepEqual(await snapshot(), before);
  });

  it('treats % and _ as text, never as wildcards that match everything', async () => {
    const viewer = h.members.default.viewer;
    for (const q of ['_', '%_%', '%25']) {
      const res = await viewer.request({ url: `/api/posts?q=${encodeURIComponent(q)}` });
      assert.deepEqual(res.statusCode === 200 ? res.json().hits : [], [], q);
    }
    const audit = (action: string) =>
      h.installAdmin.request({
        url: `/api/audit?all=true&action=${encodeURIComponent(action)}`,
        workspace: 'default',
      });
    for (const action of ['%', '%.', '_', '_.', '*'])
      assert.deepEqual((await audit(action)).json().entries, [], action);
    assert.ok((await audit('auth.')).json().entries.length > 0, 'a real prefix still works');
  });

  it('does the same in the topic query, its test, volume and back-fill ranges', async () => {
    const before = await snapshot();
    const analyst = h.members.default.analyst;
    const topic = (await h.app.createTopic(h.system('default'), { name: 'Ngập', query: 'ngập' }))
      .id;
    for (const value of HOSTILE) {
      const encoded = encodeURIComponent(value);
      await check('topic test query', value, analyst, {
        method: 'POST',
        url: '/api/topics/test',
        payload: { query: value },
      });
      const created = await check('topic query', value, analyst, {
        method: 'POST',
        url: '/api/topics',
        payload: { name: `Chủ đề ${HOSTILE.indexOf(value)}`, query: value },
      });
      if (created.statusCode === 201)
        await analyst.request({ method: 'DELETE', url: `/api/topics/${created.json().id}` });
      await check('topic name', value, analyst, {
        method: 'PATCH',
        url: `/api/topics/${topic}`,
        payload: { name: value },
      });
      await check('volume from', value, analyst, {
        url: `/api/topics/${topic}/volume?from=${encoded}`,
      });
      await check('backfill to', value, analyst, {
        method: 'POST',
        url: `/api/topics/${topic}/backfill`,
        payload: { to: value },
      });
      await check('topic id', value, analyst, { url: `/api/topics/${encoded}` });
    }
    assert.deepEqual(await snapshot(), before);
  });

  it('does the same in audit filters, member logins, token and workspace names, and logins', async () => {
    const before = await snapshot();
    const owner = h.members.default.owner;
    for (const value of HOSTILE) {
      const encoded = encodeURIComponent(value);
      for (const field of ['action', 'actorId', 'from', 'to', 'cursor'])
        await check(`audit ${field}`, value, owner, { url: `/api/audit?${field}=${encoded}` });
      await check('audit export action', value, owner, {
        url: `/api/audit/export?action=${encoded}`,
      });
      await check('member login', value, owner, {
        method: 'PUT',
        url: '/api/members',
        payload: { login: value, password: PASSWORD, role: 'viewer' },
      });
      await check('member remove', value, owner, {
        method: 'DELETE',
        url: `/api/members/${encoded}`,
      });
      await check('token name', value, owner, {
        method: 'POST',
        url: '/api/tokens',
        payload: { name: value, role: 'viewer' },
      });
      await check('workspace name', value, h.installAdmin, {
        method: 'POST',
        url: '/api/workspaces',
        payload: { name: value },
      });
      await check('workspace rename', value, owner, {
        method: 'PATCH',
        url: '/api/workspaces/current',
        payload: { name: value },
      });
      await check('workspace header', value, owner, {
        url: '/api/topics',
        headers: { 'x-langnghe-workspace': value.replace(/[^\x20-\x7e]/g, '?') },
      });
      await check('login', value, h.anonymous, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: value, password: value },
      });
    }
    for (const raw of RAW_QUERY_VALUES)
      await check('audit action (raw)', raw, owner, { url: `/api/audit?action=${raw}` });
    assert.deepEqual(await snapshot(), before, 'no member was added by a hostile login');
    const verify = await owner.request({ url: '/api/audit/verify' });
    assert.equal(verify.json().isIntact, true, 'the audit chain holds');
    console.log(`hostile input: ${outcomes.length} requests\n${[...new Set(outcomes)].join('\n')}`);
  });
});
