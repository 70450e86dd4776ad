import type { Database } from 'better-sqlite3';
import { LangngheError } from '../../core/errors.js';
import { PLATFORMS } from '../../core/types.js';
import { normalizeIso } from '../iso-time.js';
import { pageLimit } from '../page-cursor.js';
import type { PostDeletion } from '../store.js';
import { DEFAULT_DELETE_LIMIT, MAX_DELETE_LIMIT } from '../store.js';
import { whereClause } from './post-where.js';
import { createStatementCache } from './statement-cache.js';

const platforms = new Set<string>(PLATFORMS);

function invalid(message: string): LangngheError {
  return new LangngheError('store.invalid', message, { details: { entity: 'post deletion' } });
}

/** Conditions on `posts` (constant fragments) and their values; `store.invalid` when none. */
function deletionWhere(which: PostDeletion): { conditions: string[]; params: string[] } {
  const conditions: string[] = [];
  const params: string[] = [];
  if (which.publishedBefore !== undefined) {
    conditions.push('published_at < ?');
    params.push(normalizeIso(which.publishedBefore, 'publishedBefore'));
  }
  if (which.platform !== undefined) {
    if (!platforms.has(which.platform)) throw invalid(`Unknown platform ${String(which.platform)}`);
    conditions.push('platform = ?');
    params.push(which.platform);
  }
  if (which.authorId !== undefined) {
    if (which.platform === undefined) throw invalid('authorId needs platform');
    if (typeof which.authorId !== 'string') throw invalid('authorId must be a string');
    conditions.push('author_id = ?');
    params.push(which.authorId);
  }
  if (conditions.length === 0) throw invalid('Deleting posts needs at least one criterion');
  if (which.visibleTo !== undefined) {
    conditions.push('(private_to IS NULL OR private_to = ?)');
    params.push(which.visibleTo);
  }
  return { conditions, params };
}

/** Deletion of posts (retention, erasure) for the SQLite store, synchronous. */
export function createSqlitePostDeletion(db: Database) {
  const statement = createStatementCache(db);
  // posts_text is contentless (contentless_delete=1): its rows go by rowid, posts.time_key.
  const unindex = db.prepare('DELETE FROM posts_text WHERE rowid = ?');
  const unmatch = db.prepare('DELETE FROM matches WHERE post_id = ?');
  const remove = db.prepare('DELETE FROM posts WHERE seq = ?');
  const forgetHash = db.prepare('DELETE FROM near_duplicates WHERE post_id = ?');

  const deleteChunk = db.transaction((which: PostDeletion): number => {
    const limit = pageLimit(which.limit, DEFAULT_DELETE_LIMIT, MAX_DELETE_LIMIT);
    const where = deletionWhere(which);
    // time_key needs all 64 bits, so integers come back as BigInt.
    const sql = `SELECT seq, id, time_key FROM posts ${whereClause(where.conditions)} LIMIT ?`;
    const rows = statement(sql)
      .safeIntegers(true)
      .all(...where.params, limit) as { seq: bigint; id: string; time_key: bigint }[];
    for (const row of rows) {
      unmatch.run(row.id);
      forgetHash.run(row.id);
      unindex.run(row.time_key);
      remove.run(row.seq);
    }
    return rows.length;
  });

  return {
    deletePosts(which: PostDeletion): number {
      if (which === null || typeof which !== 'object') throw invalid('Which posts to delete?');
      return deleteChunk(which);
    },
  };
}
