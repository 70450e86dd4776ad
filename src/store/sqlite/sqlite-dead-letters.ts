import type { Database } from 'better-sqlite3';
import { LangngheError } from '../../core/errors.js';
import type { DeadLetter, DeadLetterInput, DeadLetterQuery } from '../dead-letters.js';
import { MAX_DEAD_LETTER_LIMIT, MAX_DEAD_LETTER_MESSAGE } from '../dead-letters.js';
import { pageLimit } from '../page-cursor.js';
import { requireText } from '../require-text.js';
import { createStatementCache } from './statement-cache.js';

interface DeadLetterRow {
  id: number;
  item_id: string;
  stage: string;
  code: string;
  message: string;
  workspace_id: string;
  payload: string;
  attempts: number;
  first_failed_at: string;
  last_failed_at: string;
}

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    id: row.id,
    itemId: row.item_id,
    stage: row.stage,
    code: row.code,
    message: row.message,
    workspaceId: row.workspace_id,
    payload: JSON.parse(row.payload) as unknown,
    attempts: row.attempts,
    firstFailedAt: row.first_failed_at,
    lastFailedAt: row.last_failed_at,
  };
}

function requireIds(ids: readonly number[]): number[] {
  if (!Array.isArray(ids) || ids.some((id) => !Number.isSafeInteger(id))) {
    throw new LangngheError('store.invalid', 'Dead-letter ids are integers');
  }
  return [...new Set(ids)];
}

/** The dead-letter table of the SQLite store, synchronous. */
export function createSqliteDeadLetters(db: Database, now: () => string) {
  const statement = createStatementCache(db);
  const upsert = db.prepare(
    `INSERT INTO dead_letters (item_id, stage, code, message, workspace_id, payload,
       first_failed_at, last_failed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (item_id, stage) DO UPDATE SET code = excluded.code,
       message = excluded.message, workspace_id = excluded.workspace_id,
       payload = excluded.payload, attempts = attempts + 1,
       last_failed_at = excluded.last_failed_at`,
  );
  const owned = (workspaceId: string | undefined): [string, string[]] =>
    workspaceId === undefined ? ['', []] : [' AND workspace_id = ?', [workspaceId]];

  return {
    add: db.transaction((items: readonly DeadLetterInput[]): void => {
      const at = now();
      for (const item of items) {
        const payload = JSON.stringify(item.payload ?? null);
        upsert.run(
          requireText(item.itemId, 'itemId').slice(0, 512),
          requireText(item.stage, 'stage'),
          requireText(item.code, 'code'),
          String(item.message).slice(0, MAX_DEAD_LETTER_MESSAGE),
          requireText(item.workspaceId, 'workspaceId'),
          payload,
          at,
          at,
        );
      }
    }),

    list(query: DeadLetterQuery = {}): DeadLetter[] {
      const limit = pageLimit(query.limit, 50, MAX_DEAD_LETTER_LIMIT);
      const [sql, params] = owned(query.workspaceId);
      const before = query.before ?? Number.MAX_SAFE_INTEGER;
      if (!Number.isSafeInteger(before))
        throw new LangngheError('store.invalid', 'before must be an integer');
      return (
        statement(`SELECT * FROM dead_letters WHERE id < ?${sql} ORDER BY id DESC LIMIT ?`).all(
          before,
          ...params,
          limit,
        ) as DeadLetterRow[]
      ).map(toDeadLetter);
    },

    count(workspaceId?: string): number {
      const [sql, params] = owned(workspaceId);
      return statement(`SELECT COUNT(*) FROM dead_letters WHERE 1 = 1${sql}`)
        .pluck()
        .get(...params) as number;
    },

    get(ids: readonly number[], workspaceId?: string): DeadLetter[] {
      const [sql, params] = owned(workspaceId);
      return (
        statement(
          `SELECT * FROM dead_letters WHERE id IN (SELECT value FROM json_each(?))${sql}
           ORDER BY id`,
        ).all(JSON.stringify(requireIds(ids)), ...params) as DeadLetterRow[]
      ).map(toDeadLetter);
    },

    remove(ids: readonly number[], workspaceId?: string): number {
      const [sql, params] = owned(workspaceId);
      return statement(
        `DELETE FROM dead_letters WHERE id IN (SELECT value FROM json_each(?))${sql}`,
      ).run(JSON.stringify(requireIds(ids)), ...params).changes;
    },
  };
}
