import * as client from 'openid-client';
import type { Clock } from '../core/clock.js';
import { LangngheError } from '../core/errors.js';
import { oauthErrorCode, oidcFailed, oidcUnavailable, toOidcFinishError } from './oidc-failure.js';
import { identityFromClaims, needsUserInfo } from './oidc-identity.js';
import type { OidcIdentity } from './oidc-identity.js';
import { isSameSecret } from './secret-tokens.js';

export type { OidcIdentity } from './oidc-identity.js';

/** How long a started login may take before its callback is refused. */
export const OIDC_LOGIN_TTL_MS = 10 * 60_000;

const DEFAULT_SCOPES = 'openid email profile';
/** How far in the future a pending login may be dated: clocks of several instances drift. */
const CLOCK_TOLERANCE_MS = 60_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Where and as which client langnghe signs users in with OpenID Connect. */
export interface OidcSettings {
  /** The provider's issuer identifier; its discovery document is read from below it. */
  issuer: string;
  clientId: string;
  /** Present: a confidential client (client_secret_basic). Absent: a public client, PKCE only. */
  clientSecret?: string;
  /** langnghe's callback, exactly as registered at the provider. */
  redirectUri: string;
  /** Space-separated; must contain `openid`. Default `openid email profile`. */
  scopes?: string;
}

/**
 * What `start` hands out and `finish` needs back: keep it server-side or in a short-lived,
 * httpOnly, signed cookie. It is good for one `finish`, within {@link OIDC_LOGIN_TTL_MS}.
 */
export interface PendingOidcLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Milliseconds since the epoch, from the login's clock. */
  createdAt: number;
}

/** Test and deployment knobs of {@link createOidcLogin}. */
export interface OidcLoginOptions {
  /** Allows an `http://` issuer, on a loopback host only: for tests and local providers. */
  allowInsecureHttp?: boolean;
  /** The fetch used for every request to the provider (discovery, token, JWKS, userinfo). */
  fetch?: typeof fetch;
  /** Dates pending logins. ID token `exp`/`iat` are checked by openid-client on the system clock. */
  clock?: Clock;
}

/**
 * Single sign-on through one OpenID Connect provider: authorization code flow with PKCE (S256),
 * state and nonce. The provider's metadata is discovered on first use and kept; a failed
 * discovery is retried on the next call.
 */
export interface OidcLogin {
  /**
   * The provider URL to redirect the browser to, and what to keep until the callback.
   * Throws `auth.oidc_unavailable` (cause attached) when the provider cannot be discovered.
   */
  start(): Promise<{ url: string; pending: PendingOidcLogin }>;
  /**
   * Checks the callback against `pending` (age, use once per process, provider error, state; the
   * provider's one-time code guards replays across processes), exchanges the
   * code with the PKCE verifier and validates the ID token (signature, issuer, audience, nonce,
   * expiry). Only the callback's query is read, so the URL the HTTP layer rebuilds behind a proxy
   * may differ in origin from `redirectUri`. Throws `auth.oidc_failed` when the login is refused
   * (the user starts again; `details.reason` is `expired`, `reused`, `malformed`,
   * `state_mismatch`, the provider's OAuth error code such as `access_denied` or `invalid_grant`,
   * or openid-client's error code) and `auth.oidc_unavailable` when the provider cannot be
   * reached. Error messages and causes never carry codes or tokens.
   */
  finish(callbackUrl: URL, pending: PendingOidcLogin): Promise<OidcIdentity>;
}

/**
 * Throws `config.invalid` for an issuer that is not https:// (http:// only on loopback with
 * `allowInsecureHttp`), a redirect URI that is not an absolute URL, or scopes without `openid`.
 */
export function createOidcLogin(settings: OidcSettings, options: OidcLoginOptions = {}): OidcLogin {
  const issuer = checkedIssuer(settings.issuer, options.allowInsecureHttp === true);
  const redirectUri = checkedUrl(settings.redirectUri, 'redirectUri');
  const scope = checkedScope(settings.scopes ?? DEFAULT_SCOPES);
  const clock = options.clock ?? { now: () => Date.now() };
  const finished = new Map<string, number>();
  let discovered: Promise<client.Configuration> | undefined;

  const configuration = (): Promise<client.Configuration> => {
    discovered ??= discover(issuer, settings, options).catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  };

  return {
    async start() {
      const config = await configuration();
      const pending: PendingOidcLogin = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        createdAt: clock.now(),
      };
      const parameters = await authorizationParameters(pending, redirectUri, scope);
      return { url: client.buildAuthorizationUrl(config, parameters).href, pending };
    },

    async finish(callbackUrl, pending) {
      const now = clock.now();
      forgetExpired(finished, now);
      checkPending(pending, now, finished);
      checkCallback(callbackUrl, pending);
      finished.set(pending.state, pending.createdAt + OIDC_LOGIN_TTL_MS);
      const config = await configuration();
      const callback = new URL(redirectUri.href);
      callback.search = callbackUrl.search;
      try {
        return await exchange(config, callback, pending);
      } catch (error) {
        throw toOidcFinishError(error);
      }
    },
  };
}

async function discover(
  issuer: URL,
  settings: OidcSettings,
  options: OidcLoginOptions,
): Promise<client.Configuration> {
  const auth =
    settings.clientSecret === undefined
      ? client.None()
      : client.ClientSecretBasic(settings.clientSecret);
  try {
    return await client.discovery(issuer, settings.clientId, undefined, auth, {
      // openid-client skips the ID token signature for a token endpoint answer by default (TLS
      // vouches for it, OpenID Connect Core §3.1.3.7); langnghe checks it anyway.
      execute: [
        client.enableNonRepudiationChecks,
        ...(issuer.protocol === 'http:' ? [client.allowInsecureRequests] : []),
      ],
      ...(options.fetch === undefined ? {} : { [client.customFetch]: options.fetch }),
    });
  } catch (error) {
    throw oidcUnavailable(`The identity provider ${issuer.href} could not be discovered.`, error);
  }
}

async function authorizationParameters(
  pending: PendingOidcLogin,
  redirectUri: URL,
  scope: string,
): Promise<Record<string, string>> {
  return {
    redirect_uri: redirectUri.href,
    scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
  };
}

async function exchange(
  config: client.Configuration,
  callback: URL,
  pending: PendingOidcLogin,
): Promise<OidcIdentity> {
  const tokens = await client.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (claims === undefined) throw oidcFailed('The identity provider returned no ID token.');
  if (!needsUserInfo(claims) || config.serverMetadata().userinfo_endpoint === undefined) {
    return identityFromClaims(claims);
  }
  const userInfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  return identityFromClaims(claims, userInfo);
}

function checkPending(pending: PendingOidcLogin, now: number, finished: Map<string, number>) {
  const isWellFormed =
    typeof pending.state === 'string' &&
    pending.state !== '' &&
    typeof pending.nonce === 'string' &&
    typeof pending.codeVerifier === 'string' &&
    Number.isFinite(pending.createdAt);
  if (!isWellFormed) {
    throw oidcFailed('The pending login is malformed; start it again.', { reason: 'malformed' });
  }
  const age = now - pending.createdAt;
  if (age > OIDC_LOGIN_TTL_MS || age < -CLOCK_TOLERANCE_MS) {
    throw oidcFailed('The login took longer than 10 minutes; start it again.', {
      reason: 'expired',
    });
  }
  if (finished.has(pending.state)) {
    throw oidcFailed('This login was already finished; start it again.', { reason: 'reused' });
  }
}

function checkCallback(callbackUrl: URL, pending: PendingOidcLogin) {
  const params = callbackUrl.searchParams;
  if (params.has('error')) {
    const code = oauthErrorCode(params.get('error'));
    throw oidcFailed(`The identity provider refused the login (${code}).`, { reason: code });
  }
  const state = params.get('state');
  if (state === null || !isSameSecret(state, pending.state)) {
    throw oidcFailed('The callback does not belong to this login (state mismatch).', {
      reason: 'state_mismatch',
    });
  }
}

function forgetExpired(finished: Map<string, number>, now: number) {
  for (const [state, expiresAt] of finished) {
    if (expiresAt < now) finished.delete(state);
  }
}

function checkedIssuer(issuer: string, allowInsecureHttp: boolean): URL {
  const url = checkedUrl(issuer, 'issuer');
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && allowInsecureHttp && LOOPBACK_HOSTS.has(url.hostname)) return url;
  throw invalidSetting('issuer', 'must be https:// (http:// only on loopback, for tests)');
}

function checkedUrl(value: string, name: string): URL {
  try {
    return new URL(value);
  } catch (error) {
    throw invalidSetting(name, 'must be an absolute URL', error);
  }
}

function checkedScope(scope: string): string {
  if (!scope.split(/\s+/).includes('openid')) throw invalidSetting('scopes', 'must include openid');
  return scope.trim();
}

function invalidSetting(name: string, problem: string, cause?: unknown) {
  return new LangngheError('config.invalid', `OIDC setting ${name} ${problem}.`, {
    details: { setting: `oidc.${name}` },
    cause,
  });
}
