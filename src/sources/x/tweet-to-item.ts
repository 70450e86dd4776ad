import { z } from 'zod';
import type { ConnectorItem } from '../connector.js';

const count = z.number().int().nonnegative().optional().catch(undefined);

/** The parts of an X v2 Post object the connectors read; anything else is ignored. */
const tweetSchema = z.object({
  id: z.string().regex(/^\d+$/),
  text: z.string(),
  created_at: z.string().optional().catch(undefined),
  author_id: z.string().optional().catch(undefined),
  lang: z.string().optional().catch(undefined),
  referenced_tweets: z
    .array(z.object({ type: z.string(), id: z.string() }))
    .optional()
    .catch(undefined),
  public_metrics: z
    .object({
      like_count: count,
      retweet_count: count,
      quote_count: count,
      reply_count: count,
      impression_count: count,
    })
    .optional()
    .catch(undefined),
});

const userSchema = z.object({
  id: z.string(),
  name: z.string().optional().catch(undefined),
  username: z.string().optional().catch(undefined),
  public_metrics: z.object({ followers_count: count }).optional().catch(undefined),
});

export type XTweet = z.infer<typeof tweetSchema>;
export type XUser = z.infer<typeof userSchema>;

/**
 * X's `lang` codes that name no language: `und` (undetermined), `zxx` (no text) and the `q…`
 * codes (media only, hashtags only, …). https://docs.x.com/x-api/fundamentals/data-dictionary
 */
function isRealLanguage(lang: string): boolean {
  return /^[a-z]{2,3}(-[a-z0-9]+)?$/i.test(lang) && !/^(und|zxx|q[a-z]{2})$/i.test(lang);
}

/** The users of `includes.users`, by id (absent users: deleted, suspended or not expanded). */
export function usersById(includes: unknown): Map<string, XUser> {
  const users = new Map<string, XUser>();
  const list = (includes as { users?: unknown } | undefined)?.users;
  if (!Array.isArray(list)) return users;
  for (const entry of list) {
    const parsed = userSchema.safeParse(entry);
    if (parsed.success) users.set(parsed.data.id, parsed.data);
  }
  return users;
}

function authorOf(tweet: XTweet, users: Map<string, XUser>): ConnectorItem['author'] {
  if (tweet.author_id === undefined) return undefined;
  const user = users.get(tweet.author_id);
  const name = user?.username !== undefined ? `@${user.username}` : user?.name;
  return {
    id: tweet.author_id,
    ...(name === undefined ? {} : { name }),
    ...(user?.public_metrics?.followers_count === undefined
      ? {}
      : { followers: user.public_metrics.followers_count }),
  };
}

function engagementOf(tweet: XTweet): ConnectorItem['engagement'] {
  const metrics = tweet.public_metrics;
  if (metrics === undefined) return undefined;
  const engagement: NonNullable<ConnectorItem['engagement']> = {};
  if (metrics.like_count !== undefined) engagement.likes = metrics.like_count;
  if (metrics.retweet_count !== undefined || metrics.quote_count !== undefined)
    engagement.shares = (metrics.retweet_count ?? 0) + (metrics.quote_count ?? 0);
  if (metrics.reply_count !== undefined) engagement.comments = metrics.reply_count;
  if (metrics.impression_count !== undefined) engagement.views = metrics.impression_count;
  return engagement;
}

/**
 * Translates one X v2 Post into a connector item, or undefined when it lacks an id or text. A
 * reply becomes a `comment` whose parent is the replied-to post; the URL uses the author's
 * handle when known, else X's handle-less `/i/web/status/<id>` form.
 */
export function tweetToItem(raw: unknown, users: Map<string, XUser>): ConnectorItem | undefined {
  const parsed = tweetSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const tweet = parsed.data;
  const username = tweet.author_id === undefined ? undefined : users.get(tweet.author_id)?.username;
  const repliedTo = tweet.referenced_tweets?.find((ref) => ref.type === 'replied_to');
  const item: ConnectorItem = {
    externalId: tweet.id,
    platform: 'x',
    kind: repliedTo === undefined ? 'post' : 'comment',
    text: tweet.text,
    url:
      username === undefined
        ? `https://x.com/i/web/status/${tweet.id}`
        : `https://x.com/${username}/status/${tweet.id}`,
  };
  if (repliedTo !== undefined) item.parentId = `x:${repliedTo.id}`;
  if (tweet.created_at !== undefined) item.publishedAt = tweet.created_at;
  if (tweet.lang !== undefined && isRealLanguage(tweet.lang)) item.lang = tweet.lang;
  const author = authorOf(tweet, users);
  if (author !== undefined) item.author = author;
  const engagement = engagementOf(tweet);
  if (engagement !== undefined) item.engagement = engagement;
  return item;
}

/**
 * The items of an X answer (`{data, includes}`): `data` a list (search) or one Post (stream),
 * each Post once; `skipped` counts entries that were not Posts.
 */
export function itemsOf(body: unknown): { items: ConnectorItem[]; skipped: number } {
  const record = (typeof body === 'object' && body !== null ? body : {}) as {
    data?: unknown;
    includes?: unknown;
  };
  const entries =
    record.data === undefined ? [] : Array.isArray(record.data) ? record.data : [record.data];
  const users = usersById(record.includes);
  const items: ConnectorItem[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const entry of entries) {
    const item = tweetToItem(entry, users);
    if (item === undefined) skipped++;
    else if (!seen.has(item.externalId)) {
      seen.add(item.externalId);
      items.push(item);
    }
  }
  return { items, skipped };
}
