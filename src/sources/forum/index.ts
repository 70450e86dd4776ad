import { isLangngheError } from '../../core/errors.js';
import type { Connector, ConnectorItem, PollBatch, PollContext } from '../connector.js';
import { isSameSite } from '../web/same-site.js';
import { extractArticle } from '../web/extract-article.js';
import { createPoliteFetcher } from '../web/polite-fetcher.js';
import type { Sleep } from '../web/polite-fetcher.js';
import { createRobotsChecker, DEFAULT_ROBOTS_AGENT } from '../web/robots.js';
import { forumConfigSchema } from './forum-config.js';
import type { ForumConfig } from './forum-config.js';
import { readListPage } from './read-list-page.js';
import type { ListedItem } from './read-list-page.js';

export { forumConfigSchema } from './forum-config.js';
export type { ForumConfig } from './forum-config.js';
export { readListPage } from './read-list-page.js';
export type { ListedItem, ListPage } from './read-list-page.js';

/** Item keys the cursor remembers, most recently listed first. */
export const MAX_SEEN_KEYS = 1000;

/**
 * The checkpoint: the keys (absolute URLs, or hashes of long ones) of the last items listed,
 * most recent first. A list page whose items are all known ends the run.
 */
interface ForumCursor {
  seen: string[];
}

function parseCursor(cursor: string | undefined): ForumCursor {
  if (cursor === undefined) return { seen: [] };
  try {
    const parsed: unknown = JSON.parse(cursor);
    const seen = (parsed as { seen?: unknown }).seen;
    return { seen: Array.isArray(seen) ? seen.filter((key) => typeof key === 'string') : [] };
  } catch {
    return { seen: [] };
  }
}

/**
 * The keys listed in this run, in list order (still listed, so still recent), then the
 * earlier ones, capped at `MAX_SEEN_KEYS`.
 */
function rememberListed(earlier: readonly string[], listed: ReadonlySet<string>): string[] {
  return [...listed, ...earlier.filter((key) => !listed.has(key))].slice(0, MAX_SEEN_KEYS);
}

function toConnectorItem(item: ListedItem, config: ForumConfig): ConnectorItem {
  const connectorItem: ConnectorItem = {
    externalId: item.key,
    platform: config.platform,
    kind: 'post',
    text: item.text ?? item.title ?? '',
  };
  if (item.title !== undefined) connectorItem.title = item.title;
  if (item.url !== undefined) connectorItem.url = item.url;
  if (item.publishedAt !== undefined) connectorItem.publishedAt = item.publishedAt;
  if (item.author !== undefined) connectorItem.author = item.author;
  return connectorItem;
}

/** Options for tests and embedding: how politeness waits are slept (real time by default). */
export interface ForumConnectorOptions {
  sleep?: Sleep;
}

/**
 * A list-page scraper for forums and sites with no feed, driven by CSS selectors: reads up to
 * `maxPages` list pages following `nextPageSelector`, yields the items not yet seen (kind
 * `post`) page by page with the cursor, and stops at the first page holding only known items.
 * Respects robots.txt (`source.robots` when the list page is disallowed; nothing is fetched)
 * and waits at least `max(1 s, Crawl-delay)` between two pages of one host.
 */
export function createForumConnector(options: ForumConnectorOptions = {}): Connector<ForumConfig> {
  async function* poll(ctx: PollContext<ForumConfig>): AsyncIterable<PollBatch> {
    const { config } = ctx;
    const robots = createRobotsChecker(ctx.http, DEFAULT_ROBOTS_AGENT, ctx.clock);
    const fetcher = createPoliteFetcher({
      ...ctx,
      robots,
      sleep: options.sleep ?? ((ms) => ctx.sleep(ms)),
    });
    const earlier = parseCursor(ctx.cursor).seen;
    const known = new Set(earlier);
    const listedInRun = new Set<string>();
    const visited = new Set<string>();
    let pageUrl: string | undefined = config.url;
    for (let page = 0; page < config.maxPages && pageUrl !== undefined; page++) {
      if (page > 0 && !(await robots.isAllowed(pageUrl))) {
        ctx.log({
          level: 'warn',
          message: `robots.txt disallows the next page ${pageUrl}; stopping`,
        });
        return;
      }
      visited.add(pageUrl);
      const fetched = await fetcher.fetchPage(pageUrl);
      const listed = readListPage(fetched.html, fetched.url, config, ctx.clock.now());
      if (listed.items.length === 0) {
        ctx.log({
          level: page === 0 ? 'warn' : 'info',
          message: `no item matched on ${fetched.url}`,
        });
        return;
      }
      const fresh = dedupe(listed.items.filter((item) => !known.has(item.key)));
      for (const item of fresh) known.add(item.key);
      if (config.fetchThreadText)
        await addThreadText(
          fresh.filter((item) => item.url !== undefined && isSameSite(item.url, config.url)),
          fetcher,
          ctx,
        );
      for (const item of listed.items) listedInRun.add(item.key);
      const seen = rememberListed(earlier, listedInRun);
      yield {
        items: fresh.map((item) => toConnectorItem(item, config)),
        cursor: JSON.stringify({ seen }),
      };
      if (fresh.length === 0 || ctx.signal.aborted) return;
      // Paging and thread pages stay on the configured site (links on a page come from strangers).
      pageUrl =
        listed.nextUrl !== undefined &&
        !visited.has(listed.nextUrl) &&
        isSameSite(listed.nextUrl, config.url)
          ? listed.nextUrl
          : undefined;
    }
  }

  return {
    kind: 'forum',
    platform: 'forum',
    description: 'A forum thread list or any list page without a feed, read with CSS selectors',
    mode: 'poll',
    configSchema: forumConfigSchema,
    secretFields: [],
    defaultIntervalSeconds: 600,
    poll,
  };
}

function dedupe(items: readonly ListedItem[]): ListedItem[] {
  const byKey = new Map<string, ListedItem>();
  for (const item of items) if (!byKey.has(item.key)) byKey.set(item.key, item);
  return [...byKey.values()];
}

/** Replaces each item's text with its page's article-like text, where robots.txt allows. */
async function addThreadText(
  items: ListedItem[],
  fetcher: ReturnType<typeof createPoliteFetcher>,
  ctx: PollContext<ForumConfig>,
): Promise<void> {
  for (const item of items) {
    if (item.url === undefined || ctx.signal.aborted) continue;
    try {
      const fetched = await fetcher.fetchPage(item.url);
      const article = extractArticle(fetched.html, fetched.url);
      if (article === undefined) continue;
      item.text = article.text;
      item.publishedAt ??= article.publishedAt;
      if (item.author === undefined && article.author !== undefined)
        item.author = { id: article.author, name: article.author };
    } catch (error) {
      const isSkippable =
        isLangngheError(error) &&
        ['source.robots', 'source.http', 'source.redirect'].includes(error.code);
      if (!isSkippable) throw error;
      ctx.log({ level: 'warn', message: `thread text not read: ${error.message}` });
    }
  }
}

/** The `forum` connector: waits between pages through the run's `ctx.sleep`. */
export const forumConnector: Connector<ForumConfig> = createForumConnector();
