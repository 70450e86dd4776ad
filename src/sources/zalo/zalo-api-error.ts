import { LangngheError } from '../../core/errors.js';

// Zalo answers HTTP 200 with `{ error: <non-zero>, message }` when a call fails. Codes from the
// Official Account API's error appendix (developers.zalo.me, "Phụ lục / Mã lỗi"): -216 "Access
// token is invalid", -220 "access_token is expired or removed", -219 "App is removed or
// disabled", -223 "Official Account has not authorized this API", -32 "Your application reached
// limit call api" (calls per minute), -211 "Out of quota". -124 is what Zalo's business APIs
// answer for an expired access token.
const AUTH_CODES = new Set([-124, -216, -219, -220, -223]);
const RATE_CODES = new Set([-32, -211]);

/** How long to wait after Zalo's per-minute call limit (-32) before the next run. */
export const ZALO_RATE_LIMIT_WAIT_MS = 60_000;

/** A Zalo answer's envelope: `error` 0 is success. */
export interface ZaloEnvelope {
  error?: unknown;
  message?: unknown;
  data?: unknown;
}

function describe(code: number, message: unknown): string {
  return `error ${code}${typeof message === 'string' && message !== '' ? `: ${message}` : ''}`;
}

/**
 * Throws the `LangngheError` a failed Zalo answer means: `source.auth` for a token Zalo refuses
 * (OA access tokens last 25 hours; get a new one with the refresh token), `source.rate_limited`
 * for the call limit or quota (`details.retryAfterMs`), `source.platform` for any other code.
 * Returns nothing when `error` is 0 or absent.
 */
export function throwIfZaloError(envelope: ZaloEnvelope, endpoint: string): void {
  const code = envelope.error;
  if (code === undefined || code === 0) return;
  if (typeof code !== 'number')
    throw new LangngheError('source.bad_response', `Zalo ${endpoint} answered a non-numeric error`);
  const what = describe(code, envelope.message);
  if (AUTH_CODES.has(code))
    throw new LangngheError(
      'source.auth',
      `Zalo refused the OA access token (${what}); OA access tokens expire after 25 hours: get a new one with the refresh token and update the source`,
      { details: { zaloError: code, endpoint } },
    );
  if (RATE_CODES.has(code))
    throw new LangngheError('source.rate_limited', `Zalo ${endpoint}: ${what}`, {
      details: { zaloError: code, endpoint, retryAfterMs: ZALO_RATE_LIMIT_WAIT_MS },
    });
  throw new LangngheError('source.platform', `Zalo ${endpoint} failed (${what})`, {
    details: { zaloError: code, endpoint },
  });
}
