import { normalizeIso } from '../iso-time.js';
import type { PostFilter } from '../store.js';
import { toFtsMatch } from './fts-match.js';

/** SQL conditions on `posts p` (fixed fragments) and their bind values, in order. */
export interface PostWhere {
  conditions: string[];
  params: (string | number)[];
  /** True when the filter can match nothing, so no query is needed. */
  isEmpty: boolean;
}

/**
 * Turns a filter into conditions. Only constant SQL fragments are concatenated; every value is a
 * bind parameter (the FTS5 expression too, built by `toFtsMatch` with every term quoted).
 */
export function postWhere(filter: PostFilter = {}): PostWhere {
  const where: PostWhere = { conditions: [], params: [], isEmpty: false };
  const add = (condition: string, ...params: (string | number)[]): void => {
    where.conditions.push(condition);
    where.params.push(...params);
  };
  if (filter.from !== undefined) add('p.published_at >= ?', normalizeIso(filter.from, 'from'));
  if (filter.to !== undefined) add('p.published_at < ?', normalizeIso(filter.to, 'to'));
  if (filter.platforms !== undefined && filter.platforms.length > 0) {
    add('p.platform IN (SELECT value FROM json_each(?))', JSON.stringify(filter.platforms));
  }
  if (filter.visibleTo !== undefined) {
    add('(p.private_to IS NULL OR p.private_to = ?)', filter.visibleTo);
  }
  if (filter.topicId !== undefined) {
    add('p.id IN (SELECT m.post_id FROM matches m WHERE m.topic_id = ?)', filter.topicId);
  }
  if (filter.text !== undefined) {
    const match = toFtsMatch(filter.text);
    if (match.kind === 'none') where.isEmpty = true;
    if (match.kind === 'match') {
      add(
        'p.time_key IN (SELECT rowid FROM posts_text WHERE posts_text MATCH ?)',
        match.expression,
      );
    }
  }
  return where;
}

/** `WHERE …` for the conditions, or nothing. */
export function whereClause(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}
