import type { Clock } from '../../core/clock.js';
import { isLangngheError } from '../../core/errors.js';
import type { SourceLogEvent } from '../connector.js';
import type { HttpClient } from '../http-client.js';
import { createPoliteFetcher, createRobotsChecker, extractArticle } from '../web/index.js';
import type { ExtractedArticle } from '../web/index.js';

export interface FullTextDeps {
  http: HttpClient;
  clock: Clock;
  signal: AbortSignal;
  sleep(ms: number): Promise<void>;
  log(event: SourceLogEvent): void;
}

export interface FullTextReader {
  /** The article on the page at `url`, or undefined (logged) when it cannot be had. */
  read(url: string): Promise<ExtractedArticle | undefined>;
}

function reasonOf(error: unknown): string {
  if (isLangngheError(error) && error.code === 'source.robots')
    return 'robots.txt disallows the article page';
  return `article page not read: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Reads articles' pages for feeds that carry only summaries, through the web crawler's polite
 * fetcher: robots.txt first (a disallowed page is never requested), at least 1 s (or the
 * Crawl-delay) between two pages of a host. Every failure (robots, HTTP, a page with no article)
 * is logged and answered `undefined`, so the caller keeps the feed's summary; only a stop
 * (`source.aborted`) is thrown.
 */
export function createFullTextReader(deps: FullTextDeps): FullTextReader {
  const fetcher = createPoliteFetcher({
    http: deps.http,
    robots: createRobotsChecker(deps.http, undefined, deps.clock),
    clock: deps.clock,
    signal: deps.signal,
    sleep: (ms) => deps.sleep(ms),
  });
  return {
    async read(url) {
      const shown = deps.http.redact(url);
      try {
        const page = await fetcher.fetchPage(url);
        const article = extractArticle(page.html, page.url);
        if (article === undefined)
          deps.log({
            level: 'warn',
            message: 'no article found on the page: summary kept',
            url: shown,
          });
        return article;
      } catch (error) {
        if (isLangngheError(error) && error.code === 'source.aborted') throw error;
        deps.log({
          level: 'warn',
          message: `${deps.http.redact(reasonOf(error))}: summary kept`,
          url: shown,
        });
        return undefined;
      }
    },
  };
}
