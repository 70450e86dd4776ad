import { createHash } from 'node:crypto';
import { z } from 'zod';
import { LangngheError, isLangngheError } from '../../core/errors.js';
import type { Connector, ConnectorItem, PollBatch, PollContext } from '../connector.js';
import type { HttpResponse } from '../http-client.js';
import type { FeedItem, ParsedFeed } from './feed-item.js';
import { isSameSite } from '../web/same-site.js';
import { createFullTextReader } from './full-text.js';
import type { FullTextReader } from './full-text.js';
import { parseNewsCursor, rememberIds, serializeNewsCursor } from './news-cursor.js';
import type { NewsCursor } from './news-cursor.js';
import { parseFeed } from './parse-feed.js';

export const newsConfigSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, error: 'an http(s) URL' })
    .describe('The feed (RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed)'),
  isPress: z.boolean().default(true).describe('Whether the feed is a press outlet'),
  fetchFullText: z
    .boolean()
    .default(true)
    .describe(
      "For items with only a summary, read the article's page (robots.txt respected) for its full text",
    ),
});

export type NewsConfig = z.output<typeof newsConfigSchema>;

/** Items stored per batch: each batch's cursor remembers them, so a crash re-reads few pages. */
const BATCH_SIZE = 20;

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/** A stable id of at most 40 characters: the same item of the same feed always gets it. */
export function newsExternalId(feedUrl: string, itemId: string): string {
  return createHash('sha256').update(`${feedUrl}\n${itemId}`).digest('hex').slice(0, 40);
}

function conditionalHeaders(cursor: NewsCursor): Record<string, string> {
  const headers: Record<string, string> = { accept: FEED_ACCEPT };
  if (cursor.etag !== undefined) headers['if-none-match'] = cursor.etag;
  if (cursor.lastModified !== undefined) headers['if-modified-since'] = cursor.lastModified;
  return headers;
}

function readFeed(response: HttpResponse, ctx: PollContext<NewsConfig>): ParsedFeed {
  try {
    return parseFeed(response.body, {
      url: response.url,
      contentType: response.headers.get('content-type') ?? undefined,
    });
  } catch (error) {
    if (!isLangngheError(error) || error.code !== 'feed.invalid') throw error;
    throw new LangngheError('source.bad_response', ctx.http.redact(error.message), {
      details: { url: ctx.http.redact(response.url), status: response.status },
      cause: error,
    });
  }
}

interface ItemContext {
  config: NewsConfig;
  feed: ParsedFeed;
  host: string;
}

function toConnectorItem(item: FeedItem, context: ItemContext): ConnectorItem {
  const { config, feed, host } = context;
  return {
    externalId: newsExternalId(config.url, item.id),
    platform: 'news',
    kind: 'article',
    text: item.text,
    title: item.title,
    url: item.url,
    publishedAt: item.publishedAt,
    author: { id: host, name: feed.title ?? item.author ?? host, isPress: config.isPress },
  };
}

/** Replaces a summary with the article page's text when the page has more to say. */
async function withFullText(
  item: FeedItem,
  connectorItem: ConnectorItem,
  reader: FullTextReader,
  feedUrl: string,
): Promise<ConnectorItem> {
  if (!item.summaryOnly || item.url === undefined) return connectorItem;
  // Only the feed's own site: a feed's links come from strangers (see isSameSite).
  if (!isSameSite(item.url, feedUrl)) return connectorItem;
  const article = await reader.read(item.url);
  if (article === undefined || article.text.length <= connectorItem.text.length)
    return connectorItem;
  return {
    ...connectorItem,
    text: article.text,
    title: connectorItem.title ?? article.title,
    publishedAt: connectorItem.publishedAt ?? article.publishedAt,
  };
}

async function* newBatches(
  ctx: PollContext<NewsConfig>,
  feed: ParsedFeed,
  before: NewsCursor,
  after: NewsCursor,
): AsyncIterable<PollBatch> {
  const context: ItemContext = { config: ctx.config, feed, host: new URL(ctx.config.url).host };
  const seen = new Set(before.seen);
  const fresh = feed.items
    .map((item) => ({ item, connectorItem: toConnectorItem(item, context) }))
    .filter(({ connectorItem }) => !seen.has(connectorItem.externalId));
  const reader = createFullTextReader(ctx);
  let remembered = before.seen;
  for (let start = 0; start === 0 || start < fresh.length; start += BATCH_SIZE) {
    const items: ConnectorItem[] = [];
    for (const { item, connectorItem } of fresh.slice(start, start + BATCH_SIZE))
      items.push(
        ctx.config.fetchFullText
          ? await withFullText(item, connectorItem, reader, ctx.config.url)
          : connectorItem,
      );
    remembered = rememberIds(
      remembered,
      items.map((item) => item.externalId),
    );
    const validators = start + BATCH_SIZE >= fresh.length ? after : before;
    yield {
      items,
      cursor: serializeNewsCursor({ ...validators, seen: remembered }),
    };
  }
}

/**
 * The `rss` source kind. Polls one feed: a conditional GET (`If-None-Match` /
 * `If-Modified-Since` from the cursor; 304 stores nothing and keeps the cursor), then each item
 * not seen before, with its article page's text when the feed has only a summary
 * (`fetchFullText`). Batches of 20 carry the old validators and the new seen ids; only the last
 * one moves the validators, so a stop midway never turns the next poll into a 304 that hides the
 * rest.
 */
export const newsConnector: Connector<NewsConfig> = {
  kind: 'rss',
  platform: 'news',
  description: 'A news site or blog through its RSS, Atom or JSON feed',
  mode: 'poll',
  configSchema: newsConfigSchema,
  secretFields: [],
  defaultIntervalSeconds: 300,
  async *poll(ctx): AsyncIterable<PollBatch> {
    const cursor = parseNewsCursor(ctx.cursor);
    const response = await ctx.http.request(ctx.config.url, {
      headers: conditionalHeaders(cursor),
      acceptStatus: [304],
      signal: ctx.signal,
    });
    if (response.status === 304) {
      ctx.log({ level: 'debug', message: 'feed not modified' });
      yield { items: [] };
      return;
    }
    const feed = readFeed(response, ctx);
    for (const warning of feed.warnings.slice(0, 5))
      ctx.log({ level: 'warn', message: `feed: ${warning}` });
    const after: NewsCursor = {
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
      seen: cursor.seen,
    };
    yield* newBatches(ctx, feed, cursor, after);
  },
};
