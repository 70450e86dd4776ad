/** How many item ids the cursor remembers. */
export const MAX_SEEN_IDS = 500;

/**
 * Where an `rss` source stands: the validators of the feed's last answer (for a conditional
 * GET) and the externalIds of the items already stored, newest first, so that an article page is
 * fetched once however long the item stays in the feed.
 */
export interface NewsCursor {
  etag?: string;
  lastModified?: string;
  seen: string[];
}

/** Reads a saved cursor; a missing or unreadable one is a fresh start. */
export function parseNewsCursor(text: string | undefined): NewsCursor {
  if (text === undefined) return { seen: [] };
  try {
    const value = JSON.parse(text) as Partial<Record<keyof NewsCursor, unknown>>;
    return {
      etag: typeof value.etag === 'string' ? value.etag : undefined,
      lastModified: typeof value.lastModified === 'string' ? value.lastModified : undefined,
      seen: Array.isArray(value.seen)
        ? value.seen.filter((id): id is string => typeof id === 'string').slice(0, MAX_SEEN_IDS)
        : [],
    };
  } catch {
    return { seen: [] };
  }
}

/** The cursor as saved: keys in a fixed order, validators left out when absent. */
export function serializeNewsCursor(cursor: NewsCursor): string {
  return JSON.stringify({
    etag: cursor.etag,
    lastModified: cursor.lastModified,
    seen: cursor.seen.slice(0, MAX_SEEN_IDS),
  });
}

/** `seen` with `ids` put in front (the latest stored first), repeats removed, cut to `MAX_SEEN_IDS`. */
export function rememberIds(seen: readonly string[], ids: readonly string[]): string[] {
  return [...new Set([...ids, ...seen])].slice(0, MAX_SEEN_IDS);
}
