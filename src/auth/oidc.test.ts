import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createOidcBrowser } from '../../test/oidc-browser.js';
import { startOidcProvider, testAccountClaims } from '../../test/oidc-provider.js';
import type { TestOidcProvider } from '../../test/oidc-provider.js';
import { createFixedClock } from '../core/clock.js';
import { isLangngheError } from '../core/errors.js';
import type { LangngheError } from '../core/errors.js';
import { freePort } from '../../test/helpers.js';
import { OIDC_LOGIN_TTL_MS, createOidcLogin } from './oidc.js';
import type { OidcLoginOptions, OidcSettings } from './oidc.js';

const REDIRECT_URI = 'https://langnghe.example/api/auth/oidc/callback';
const CONFIDENTIAL = { clientId: 'langnghe', clientSecret: 'oidc-test-client-secret-0123456789' };
const PUBLIC = { clientId: 'langnghe-public' };

let provider: TestOidcProvider;

function settings(
  client: { clientId: string; clientSecret?: string } = CONFIDENTIAL,
): OidcSettings {
  return { issuer: provider.issuer, redirectUri: REDIRECT_URI, ...client };
}

function login(
  client: { clientId: string; clientSecret?: string } = CONFIDENTIAL,
  options: OidcLoginOptions = {},
) {
  return createOidcLogin(settings(client), { allowInsecureHttp: true, ...options });
}

async function rejection(promise: Promise<unknown>): Promise<LangngheError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isLangngheError(error), `expected a LangngheError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('OIDC login against a real provider', () => {
  before(async () => {
    provider = await startOidcProvider([
      {
        client_id: CONFIDENTIAL.clientId,
        client_secret: CONFIDENTIAL.clientSecret,
        redirect_uris: [REDIRECT_URI],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        client_id: PUBLIC.clientId,
        redirect_uris: [REDIRECT_URI],
        token_endpoint_auth_method: 'none',
      },
    ]);
  });
  after(() => provider.close());

  it('signs in through the login and consent pages and returns who logged in', async () => {
    const requested: string[] = [];
    const recording: typeof fetch = (input, init) => {
      requested.push(new URL(String(input)).pathname);
      return fetch(input, init);
    };
    const oidc = login(CONFIDENTIAL, { fetch: recording });
    const { url, pending } = await oidc.start();
    const callback = await createOidcBrowser(REDIRECT_URI).signIn(url, 'nguyen.van.an');

    const identity = await oidc.finish(callback, pending);

    const claims = testAccountClaims('nguyen.van.an');
    assert.deepEqual(identity, {
      issuer: provider.issuer,
      subject: 'nguyen.van.an',
      email: claims.email,
      emailVerified: true,
      name: claims.name,
      preferredUsername: 'nguyen.van.an',
    });
    // Discovery, code exchange, the provider's keys, then userinfo for the profile claims.
    assert.deepEqual(requested, ['/.well-known/openid-configuration', '/token', '/jwks', '/me']);
  });

  it('signs in a public client with PKCE alone', async () => {
    const oidc = login(PUBLIC);
    const { url, pending } = await oidc.start();
    const callback = await createOidcBrowser(REDIRECT_URI).signIn(url, 'tran.thi.binh');

    const identity = await oidc.finish(callback, pending);

    assert.equal(identity.subject, 'tran.thi.binh');
    assert.equal(identity.issuer, provider.issuer);
  });

  it('sends the S256 challenge of the verifier, the state and the nonce in the authorization URL', async () => {
    const { url, pending } = await login().start();

    const params = new URL(url).searchParams;
    const challenge = createHash('sha256').update(pending.codeVerifier).digest('base64url');
    assert.equal(params.get('code_challenge'), challenge);
    assert.equal(params.get('code_challenge_method'), 'S256');
    assert.equal(params.get('state'), pending.state);
    assert.equal(params.get('nonce'), pending.nonce);
    assert.equal(params.get('response_type'), 'code');
    assert.equal(params.get('client_id'), CONFIDENTIAL.clientId);
    assert.equal(params.get('redirect_uri'), REDIRECT_URI);
    assert.equal(params.get('scope'), 'openid email profile');
    assert.equal(params.has('code_verifier'), false);
  });

  it('refuses a callback whose state is not the pending login’s, without echoing the code', async () => {
    const oidc = login();
    const { url, pending } = await oidc.start();
    const callback = await createOidcBrowser(REDIRECT_URI).signIn(url, 'le.van.cuong');
    const code = callback.searchParams.get('code') ?? '';
    callback.searchParams.set('state', 'forged-state');

    const error = await rejection(oidc.finish(callback, pending));

    assert.equal(error.code, 'auth.oidc_failed');
    assert.match(error.message, /state mismatch/);
    assert.ok(code !== '' && !JSON.stringify(error).includes(code));
  });

  it('refuses a pending login finished twice, and the provider refuses the code replayed elsewhere', async () => {
    const { url, pending } = await login().start();
    const callback = await createOidcBrowser(REDIRECT_URI).signIn(url, 'pham.thi.dung');
    const oidc = login();
    await oidc.finish(callback, pending);

    const reused = await rejection(oidc.finish(callback, pending));
    const replayed = await rejection(login().finish(callback, pending));

    assert.equal(reused.code, 'auth.oidc_failed');
    assert.equal(reused.details.reason, 'reused');
    assert.equal(replayed.code, 'auth.oidc_failed');
    assert.equal(replayed.details.reason, 'invalid_grant');
    assert.ok(
      !String((replayed.cause as Error).message).includes(callback.searchParams.get('code')!),
    );
  });

  it('refuses a pending login older than ten minutes', async () => {
    const clock = createFixedClock(Date.now());
    const oidc = login(CONFIDENTIAL, { clock });
    const { url, pending } = await oidc.start();
    const callback = await createOidcBrowser(REDIRECT_URI).signIn(url, 'hoang.van.em');
    clock.advance(OIDC_LOGIN_TTL_MS + 1);

    const error = await rejection(oidc.finish(callback, pending));

    assert.equal(error.code, 'auth.oidc_failed');
    assert.equal(error.details.reason, 'expired');
  });

  it('refuses an ID token whose nonce is not the pending login’s', async () => {
    const oidc = login();
    const { url, pending } = await oidc.start();
    const callback = await createOidcBrowser(REDIRECT_URI).signIn(url, 'vo.thi.giang');

    const error = await rejection(oidc.finish(callback, { ...pending, nonce: 'another-nonce' }));

    assert.equal(error.code, 'auth.oidc_failed');
    assert.match(error.message, /nonce/);
  });

  it('refuses an ID token whose signature does not verify', async () => {
    const tampering: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (new URL(String(input)).pathname !== '/token') return response;
      const body = (await response.json()) as { id_token: string };
      const [header, payload, signature = ''] = body.id_token.split('.');
      const flipped = (signature.startsWith('A') ? 'B' : 'A') + signature.slice(1);
      const forged = { ...body, id_token: [header, payload, flipped].join('.') };
      return Response.json(forged, { status: response.status, headers: response.headers });
    };
    const oidc = login(CONFIDENTIAL, { fetch: tampering });
    const { url, pending } = await oidc.start();
    const callback = await createOidcBrowser(REDIRECT_URI).signIn(url, 'dang.van.hai');

    const error = await rejection(oidc.finish(callback, pending));

    assert.equal(error.code, 'auth.oidc_failed');
    assert.match(error.message, /signature/);
  });

  it('refuses the access_denied callback of a user who cancelled at the provider', async () => {
    const oidc = login();
    const { url, pending } = await oidc.start();
    const callback = await createOidcBrowser(REDIRECT_URI).cancel(url);
    assert.equal(callback.searchParams.get('error'), 'access_denied');

    const error = await rejection(oidc.finish(callback, pending));

    assert.equal(error.code, 'auth.oidc_failed');
    assert.equal(error.details.reason, 'access_denied');
    assert.match(error.message, /refused the login \(access_denied\)/);
  });
});

describe('OIDC discovery and settings', () => {
  it('reports an unreachable provider as auth.oidc_unavailable and discovers again on the next call', async () => {
    const issuer = `http://127.0.0.1:${await freePort()}`;
    const oidc = createOidcLogin(
      { issuer, clientId: 'langnghe', redirectUri: REDIRECT_URI },
      { allowInsecureHttp: true },
    );

    const first = await rejection(oidc.start());
    const second = await rejection(oidc.start());

    assert.equal(first.code, 'auth.oidc_unavailable');
    assert.ok(first.cause instanceof Error);
    assert.notEqual(first.cause, second.cause);
  });

  it('refuses an http issuer unless allowed and on loopback, and scopes without openid', () => {
    const base = { clientId: 'langnghe', redirectUri: REDIRECT_URI };
    const refused = [
      () => createOidcLogin({ ...base, issuer: 'http://127.0.0.1:8080' }),
      () =>
        createOidcLogin(
          { ...base, issuer: 'http://login.example.gov.vn' },
          { allowInsecureHttp: true },
        ),
      () => createOidcLogin({ ...base, issuer: 'https://login.example.gov.vn', scopes: 'email' }),
    ];

    for (const create of refused) {
      assert.throws(
        create,
        (error: unknown) => isLangngheError(error) && error.code === 'config.invalid',
      );
    }
    assert.doesNotThrow(() =>
      createOidcLogin({ ...base, issuer: 'http://127.0.0.1:8080' }, { allowInsecureHttp: true }),
    );
  });
});
