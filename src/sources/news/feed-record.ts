import type { FeedItem } from './feed-item.js';

/**
 * One item as `langnghe feed parse` prints it: a stable contract (docs/feeds.md) that outside
 * tests compare byte for byte, so the keys, their order and `null` for a missing value are fixed.
 */
export interface FeedRecord {
  id: string;
  title: string | null;
  url: string | null;
  text: string;
  publishedAt: string | null;
  author: string | null;
}

/** The printed form of an item, keys in contract order. */
export function toFeedRecord(item: FeedItem): FeedRecord {
  return {
    id: item.id,
    title: item.title ?? null,
    url: item.url ?? null,
    text: item.text,
    publishedAt: item.publishedAt ?? null,
    author: item.author ?? null,
  };
}

/** The whole printed output: a JSON array of records, two-space indented, ending in a newline. */
export function formatFeedRecords(items: readonly FeedItem[]): string {
  return `${JSON.stringify(items.map(toFeedRecord), null, 2)}\n`;
}
