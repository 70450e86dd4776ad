import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { LangngheError } from '../../core/errors.js';
import { assertCurrentVersion, migrateSqlite } from './migrate-sqlite.js';
import type { SqliteMigration } from './migrations.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { toStoreError } from './sqlite-errors.js';

export interface OpenSqliteOptions {
  /** A file path, or `:memory:`. */
  path: string;
  readonly?: boolean;
  /** ISO time for rows migrations create. */
  now: string;
  /** For tests of the migration machinery; defaults to the real history. */
  migrations?: readonly SqliteMigration[];
}

/** Writers wait this long for another connection's write lock before `store.busy`. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating when writable) a database, sets WAL, synchronous=NORMAL (durable across a
 * process crash; an OS crash may lose the last transactions, never corrupt), busy_timeout and
 * foreign keys, then migrates it. A read-only open must find it at the current version.
 */
export function openSqliteDatabase(options: OpenSqliteOptions): SqliteDatabase {
  const readonly = options.readonly === true;
  if (readonly && options.path === ':memory:') {
    throw new LangngheError('store.invalid', 'A read-only store needs a database file');
  }
  let db: SqliteDatabase;
  try {
    db = new Database(options.path, {
      readonly,
      fileMustExist: readonly,
      timeout: BUSY_TIMEOUT_MS,
    });
  } catch (error) {
    throw toStoreError(error);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    const migrations = options.migrations ?? SQLITE_MIGRATIONS;
    if (readonly) {
      assertCurrentVersion(db, migrations);
    } else {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrateSqlite(db, migrations, { now: options.now });
    }
    return db;
  } catch (error) {
    db.close();
    throw toStoreError(error);
  }
}
