import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readSchemaVersion } from './migrate-sqlite.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { createSqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'langnghe-migrations-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const NOW = '2025-06-01T00:00:00.000Z';

test('a version 1 database upgrades to version 2 keeping its posts, topics and index', async () => {
  const path = join(dir, 'v1.db');
  const v1 = openSqliteDatabase({ path, now: NOW, migrations: SQLITE_MIGRATIONS.slice(0, 1) });
  v1.exec(`
    INSERT INTO posts (seq, id, platform, kind, text, published_at, collected_at, author_id,
      source_id) VALUES (7, 'facebook:1', 'facebook', 'post', 'Ngập ở Thủ Đức', '${NOW}',
      '${NOW}', 'u-1', 'rss');
    INSERT INTO posts_fts (rowid, body, author) VALUES (7, 'ngap o thu duc', NULL);
    INSERT INTO topics VALUES ('t', 'default', 'Ngập', 'ngập', '${NOW}', '${NOW}');
    INSERT INTO matches VALUES ('t', 'facebook:1', '${NOW}');
  `);
  assert.equal(readSchemaVersion(v1), 1);
  v1.close();

  const store = createSqliteStore({ path });
  const post = await store.getPost('facebook:1');
  assert.equal(post?.text, 'Ngập ở Thủ Đức');
  assert.equal(post !== undefined && 'privateTo' in post, false);
  assert.equal(
    await store.countPosts({ visibleTo: 'ubnd-q1', text: { op: 'term', folded: 'ngap' } }),
    1,
  );
  assert.equal(await store.countPosts({ topicId: 't' }), 1);
  assert.match(await store.installSalt(), /^[0-9a-f]{64}$/);
  assert.equal(await store.accounts.countUsers(), 0);
  assert.equal(await store.deletePosts({ platform: 'facebook', authorId: 'u-1' }), 1);
  assert.equal(await store.countPosts({ topicId: 't' }), 0);
  await store.close();
  const db = openSqliteDatabase({ path, now: NOW });
  assert.equal(readSchemaVersion(db), 2);
  db.close();
});

test('each new database gets its own install salt; a copy of the file keeps it', async () => {
  const [a, b] = [createSqliteStore({ path: ':memory:' }), createSqliteStore({ path: ':memory:' })];
  assert.notEqual(await a.installSalt(), await b.installSalt());
  await Promise.all([a.close(), b.close()]);
  const path = join(dir, 'salted.db');
  const original = createSqliteStore({ path });
  const salt = await original.installSalt();
  await original.close();
  copyFileSync(path, join(dir, 'backup.db'));
  const restored = createSqliteStore({ path: join(dir, 'backup.db') });
  assert.equal(await restored.installSalt(), salt);
  await restored.close();
});
