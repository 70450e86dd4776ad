import { z } from 'zod';

const DAY_MS = 86_400_000;
/** `end_date` must be no more than 30 days after `start_date`; one day kept in hand. */
const MAX_WINDOW_DAYS = 29;

/** One video query over a date window, resumable through TikTok's cached `search_id`. */
export interface SearchState {
  /** The query it was started for (a changed config starts a new search). */
  queryKey: string;
  /** YYYYMMDD, UTC. */
  startDate: string;
  endDate: string;
  searchId?: string;
  /** The index of the next page. */
  cursor: number;
  /** The newest video this search has met, to become the source's mark once it ends. */
  newestId?: string;
  /** Its `create_time`, in Unix seconds. */
  newestTime?: number;
}

/**
 * What a TikTok source remembers: its newest video (id and time) over all finished searches, and
 * the search in progress, so the next run resumes it instead of skipping its older pages.
 */
export interface TikTokCursor {
  newestId?: string;
  newestTime?: number;
  pending?: SearchState;
}

const searchSchema = z.object({
  queryKey: z.string(),
  startDate: z.string().regex(/^\d{8}$/),
  endDate: z.string().regex(/^\d{8}$/),
  searchId: z.string().optional(),
  cursor: z.number().int().min(0),
  newestId: z.string().regex(/^\d+$/).optional(),
  newestTime: z.number().optional(),
});

const cursorSchema = z.object({
  newestId: z.string().regex(/^\d+$/).optional(),
  newestTime: z.number().optional(),
  pending: searchSchema.optional(),
});

/** Reads a saved cursor; undefined when it cannot be read (the caller starts over). */
export function readTikTokCursor(saved: string): TikTokCursor | undefined {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(saved));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A date as the Research API writes it: YYYYMMDD in UTC. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * A new search from the day of the newest video known (its day again, since the window has a
 * day's grain) or, on a first run, `lookbackDays` back, to today; never wider than the API allows.
 * `isClamped` says the newest known video is older than the widest window (a gap).
 */
export function startSearch(
  cursor: TikTokCursor,
  options: { nowMs: number; lookbackDays: number; queryKey: string },
): { search: SearchState; isClamped: boolean } {
  const earliestMs = options.nowMs - MAX_WINDOW_DAYS * DAY_MS;
  const fromMs =
    cursor.newestTime !== undefined
      ? cursor.newestTime * 1000
      : options.nowMs - (options.lookbackDays - 1) * DAY_MS;
  return {
    search: {
      queryKey: options.queryKey,
      // A create_time in the future (or past any date) must not push the window past today.
      startDate: utcDate(Math.min(Math.max(fromMs, earliestMs), options.nowMs)),
      endDate: utcDate(options.nowMs),
      cursor: 0,
    },
    isClamped: fromMs < earliestMs && cursor.newestTime !== undefined,
  };
}

/** True when id `a` is at or before id `b` (ids are int64 decimals; larger is newer). */
export function isAtOrBefore(a: string, b: string | undefined): boolean {
  return b !== undefined && BigInt(a) <= BigInt(b);
}

/** The search's newest video after meeting one more. */
export function noteVideo(search: SearchState, id: string, createTime: number | undefined): void {
  if (search.newestId !== undefined && BigInt(id) <= BigInt(search.newestId)) return;
  search.newestId = id;
  search.newestTime = createTime ?? search.newestTime;
}

/** The cursor once `search` has been read to its end: its newest video becomes the mark. */
export function finishSearch(cursor: TikTokCursor, search: SearchState): TikTokCursor {
  if (search.newestId === undefined || isAtOrBefore(search.newestId, cursor.newestId))
    return { newestId: cursor.newestId, newestTime: cursor.newestTime };
  return { newestId: search.newestId, newestTime: search.newestTime ?? cursor.newestTime };
}
