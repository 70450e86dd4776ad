import { z } from 'zod';
import type { Connector, ConnectorItem, PollBatch, PollContext } from '../connector.js';
import { toCommentItem, toCount, toVideoItem } from './map-items.js';
import { capMark, futureItemsWarning, isDatedInFuture } from '../mark-cap.js';
import { createQuotaLedger } from './pacific-quota.js';
import type { QuotaLedger } from './pacific-quota.js';
import { QUOTA_COST, createYoutubeApi } from './youtube-api.js';
import type { YoutubeApi } from './youtube-api.js';
import {
  laterOf,
  parseYoutubeCursor,
  serializeYoutubeCursor,
  toRfc3339,
} from './youtube-cursor.js';
import type { SearchResult } from './youtube-resources.js';

export const youtubeConfigSchema = z.object({
  apiKey: z
    .string()
    .min(1)
    .describe('YouTube Data API v3 key of a Google Cloud project (sent as the `key` parameter)'),
  query: z.string().min(1).describe('Search terms (search.list `q`; `|` for OR, `-` to exclude)'),
  regionCode: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 country code')
    .default('VN')
    .describe('Country whose results are returned (ISO 3166-1 alpha-2)'),
  relevanceLanguage: z
    .string()
    .min(2)
    .max(10)
    .default('vi')
    .describe('Language the results are most relevant to (ISO 639-1)'),
  maxResults: z.number().int().min(1).max(50).default(50).describe('Videos per search page'),
  maxPages: z
    .number()
    .int()
    .min(1)
    .default(5)
    .describe('Search pages read per run at most (each costs 100 quota units)'),
  withComments: z.boolean().default(true).describe("Also read each new video's top-level comments"),
  maxCommentPagesPerVideo: z
    .number()
    .int()
    .min(1)
    .default(1)
    .describe('Comment pages of 100 read per video at most (1 unit each)'),
  dailyQuota: z
    .number()
    .int()
    .positive()
    .default(10_000)
    .describe(
      "Units this source may spend per Pacific day (the project's quota is 10,000 by default)",
    ),
  apiBaseUrl: z
    .url()
    .default('https://www.googleapis.com/youtube/v3')
    .describe('The API root; changed only to test against a local server'),
});

export type YoutubeConfig = z.output<typeof youtubeConfigSchema>;

/** What a page of results must be able to pay for: the search and its videos.list. */
const PAGE_COST = QUOTA_COST.search + QUOTA_COST.videos;

interface PageRead {
  items: ConnectorItem[];
  /** The newest `publishedAt` among the page's videos not dated in the future (RFC 3339). */
  newest?: string;
  /** Videos of the page dated beyond the skew allowance (stored, but kept from moving the bound). */
  futureCount: number;
  nextPageToken?: string;
  /** Comments were left unread to stay within `dailyQuota`. */
  isCutForQuota: boolean;
  /** What ended the page early; the items read before it are still handed over. */
  error?: unknown;
}

interface PageDeps {
  api: YoutubeApi;
  quota: QuotaLedger;
  config: YoutubeConfig;
  /** Videos already handed over in this run (a later page repeating one skips it). */
  seen: Set<string>;
  /** `ctx.clock.now()` at the start of the run: the bound never moves past it plus the allowance. */
  nowMs: number;
}

/** The bound a `publishedAt` may move `publishedAfter` to: capped at now + the skew allowance. */
function boundOf(publishedAt: string | undefined, nowMs: number): string | undefined {
  const ms = publishedAt === undefined ? Number.NaN : Date.parse(publishedAt);
  if (Number.isNaN(ms)) return undefined;
  return toRfc3339(new Date(capMark(ms, nowMs)).toISOString());
}

function freshVideos(
  results: readonly SearchResult[],
  seen: Set<string>,
): Map<string, SearchResult> {
  const fresh = new Map<string, SearchResult>();
  for (const result of results) {
    const id = result.id?.videoId;
    if (id !== undefined && !seen.has(id) && !fresh.has(id)) fresh.set(id, result);
  }
  return fresh;
}

/** Reads up to `maxCommentPagesPerVideo` pages of a video's comments; false when out of quota. */
async function readComments(
  deps: PageDeps,
  videoId: string,
  into: ConnectorItem[],
): Promise<boolean> {
  let pageToken: string | undefined;
  for (let page = 0; page < deps.config.maxCommentPagesPerVideo; page++) {
    if (!deps.quota.canSpend(QUOTA_COST.commentThreads)) return false;
    const threads = await deps.api.listCommentThreads(videoId, pageToken);
    if (threads === undefined) return true;
    for (const thread of threads.items) {
      const item = toCommentItem(videoId, thread);
      if (item !== undefined) into.push(item);
    }
    pageToken = threads.nextPageToken;
    if (pageToken === undefined) return true;
  }
  return true;
}

/** One search page: its new videos with statistics, then their comments. Never throws. */
async function readPage(
  deps: PageDeps,
  query: { publishedAfter?: string; pageToken?: string },
): Promise<PageRead> {
  const read: PageRead = { items: [], isCutForQuota: false, futureCount: 0 };
  try {
    const { config } = deps;
    const page = await deps.api.searchVideos({
      query: config.query,
      regionCode: config.regionCode,
      relevanceLanguage: config.relevanceLanguage,
      maxResults: config.maxResults,
      ...query,
    });
    if (page.nextPageToken !== undefined) read.nextPageToken = page.nextPageToken;
    const fresh = freshVideos(page.items, deps.seen);
    const videos = new Map((await deps.api.listVideos([...fresh.keys()])).map((v) => [v.id, v]));
    for (const [id, found] of fresh) {
      read.items.push(toVideoItem(id, found, videos.get(id)));
      deps.seen.add(id);
      // A video dated in the future is stored but leaves the bound alone: even capped at now + 10
      // min it would make the next search skip the videos of those 10 minutes.
      const publishedMs = Date.parse(found.snippet?.publishedAt ?? '');
      if (isDatedInFuture(publishedMs, deps.nowMs)) read.futureCount++;
      else read.newest = laterOf(read.newest, boundOf(found.snippet?.publishedAt, deps.nowMs));
    }
    if (!config.withComments) return read;
    for (const id of fresh.keys()) {
      // Statistics say there is nothing to read: save the unit.
      if (toCount(videos.get(id)?.statistics?.commentCount) === 0) continue;
      if (!(await readComments(deps, id, read.items))) {
        read.isCutForQuota = true;
        break;
      }
    }
  } catch (error) {
    read.error = error;
  }
  return read;
}

/**
 * Pages through `search.list` (newest first, from the cursor's `publishedAfter`), one batch per
 * page. `publishedAfter` moves to the newest video only when the search was read to its end (or
 * to `maxPages`); a run cut short keeps the old bound so the next run reads the rest again. The
 * bound never moves past now + 10 minutes: a video dated in the future (clock skew, a platform
 * bug) is stored but would otherwise make every later search ask for nothing.
 */
async function* pollYoutube(ctx: PollContext<YoutubeConfig>): AsyncIterable<PollBatch> {
  const { config } = ctx;
  const saved = parseYoutubeCursor(ctx.cursor);
  if (ctx.cursor !== undefined && saved === undefined)
    ctx.log({ level: 'warn', message: 'youtube: the saved cursor is unreadable; starting over' });
  const quota = createQuotaLedger({
    clock: ctx.clock,
    limit: config.dailyQuota,
    ...(saved?.quotaDay === undefined
      ? {}
      : { saved: { day: saved.quotaDay, used: saved.quotaUsed } }),
  });
  const api = createYoutubeApi({
    ...ctx,
    quota,
    apiKey: config.apiKey,
    apiBaseUrl: config.apiBaseUrl,
  });
  const nowMs = ctx.clock.now();
  const deps: PageDeps = { api, quota, config, seen: new Set(), nowMs };
  // A bound saved before bounds were capped may lie in the future: it is pulled back too.
  const since = boundOf(saved?.publishedAfter, nowMs);
  const cursorOf = (publishedAfter: string | undefined): string =>
    serializeYoutubeCursor({ publishedAfter, quotaDay: quota.day, quotaUsed: quota.used });
  const stopForQuota = (before: string): void =>
    ctx.log({
      level: 'warn',
      message: `youtube: stopping before ${before}: ${quota.used} of dailyQuota ${quota.limit} units spent today (Pacific); the rest is read after the quota day turns at midnight Pacific Time`,
      quotaUsed: quota.used,
      dailyQuota: quota.limit,
    });
  let newest = since;
  let pageToken: string | undefined;
  let futureCount = 0;
  try {
    for (let page = 1; page <= config.maxPages; page++) {
      if (!quota.canSpend(PAGE_COST)) return stopForQuota('the next search.list page');
      const read = await readPage(deps, { publishedAfter: since, pageToken });
      futureCount += read.futureCount;
      newest = laterOf(newest, read.newest);
      pageToken = read.nextPageToken;
      const isSearchDone =
        read.error === undefined &&
        !read.isCutForQuota &&
        (pageToken === undefined || page === config.maxPages);
      yield { items: read.items, cursor: cursorOf(isSearchDone ? newest : since) };
      if (read.error !== undefined) throw read.error;
      if (read.isCutForQuota) return stopForQuota('reading more comments');
      if (pageToken === undefined) return;
    }
    ctx.log({
      level: 'warn',
      message: `youtube: read maxPages (${config.maxPages}) search pages and more remain; older matches were skipped (raise maxPages or poll more often)`,
    });
  } finally {
    const warning = futureItemsWarning('youtube', futureCount);
    if (warning !== undefined) ctx.log(warning);
  }
}

/** Videos matching a YouTube search (newest first), with their statistics and top-level comments. */
export const youtubeConnector: Connector<YoutubeConfig> = {
  kind: 'youtube',
  platform: 'youtube',
  description:
    'YouTube Data API v3: videos matching a search query, newest first, with statistics and top-level comments (API key; daily quota tracked)',
  mode: 'poll',
  configSchema: youtubeConfigSchema,
  secretFields: ['apiKey'],
  defaultIntervalSeconds: 900,
  poll: pollYoutube,
};
