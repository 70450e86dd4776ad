import type { Database } from 'better-sqlite3';
import { foldText } from '../../nlp/fold.js';
import { decodePageCursor, encodePageCursor, pageLimit } from '../page-cursor.js';
import type {
  PostFilter,
  PostPage,
  PostScan,
  PostSearch,
  StoredPost,
  UpsertResult,
} from '../store.js';
import {
  DEFAULT_SCAN_LIMIT,
  DEFAULT_SEARCH_LIMIT,
  MAX_SCAN_LIMIT,
  MAX_SEARCH_LIMIT,
} from '../store.js';
import { validatePost } from '../validate-post.js';
import type { PostRow } from './post-row.js';
import { POST_COLUMNS, postParams, rowToPost } from './post-row.js';
import { postWhere, whereClause } from './post-where.js';
import { createStatementCache } from './statement-cache.js';

const SELECT_POST = `SELECT ${POST_COLUMNS.map((c) => `p.${c}`).join(', ')} FROM posts p`;

/** The posts half of the SQLite store, synchronous; `createSqliteStore` makes it async. */
export function createSqlitePosts(db: Database) {
  const statement = createStatementCache(db);
  const insert = db.prepare(
    `INSERT INTO posts (${POST_COLUMNS.join(', ')}) VALUES (${POST_COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT (id) DO NOTHING`,
  );
  const index = db.prepare('INSERT INTO posts_fts (rowid, body, author) VALUES (?, ?, ?)');
  // A redelivered older observation must not roll engagement back: only newer-or-equal wins.
  const refresh = db.prepare(
    `UPDATE posts SET likes = COALESCE(?, likes), comments = COALESCE(?, comments),
       shares = COALESCE(?, shares), views = COALESCE(?, views), collected_at = ?
     WHERE id = ? AND collected_at <= ?`,
  );

  const upsertBatch = db.transaction((posts: readonly StoredPost[]): UpsertResult => {
    const inserted: string[] = [];
    const updated: string[] = [];
    const insertedNow = new Set<string>();
    posts.forEach((raw, i) => {
      const valid = validatePost(raw, i);
      const { post } = valid;
      const result = insert.run(postParams(valid));
      if (result.changes === 1) {
        const body =
          post.folded ?? foldText(post.title ? `${post.title}\n${post.text}` : post.text);
        const author = post.author?.name === undefined ? null : foldText(post.author.name);
        index.run(result.lastInsertRowid, body, author);
        inserted.push(post.id);
        insertedNow.add(post.id);
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
    return { inserted, updated };
  });

  function readPage(sql: string, params: unknown[], limit: number): PostPage {
    const rows = statement(sql).all(...params, limit + 1) as PostRow[];
    const posts = rows.slice(0, limit).map(rowToPost);
    const last = posts[posts.length - 1];
    if (rows.length <= limit || last === undefined) return { posts };
    return { posts, nextCursor: encodePageCursor(last) };
  }

  return {
    upsertPosts(posts: readonly StoredPost[]): UpsertResult {
      return upsertBatch(posts);
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
      const where = postWhere(params);
      if (where.isEmpty) return { posts: [] };
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

export type SqlitePosts = ReturnType<typeof createSqlitePosts>;
