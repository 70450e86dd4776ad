import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, errorCode, loginOverHttp, openApiHarness } from '../../test/api-harness.js';
import type { ApiHarness, Caller } from '../../test/api-harness.js';

const PHONE = '0901234567';
const TEXT = `Nước ngập tới đầu gối ở Huỳnh Tấn Phát, liên hệ ${PHONE}`;

interface Entry {
  action: string;
  target?: string;
  actor: { kind: string; id: string; name?: string };
  workspaceId?: string;
  details: Record<string, unknown>;
}

describe('the audit trail and personal data over HTTP', () => {
  let h: ApiHarness;
  before(async () => {
    h = await openApiHarness();
    await h.app.ingest(h.system('default'), [
      { id: 'pii', platform: 'facebook', text: TEXT, publishedAt: '2026-11-23T07:00:00Z' },
    ]);
  });
  after(() => h.close());

  /** Every entry of the install, newest first, as the install admin reads them. */
  const entries = async (): Promise<Entry[]> => {
    const res = await h.installAdmin.request({
      url: '/api/audit?all=true&limit=1000',
      workspace: 'default',
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().entries;
  };
  const find = async (action: string, target?: string) =>
    (await entries()).filter(
      (e) => e.action === action && (target === undefined || e.target === target),
    );

  it('records a login and a failed login', async () => {
    const userId = h.members.default.analyst.userId;
    const logins = (await find('auth.login', userId)).length;
    const ok = await loginOverHttp(h.server, { login: 'default-analyst' });
    assert.equal(ok.response.statusCode, 200);
    const [login] = await find('auth.login', userId);
    assert.equal((await find('auth.login', userId)).length, logins + 1);
    assert.equal(login?.details.method, 'password');
    const before = (await find('auth.login_failed')).length;
    await loginOverHttp(h.server, { login: 'default-analyst', password: 'sai-mật-khẩu-rồi' });
    const failed = await find('auth.login_failed');
    assert.equal(failed.length, before + 1);
    assert.equal(failed[0]!.actor.kind, 'anonymous');
    assert.equal(failed[0]!.actor.id, 'default-analyst');
    assert.equal(failed[0]!.target, userId);
    assert.equal(JSON.stringify(failed).includes('sai-mật-khẩu-rồi'), false, 'no password logged');
  });

  it('records a topic created, changed and deleted, with who did it', async () => {
    const analyst = h.members.default.analyst;
    const created = await analyst.request({
      method: 'POST',
      url: '/api/topics',
      payload: { name: 'Ngập', query: 'ngập' },
    });
    const id: string = created.json().id;
    await analyst.request({
      method: 'PATCH',
      url: `/api/topics/${id}`,
      payload: { name: 'Triều' },
    });
    await analyst.request({ method: 'DELETE', url: `/api/topics/${id}` });
    for (const action of ['topic.create', 'topic.update', 'topic.delete']) {
      const [entry] = await find(action, id);
      assert.ok(entry, action);
      assert.equal(entry.actor.name, 'default-analyst');
      assert.equal(entry.workspaceId, 'default');
    }
  });

  it('records a token created and revoked, never its secret', async () => {
    const admin = h.tokens.default.admin;
    const res = await admin.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'Nhập liệu', role: 'admin' },
    });
    const { token, secret } = res.json();
    await admin.request({ method: 'DELETE', url: `/api/tokens/${token.id}` });
    assert.equal((await find('token.create', token.id)).length, 1);
    const [revoked] = await find('token.revoke', token.id);
    assert.equal(revoked?.actor.id, admin.tokenId, 'a token acts under its own id');
    assert.equal(JSON.stringify(await entries()).includes(secret), false);
  });

  it('records a member added; an admin cannot grant pii:read or a role above its own', async () => {
    const admin = h.members.default.admin;
    const add = (payload: object) => admin.request({ method: 'PUT', url: '/api/members', payload });
    const added = await add({ login: 'can-bo-moi', password: PASSWORD, role: 'viewer' });
    assert.equal(added.statusCode, 200, added.body);
    const [entry] = await find('member.add', added.json().user.id);
    assert.equal(entry?.details.role, 'viewer');
    const pii = await add({ login: 'can-bo-moi', role: 'viewer', canReadPii: true });
    assert.equal(pii.statusCode, 403);
    const owner = await add({ login: 'can-bo-moi', role: 'owner' });
    assert.equal(owner.statusCode, 403);
    assert.equal(errorCode(owner), 'auth.forbidden');
  });

  it('records an audit export; a viewer may not read the audit log', async () => {
    const owner = h.members.default.owner;
    const exports = (await find('audit.export')).length;
    const exported = await owner.request({ url: '/api/audit/export?format=csv' });
    assert.equal(exported.statusCode, 200);
    assert.match(String(exported.headers['content-type']), /^text\/csv/);
    const [entry] = await find('audit.export');
    assert.equal((await find('audit.export')).length, exports + 1);
    assert.equal(entry?.actor.name, 'default-owner');
    for (const url of ['/api/audit', '/api/audit/export', '/api/audit/verify']) {
      const res = await h.members.default.viewer.request({ url });
      assert.equal(res.statusCode, 403, url);
      assert.equal(errorCode(res), 'auth.forbidden');
    }
  });

  const postText = async (caller: Caller) => {
    const res = await caller.request({ url: `/api/posts?q=${encodeURIComponent('ngập')}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().hits[0].post.text as string;
  };
  const sampleText = async (caller: Caller) => {
    const res = await caller.request({
      method: 'POST',
      url: '/api/topics/test',
      payload: { query: 'ngập' },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().sample[0].post.text as string;
  };

  it('masks the phone number for a viewer, on search and on a topic test, and records no view', async () => {
    const before = (await find('pii.view')).length;
    for (const text of [
      await postText(h.members.default.viewer),
      await sampleText(h.members.default.viewer),
      await postText(h.tokens.default.owner),
    ]) {
      assert.doesNotMatch(text, new RegExp(PHONE));
      assert.equal(text.length, TEXT.length, 'same length, so highlights stay right');
      assert.ok(text.startsWith('Nước ngập tới đầu gối'));
    }
    assert.equal((await find('pii.view')).length, before);
  });

  it('shows the phone number to a member with pii:read, and records each view', async () => {
    assert.equal(await postText(h.piiReader), TEXT);
    const [search] = await find('pii.view');
    assert.equal(search?.actor.name, 'default-pii');
    assert.deepEqual(search?.details.posts, ['facebook:pii']);
    assert.equal(search?.details.via, 'posts.search');
    assert.equal(await sampleText(h.piiReader), TEXT);
    const views = await find('pii.view');
    assert.equal(views.length, 2);
    assert.equal(views[0]?.details.via, 'topic.test');
  });
});
