import type { Clock } from '../../core/clock.js';
import { LangngheError } from '../../core/errors.js';
import { sleep as realSleep } from '../backoff.js';
import type { HttpClient } from '../http-client.js';
import { charsetOf, decodeBytes } from '../http-client.js';
import type { RobotsChecker } from './robots.js';
import { isSameSite } from './same-site.js';

/** Least time between two page requests to one host, whatever robots.txt says. */
export const MIN_PAGE_INTERVAL_MS = 1000;
/** A Crawl-delay above this is capped (a day-long delay would stall the source forever). */
export const MAX_CRAWL_DELAY_MS = 60_000;

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface PoliteFetcherDeps {
  http: HttpClient;
  robots: RobotsChecker;
  clock: Clock;
  signal: AbortSignal;
  /** Waits between pages; tests pass one that records instead of sleeping. */
  sleep?: Sleep;
}

/** A fetched HTML page: its final URL (after redirects) and its text, decoded. */
export interface FetchedPage {
  url: string;
  html: string;
}

/**
 * Decodes an HTML body: the charset of Content-Type, else a `<meta charset>` (or
 * `http-equiv` Content-Type) in the first 2 KiB, else UTF-8.
 */
export function decodeHtml(body: Buffer, contentType: string | null): string {
  const declared = charsetOf(contentType);
  if (declared !== undefined) return decodeBytes(body, declared);
  const head = body.toString('latin1', 0, Math.min(body.length, 2048));
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return decodeBytes(body, meta?.[1]?.toLowerCase());
}

/**
 * Fetches pages as a polite crawler: robots.txt asked first (a disallowed URL is
 * `source.robots`, and is never requested), and at least `max(1 s, Crawl-delay)` between two
 * requests to one host, measured on `clock`. Redirects stay on the page's site (see
 * `isSameSite`): one that leaves it is `source.redirect`, and its target is never requested.
 */
export function createPoliteFetcher(deps: PoliteFetcherDeps): {
  fetchPage(url: string): Promise<FetchedPage>;
} {
  const wait = deps.sleep ?? realSleep;
  const lastRequestAt = new Map<string, number>();

  async function waitTurn(url: string): Promise<void> {
    const host = new URL(url).host;
    const last = lastRequestAt.get(host);
    if (last !== undefined) {
      const crawlDelay = Math.min(MAX_CRAWL_DELAY_MS, (await deps.robots.crawlDelayMs(url)) ?? 0);
      const due = last + Math.max(MIN_PAGE_INTERVAL_MS, crawlDelay) - deps.clock.now();
      if (due > 0) await wait(due, deps.signal);
    }
    if (deps.signal.aborted) throw new LangngheError('source.aborted', `Stopped before ${url}`);
    lastRequestAt.set(host, deps.clock.now());
  }

  return {
    async fetchPage(url) {
      if (!(await deps.robots.isAllowed(url)))
        throw new LangngheError(
          'source.robots',
          `robots.txt of ${new URL(url).origin} does not let langnghe fetch ${deps.http.redact(url)} (a Disallow rule, or robots.txt answered 5xx or could not be reached)`,
          { details: { url: deps.http.redact(url) } },
        );
      await waitTurn(url);
      const response = await deps.http.request(url, {
        headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
        signal: deps.signal,
        isRedirectAllowed: (target) => isSameSite(target, url),
      });
      lastRequestAt.set(new URL(url).host, deps.clock.now());
      return {
        url: response.url,
        html: decodeHtml(response.body, response.headers.get('content-type')),
      };
    },
  };
}
