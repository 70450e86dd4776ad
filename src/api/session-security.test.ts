import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorCode, loginOverHttp, openApiHarness } from '../../test/api-harness.js';
import type { ApiHarness } from '../../test/api-harness.js';

const TOPIC = { name: 'Ngập', query: 'ngập' };

describe('cookie sessions over HTTP', () => {
  let h: ApiHarness;
  before(async () => {
    h = await openApiHarness();
  });
  after(() => h.close());

  const createTopic = (headers: Record<string, string>, name = TOPIC.name) =>
    h.server.inject({
      method: 'POST',
      url: '/api/topics',
      headers,
      payload: { ...TOPIC, name },
    });

  it('refuses a cookie POST without the CSRF token or with a wrong one, and takes the right one', async () => {
    const { session, csrfToken, headers } = await loginOverHttp(h.server, {
      login: 'default-analyst',
    });
    assert.ok(session && csrfToken);
    const cookie = headers.cookie!;

    const missing = await createTopic({ cookie }, 'Không có mã');
    assert.equal(missing.statusCode, 403);
    assert.equal(errorCode(missing), 'auth.csrf');
    const wrong = await createTopic({ cookie, 'x-csrf-token': `${csrfToken}x` }, 'Sai mã');
    assert.equal(wrong.statusCode, 403);
    assert.equal(errorCode(wrong), 'auth.csrf');
    const other = await h.members.default.admin.request({ url: '/api/auth/session' });
    const foreign = await createTopic({ cookie, 'x-csrf-token': other.json().csrfToken }, 'Mã lạ');
    assert.equal(errorCode(foreign), 'auth.csrf', "another session's token does not do");
    const names = async () =>
      (await h.members.default.viewer.request({ url: '/api/topics' }))
        .json()
        .topics.map((t: { name: string }) => t.name);
    assert.deepEqual(await names(), []);

    const right = await createTopic(headers, 'Đúng mã');
    assert.equal(right.statusCode, 201, right.body);
    const read = await h.server.inject({ url: '/api/topics', headers: { cookie } });
    assert.equal(read.statusCode, 200, 'a GET needs no CSRF token');
    assert.deepEqual(await names(), ['Đúng mã']);
  });

  it('needs no CSRF token with a bearer token', async () => {
    const res = await createTopic(h.tokens.default.analyst.headers, 'Bằng token');
    assert.equal(res.statusCode, 201, res.body);
  });

  it('refuses a change sent from another site, and takes one from the same origin', async () => {
    const token = h.tokens.default.analyst.headers;
    const evil = await createTopic({ ...token, origin: 'https://evil.example' }, 'Từ xa');
    assert.equal(evil.statusCode, 403);
    assert.equal(errorCode(evil), 'auth.forbidden');
    assert.match(evil.json().error.message, /Cross-site request from https:\/\/evil.example/);
    const lookalike = await createTopic({ ...token, origin: 'http://localhost.evil.example' }, 'X');
    assert.equal(lookalike.statusCode, 403);
    const same = await createTopic({ ...token, origin: 'http://localhost' }, 'Cùng nguồn');
    assert.equal(same.statusCode, 201, same.body);
  });

  it('gives a new session at login: a cookie planted before it is neither kept nor promoted', async () => {
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const { session } = await loginOverHttp(h.server, {
      login: 'default-viewer',
      headers: { cookie: `langnghe_session=${planted}` },
    });
    assert.ok(session);
    assert.notEqual(session, planted);
    const asPlanted = await h.server.inject({
      url: '/api/auth/session',
      headers: { cookie: `langnghe_session=${planted}` },
    });
    assert.equal(asPlanted.statusCode, 401);
    const again = await loginOverHttp(h.server, { login: 'default-viewer' });
    assert.notEqual(again.session, session, 'every login is a new session');
  });

  it('ends the session at logout: its cookie and CSRF token are refused afterwards', async () => {
    const a = await loginOverHttp(h.server, { login: 'default-admin' });
    const b = await loginOverHttp(h.server, { login: 'default-owner' });
    const logout = await h.server.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: a.headers,
    });
    assert.equal(logout.statusCode, 204);
    assert.match(String(logout.headers['set-cookie']), /^langnghe_session=; .*Max-Age=0/);

    const session = await h.server.inject({ url: '/api/auth/session', headers: a.headers });
    assert.equal(session.statusCode, 401);
    assert.equal(errorCode(session), 'auth.required');
    const change = await createTopic(a.headers, 'Sau khi thoát');
    assert.equal(change.statusCode, 401);
    const replayed = await h.server.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: a.headers,
    });
    assert.equal(replayed.statusCode, 401);
    const stillIn = await h.server.inject({ url: '/api/auth/session', headers: b.headers });
    assert.equal(stillIn.json().principal.name, 'default-owner', "another user's session lives on");
  });

  it('sends the session cookie HttpOnly and SameSite=Strict', async () => {
    const { response } = await loginOverHttp(h.server, { login: 'default-viewer' });
    const cookie = String(response.headers['set-cookie']);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.doesNotMatch(response.body, new RegExp(cookie.split(';')[0]!.split('=')[1]!));
  });
});

describe('API tokens over HTTP', () => {
  let h: ApiHarness;
  before(async () => {
    h = await openApiHarness();
  });
  after(() => h.close());

  const create = async (expiresInDays?: number) => {
    const res = await h.tokens.default.admin.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'Báo cáo', role: 'viewer', ...(expiresInDays && { expiresInDays }) },
    });
    assert.equal(res.statusCode, 201, res.body);
    const { token, secret } = res.json() as { token: { id: string }; secret: string };
    return { id: token.id, headers: { authorization: `Bearer ${secret}` } };
  };
  const topics = (headers: Record<string, string>) =>
    h.server.inject({ url: '/api/topics', headers });

  it('refuses a revoked token at once', async () => {
    const token = await create();
    assert.equal((await topics(token.headers)).statusCode, 200);
    const revoked = await h.tokens.default.admin.request({
      method: 'DELETE',
      url: `/api/tokens/${token.id}`,
    });
    assert.equal(revoked.statusCode, 204);
    const res = await topics(token.headers);
    assert.equal(res.statusCode, 401);
    assert.equal(errorCode(res), 'auth.invalid');
    assert.match(String(res.headers['www-authenticate']), /error="invalid_token"/);
  });

  it('refuses a token once its expiry passes', async () => {
    const token = await create(1);
    h.clock.advance(86_400_000 - 1_000);
    assert.equal((await topics(token.headers)).statusCode, 200, 'still valid before expiresAt');
    h.clock.advance(2_000);
    const res = await topics(token.headers);
    assert.equal(res.statusCode, 401);
    assert.equal(errorCode(res), 'auth.invalid');
    assert.equal((await topics(h.tokens.default.viewer.headers)).statusCode, 200);
  });
});

describe('the Host header', () => {
  it('answers 421 to a host the install does not serve, and serves loopback and allowedHosts', async () => {
    const h = await openApiHarness({ config: { allowedHosts: ['langnghe.hcm.gov.vn'] } });
    const get = (host: string) => h.server.inject({ url: '/healthz', headers: { host } });
    const evil = await get('evil.example');
    assert.equal(evil.statusCode, 421);
    assert.equal(errorCode(evil), 'http.misdirected');
    assert.equal((await get('evil.example:80')).statusCode, 421);
    assert.equal((await get('localhost.evil.example')).statusCode, 421);
    const signedIn = await h.server.inject({
      url: '/api/topics',
      headers: { ...h.tokens.default.viewer.headers, host: 'evil.example' },
    });
    assert.equal(signedIn.statusCode, 421, 'credentials do not make a rebinding host acceptable');
    for (const host of ['localhost', 'localhost:8080', '127.0.0.1:3000', 'langnghe.hcm.gov.vn'])
      assert.equal((await get(host)).statusCode, 200, host);
    await h.close();
  });
});
