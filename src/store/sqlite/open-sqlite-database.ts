import { closeSync, openSync } from 'node:fs';
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
/** Page cache per connection (KiB); the default 2 MiB thrashes the id index of a large store. */
const CACHE_KIB = 32_768;
/**
 * Checkpoint the WAL every 10,000 pages (≈ 40 MB) instead of 1,000: FTS5 rewrites the same index
 * pages again and again during ingest, and a rarer checkpoint copies each of them once. Inserts
 * were ≈ 1.2–2× faster in bench/store-write.ts. The WAL is truncated back to 64 MiB afterwards.
 */
const WAL_CHECKPOINT_PAGES = 10_000;
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

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
  if (!readonly) createPrivateFile(options.path);
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
    db.pragma(`cache_size = -${CACHE_KIB}`);
    const migrations = options.migrations ?? SQLITE_MIGRATIONS;
    if (readonly) {
      assertCurrentVersion(db, migrations);
    } else {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
      db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
      migrateSqlite(db, migrations, { now: options.now });
    }
    return db;
  } catch (error) {
    db.close();
    throw toStoreError(error);
  }
}

/**
 * Creates an absent database file readable by its owner only (0600): it holds sessions, token
 * hashes and citizens' messages. SQLite gives the -wal and -shm files the mode of the database
 * file. An existing file keeps its mode (the operator may have chosen a group for backups).
 */
function createPrivateFile(path: string): void {
  if (path === ':memory:' || path === '') return;
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') return;
    throw new LangngheError('store.invalid', `Cannot create the database file ${path}`, {
      cause: error,
      details: { path },
    });
  }
}
