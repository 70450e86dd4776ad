import type { Database } from 'better-sqlite3';
import { bucketStarts, normalizeIso } from '../iso-time.js';
import { requireText } from '../require-text.js';
import type {
  TimeRange,
  TopicCount,
  TopicMatch,
  TopicVolumeQuery,
  VolumeBucket,
} from '../store.js';
import { createStatementCache } from './statement-cache.js';

/** Range conditions on a `published_at` column (constant fragments) and their values. */
function rangeConditions(column: string, range: TimeRange = {}): [string, string[]] {
  let sql = '';
  const params: string[] = [];
  if (range.from !== undefined) {
    sql += ` AND ${column} >= ?`;
    params.push(normalizeIso(range.from, 'from'));
  }
  if (range.to !== undefined) {
    sql += ` AND ${column} < ?`;
    params.push(normalizeIso(range.to, 'to'));
  }
  return [sql, params];
}

/** Stored timestamps are `toISOString()` strings, so a bucket is a prefix of the timestamp. */
const BUCKET_PREFIX = { hour: 13, day: 10 } as const;
const BUCKET_SUFFIX = { hour: ':00:00.000Z', day: 'T00:00:00.000Z' } as const;

/** Topic matches of the SQLite store, synchronous. */
export function createSqliteMatches(db: Database) {
  const statement = createStatementCache(db);
  const insert = db.prepare(
    `INSERT INTO matches (topic_id, post_id, published_at)
     SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM topics WHERE id = ?)
       AND EXISTS (SELECT 1 FROM posts WHERE id = ?)
     ON CONFLICT (topic_id, post_id) DO NOTHING`,
  );

  return {
    insertMatches: db.transaction((matches: readonly TopicMatch[]): number => {
      let added = 0;
      for (const m of matches) {
        const topicId = requireText(m.topicId, 'topicId');
        const postId = requireText(m.postId, 'postId');
        const publishedAt = normalizeIso(m.publishedAt, 'publishedAt');
        added += insert.run(topicId, postId, publishedAt, topicId, postId).changes;
      }
      return added;
    }),

    deleteMatches(topicId: string, range?: TimeRange): number {
      const [sql, params] = rangeConditions('published_at', range);
      return statement(`DELETE FROM matches WHERE topic_id = ?${sql}`).run(topicId, ...params)
        .changes;
    },

    topicCounts(workspaceId: string, range?: TimeRange): TopicCount[] {
      const [sql, params] = rangeConditions('m.published_at', range);
      return statement(
        `SELECT t.id AS topicId, COUNT(m.post_id) AS count
         FROM topics t LEFT JOIN matches m ON m.topic_id = t.id${sql}
         WHERE t.workspace_id = ? GROUP BY t.id ORDER BY count DESC, t.id`,
      ).all(...params, workspaceId) as TopicCount[];
    },

    topicVolume(query: TopicVolumeQuery): VolumeBucket[] {
      const from = normalizeIso(query.from, 'from');
      const to = normalizeIso(query.to, 'to');
      const size = query.bucket;
      const starts = bucketStarts(from, to, size);
      const first = starts[0];
      if (first === undefined) return [];
      const rows = statement(
        `SELECT substr(published_at, 1, ?) AS prefix, COUNT(*) AS n FROM matches
         WHERE topic_id = ? AND published_at >= ? AND published_at < ? GROUP BY prefix`,
      ).all(BUCKET_PREFIX[size], query.topicId, first, to) as { prefix: string; n: number }[];
      const counts = new Map(rows.map((r) => [r.prefix + BUCKET_SUFFIX[size], r.n]));
      return starts.map((bucket) => ({ bucket, count: counts.get(bucket) ?? 0 }));
    },
  };
}
