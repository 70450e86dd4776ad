import { z } from 'zod';

/**
 * Where an X recent-search source stands. `sinceId` is the newest Post id of the last run that
 * paged to its end: the next run asks only for newer Posts. While a run pages, `nextToken` is the
 * page to read next and `pendingNewestId` the newest id of that run's first page; both are saved
 * after every page, so a run that dies midway resumes from `nextToken` with the same `since_id`
 * (X's tokens do not expire) and nothing between `sinceId` and `pendingNewestId` is skipped.
 * https://docs.x.com/x-api/posts/search/integrate/paginate
 */
export interface SearchCursor {
  sinceId?: string;
  nextToken?: string;
  pendingNewestId?: string;
}

const cursorSchema = z.object({
  sinceId: z.string().regex(/^\d+$/).optional(),
  nextToken: z.string().min(1).optional(),
  pendingNewestId: z.string().regex(/^\d+$/).optional(),
});

/**
 * Reads a saved cursor. A bare numeric string is taken as a `since_id`; anything else that is not
 * this shape is `undefined` (the caller starts over and says so).
 */
export function parseSearchCursor(text: string | undefined): SearchCursor | undefined {
  if (text === undefined || text === '') return {};
  if (/^\d+$/.test(text)) return { sinceId: text };
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The cursor as saved: JSON with the absent fields left out. */
export function formatSearchCursor(cursor: SearchCursor): string {
  return JSON.stringify({
    sinceId: cursor.sinceId,
    nextToken: cursor.nextToken,
    pendingNewestId: cursor.pendingNewestId,
  });
}
