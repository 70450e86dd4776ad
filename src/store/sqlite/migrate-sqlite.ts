import type { Database } from 'better-sqlite3';
import { LangngheError } from '../../core/errors.js';
import type { MigrationContext, SqliteMigration } from './migrations.js';

const VERSION_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

/** The highest migration applied to the database; 0 for a new one. */
export function readSchemaVersion(db: Database): number {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (table === undefined) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as {
    v: number | null;
  };
  return row.v ?? 0;
}

/**
 * Applies the pending migrations, each once and in its own IMMEDIATE transaction (so two
 * processes opening the same new file do not both apply it: the second re-reads the version
 * under the write lock). A database newer than the code is `store.version`.
 */
export function migrateSqlite(
  db: Database,
  migrations: readonly SqliteMigration[],
  context: MigrationContext,
): { from: number; to: number } {
  const from = readSchemaVersion(db);
  assertKnownVersion(from, migrations);
  db.exec(VERSION_TABLE);
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    db.transaction(() => {
      if (readSchemaVersion(db) >= migration.version) return;
      migration.up(db, context);
      record.run(migration.version, migration.name, context.now);
    }).immediate();
  }
  return { from, to: readSchemaVersion(db) };
}

/** Fails with `store.version` unless the database is exactly at the code's latest version. */
export function assertCurrentVersion(db: Database, migrations: readonly SqliteMigration[]): void {
  const version = readSchemaVersion(db);
  assertKnownVersion(version, migrations);
  const latest = latestVersion(migrations);
  if (version < latest) {
    throw new LangngheError(
      'store.version',
      `The database is at schema version ${version} and needs migrating to ${latest}: open it once without readonly`,
      { details: { version, latest } },
    );
  }
}

function assertKnownVersion(version: number, migrations: readonly SqliteMigration[]): void {
  const latest = latestVersion(migrations);
  if (version > latest) {
    throw new LangngheError(
      'store.version',
      `The database is at schema version ${version}, newer than this langnghe knows (${latest}): upgrade langnghe`,
      { details: { version, latest } },
    );
  }
}

function latestVersion(migrations: readonly SqliteMigration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}
