/** Retry timing shared by the HTTP client and the scheduler. */

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** In [0, 1); `Math.random` by default. */
  random?: () => number;
}

/**
 * Exponential backoff with full jitter: a delay drawn uniformly from [base·2^n / 2, base·2^n],
 * capped at `maxMs`, for the `attempt`-th retry (0-based). Half the range is kept so a retry never
 * comes back immediately.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * How long a rate-limited answer asks us to wait, in ms, or undefined when it does not say.
 * Reads `Retry-After` (delta seconds or an HTTP date, RFC 9110 §10.2.3), then the platforms'
 * reset headers: `x-rate-limit-reset` (X: epoch seconds), `x-ratelimit-reset` (Reddit: seconds
 * left; Mastodon: an ISO time), `ratelimit-reset` (IETF draft: seconds left). Values above 10^9 are taken as epoch seconds.
 */
export function retryAfterMs(headers: Headers, nowMs: number): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter !== undefined && retryAfter !== '') {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  for (const name of ['x-rate-limit-reset', 'x-ratelimit-reset', 'ratelimit-reset']) {
    const value = headers.get(name)?.trim();
    if (value === undefined || value === '') continue;
    if (!/^\d+(\.\d+)?$/.test(value)) {
      // Mastodon sends an ISO 8601 time in X-RateLimit-Reset.
      const date = Date.parse(value);
      if (!Number.isNaN(date) && /\d{4}-\d{2}-\d{2}T/.test(value)) return Math.max(0, date - nowMs);
      continue;
    }
    const number = Number(value);
    return number > 1e9 ? Math.max(0, number * 1000 - nowMs) : Math.ceil(number * 1000);
  }
  return undefined;
}

/** Waits `ms`, resolving early (not rejecting) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const finish = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    signal?.addEventListener('abort', finish, { once: true });
  });
}
