import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness } from '../../test/api-harness.js';
import type { ApiHarness } from '../../test/api-harness.js';
import { freePort } from '../../test/helpers.js';
import { createOidcBrowser } from '../../test/oidc-browser.js';
import { startOidcProvider } from '../../test/oidc-provider.js';
import type { TestOidcProvider } from '../../test/oidc-provider.js';
import { createOidcLogin } from '../auth/oidc.js';

const CLIENT = { clientId: 'langnghe', clientSecret: 'oidc-test-client-secret-0123456789' };

/** The value of cookie `name` among a response's Set-Cookie headers. */
function setCookie(response: Response, name: string): string | undefined {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    if (pair.startsWith(`${name}=`)) return pair.slice(name.length + 1);
  }
  return undefined;
}

describe('single sign-on through the server (real provider, real listen)', () => {
  let provider: TestOidcProvider;
  let h: ApiHarness;
  let base: string;
  let redirectUri: string;

  before(async () => {
    const port = await freePort();
    redirectUri = `http://127.0.0.1:${port}/api/auth/oidc/callback`;
    provider = await startOidcProvider([
      {
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ]);
    const oidc = createOidcLogin(
      { issuer: provider.issuer, redirectUri, ...CLIENT },
      { allowInsecureHttp: true },
    );
    h = await openApiHarness({ oidc, sessions: { oidcDefaultMembership: 'ubnd-q1:viewer' } });
    base = await h.listen(port);
  });
  after(async () => {
    await h.close();
    await provider.close();
  });

  /** start → the provider's login and consent → the callback URL and the pending-login cookie. */
  async function signInAtProvider(login: string) {
    const start = await fetch(`${base}/api/auth/oidc/start`, { redirect: 'manual' });
    assert.equal(start.status, 302);
    const pending = setCookie(start, 'langnghe_oidc');
    assert.ok(pending, 'the pending login is kept in a cookie');
    const location = start.headers.get('location')!;
    assert.ok(location.startsWith(provider.issuer), location);
    const callback = await createOidcBrowser(redirectUri).signIn(location, login);
    return { callback, cookie: `langnghe_oidc=${pending}` };
  }
  const finish = (callback: URL, cookie?: string) =>
    fetch(callback, { redirect: 'manual', headers: cookie === undefined ? {} : { cookie } });

  it('signs a new user in, into the default membership, with a session cookie', async () => {
    const { callback, cookie } = await signInAtProvider('nguyen.van.an');
    const done = await finish(callback, cookie);
    assert.equal(done.status, 302, await done.clone().text());
    assert.equal(done.headers.get('location'), '/');
    const session = setCookie(done, 'langnghe_session');
    assert.ok(session);
    assert.equal(setCookie(done, 'langnghe_oidc'), '', 'the pending login is cleared');

    const headers = { cookie: `langnghe_session=${session}` };
    const me = await fetch(`${base}/api/auth/session`, { headers });
    assert.equal(me.status, 200);
    const body = (await me.json()) as {
      principal: { kind: string; name: string; memberships: unknown[] };
      workspaces: { id: string }[];
    };
    assert.equal(body.principal.kind, 'user');
    assert.equal(body.principal.name, 'nguyen.van.an');
    assert.deepEqual(body.principal.memberships, [
      { workspaceId: 'ubnd-q1', role: 'viewer', canReadPii: false },
    ]);
    assert.deepEqual(
      body.workspaces.map((w) => w.id),
      ['ubnd-q1'],
    );
    assert.equal((await fetch(`${base}/api/topics`, { headers })).status, 200);
    const elsewhere = await fetch(`${base}/api/topics?workspace=default`, { headers });
    assert.equal(elsewhere.status, 403);

    const audit = await h.installAdmin.request({
      url: '/api/audit?all=true&action=auth.login',
      workspace: 'default',
    });
    const logins: { details: { method?: string }; actor: { name?: string } }[] =
      audit.json().entries;
    assert.ok(logins.some((e) => e.details.method === 'oidc' && e.actor.name === 'nguyen.van.an'));
  });

  it('finds the same user at the next sign-in, with a new session', async () => {
    const first = await signInAtProvider('tran.thi.binh');
    const a = setCookie(await finish(first.callback, first.cookie), 'langnghe_session');
    const second = await signInAtProvider('tran.thi.binh');
    const b = setCookie(await finish(second.callback, second.cookie), 'langnghe_session');
    assert.ok(a && b);
    assert.notEqual(a, b);
    const who = async (session: string) =>
      (
        (await (
          await fetch(`${base}/api/auth/session`, {
            headers: { cookie: `langnghe_session=${session}` },
          })
        ).json()) as { principal: { id: string } }
      ).principal.id;
    assert.equal(await who(a), await who(b));
  });

  it('refuses a callback replayed, one without the pending cookie, and a cancelled sign-in', async () => {
    const { callback, cookie } = await signInAtProvider('le.van.cuong');
    const bare = await finish(callback);
    assert.equal(bare.status, 401);
    assert.equal(
      ((await bare.json()) as { error: { code: string } }).error.code,
      'auth.oidc_failed',
    );
    assert.equal((await finish(callback, cookie)).status, 302);
    const replay = await finish(callback, cookie);
    assert.equal(replay.status, 401);
    assert.equal(setCookie(replay, 'langnghe_session'), undefined);

    const start = await fetch(`${base}/api/auth/oidc/start`, { redirect: 'manual' });
    const pending = `langnghe_oidc=${setCookie(start, 'langnghe_oidc')}`;
    const cancelled = await createOidcBrowser(redirectUri).cancel(start.headers.get('location')!);
    const refused = await finish(cancelled, pending);
    assert.equal(refused.status, 401);
    const { error } = (await refused.json()) as { error: { code: string; details: object } };
    assert.deepEqual(
      [error.code, error.details],
      ['auth.oidc_failed', { reason: 'access_denied' }],
    );
    assert.equal(setCookie(refused, 'langnghe_session'), undefined);
  });
});
