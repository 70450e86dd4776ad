import { LangngheError, isLangngheError } from '../../core/errors.js';
import { retryAfterMs } from '../backoff.js';

/** Mastodon's rate limits run over 5-minute windows (https://docs.joinmastodon.org/api/rate-limits/). */
const RATE_WINDOW_MS = 5 * 60_000;

/** The request headers of every Mastodon call: JSON, and the token when there is one. */
export function mastodonHeaders(accessToken: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (accessToken !== undefined) headers.authorization = `Bearer ${accessToken}`;
  return headers;
}

/**
 * How long a 429 asks to wait. Mastodon answers a throttled request with `X-RateLimit-Reset` as
 * an ISO 8601 time and no `Retry-After` (https://docs.joinmastodon.org/api/rate-limits/: "Timestamp
 * when your rate limit will reset"), which the HTTP client cannot read; `Retry-After` (a proxy's)
 * wins when present, and a whole window is assumed when neither says.
 */
export function rateLimitWaitMs(headers: Headers, nowMs: number): number {
  const asked = retryAfterMs(headers, nowMs);
  if (asked !== undefined) return asked;
  const reset = Date.parse(headers.get('x-ratelimit-reset') ?? '');
  return Number.isNaN(reset) ? RATE_WINDOW_MS : Math.max(0, reset - nowMs);
}

/** `source.rate_limited` carrying the wait, so the scheduler moves the next run past the reset. */
export function rateLimitedError(headers: Headers, shownUrl: string, nowMs: number): LangngheError {
  const wait = rateLimitWaitMs(headers, nowMs);
  return new LangngheError(
    'source.rate_limited',
    `${shownUrl} answered 429 Too Many Requests; the rate limit resets in ${Math.ceil(wait / 1000)} s`,
    { details: { status: 429, url: shownUrl, retryAfterMs: wait } },
  );
}

/** A 401/403 from the HTTP client, said in Mastodon's terms (what to change in the source). */
export function explainAuthError(error: unknown, hasToken: boolean): unknown {
  if (!isLangngheError(error) || error.code !== 'source.auth') return error;
  const hint = hasToken
    ? 'the access token is invalid, revoked or lacks the read:statuses scope'
    : 'this instance (or this timeline) needs an access token: set accessToken';
  return new LangngheError(
    'source.auth',
    `Mastodon refused the request: ${hint}. ${error.message}`,
    {
      details: error.details,
      cause: error,
    },
  );
}
