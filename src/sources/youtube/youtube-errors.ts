import { z } from 'zod';
import { LangngheError } from '../../core/errors.js';

/**
 * A refused YouTube Data API call, read from the documented error body
 * `{ error: { code, message, errors: [{ reason, domain, message }] } }`
 * (https://developers.google.com/youtube/v3/docs/errors). Newer answers also carry
 * `details: [{ reason: 'API_KEY_INVALID' }]` in the google.rpc form.
 */
export interface YoutubeApiError {
  status: number;
  /** The first `errors[].reason` (`quotaExceeded`, `commentsDisabled`, `keyInvalid`, …). */
  reason?: string;
  /** Reasons from `error.details` (google.rpc.ErrorInfo), e.g. `API_KEY_INVALID`. */
  detailReasons: string[];
  /** The platform's message, its HTML tags removed. */
  message: string;
}

const errorBodySchema = z.object({
  error: z.object({
    message: z.string().optional(),
    errors: z
      .array(z.object({ reason: z.string().optional(), message: z.string().optional() }))
      .optional(),
    details: z.array(z.object({ reason: z.string().optional() })).optional(),
  }),
});

const QUOTA_REASONS = new Set(['quotaExceeded', 'dailyLimitExceeded', 'dailyLimitExceededUnreg']);
const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);
const KEY_REASONS = new Set(['keyInvalid', 'keyExpired', 'API_KEY_INVALID', 'API_KEY_EXPIRED']);

function stripTags(text: string): string {
  return (
    text
      // [^<>]: a run of "<" with no ">" is read once, not again from every "<" (quadratic).
      .replace(/<[^<>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Reads an error answer's body; a body that is not the documented JSON keeps only the status. */
export function parseYoutubeError(status: number, body: string): YoutubeApiError {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return { status, detailReasons: [], message: `status ${status}` };
  const { error } = parsed.data;
  const reason = error.errors?.find((entry) => entry.reason !== undefined)?.reason;
  const detailReasons = (error.details ?? []).flatMap((d) =>
    d.reason === undefined ? [] : [d.reason],
  );
  const message = stripTags(error.message ?? error.errors?.[0]?.message ?? `status ${status}`);
  return reason === undefined
    ? { status, detailReasons, message }
    : { status, reason, detailReasons, message };
}

export function isQuotaExhausted(error: YoutubeApiError): boolean {
  return error.reason !== undefined && QUOTA_REASONS.has(error.reason);
}

function isKeyRejected(error: YoutubeApiError): boolean {
  if (error.reason !== undefined && KEY_REASONS.has(error.reason)) return true;
  return error.detailReasons.some((reason) => KEY_REASONS.has(reason));
}

/**
 * The engine-facing error for a refused call: quota used up is `source.rate_limited` with
 * `retryAfterMs` until the quota resets (midnight Pacific Time); a rejected key or any other
 * 403 is `source.auth`; anything else `source.http` with the platform's reason.
 */
export function toYoutubeLangngheError(
  error: YoutubeApiError,
  context: { url: string; method: string; msUntilReset: number },
): LangngheError {
  const details = {
    status: error.status,
    reason: error.reason,
    url: context.url,
  };
  const said = `${context.method} answered ${error.status}${error.reason === undefined ? '' : ` ${error.reason}`}: ${error.message}`;
  if (isQuotaExhausted(error)) {
    const minutes = Math.ceil(context.msUntilReset / 60_000);
    return new LangngheError(
      'source.rate_limited',
      `The YouTube Data API daily quota of this API key's project is used up (${said}); it resets at midnight Pacific Time, in ${minutes} min`,
      { details: { ...details, retryAfterMs: context.msUntilReset } },
    );
  }
  if (error.reason !== undefined && RATE_REASONS.has(error.reason))
    return new LangngheError('source.rate_limited', `YouTube asks to slow down (${said})`, {
      details,
    });
  if (isKeyRejected(error))
    return new LangngheError(
      'source.auth',
      `The YouTube API key was rejected (${said}); check apiKey and that the YouTube Data API v3 is enabled for its project`,
      { details },
    );
  if (error.status === 401 || error.status === 403)
    return new LangngheError(
      'source.auth',
      `YouTube refused the API key (${said}); check the key's restrictions and that the YouTube Data API v3 is enabled for its project`,
      { details },
    );
  return new LangngheError('source.http', `YouTube ${said}`, { details });
}
