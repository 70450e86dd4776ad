import type { ServerResponse } from 'node:http';

/** Test data in the documented Status shape (https://docs.joinmastodon.org/entities/Status/). */
export interface StatusFixture {
  id: string;
  created_at: string;
  content: string;
  spoiler_text: string;
  uri: string;
  url: string | null;
  language: string | null;
  in_reply_to_id: string | null;
  reblog: StatusFixture | null;
  account?: {
    id: string;
    username: string;
    acct: string;
    display_name: string;
    followers_count: number;
  };
  replies_count?: number;
  reblogs_count?: number;
  favourites_count?: number;
}

/** An 18-digit snowflake-like id: the n-th status, all of one length. */
export function statusId(n: number): string {
  return String(109_348_677_773_280_000n + BigInt(n));
}

export function makeStatus(n: number, overrides: Partial<StatusFixture> = {}): StatusFixture {
  const id = statusId(n);
  return {
    id,
    created_at: new Date(Date.UTC(2026, 10, 23, 7, 0, n)).toISOString(),
    content: `<p>Status number ${n}</p>`,
    spoiler_text: '',
    uri: `https://mastodon.example/users/anh/statuses/${id}`,
    url: `https://mastodon.example/@anh/${id}`,
    language: 'vi',
    in_reply_to_id: null,
    reblog: null,
    account: {
      id: '14715',
      username: 'anh',
      acct: 'anh',
      display_name: 'Anh Nguyễn',
      followers_count: 2520,
    },
    replies_count: 1,
    reblogs_count: 2,
    favourites_count: 3,
    ...overrides,
  };
}

function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Answers a timeline request as Mastodon does: newest first, at most `limit` (40 max), `max_id`
 * an upper bound, `since_id` a lower bound taking the newest, `min_id` the ones right after it,
 * and a `Link` header with `next` (max_id = oldest returned) and `prev` (min_id = newest returned).
 */
export function answerTimeline(
  timeline: readonly StatusFixture[],
  request: { url: URL },
  response: ServerResponse,
  origin: string,
): void {
  const query = request.url.searchParams;
  const limit = Math.min(40, Number(query.get('limit') ?? '20'));
  const maxId = query.get('max_id');
  const minId = query.get('min_id');
  const sinceId = query.get('since_id');
  let picked = [...timeline].sort((a, b) => compareIds(b.id, a.id));
  if (maxId !== null) picked = picked.filter((s) => compareIds(s.id, maxId) < 0);
  if (sinceId !== null) picked = picked.filter((s) => compareIds(s.id, sinceId) > 0);
  if (minId !== null) {
    picked = picked
      .filter((s) => compareIds(s.id, minId) > 0)
      .reverse()
      .slice(0, limit)
      .reverse();
  } else picked = picked.slice(0, limit);
  const headers: Record<string, string> = {};
  const newest = picked[0];
  const oldest = picked[picked.length - 1];
  if (newest !== undefined && oldest !== undefined) {
    const base = `${origin}${request.url.pathname}`;
    const keep = new URLSearchParams(query);
    for (const name of ['max_id', 'min_id', 'since_id']) keep.delete(name);
    const next = new URLSearchParams(keep);
    next.set('max_id', oldest.id);
    const prev = new URLSearchParams(keep);
    prev.set('min_id', newest.id);
    headers.link = `<${base}?${next}>; rel="next", <${base}?${prev}>; rel="prev"`;
  }
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(picked));
}
