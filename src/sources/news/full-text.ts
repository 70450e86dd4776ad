import type { Clock } from '../../core/clock.js';
import { isLangngheError } from '../../core/errors.js';
import type { SourceLogEvent } from '../connector.js';
import type { HttpClient } from '../http-client.js';
import { charsetOf, decodeBytes } from '../http-client.js';
import { extractArticle } from '../web/extract-article.js';
import type { ExtractedArticle } from '../web/extract-article.js';
import { createRobotsChecker } from '../web/robots.js';

/** Least time between two article pages of one host; a longer Crawl-delay wins (up to 60 s). */
export const MIN_ARTICLE_INTERVAL_MS = 1000;
const MAX_CRAWL_DELAY_MS = 60_000;

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface FullTextDeps {
  http: HttpClient;
  clock: Clock;
  signal: AbortSignal;
  sleep: Sleep;
  log(event: SourceLogEvent): void;
}

/** An HTML page's text: the Content-Type charset, else `<meta charset>`, else UTF-8. */
function decodePage(body: Buffer, contentType: string | null): string {
  const declared = charsetOf(contentType);
  if (declared !== undefined) return decodeBytes(body, declared);
  const head = body.toString('latin1', 0, Math.min(body.length, 2048));
  return decodeBytes(
    body,
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase(),
  );
}

/**
 * Reads articles' pages for feeds that carry only summaries, as a polite crawler: robots.txt
 * first (a disallowed page is never requested), at least 1 s (or the Crawl-delay) between two
 * pages of a host. Every failure (robots, HTTP, a page with no article) is logged and answered
 * `undefined`, so the caller keeps the feed's summary; only a stop (`source.aborted`) is thrown.
 */
export function createFullTextReader(deps: FullTextDeps): {
  read(url: string): Promise<ExtractedArticle | undefined>;
} {
  const robots = createRobotsChecker(deps.http, undefined, deps.clock);
  const lastFetchAt = new Map<string, number>();

  async function waitTurn(url: string): Promise<void> {
    const host = new URL(url).host;
    const last = lastFetchAt.get(host);
    if (last === undefined) return;
    const crawlDelay = Math.min(MAX_CRAWL_DELAY_MS, (await robots.crawlDelayMs(url)) ?? 0);
    const due = last + Math.max(MIN_ARTICLE_INTERVAL_MS, crawlDelay) - deps.clock.now();
    if (due > 0) await deps.sleep(due, deps.signal);
  }

  async function fetchArticle(url: string): Promise<ExtractedArticle | undefined> {
    if (!(await robots.isAllowed(url))) {
      deps.log({
        level: 'warn',
        message: 'robots.txt disallows the article page: summary kept',
        url: deps.http.redact(url),
      });
      return undefined;
    }
    await waitTurn(url);
    lastFetchAt.set(new URL(url).host, deps.clock.now());
    const response = await deps.http.request(url, {
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
      signal: deps.signal,
    });
    lastFetchAt.set(new URL(url).host, deps.clock.now());
    const article = extractArticle(
      decodePage(response.body, response.headers.get('content-type')),
      response.url,
    );
    if (article === undefined)
      deps.log({
        level: 'warn',
        message: 'no article found on the page: summary kept',
        url: deps.http.redact(url),
      });
    return article;
  }

  return {
    async read(url) {
      try {
        return await fetchArticle(url);
      } catch (error) {
        if (isLangngheError(error) && error.code === 'source.aborted') throw error;
        deps.log({
          level: 'warn',
          message: `article page not read: summary kept: ${deps.http.redact(error instanceof Error ? error.message : String(error))}`,
          url: deps.http.redact(url),
        });
        return undefined;
      }
    },
  };
}
