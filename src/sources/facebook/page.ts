import { z } from 'zod';
import type { Connector, ConnectorItem, PollBatch, PollContext } from '../connector.js';
import {
  authorOf,
  countOf,
  createGraphClient,
  graphEndpointFields,
  graphTimeMs,
  pathOf,
  stringOf,
} from './graph.js';
import type { GraphClient, GraphObject } from './graph.js';
import { capMark, futureItemsWarning, isDatedInFuture } from '../mark-cap.js';

export const facebookPageConfigSchema = z.object({
  pageId: z
    .string()
    .regex(/^[\w.-]+$/, 'a Page id or username')
    .describe('The Page whose feed is read (its numeric id or username)'),
  accessToken: z.string().min(1).describe('Page access token with pages_read_engagement (secret)'),
  appSecret: z
    .string()
    .min(1)
    .optional()
    .describe('App secret: when set, every call carries appsecret_proof (secret)'),
  withComments: z.boolean().default(true).describe('Also read the comments of each new post'),
  maxPages: z
    .number()
    .int()
    .min(1)
    .max(100)
    .default(5)
    .describe('Most pages (100 posts or comments each) read per edge in one poll'),
  ...graphEndpointFields,
});

export type FacebookPageConfig = z.output<typeof facebookPageConfigSchema>;

/**
 * Fields read from the Page feed (https://developers.facebook.com/docs/graph-api/reference/page/feed).
 * The `limit(0)` on the counted edges asks for their summaries only: the comments are read
 * separately, and embedding 25 of each per post would only cost bandwidth.
 */
export const FEED_FIELDS =
  'id,message,created_time,permalink_url,from,shares,reactions.limit(0).summary(true),comments.limit(0).summary(true)';
export const COMMENT_FIELDS = 'id,message,created_time,from,like_count';

interface FeedCursor {
  /** ISO time of the newest post seen: the next poll asks for posts since then. */
  since?: string;
}

function readCursor(cursor: string | undefined): FeedCursor {
  if (cursor === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(cursor);
    const since = stringOf(pathOf(parsed, 'since'));
    return since !== undefined && !Number.isNaN(Date.parse(since)) ? { since } : {};
  } catch {
    return {};
  }
}

/** A feed post as an item; undefined when it has no text (a photo without a caption). */
export function feedPostItem(raw: GraphObject): ConnectorItem | undefined {
  const id = stringOf(raw.id);
  const text = stringOf(raw.message);
  if (id === undefined || text === undefined || text.trim() === '') return undefined;
  return {
    externalId: id,
    platform: 'facebook',
    kind: 'post',
    text,
    url: stringOf(raw.permalink_url),
    publishedAt: graphTimeMs(raw.created_time),
    author: authorOf(raw.from),
    engagement: {
      likes: countOf(pathOf(raw, 'reactions', 'summary', 'total_count')),
      comments: countOf(pathOf(raw, 'comments', 'summary', 'total_count')),
      shares: countOf(pathOf(raw, 'shares', 'count')),
    },
  };
}

/** A comment as an item under its post; undefined when it has no text (a sticker). */
export function commentItem(raw: GraphObject, postId: string): ConnectorItem | undefined {
  const id = stringOf(raw.id);
  const text = stringOf(raw.message);
  if (id === undefined || text === undefined || text.trim() === '') return undefined;
  return {
    externalId: id,
    platform: 'facebook',
    kind: 'comment',
    text,
    publishedAt: graphTimeMs(raw.created_time),
    author: authorOf(raw.from),
    parentId: `facebook:${postId}`,
    engagement: { likes: countOf(raw.like_count) },
  };
}

/** False only when the post's summary says it has no comments (saves a request per post). */
function mayHaveComments(raw: GraphObject): boolean {
  return countOf(pathOf(raw, 'comments', 'summary', 'total_count')) !== 0;
}

async function readComments(
  graph: GraphClient,
  postId: string,
  options: { maxPages: number; seen: Set<string> },
): Promise<ConnectorItem[]> {
  const items: ConnectorItem[] = [];
  // filter=stream returns replies too, in time order; the docs' default (toplevel) would not.
  const params = {
    fields: COMMENT_FIELDS,
    filter: 'stream',
    order: 'reverse_chronological',
    limit: '100',
  };
  for await (const page of graph.pages(`${postId}/comments`, params, options.maxPages)) {
    for (const raw of page.data) {
      const item = commentItem(raw, postId);
      if (item === undefined || options.seen.has(item.externalId)) continue;
      options.seen.add(item.externalId);
      items.push(item);
    }
  }
  return items;
}

async function* pollFeed(ctx: PollContext<FacebookPageConfig>): AsyncGenerator<PollBatch> {
  const { config } = ctx;
  const graph = createGraphClient({ ...config, http: ctx.http, signal: ctx.signal });
  const { since } = readCursor(ctx.cursor);
  const nowMs = ctx.clock.now();
  // A mark saved before marks were capped may lie in the future: it is pulled back too.
  const sinceMs = since === undefined ? undefined : capMark(Date.parse(since), nowMs);
  const params: Record<string, string> = { fields: FEED_FIELDS, limit: '100' };
  if (sinceMs !== undefined) params.since = String(Math.floor(sinceMs / 1000));
  const seen = new Set<string>();
  let newestMs = sinceMs;
  let isCut = false;
  let futureCount = 0;
  for await (const page of graph.pages(`${config.pageId}/feed`, params, config.maxPages)) {
    const items: ConnectorItem[] = [];
    let hasReachedSince = false;
    for (const raw of page.data) {
      const id = stringOf(raw.id);
      if (id === undefined || seen.has(id)) continue;
      seen.add(id);
      const createdMs = graphTimeMs(raw.created_time);
      // The feed is newest first; `since` is also checked here in case a next link drops it.
      if (sinceMs !== undefined && createdMs !== undefined && createdMs < sinceMs) {
        hasReachedSince = true;
        continue;
      }
      // A post dated in the future is stored but leaves the mark alone: even capped at now + 10 min
      // it would make the next poll skip the posts of those 10 minutes.
      if (createdMs !== undefined && isDatedInFuture(createdMs, nowMs)) futureCount++;
      else if (createdMs !== undefined) newestMs = Math.max(newestMs ?? createdMs, createdMs);
      const post = feedPostItem(raw);
      if (post !== undefined) items.push(post);
      if (config.withComments && mayHaveComments(raw))
        items.push(...(await readComments(graph, id, { maxPages: config.maxPages, seen })));
    }
    // No cursor yet: the newest time is only true once every older page down to `since` is stored.
    yield { items };
    isCut = !hasReachedSince && page.next !== undefined;
    if (hasReachedSince) break;
  }
  if (isCut)
    ctx.log({
      level: 'warn',
      message: `facebook-page: stopped after maxPages=${config.maxPages} pages; older posts of this poll were not read`,
    });
  const warning = futureItemsWarning('facebook-page', futureCount);
  if (warning !== undefined) ctx.log(warning);
  if (newestMs !== undefined)
    yield { items: [], cursor: JSON.stringify({ since: new Date(newestMs).toISOString() }) };
}

/**
 * A Facebook Page's feed through the Graph API: posts since the last poll (time-based `since`)
 * with reactions, comment and share counts, and, with `withComments`, every comment and reply of
 * those posts. The cursor is `{ since }`, the newest post time seen (never later than now plus
 * ten minutes, so a post dated in the future cannot stop the source), saved once the whole poll is
 * stored. Comments added later to posts older than `since` are not re-read (the webhook connector
 * receives those as they happen).
 */
export const facebookPageConnector: Connector<FacebookPageConfig> = {
  kind: 'facebook-page',
  platform: 'facebook',
  description: 'Posts and comments of a Facebook Page, polled through the Graph API',
  mode: 'poll',
  configSchema: facebookPageConfigSchema,
  secretFields: ['accessToken', 'appSecret'],
  defaultIntervalSeconds: 300,
  poll: pollFeed,
};
