import { z } from 'zod';

/**
 * What a YouTube source remembers between runs. `publishedAfter` is the newest video's
 * `publishedAt` of the last search read to its end: the next search asks only for videos
 * published at or after it. `quotaDay`/`quotaUsed` are the units spent on that Pacific day.
 */
export interface YoutubeCursor {
  publishedAfter?: string;
  quotaDay?: string;
  quotaUsed: number;
}

const cursorSchema = z.object({
  publishedAfter: z.string().optional(),
  quotaDay: z.string().optional(),
  quotaUsed: z.number().int().nonnegative().optional(),
});

/** Reads a saved cursor; an unreadable one (hand-edited, older format) counts as none. */
export function parseYoutubeCursor(saved: string | undefined): YoutubeCursor | undefined {
  if (saved === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(saved);
  } catch {
    return undefined;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const publishedAfter = toRfc3339(parsed.data.publishedAfter);
  return {
    ...(publishedAfter === undefined ? {} : { publishedAfter }),
    ...(parsed.data.quotaDay === undefined ? {} : { quotaDay: parsed.data.quotaDay }),
    quotaUsed: parsed.data.quotaUsed ?? 0,
  };
}

export function serializeYoutubeCursor(cursor: YoutubeCursor): string {
  return JSON.stringify({
    publishedAfter: cursor.publishedAfter,
    quotaDay: cursor.quotaDay,
    quotaUsed: cursor.quotaUsed,
  });
}

/**
 * A time as the RFC 3339 `publishedAfter` wants it (`2026-11-22T10:00:00Z`), whole seconds:
 * rounding down keeps the bound inclusive of the video it came from.
 */
export function toRfc3339(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return undefined;
  return new Date(ms - (((ms % 1000) + 1000) % 1000)).toISOString().replace('.000Z', 'Z');
}

/** The later of two RFC 3339 times (either may be missing). */
export function laterOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
