import { LangngheError } from '../../core/errors.js';

/**
 * The error object of a failed Graph API call:
 * `{ error: { message, type, code, error_subcode, fbtrace_id } }`
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 */
export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  subcode?: number;
  fbtraceId?: string;
}

/** The app, Page or business is at a Graph rate limit; `retryAfterMs` when the headers say. */
export interface UsageLimit {
  scope: string;
  retryAfterMs?: number;
}

function recordOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/** The `error` object of a Graph answer, or undefined when it has none. */
export function graphErrorOf(body: unknown): GraphErrorBody | undefined {
  const error = recordOf(recordOf(body)?.error);
  if (error === undefined) return undefined;
  return {
    message: typeof error.message === 'string' ? error.message : undefined,
    type: typeof error.type === 'string' ? error.type : undefined,
    code: numberOf(error.code),
    subcode: numberOf(error.error_subcode),
    fbtraceId: typeof error.fbtrace_id === 'string' ? error.fbtrace_id : undefined,
  };
}

/**
 * Throttling codes: 4 (app), 17 (user), 32 (Page), 341 (application limit), 613 (call rate), and
 * 80000–80099, the Business Use Case limits (80001 Pages, 80002 Instagram, …)
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
 */
export function isRateLimitCode(code: number): boolean {
  return code === 4 || code === 17 || code === 32 || code === 341 || code === 613
    ? true
    : code >= 80000 && code < 80100;
}

/**
 * 190: token expired or invalid; 102: session; 10 and 200–299: a permission missing. The type
 * `OAuthException` alone says nothing: Graph also gives it to code 100 (a bad parameter).
 */
export function isAuthCode(code: number): boolean {
  return code === 190 || code === 102 || code === 10 || (code >= 200 && code < 300);
}

function percentOver(usage: Record<string, unknown>): boolean {
  return ['call_count', 'total_time', 'total_cputime'].some(
    (key) => (numberOf(usage[key]) ?? 0) >= 100,
  );
}

function parseHeader(headers: Headers, name: string): Record<string, unknown> | undefined {
  const raw = headers.get(name);
  if (raw === null) return undefined;
  try {
    return recordOf(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

/**
 * Reads the usage headers Graph adds to its answers. `X-App-Usage` and `X-Page-Usage` give
 * percentages of the platform limits (throttled at 100); `X-Business-Use-Case-Usage` maps a
 * business id to entries with the same percentages and `estimated_time_to_regain_access` in
 * minutes. Undefined while every limit has room.
 */
export function usageLimitOf(headers: Headers): UsageLimit | undefined {
  let found: UsageLimit | undefined;
  const business = parseHeader(headers, 'x-business-use-case-usage');
  for (const entries of Object.values(business ?? {})) {
    for (const entry of Array.isArray(entries) ? entries : []) {
      const usage = recordOf(entry);
      if (usage === undefined) continue;
      const minutes = numberOf(usage.estimated_time_to_regain_access) ?? 0;
      if (minutes <= 0 && !percentOver(usage)) continue;
      const retryAfterMs = minutes > 0 ? minutes * 60_000 : undefined;
      const scope = `business use case (${typeof usage.type === 'string' ? usage.type : 'unknown'})`;
      if (found === undefined || (retryAfterMs ?? 0) > (found.retryAfterMs ?? 0))
        found = { scope, retryAfterMs };
    }
  }
  if (found !== undefined) return found;
  for (const [name, scope] of [
    ['x-app-usage', 'app'],
    ['x-page-usage', 'Page'],
  ] as const) {
    const usage = parseHeader(headers, name);
    if (usage !== undefined && percentOver(usage)) return { scope };
  }
  return undefined;
}

function describe(error: GraphErrorBody | undefined, status: number): string {
  if (error === undefined) return `HTTP ${status}`;
  const code =
    error.code === undefined
      ? ''
      : ` (code ${error.code}${error.subcode === undefined ? '' : `, subcode ${error.subcode}`})`;
  const trace = error.fbtraceId === undefined ? '' : ` [fbtrace_id ${error.fbtraceId}]`;
  return `${error.type ?? 'GraphError'}${code}: ${error.message ?? `HTTP ${status}`}${trace}`;
}

/**
 * Maps a failed Graph call to the engine's error codes. Graph answers most errors with 400, so
 * the error code decides: auth codes are `source.auth` (get a new token), throttling codes are
 * `source.rate_limited` (with the wait from the usage headers), anything else `source.http`
 * (`details.code` keeps the Graph code). A body without an error object falls back to the status.
 */
export function toGraphError(input: {
  status: number;
  error: GraphErrorBody | undefined;
  url: string;
  limit?: UsageLimit;
}): LangngheError {
  const { status, error, url } = input;
  const code = error?.code;
  const details = {
    url,
    status,
    code,
    subcode: error?.subcode,
    fbtraceId: error?.fbtraceId,
  };
  const what = describe(error, status);
  if (code !== undefined && isRateLimitCode(code))
    return new LangngheError('source.rate_limited', `${url}: Graph API rate limit: ${what}`, {
      details: { ...details, retryAfterMs: input.limit?.retryAfterMs },
    });
  if (
    (code !== undefined && isAuthCode(code)) ||
    (code === undefined && (status === 401 || status === 403 || error?.type === 'OAuthException'))
  )
    return new LangngheError(
      'source.auth',
      `${url}: the Graph API refused the access token or a permission is missing; get a new token (${what})`,
      { details },
    );
  return new LangngheError('source.http', `${url} answered ${status}: ${what}`, { details });
}
