import { LangngheError, isLangngheError } from '../../core/errors.js';
import type { Clock } from '../../core/clock.js';
import type { HttpClient } from '../http-client.js';
import { parseJsonKeepingBigInts } from './parse-json-big-ints.js';

export interface TikTokApiOptions {
  http: HttpClient;
  clock: Clock;
  signal: AbortSignal;
  clientKey: string;
  clientSecret: string;
  apiBaseUrl: string;
}

/** The Research API door of one poll. */
export interface TikTokApi {
  /**
   * POSTs a Research API query (`path` with `?fields=`) with the client access token and returns
   * the answer's `data` object, int64 ids kept as strings. Fetches the token on first use and
   * reuses it until it expires; a 401 gets one fresh token and one retry. Errors: `source.auth`
   * (token or scope refused), `source.rate_limited` (with `retryAfterMs`), `source.http`
   * (`invalid_params` and other refusals), `source.bad_response`.
   */
  query(path: string, fields: readonly string[], body: string): Promise<Record<string, unknown>>;
}

interface CachedToken {
  value: string;
  expiresAtMs: number;
}

const EXPIRY_MARGIN_MS = 60_000;
const DAY_MS = 86_400_000;

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 300) : '';
}

/**
 * The Research API's daily quota (1,000 requests) resets at 12 AM UTC
 * (https://developers.tiktok.com/doc/research-api-faq).
 */
export function msUntilUtcMidnight(nowMs: number): number {
  return DAY_MS - (nowMs % DAY_MS);
}

/**
 * Reads the client token answer: `{access_token, expires_in, token_type}`, or the OAuth error
 * struct `{error, error_description, log_id}` (https://developers.tiktok.com/doc/oauth-error-handling).
 */
function readToken(body: unknown, nowMs: number): CachedToken {
  const record = asRecord(body);
  if (typeof record.access_token !== 'string' || record.access_token === '') {
    const reason = [text(record.error), text(record.error_description)].filter(Boolean).join(': ');
    throw new LangngheError(
      'source.auth',
      `TikTok refused the client access token (${reason || 'no access_token'}): check clientKey and clientSecret`,
      { details: { reason: text(record.error), logId: text(record.log_id) } },
    );
  }
  const seconds = typeof record.expires_in === 'number' ? record.expires_in : 7200;
  return { value: record.access_token, expiresAtMs: nowMs + seconds * 1000 - EXPIRY_MARGIN_MS };
}

/**
 * Turns a v2 error struct `{code, message, log_id}` that is not `ok` into the engine's error
 * (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling).
 */
export function apiError(error: Record<string, unknown>, nowMs: number): LangngheError {
  const code = text(error.code);
  const said = `TikTok answered ${code}${text(error.message) === '' ? '' : `: ${text(error.message)}`}`;
  const details = { apiCode: code, logId: text(error.log_id) };
  switch (code) {
    case 'access_token_invalid':
    case 'scope_not_authorized':
    case 'scope_permission_missed':
      return new LangngheError(
        'source.auth',
        `${said} (is the Research API approved for this client?)`,
        { details },
      );
    case 'rate_limit_exceeded':
      return new LangngheError('source.rate_limited', said, {
        details: { ...details, retryAfterMs: msUntilUtcMidnight(nowMs) },
      });
    default:
      return new LangngheError('source.http', said, { details });
  }
}

/**
 * A 429 that outlasted the HTTP client's waits, with no time given, is the daily quota rather
 * than the per-minute window, so the next try is after the quota resets.
 */
function withQuotaWait(error: LangngheError, nowMs: number): LangngheError {
  if (error.code !== 'source.rate_limited' || typeof error.details.retryAfterMs === 'number')
    return error;
  return new LangngheError(
    'source.rate_limited',
    `${error.message}; the Research API's daily quota (1,000 requests, reset at 00:00 UTC) is probably spent`,
    { details: { ...error.details, retryAfterMs: msUntilUtcMidnight(nowMs) }, cause: error },
  );
}

function isUnauthorized(error: unknown): error is LangngheError {
  return isLangngheError(error) && error.code === 'source.auth' && error.details.status === 401;
}

/**
 * The TikTok Research API with a client access token (client credentials):
 * https://developers.tiktok.com/doc/client-access-token-management.
 */
export function createTikTokApi(options: TikTokApiOptions): TikTokApi {
  let token: CachedToken | undefined;

  async function fetchToken(): Promise<string> {
    const response = await options.http.request(`${options.apiBaseUrl}/v2/oauth/token/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'cache-control': 'no-cache',
        accept: 'application/json',
      },
      body: new URLSearchParams({
        client_key: options.clientKey,
        client_secret: options.clientSecret,
        grant_type: 'client_credentials',
      }).toString(),
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

  async function send(url: string, body: string, accessToken: string): Promise<string> {
    const response = await options.http.request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body,
      // A research query reads and changes nothing: safe to send again after a 5xx.
      isRetryable: true,
      signal: options.signal,
    });
    return response.body.toString('utf8');
  }

  async function sendWithReauth(url: string, body: string): Promise<string> {
    const accessToken = await currentToken();
    try {
      return await send(url, body, accessToken);
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
      return send(url, body, await fetchToken());
    }
  }

  return {
    async query(path, fields, body) {
      const url = `${options.apiBaseUrl}${path}?fields=${fields.join(',')}`;
      let raw: string;
      try {
        raw = await sendWithReauth(url, body);
      } catch (error) {
        throw isLangngheError(error) ? withQuotaWait(error, options.clock.now()) : error;
      }
      let parsed: unknown;
      try {
        parsed = parseJsonKeepingBigInts(raw);
      } catch (error) {
        throw new LangngheError(
          'source.bad_response',
          `${path} answered malformed JSON: ${(error as Error).message}`,
          { details: { path }, cause: error },
        );
      }
      const answer = asRecord(parsed);
      const error = asRecord(answer.error);
      if (error.code !== undefined && error.code !== 'ok')
        throw apiError(error, options.clock.now());
      return asRecord(answer.data);
    },
  };
}
