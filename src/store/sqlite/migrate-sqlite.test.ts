import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { isLangngheError } from '../../core/errors.js';
import { migrateSqlite, readSchemaVersion } from './migrate-sqlite.js';
import type { SqliteMigration } from './migrations.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { createSqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'langnghe-migrate-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshPath = () => join(dir, `db-${++n}.db`);
const NOW = { now: '2025-06-01T00:00:00.000Z' };

const LATEST = SQLITE_MIGRATIONS.length;
const hasCode = (code: string) => (error: unknown) => isLangngheError(error) && error.code === code;

const addNotes: SqliteMigration = {
  version: LATEST + 1,
  name: 'notes',
  up: (db) => db.exec('CREATE TABLE notes (id TEXT PRIMARY KEY)'),
};

test('applies each migration once, however often the database is opened', () => {
  const db = new Database(':memory:');
  assert.deepEqual(migrateSqlite(db, SQLITE_MIGRATIONS, NOW), { from: 0, to: LATEST });
  assert.deepEqual(migrateSqlite(db, SQLITE_MIGRATIONS, NOW), { from: LATEST, to: LATEST });
  assert.equal(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').pluck().get(), LATEST);
  assert.equal(db.prepare('SELECT COUNT(*) AS n FROM workspaces').pluck().get(), 1);
  assert.equal(db.prepare('SELECT COUNT(*) AS n FROM install').pluck().get(), 1);
});

test('migrates a database written by an older version forward, keeping its data', () => {
  const path = freshPath();
  const old = openSqliteDatabase({ path, ...NOW });
  old.prepare("INSERT INTO workspaces (id, name, created_at) VALUES ('w', 'W', 'x')").run();
  old.close();
  const db = openSqliteDatabase({ path, ...NOW, migrations: [...SQLITE_MIGRATIONS, addNotes] });
  assert.equal(readSchemaVersion(db), LATEST + 1);
  assert.equal(db.prepare('SELECT COUNT(*) FROM notes').pluck().get(), 0);
  assert.equal(db.prepare('SELECT COUNT(*) FROM workspaces').pluck().get(), 2);
  db.close();
});

test('rolls back a failing migration and leaves the version where it was', () => {
  const db = new Database(':memory:');
  const broken: SqliteMigration = {
    version: LATEST + 1,
    name: 'broken',
    up: (d) => d.exec('CREATE TABLE half (x); SELECT * FROM no_such_table'),
  };
  assert.throws(() => migrateSqlite(db, [...SQLITE_MIGRATIONS, broken], NOW));
  assert.equal(readSchemaVersion(db), LATEST);
  assert.equal(
    db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'").pluck().get(),
    0,
  );
});

test('refuses a database newer than the code with store.version', () => {
  const path = freshPath();
  openSqliteDatabase({ path, ...NOW, migrations: [...SQLITE_MIGRATIONS, addNotes] }).close();
  assert.throws(() => createSqliteStore({ path }), hasCode('store.version'));
  assert.throws(() => createSqliteStore({ path, readonly: true }), hasCode('store.version'));
});

test('a read-only store reads, refuses writes, and refuses an unmigrated file', async () => {
  const path = freshPath();
  const writer = createSqliteStore({ path });
  await writer.createTopic({ id: 't', workspaceId: 'default', name: 'T', query: 'q' });
  await writer.close();
  const reader = createSqliteStore({ path, readonly: true });
  assert.equal((await reader.getTopic('t'))?.name, 'T');
  await assert.rejects(reader.createWorkspace({ name: 'x' }), hasCode('store.readonly'));
  await reader.close();
  const empty = freshPath();
  new Database(empty).close();
  assert.throws(() => createSqliteStore({ path: empty, readonly: true }), hasCode('store.version'));
  assert.throws(
    () => createSqliteStore({ path: freshPath(), readonly: true }),
    hasCode('store.invalid'),
  );
  assert.throws(
    () => createSqliteStore({ path: ':memory:', readonly: true }),
    hasCode('store.invalid'),
  );
});

test('a file that is not a database is store.invalid', () => {
  const path = freshPath();
  writeFileSync(path, 'this is a CSV file, not SQLite\n'.repeat(200));
  assert.throws(() => createSqliteStore({ path }), hasCode('store.invalid'));
});
