import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { isLangngheError } from '../../core/errors.js';
import { openSqliteDatabase } from './open-sqlite-database.js';

const dir = mkdtempSync(join(tmpdir(), 'langnghe-open-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const NOW = '2025-06-01T00:00:00.000Z';
const modeOf = (path: string) => statSync(path).mode & 0o777;

test('creates the database and its WAL files readable by the owner only', () => {
  const path = join(dir, 'private.db');
  const db = openSqliteDatabase({ path, now: NOW });
  db.prepare("INSERT INTO workspaces (id, name, created_at) VALUES ('w', 'W', ?)").run(NOW);
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    assert.ok(existsSync(file), file);
    assert.equal(modeOf(file).toString(8), '600', file);
  }
  db.close();
});

test('leaves the mode of an existing file alone', () => {
  const path = join(dir, 'shared.db');
  writeFileSync(path, '');
  chmodSync(path, 0o640);
  openSqliteDatabase({ path, now: NOW }).close();
  assert.equal(modeOf(path).toString(8), '640');
});

test('a database in a missing folder is store.invalid', () => {
  const path = join(dir, 'no-such-folder', 'x.db');
  assert.throws(
    () => openSqliteDatabase({ path, now: NOW }),
    (error: unknown) => isLangngheError(error) && error.code === 'store.invalid',
  );
});
