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
const LATEST = SQLITE_MIGRATIONS.at(-1)!.version;

test('a version 1 database upgrades to the current version keeping its posts, topics and index', async () => {
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
  assert.equal(readSchemaVersion(db), LATEST);
  db.close();
});

test('a version 2 database upgrades to version 3: every post keyed by time and searchable', async () => {
  const path = join(dir, 'v2.db');
  const v2 = openSqliteDatabase({ path, now: NOW, migrations: SQLITE_MIGRATIONS.slice(0, 2) });
  const insert = v2.prepare(
    `INSERT INTO posts (seq, id, platform, kind, title, text, published_at, collected_at,
      author_id, author_name, source_id, private_to) VALUES (?, ?, 'facebook', 'post', ?, ?, ?, ?,
      ?, ?, 'rss', ?)`,
  );
  // seq order is not time order: the third post arrived first.
  const rows = [
    [
      1,
      'facebook:c',
      null,
      'Kẹt xe ở cầu Sài Gòn',
      '2025-06-01T03:00:00.000Z',
      'u-1',
      'Anh Đức',
      null,
    ],
    [2, 'facebook:a', 'Triều cường', 'Đường ngập', '2025-06-01T01:00:00.000Z', 'u-2', null, null],
    [3, 'facebook:b', null, 'Ngập ở Thủ Đức', '2025-06-01T01:00:00.000Z', 'u-3', null, 'ubnd-q1'],
  ] as const;
  for (const [seq, id, title, text, at, author, name, privateTo] of rows) {
    insert.run(seq, id, title, text, at, NOW, author, name, privateTo);
  }
  v2.exec(`INSERT INTO posts_fts (rowid, body, author) VALUES (1, 'ket xe o cau sai gon', 'anh duc'),
    (2, 'trieu cuong\nduong ngap', NULL), (3, 'ngap o thu duc', NULL)`);
  v2.close();

  const store = createSqliteStore({ path });
  const find = async (folded: string, visibleTo?: string) =>
    (await store.searchPosts({ visibleTo, text: { op: 'term', folded } })).posts.map((p) => p.id);
  assert.deepEqual(await find('ngap'), ['facebook:b', 'facebook:a']);
  assert.deepEqual(await find('ngap', 'ubnd-q7'), ['facebook:a']);
  assert.deepEqual(await find('duong'), ['facebook:a'], 'the title and đ folded again');
  assert.deepEqual(await find('duc'), ['facebook:c', 'facebook:b'], 'author names too');
  assert.equal((await store.getPost('facebook:b'))?.privateTo, 'ubnd-q1');
  assert.equal(await store.countPosts({ text: { op: 'term', folded: 'ngap' } }), 2);
  await store.upsertPosts([
    {
      id: 'facebook:d',
      platform: 'facebook',
      kind: 'post',
      text: 'Lại ngập',
      publishedAt: '2025-06-01T01:00:00.000Z',
      collectedAt: NOW,
      sourceId: 'rss',
    },
  ]);
  assert.deepEqual(await find('ngap'), ['facebook:d', 'facebook:b', 'facebook:a']);
  assert.equal(await store.deletePosts({ platform: 'facebook', authorId: 'u-3' }), 1);
  assert.deepEqual(await find('ngap'), ['facebook:d', 'facebook:a']);
  await store.close();

  const db = openSqliteDatabase({ path, now: NOW });
  assert.equal(readSchemaVersion(db), 4);
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'posts_fts%'").all();
  assert.deepEqual(tables, [], 'the old index is gone');
  assert.equal(db.prepare('SELECT COUNT(*) FROM posts_text_docsize').pluck().get(), 3);
  assert.equal(db.prepare('SELECT COUNT(*) FROM posts WHERE time_key IS NULL').pluck().get(), 0);
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
