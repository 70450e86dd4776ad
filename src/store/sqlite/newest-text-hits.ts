import type { Database } from 'better-sqlite3';
import type { PostRow } from './post-row.js';
import { POST_COLUMNS } from './post-row.js';
import { createStatementCache } from './statement-cache.js';
import { bucketFirstKey, timeBucket } from './time-key.js';

/** A full-text search over a time-key range, newest first. */
export interface TextHitsQuery {
  /** FTS5 MATCH expression (from `toFtsMatch`). */
  expression: string;
  /** Further conditions on `posts p` (constant fragments) and their values. */
  conditions: readonly string[];
  params: readonly (string | number)[];
  /** Time-key range `[lower, upper)`: a superset of what `conditions` allow, never narrower. */
  lower: bigint;
  upper: bigint;
  /** How many posts the page wants; up to `limit + 1` come back, so the caller sees if more exist. */
  limit: number;
}

/** Keys read from the index before a search stops walking it and lets SQLite plan the rest. */
const SCAN_BUDGET = 20_000;
const FIRST_BATCH = 64;
const MAX_BATCH = 4_096;

/** A hit as the walk sees it: its key, and the sort columns when its post passes the filter. */
interface Hit {
  hit_key: string;
  published_at: string | null;
  id: string | null;
}
type Passed = Hit & PostKey;
interface PostKey {
  published_at: string;
  id: string;
}

/**
 * Reads the newest hits of a full-text search without listing them all: posts_text's rowid is the
 * time key, so FTS5 yields hits newest first and each batch stops at its LIMIT. Hits whose post
 * fails the other conditions are skipped; once `limit + 1` posts pass, the rest of the last one's
 * millisecond is read too, because within a millisecond keys follow arrival, not id. Only the
 * sort columns are read while walking; whole rows only for the page. A search whose conditions
 * reject almost every hit stops walking after `SCAN_BUDGET` keys and hands the remaining range to
 * SQLite's own plan (every hit, then sorted), as before time keys.
 */
export function createNewestTextHits(db: Database) {
  const statement = createStatementCache(db);
  const columns = POST_COLUMNS.map((c) => `p.${c}`).join(', ');
  const rowsByKey = db.prepare(
    `SELECT ${columns} FROM posts p WHERE p.time_key IN (SELECT value FROM json_each(?))`,
  );

  /** One batch of the walk: the hits that passed, how many keys were read, the last key read. */
  function batch(
    query: TextHitsQuery,
    lower: bigint,
    upper: bigint,
    size: number,
  ): { passed: Passed[]; read: number; last?: string } {
    const on = query.conditions.map((c) => ` AND ${c}`).join('');
    const sql = `SELECT CAST(h.k AS TEXT) AS hit_key, p.published_at, p.id FROM (
        SELECT rowid AS k FROM posts_text WHERE posts_text MATCH ? AND rowid >= ? AND rowid < ?
        ORDER BY rowid DESC LIMIT ?
      ) h LEFT JOIN posts p ON p.time_key = h.k${on}`;
    const hits = statement(sql).all(query.expression, lower, upper, size, ...query.params) as Hit[];
    const passed = hits.filter((hit): hit is Passed => hit.id !== null);
    return { passed, read: hits.length, last: hits.at(-1)?.hit_key };
  }

  function planned(query: TextHitsQuery, upper: bigint, size: number): PostRow[] {
    const conditions = [
      ...query.conditions,
      `p.time_key IN (SELECT rowid FROM posts_text WHERE posts_text MATCH ? AND rowid >= ? AND rowid < ?)`,
    ];
    const sql = `SELECT ${columns} FROM posts p WHERE ${conditions.join(' AND ')}
      ORDER BY p.published_at DESC, p.id DESC LIMIT ?`;
    const params = [...query.params, query.expression, query.lower, upper, size];
    return statement(sql).all(...params) as PostRow[];
  }

  function load(hits: readonly Passed[]): PostRow[] {
    if (hits.length === 0) return [];
    const rows = rowsByKey.all(`[${hits.map((hit) => hit.hit_key).join(',')}]`) as PostRow[];
    return rows.sort(newestFirst);
  }

  // One read transaction: every batch and the final load see the same snapshot of the file.
  const walk = db.transaction((query: TextHitsQuery): PostRow[] => {
    const want = query.limit + 1;
    const hits: Passed[] = [];
    let upper = query.upper;
    let size = Math.min(Math.max(want, FIRST_BATCH), MAX_BATCH);
    let scanned = 0;
    for (;;) {
      if (upper <= query.lower) return load(top(hits, want));
      const { passed, read, last } = batch(query, query.lower, upper, size);
      hits.push(...passed);
      scanned += read;
      if (last === undefined || read < size) return load(top(hits, want));
      upper = BigInt(last);
      if (hits.length >= want) break;
      if (scanned >= SCAN_BUDGET) {
        const rest = planned(query, upper, want);
        return [...load(top(hits, want)), ...rest].sort(newestFirst).slice(0, want);
      }
      // Size the next batch from the share of hits that passed so far, with a margin.
      const share = Math.max(hits.length, 1) / scanned;
      size = Math.min(
        Math.max(Math.ceil((1.25 * (want - hits.length)) / share), FIRST_BATCH),
        MAX_BATCH,
      );
    }
    const edge = timeBucket(top(hits, want)[want - 1]!.published_at);
    const from = bucketFirstKey(edge) > query.lower ? bucketFirstKey(edge) : query.lower;
    if (from < upper) hits.push(...batch(query, from, upper, -1).passed);
    return load(top(hits, want));
  });

  return {
    /** At most `limit + 1` posts, newest first (`published_at` desc, then `id` desc). */
    newestHits: (query: TextHitsQuery): PostRow[] => walk(query),
  };
}

/** The first `want` of `hits` in page order. */
function top(hits: Passed[], want: number): Passed[] {
  return hits.sort(newestFirst).slice(0, want);
}

/** SQLite's order (BINARY: UTF-8 bytes, i.e. code points), descending; not UTF-16 units. */
function newestFirst(a: PostKey, b: PostKey): number {
  if (a.published_at !== b.published_at) return a.published_at < b.published_at ? 1 : -1;
  return -compareCodePoints(a.id, b.id);
}

function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates (U+D800–DFFF) stand for code points above U+FFFF: move them above U+E000–FFFF. */
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}
