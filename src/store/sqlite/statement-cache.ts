import type { Database, Statement } from 'better-sqlite3';

/**
 * Prepares each distinct SQL text once. Callers only build SQL from constant fragments, so the
 * number of distinct texts is small and bounded (one per combination of filters).
 */
export function createStatementCache(db: Database): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
