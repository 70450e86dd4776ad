import type { Database } from 'better-sqlite3';
import { foldText } from '../../nlp/fold.js';
import { normalizeIso } from '../iso-time.js';
import { decodePageCursor, encodePageCursor, pageLimit } from '../page-cursor.js';
import type {
  PostFilter,
  PostPage,
  PostScan,
  PostSearch,
  PostWrite,
  StoredPost,
  UpsertResult,
  WriteResult,
} from '../store.js';
import {
  DEFAULT_SCAN_LIMIT,
  DEFAULT_SEARCH_LIMIT,
  MAX_SCAN_LIMIT,
  MAX_SEARCH_LIMIT,
} from '../store.js';
import { requireText } from '../require-text.js';
import { validatePost } from '../validate-post.js';
import { toFtsMatch } from './fts-match.js';
import { foldedBody } from './index-posts-by-time.js';
import { createNewestTextHits } from './newest-text-hits.js';
import { createSqliteNearDuplicates } from './sqlite-near-duplicates.js';
import type { PostRow } from './post-row.js';
import { POST_COLUMNS, postParams, rowToPost } from './post-row.js';
import { postWhere, whereClause } from './post-where.js';
import { createStatementCache } from './statement-cache.js';
import { TIME_KEY_END, bucketFirstKey, nextTimeKey, timeBucket } from './time-key.js';

const SELECT_POST = `SELECT ${POST_COLUMNS.map((c) => `p.${c}`).join(', ')} FROM posts p`;

/** The posts half of the SQLite store, synchronous; `createSqliteStore` makes it async. */
export function createSqlitePosts(db: Database) {
  const statement = createStatementCache(db);
  const insert = db.prepare(
    `INSERT INTO posts (${POST_COLUMNS.join(', ')}, time_key)
     VALUES (${POST_COLUMNS.map(() => '?').join(', ')}, ?)
     ON CONFLICT (id) DO NOTHING`,
  );
  const highestKey = db
    .prepare('SELECT MAX(time_key) FROM posts WHERE time_key >= ? AND time_key < ?')
    .pluck()
    .safeIntegers(true);
  const index = db.prepare('INSERT INTO posts_text (rowid, body, author) VALUES (?, ?, ?)');
  // A redelivered older observation must not roll engagement back: only newer-or-equal wins.
  const refresh = db.prepare(
    `UPDATE posts SET likes = COALESCE(?, likes), comments = COALESCE(?, comments),
       shares = COALESCE(?, shares), views = COALESCE(?, views), collected_at = ?
     WHERE id = ? AND collected_at <= ?`,
  );
  const textHits = createNewestTextHits(db);

  /**
   * The next free key of the post's time bucket. `used` holds the keys this transaction took,
   * by bucket: a batch's posts of one hour read the highest key once, not once each.
   */
  function timeKeyFor(bucket: number, used: Map<number, bigint>): bigint {
    const taken = used.get(bucket);
    if (taken !== undefined) return nextTimeKey(bucket, taken);
    const first = bucketFirstKey(bucket);
    return nextTimeKey(bucket, highestKey.get(first, bucketFirstKey(bucket + 1)) as bigint | null);
  }

  const nearDuplicates = createSqliteNearDuplicates(db);
  const match = db.prepare(
    `INSERT INTO matches (topic_id, post_id, published_at)
     SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM topics WHERE id = ?)
     ON CONFLICT (topic_id, post_id) DO NOTHING`,
  );

  const writeBatch = db.transaction((batch: readonly PostWrite[]): WriteResult => {
    const inserted: string[] = [];
    const updated: string[] = [];
    const duplicateOf: Record<string, string> = {};
    let matched = 0;
    const insertedNow = new Set<string>();
    const texts: { key: bigint; body: string; author: string | null }[] = [];
    const usedKeys = new Map<number, bigint>();
    batch.forEach((write, i) => {
      const valid = validatePost(write.post, i);
      let { post } = valid;
      let near: string | undefined;
      if (write.simhash !== undefined && !insertedNow.has(post.id)) {
        near = nearDuplicates.find(write.simhash, post.privateTo, i);
        if (near === post.id) near = undefined;
        if (near !== undefined) post = { ...post, duplicateOf: near };
      }
      const bucket = timeBucket(valid.publishedAt);
      const key = timeKeyFor(bucket, usedKeys);
      const result = insert.run(...postParams({ ...valid, post }), key);
      if (result.changes === 1) {
        usedKeys.set(bucket, key);
        const body = post.folded ?? foldedBody(post.title, post.text);
        const author = post.author?.name === undefined ? null : foldText(post.author.name);
        texts.push({ key, body, author });
        inserted.push(post.id);
        insertedNow.add(post.id);
        if (near !== undefined) duplicateOf[post.id] = near;
        else if (write.simhash !== undefined && post.duplicateOf === undefined)
          nearDuplicates.add(post.id, write.simhash, post.privateTo);
        for (const topicId of new Set(write.topicIds ?? [])) {
          const id = requireText(topicId, 'topicId');
          matched += match.run(id, post.id, valid.publishedAt, id).changes;
        }
        return;
      }
      const e = post.engagement;
      refresh.run(
        e?.likes ?? null,
        e?.comments ?? null,
        e?.shares ?? null,
        e?.views ?? null,
        valid.collectedAt,
        post.id,
        valid.collectedAt,
      );
      if (!insertedNow.has(post.id)) updated.push(post.id);
    });
    // FTS5 flushes its pending index whenever a rowid is lower than the one before: in key
    // order, a batch of late posts is one segment, not one per step back in time.
    texts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const text of texts) index.run(text.key, text.body, text.author);
    nearDuplicates.prune();
    return { inserted, updated, matches: matched, duplicateOf };
  });

  /** Posts matching a full-text filter, newest first, read from posts_text backwards. */
  function searchText(params: PostSearch, expression: string, limit: number): PostPage {
    const where = postWhere({ ...params, text: undefined });
    let lower = 0n;
    let upper = TIME_KEY_END;
    const before = (iso: string): void => {
      const end = bucketFirstKey(timeBucket(iso) + 1);
      if (end < upper) upper = end;
    };
    if (params.from !== undefined)
      lower = bucketFirstKey(timeBucket(normalizeIso(params.from, 'from')));
    if (params.to !== undefined) before(normalizeIso(params.to, 'to'));
    if (params.cursor !== undefined) {
      const key = decodePageCursor(params.cursor);
      // Only a cursor this store made is normalized; anything else is store.invalid here.
      before(normalizeIso(key.publishedAt, 'cursor'));
      where.conditions.push('(p.published_at, p.id) < (?, ?)');
      where.params.push(key.publishedAt, key.id);
    }
    const rows = textHits.newestHits({ expression, ...where, lower, upper, limit });
    return toPage(rows, limit);
  }

  function readPage(sql: string, params: unknown[], limit: number): PostPage {
    return toPage(statement(sql).all(...params, limit + 1) as PostRow[], limit);
  }

  return {
    upsertPosts(posts: readonly StoredPost[]): UpsertResult {
      const { inserted, updated } = writeBatch(posts.map((post) => ({ post })));
      return { inserted, updated };
    },

    writePosts(batch: readonly PostWrite[]): WriteResult {
      return writeBatch(batch);
    },

    getPost(id: string): StoredPost | undefined {
      const row = statement(`${SELECT_POST} WHERE p.id = ?`).get(id) as PostRow | undefined;
      return row === undefined ? undefined : rowToPost(row);
    },

    getPosts(ids: readonly string[]): StoredPost[] {
      const unique = [...new Set(ids)];
      const rows = statement(`${SELECT_POST} WHERE p.id IN (SELECT value FROM json_each(?))`).all(
        JSON.stringify(unique),
      ) as PostRow[];
      const byId = new Map(rows.map((row) => [row.id, rowToPost(row)]));
      return unique.flatMap((id) => byId.get(id) ?? []);
    },

    countPosts(filter?: PostFilter): number {
      const where = postWhere(filter);
      if (where.isEmpty) return 0;
      const sql = `SELECT COUNT(*) AS n FROM posts p ${whereClause(where.conditions)}`;
      return (statement(sql).get(...where.params) as { n: number }).n;
    },

    searchPosts(params: PostSearch): PostPage {
      const limit = pageLimit(params.limit, DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT);
      const match = params.text === undefined ? undefined : toFtsMatch(params.text);
      if (match?.kind === 'none') return { posts: [] };
      if (match?.kind === 'match') return searchText(params, match.expression, limit);
      const where = postWhere({ ...params, text: undefined });
      if (params.cursor !== undefined) {
        const key = decodePageCursor(params.cursor);
        where.conditions.push('(p.published_at, p.id) < (?, ?)');
        where.params.push(key.publishedAt, key.id);
      }
      const sql = `${SELECT_POST} ${whereClause(where.conditions)}
        ORDER BY p.published_at DESC, p.id DESC LIMIT ?`;
      return readPage(sql, where.params, limit);
    },

    scanPosts(params: PostScan): PostPage {
      const limit = pageLimit(params.limit, DEFAULT_SCAN_LIMIT, MAX_SCAN_LIMIT);
      const where = postWhere({ from: params.from, to: params.to });
      if (params.cursor !== undefined) {
        const key = decodePageCursor(params.cursor);
        where.conditions.push('(p.published_at, p.id) > (?, ?)');
        where.params.push(key.publishedAt, key.id);
      }
      const sql = `${SELECT_POST} ${whereClause(where.conditions)}
        ORDER BY p.published_at, p.id LIMIT ?`;
      return readPage(sql, where.params, limit);
    },
  };
}

/** The page of the first `limit` rows, with a cursor when a further row exists. */
function toPage(rows: readonly PostRow[], limit: number): PostPage {
  const posts = rows.slice(0, limit).map(rowToPost);
  const last = posts[posts.length - 1];
  if (rows.length <= limit || last === undefined) return { posts };
  return { posts, nextCursor: encodePageCursor(last) };
}

export type SqlitePosts = ReturnType<typeof createSqlitePosts>;
