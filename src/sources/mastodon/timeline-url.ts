import type { MastodonConfig, MastodonStreamConfig } from './config.js';

/** The most statuses a timeline page holds (docs: "Max 40 statuses"). */
export const PAGE_LIMIT = 40;

/** Where a page starts: older than `maxId` (paging back) or right after `minId` (forward). */
export type PageBound = { maxId: string } | { minId: string } | Record<string, never>;

function baseOf(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * A page of the configured timeline (https://docs.joinmastodon.org/methods/timelines/):
 * `/api/v1/timelines/tag/:hashtag` or `/api/v1/timelines/public`, with `local`, `limit=40` and
 * the page bound. `min_id` ("returns results immediately newer than this ID … paginates forward")
 * is what an incremental poll uses, so a gap longer than one poll is read in order, not skipped
 * as `since_id` (the newest results above the id) would.
 */
export function timelineUrl(config: MastodonConfig, bound: PageBound): string {
  const path =
    config.hashtag === undefined
      ? '/api/v1/timelines/public'
      : `/api/v1/timelines/tag/${encodeURIComponent(config.hashtag)}`;
  const url = new URL(baseOf(config.instanceUrl) + path);
  url.searchParams.set('local', String(config.timeline === 'local'));
  url.searchParams.set('limit', String(PAGE_LIMIT));
  if ('maxId' in bound) url.searchParams.set('max_id', bound.maxId);
  if ('minId' in bound) url.searchParams.set('min_id', bound.minId);
  return url.toString();
}

/**
 * The server-sent events endpoint of the configured timeline
 * (https://docs.joinmastodon.org/methods/streaming/): `/api/v1/streaming/hashtag[/local]?tag=`
 * or `/api/v1/streaming/public[/local]`.
 */
export function streamUrl(config: MastodonStreamConfig): string {
  const base = baseOf(config.streamingUrl ?? config.instanceUrl);
  const local = config.timeline === 'local' ? '/local' : '';
  if (config.hashtag === undefined) return `${base}/api/v1/streaming/public${local}`;
  const url = new URL(`${base}/api/v1/streaming/hashtag${local}`);
  url.searchParams.set('tag', config.hashtag);
  return url.toString();
}

/**
 * The `max_id` / `min_id` the `next` (older) and `prev` (newer) links of a `Link` header carry
 * (https://docs.joinmastodon.org/api/guidelines/#pagination: `<url>; rel="next", <url>; rel="prev"`).
 * Only the ids are taken: the request is rebuilt from the config, so the token never follows a
 * link to another host.
 */
export function parsePageLinks(header: string | null): {
  hasLinks: boolean;
  nextMaxId?: string;
  prevMinId?: string;
} {
  const links: { hasLinks: boolean; nextMaxId?: string; prevMinId?: string } = {
    hasLinks: false,
  };
  if (header === null) return links;
  for (const part of header.split(/,\s*(?=<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/s.exec(part);
    if (match === null) continue;
    const rel = /\brel\s*=\s*"?([^";]+)"?/i
      .exec(match[2] ?? '')?.[1]
      ?.trim()
      .toLowerCase();
    let params: URLSearchParams;
    try {
      params = new URL(match[1] ?? '', 'http://link.invalid').searchParams;
    } catch {
      continue;
    }
    links.hasLinks = true;
    if (rel === 'next') links.nextMaxId = params.get('max_id') ?? undefined;
    if (rel === 'prev')
      links.prevMinId = params.get('min_id') ?? params.get('since_id') ?? undefined;
  }
  return links;
}
