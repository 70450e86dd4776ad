import { LangngheError, isLangngheError } from '../../core/errors.js';
import type { Clock } from '../../core/clock.js';
import type { HttpClient, HttpResponse } from '../http-client.js';

/** What the Reddit door needs from the poll context and the source's config. */
export interface RedditApiOptions {
  http: HttpClient;
  clock: Clock;
  signal: AbortSignal;
  clientId: string;
  clientSecret: string;
  userAgent: string;
  authBaseUrl: string;
  apiBaseUrl: string;
}

/** An authenticated GET on `oauth.reddit.com` that honours the API rules. */
export interface RedditApi {
  /**
   * GETs `path` (with `params`) as JSON with `Authorization: bearer …` and the User-Agent.
   * Fetches an application-only token on first use and reuses it until it expires; a 401 gets
   * one fresh token and one retry. Throws `source.rate_limited` (with `retryAfterMs`) instead of
   * sending when the last answer said no request is left in the window.
   */
  getJson(path: string, params: URLSearchParams): Promise<unknown>;
}

interface CachedToken {
  value: string;
  expiresAtMs: number;
}

/** Refresh a minute early so a token never expires between the check and the request. */
const EXPIRY_MARGIN_MS = 60_000;

function basicAuth(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64')}`;
}

/**
 * Reads the token answer. Reddit answers a refused grant with 401 (the client throws
 * `source.auth`) or, for some mistakes, 200 with `{"error": "…"}`.
 * https://github.com/reddit-archive/reddit/wiki/OAuth2#application-only-oauth
 */
function readToken(body: unknown, nowMs: number): CachedToken {
  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof record.access_token !== 'string' || record.access_token === '') {
    const reason = typeof record.error === 'string' ? record.error : 'no access_token';
    throw new LangngheError(
      'source.auth',
      `Reddit refused the application-only token (${reason.slice(0, 100)}): check clientId and clientSecret`,
      { details: { reason: reason.slice(0, 100) } },
    );
  }
  const seconds = typeof record.expires_in === 'number' ? record.expires_in : 3600;
  return { value: record.access_token, expiresAtMs: nowMs + seconds * 1000 - EXPIRY_MARGIN_MS };
}

function headerNumber(response: HttpResponse, name: string): number | undefined {
  const value = response.headers.get(name)?.trim();
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function isUnauthorized(error: unknown): error is LangngheError {
  return isLangngheError(error) && error.code === 'source.auth' && error.details.status === 401;
}

/**
 * The Reddit API door of one poll: application-only OAuth (client credentials), the token kept in
 * memory for the run, and Reddit's `X-Ratelimit-Remaining` / `X-Ratelimit-Reset` budget
 * (https://github.com/reddit-archive/reddit/wiki/API).
 */
export function createRedditApi(options: RedditApiOptions): RedditApi {
  let token: CachedToken | undefined;
  let blockedUntilMs: number | undefined;

  async function fetchToken(): Promise<string> {
    const response = await options.http.request(`${options.authBaseUrl}/api/v1/access_token`, {
      method: 'POST',
      headers: {
        authorization: basicAuth(options.clientId, options.clientSecret),
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': options.userAgent,
        accept: 'application/json',
      },
      body: 'grant_type=client_credentials',
      // Asking for a client-credentials token twice is harmless.
      isRetryable: true,
      signal: options.signal,
    });
    token = readToken(response.json(), options.clock.now());
    return token.value;
  }

  async function currentToken(): Promise<string> {
    if (token !== undefined && options.clock.now() < token.expiresAtMs) return token.value;
    return fetchToken();
  }

  function checkBudget(): void {
    if (blockedUntilMs === undefined) return;
    const waitMs = blockedUntilMs - options.clock.now();
    if (waitMs <= 0) {
      blockedUntilMs = undefined;
      return;
    }
    throw new LangngheError(
      'source.rate_limited',
      `Reddit's request budget for this window is spent; it resets in ${Math.ceil(waitMs / 1000)} s`,
      { details: { retryAfterMs: waitMs } },
    );
  }

  function noteBudget(response: HttpResponse): void {
    const remaining = headerNumber(response, 'x-ratelimit-remaining');
    const resetSeconds = headerNumber(response, 'x-ratelimit-reset');
    if (remaining === undefined || remaining >= 1) return;
    blockedUntilMs = options.clock.now() + Math.ceil((resetSeconds ?? 60) * 1000);
  }

  async function send(url: string, accessToken: string): Promise<HttpResponse> {
    return options.http.request(url, {
      headers: {
        authorization: `bearer ${accessToken}`,
        'user-agent': options.userAgent,
        accept: 'application/json',
      },
      signal: options.signal,
    });
  }

  return {
    async getJson(path, params) {
      checkBudget();
      const url = `${options.apiBaseUrl}${path}?${params.toString()}`;
      const accessToken = await currentToken();
      let response: HttpResponse;
      try {
        response = await send(url, accessToken);
      } catch (error) {
        if (!isUnauthorized(error)) throw error;
        // The token expired or was revoked early: one fresh token, one more try.
        response = await send(url, await fetchToken());
      }
      noteBudget(response);
      return response.json();
    },
  };
}
