import { isLangngheError } from '../../core/errors.js';
import type { ConnectorItem, PollBatch, PollContext } from '../connector.js';
import { createTikTokApi } from './tiktok-api.js';
import type { TikTokApi } from './tiktok-api.js';
import { queryOf } from './tiktok-config.js';
import type { TikTokConfig, TikTokQuery } from './tiktok-config.js';
import {
  finishSearch,
  isAtOrBefore,
  noteVideo,
  readTikTokCursor,
  startSearch,
} from './tiktok-cursor.js';
import type { SearchState, TikTokCursor } from './tiktok-cursor.js';
import {
  COMMENT_FIELDS,
  VIDEO_FIELDS,
  commentToItem,
  readComment,
  readVideo,
  videoToItem,
} from './tiktok-items.js';
import type { TikTokVideo } from './tiktok-items.js';

const VIDEO_PATH = '/v2/research/video/query/';
const COMMENT_PATH = '/v2/research/video/comment/list/';

type Ctx = PollContext<TikTokConfig>;

/** What one poll shares across its pages. */
interface Run {
  ctx: Ctx;
  api: TikTokApi;
  query: TikTokQuery;
  queryKey: string;
  /** The cursor as the run found it: its mark is where reading stops. */
  saved: TikTokCursor;
  /** Comment requests left to this run. */
  commentBudget: number;
  /** Video ids met this run (a video can come back on a later page). */
  seen: Set<string>;
}

function videoBody(query: TikTokQuery, search: SearchState): string {
  return JSON.stringify({
    query,
    start_date: search.startDate,
    end_date: search.endDate,
    max_count: 100,
    cursor: search.cursor,
    search_id: search.searchId,
  });
}

/** `video_id` is an int64: written as its digits, never through a double. */
function commentBody(videoId: string, cursor: number): string {
  return `{"video_id":${videoId},"max_count":100,"cursor":${cursor}}`;
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function cursorOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** A refusal of one request's parameters (`invalid_params`, a gone video): not the run's end. */
function isRefusal(error: unknown): boolean {
  return isLangngheError(error) && error.code === 'source.http';
}

function openRun(ctx: Ctx): Run {
  const query = queryOf(ctx.config);
  let saved: TikTokCursor = {};
  if (ctx.cursor !== undefined) {
    const read = readTikTokCursor(ctx.cursor);
    if (read === undefined)
      ctx.log({ level: 'warn', message: 'tiktok: unreadable cursor; starting a new search' });
    saved = read ?? {};
  }
  return {
    ctx,
    api: createTikTokApi({
      http: ctx.http,
      clock: ctx.clock,
      signal: ctx.signal,
      clientKey: ctx.config.clientKey,
      clientSecret: ctx.config.clientSecret,
      apiBaseUrl: ctx.config.apiBaseUrl.replace(/\/+$/, ''),
    }),
    query,
    queryKey: JSON.stringify(query),
    saved,
    commentBudget: ctx.config.maxCommentRequests,
    seen: new Set(),
  };
}

function newSearch(run: Run): SearchState {
  const { search, isClamped } = startSearch(run.saved, {
    nowMs: run.ctx.clock.now(),
    lookbackDays: run.ctx.config.lookbackDays,
    queryKey: run.queryKey,
  });
  if (isClamped)
    run.ctx.log({
      level: 'warn',
      message: `tiktok: the last video read is older than the widest window; reading from ${search.startDate}`,
    });
  return search;
}

/**
 * Asks for one page of `search`. A resumed search whose cached `search_id` is refused (it can
 * expire) starts over from the last finished mark, which leaves no gap.
 */
async function queryVideos(
  run: Run,
  search: SearchState,
  isResumed: boolean,
): Promise<{ data: Record<string, unknown>; search: SearchState }> {
  try {
    return {
      data: await run.api.query(VIDEO_PATH, VIDEO_FIELDS, videoBody(run.query, search)),
      search,
    };
  } catch (error) {
    if (!isResumed || !isRefusal(error)) throw error;
    run.ctx.log({
      level: 'warn',
      message: 'tiktok: the saved search could not be resumed; starting over',
    });
    const fresh = newSearch(run);
    return {
      data: await run.api.query(VIDEO_PATH, VIDEO_FIELDS, videoBody(run.query, fresh)),
      search: fresh,
    };
  }
}

/**
 * The page's videos newer than the run's mark, each once. Results come in decreasing id order, so
 * meeting the mark (or older) means the search has caught up.
 */
function newVideos(run: Run, search: SearchState, data: Record<string, unknown>) {
  const fresh: TikTokVideo[] = [];
  let isCaughtUp = false;
  for (const value of arrayOf(data.videos)) {
    const video = readVideo(value);
    if (video === undefined) continue;
    if (isAtOrBefore(video.id, run.saved.newestId)) {
      isCaughtUp = true;
      continue;
    }
    noteVideo(search, video.id, video.createTime);
    if (run.seen.has(video.id)) continue;
    run.seen.add(video.id);
    fresh.push(video);
  }
  return { fresh, isCaughtUp };
}

/** Up to `maxCommentPages` pages of one video's comments, within the run's comment budget. */
async function readComments(run: Run, video: TikTokVideo): Promise<ConnectorItem[]> {
  const items: ConnectorItem[] = [];
  const seen = new Set<string>();
  let cursor = 0;
  for (let page = 0; page < run.ctx.config.maxCommentPages && run.commentBudget > 0; page++) {
    run.commentBudget--;
    let data: Record<string, unknown>;
    try {
      data = await run.api.query(COMMENT_PATH, COMMENT_FIELDS, commentBody(video.id, cursor));
    } catch (error) {
      if (!isRefusal(error)) throw error;
      run.ctx.log({
        level: 'warn',
        message: `tiktok: comments of video ${video.id} refused: ${(error as Error).message}`,
      });
      break;
    }
    for (const value of arrayOf(data.comments)) {
      const comment = readComment(value);
      if (comment === undefined || seen.has(comment.id)) continue;
      seen.add(comment.id);
      const item = commentToItem(comment, video);
      if (item !== undefined) items.push(item);
    }
    const next = cursorOf(data.cursor);
    if (data.has_more !== true || next === undefined) break;
    cursor = next;
  }
  return items;
}

async function itemsOf(run: Run, videos: TikTokVideo[]): Promise<ConnectorItem[]> {
  const items: ConnectorItem[] = [];
  for (const video of videos) {
    const item = videoToItem(video);
    if (item !== undefined) items.push(item);
    // A video known to have no comments costs no request.
    if (run.ctx.config.withComments && video.comments !== 0)
      items.push(...(await readComments(run, video)));
  }
  return items;
}

/**
 * One poll of a TikTok source: the video search in progress (or a new one from the last mark's
 * day to today), a page per batch down to the mark, `maxPages` at most. A batch's cursor holds
 * the search's `search_id` and next page until it ends; then its newest video becomes the mark.
 */
export async function* pollTikTok(ctx: Ctx): AsyncGenerator<PollBatch> {
  const run = openRun(ctx);
  const pending = run.saved.pending;
  let isResumed = pending?.queryKey === run.queryKey;
  let search = isResumed && pending !== undefined ? { ...pending } : newSearch(run);
  for (let page = 0; page < ctx.config.maxPages && !ctx.signal.aborted; page++) {
    const answer = await queryVideos(run, search, isResumed);
    isResumed = false;
    search = answer.search;
    const { fresh, isCaughtUp } = newVideos(run, search, answer.data);
    const items = await itemsOf(run, fresh);
    const next = cursorOf(answer.data.cursor);
    // A next page that is not further on would be read again by every run: the search ends here.
    const isStuck = next !== undefined && next <= search.cursor && answer.data.has_more === true;
    if (isStuck)
      ctx.log({
        level: 'warn',
        message: `tiktok: the search cursor did not move (${next}); ending the search here`,
      });
    if (isCaughtUp || answer.data.has_more !== true || next === undefined || isStuck) {
      yield { items, cursor: JSON.stringify(finishSearch(run.saved, search)) };
      return;
    }
    const searchId = answer.data.search_id;
    search = {
      ...search,
      cursor: next,
      searchId: typeof searchId === 'string' && searchId !== '' ? searchId : search.searchId,
    };
    yield { items, cursor: JSON.stringify({ ...run.saved, pending: search }) };
  }
}
