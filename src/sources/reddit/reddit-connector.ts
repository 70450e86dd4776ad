import { z } from 'zod';
import type { Connector, ConnectorItem, PollBatch, PollContext } from '../connector.js';
import { createRedditApi } from './reddit-api.js';
import type { RedditApi } from './reddit-api.js';
import { isAtOrBefore, linkToItem, newerMark, parseListing } from './reddit-listing.js';
import type { ListingMark } from './reddit-listing.js';
import { futureItemsWarning, isDatedInFuture } from '../mark-cap.js';

/** A subreddit name, with or without its `r/` prefix. */
const subredditName = z
  .string()
  .trim()
  .transform((name) => name.replace(/^\/?r\//i, ''))
  .pipe(z.string().regex(/^[A-Za-z0-9_]{2,21}$/, 'a subreddit name (letters, digits, _)'));

export const redditConfigSchema = z
  .object({
    clientId: z.string().min(1).describe('The app id from https://www.reddit.com/prefs/apps'),
    clientSecret: z.string().min(1).describe('The app secret (stored encrypted)'),
    subreddits: z
      .array(subredditName)
      .optional()
      .describe('Subreddits whose new posts are read (/r/{name}/new)'),
    search: z
      .object({
        query: z.string().trim().min(1).max(512),
        subreddit: subredditName.optional(),
      })
      .optional()
      .describe('A search sorted by new, in one subreddit or all of Reddit'),
    userAgent: z
      .string()
      .min(1)
      .default('server:langnghe:v0.1 (+https://github.com/langnghe/langnghe)')
      .describe("Reddit asks for '<platform>:<app id>:<version> (by /u/<your username>)'"),
    maxPages: z.number().int().min(1).max(10).default(5).describe('Pages of 100 per listing a run'),
    authBaseUrl: z.url().default('https://www.reddit.com'),
    apiBaseUrl: z.url().default('https://oauth.reddit.com'),
  })
  .refine((config) => (config.subreddits?.length ?? 0) > 0 || config.search !== undefined, {
    message: 'name at least one subreddit or a search',
  });

export type RedditConfig = z.output<typeof redditConfigSchema>;

/** One listing read newest-first, keyed in the cursor by `key`. */
interface Listing {
  key: string;
  path: string;
  params: [string, string][];
}

function listingsOf(config: RedditConfig): Listing[] {
  const listings: Listing[] = (config.subreddits ?? []).map((sub) => ({
    key: `r/${sub}/new`,
    path: `/r/${sub}/new`,
    params: [],
  }));
  const search = config.search;
  if (search !== undefined) {
    const scope = search.subreddit === undefined ? '' : `/r/${search.subreddit}`;
    listings.push({
      key: `search:${search.subreddit ?? '*'}:${search.query}`,
      path: `${scope}/search`,
      params:
        search.subreddit === undefined
          ? [
              ['q', search.query],
              ['sort', 'new'],
            ]
          : [
              ['q', search.query],
              ['restrict_sr', '1'],
              ['sort', 'new'],
            ],
    });
  }
  return listings;
}

type Marks = Record<string, ListingMark>;

const cursorSchema = z.object({
  listings: z.record(z.string(), z.object({ name: z.string(), created: z.number() })),
});

function readMarks(cursor: string | undefined, log: PollContext<RedditConfig>['log']): Marks {
  if (cursor === undefined) return {};
  try {
    return cursorSchema.parse(JSON.parse(cursor)).listings;
  } catch {
    log({ level: 'warn', message: 'reddit: unreadable cursor; reading listings from the top' });
    return {};
  }
}

function pageParams(listing: Listing, after: string | undefined): URLSearchParams {
  const params = new URLSearchParams(listing.params);
  params.set('limit', '100');
  if (after !== undefined) params.set('after', after);
  params.set('raw_json', '1');
  return params;
}

/** What one run shares across its listings. */
interface RunState {
  marks: Marks;
  /** `ctx.clock.now()` at the start of the run, in ms. */
  nowMs: number;
  /** Fullnames of links this run found dated in the future (beyond the skew allowance). */
  futureNames: Set<string>;
}

/**
 * The saved mark of a listing, or undefined when it lies in the future: an older version let a
 * future-dated link become the mark, which stops every later run at that link. Reading from the
 * top again (down to `maxPages`) stores what was missed; duplicates are updates.
 */
function usableMark(mark: ListingMark | undefined, nowMs: number): ListingMark | undefined {
  return mark !== undefined && isDatedInFuture(mark.created * 1000, nowMs) ? undefined : mark;
}

/**
 * Reads one listing from its newest link down to the mark of the last run (or `maxPages` pages),
 * yielding each page's new links. The listing's new mark is yielded with its last page only, so a
 * run stopped half-way (rate limit, error) reads the same links again next time and skips none.
 * A link dated in the future is stored but never becomes the mark: its `created_utc` would make
 * every real link to come look older than the mark, and the listing would stop at its top.
 */
async function* readListing(
  api: RedditApi,
  listing: Listing,
  run: RunState,
  maxPages: number,
): AsyncGenerator<PollBatch> {
  const { marks } = run;
  const mark = usableMark(marks[listing.key], run.nowMs);
  const seen = new Set<string>();
  let newest = mark;
  let after: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const body = await api.getJson(listing.path, pageParams(listing, after));
    const { links, after: next } = parseListing(body, listing.path);
    const items: ConnectorItem[] = [];
    let isCaughtUp = false;
    for (const link of links) {
      const isFuture =
        link.created_utc !== undefined && isDatedInFuture(link.created_utc * 1000, run.nowMs);
      if (isFuture) run.futureNames.add(link.name);
      else newest = newerMark(newest, link);
      if (isAtOrBefore(link, mark)) {
        isCaughtUp = true;
        break;
      }
      // A post submitted while paging shifts the pages: the same link can show up twice.
      if (seen.has(link.name)) continue;
      seen.add(link.name);
      items.push(linkToItem(link));
    }
    after = next;
    if (isCaughtUp || after === undefined || page + 1 >= maxPages) {
      if (newest !== undefined) marks[listing.key] = newest;
      else delete marks[listing.key];
      yield { items, cursor: JSON.stringify({ listings: marks }) };
      return;
    }
    if (items.length > 0) yield { items };
  }
}

/**
 * Reddit through its OAuth API with an application-only token (client credentials): the newest
 * posts of subreddits (`/r/{sub}/new`) and a search sorted by new, each read down to where the
 * last run stopped. The cursor keeps, per listing, the fullname and `created_utc` of its newest
 * post not dated more than ten minutes in the future. https://github.com/reddit-archive/reddit/wiki/OAuth2 (Application Only OAuth),
 * https://www.reddit.com/dev/api#GET_new, https://www.reddit.com/dev/api#GET_search
 */
export const redditConnector: Connector<RedditConfig> = {
  kind: 'reddit',
  platform: 'reddit',
  description: 'Reddit: new posts of subreddits and a search sorted by new (OAuth app-only)',
  mode: 'poll',
  configSchema: redditConfigSchema,
  secretFields: ['clientSecret'],
  defaultIntervalSeconds: 300,
  async *poll(ctx) {
    const { config } = ctx;
    const api = createRedditApi({
      http: ctx.http,
      clock: ctx.clock,
      signal: ctx.signal,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      userAgent: config.userAgent,
      authBaseUrl: config.authBaseUrl.replace(/\/+$/, ''),
      apiBaseUrl: config.apiBaseUrl.replace(/\/+$/, ''),
    });
    const run: RunState = {
      marks: readMarks(ctx.cursor, ctx.log),
      nowMs: ctx.clock.now(),
      futureNames: new Set(),
    };
    try {
      for (const listing of listingsOf(config)) {
        if (ctx.signal.aborted) return;
        yield* readListing(api, listing, run, config.maxPages);
      }
    } finally {
      const warning = futureItemsWarning('reddit', run.futureNames.size);
      if (warning !== undefined) ctx.log(warning);
    }
  },
};
