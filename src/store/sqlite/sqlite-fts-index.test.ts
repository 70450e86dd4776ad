import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { StoredPost } from '../store.js';
import { createSqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'langnghe-fts-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const post = (i: number): StoredPost => ({
  id: `news:${i}`,
  platform: 'news',
  kind: 'article',
  title: `Tin ${i}`,
  text: 'Đường Nguyễn Hữu Cảnh lại ngập sau cơn mưa lớn',
  publishedAt: '2025-06-01T00:00:00.000Z',
  collectedAt: '2025-06-01T01:00:00.000Z',
  sourceId: 'rss',
});

test('re-ingesting a batch adds no index rows', async () => {
  const path = join(dir, 'fts.db');
  const store = createSqliteStore({ path });
  const batch = Array.from({ length: 50 }, (_, i) => post(i));
  await store.upsertPosts(batch);
  const again = await store.upsertPosts(batch.map((p) => ({ ...p, engagement: { likes: 1 } })));
  assert.equal(again.updated.length, 50);
  await store.close();
  const db = new Database(path, { readonly: true });
  // posts_text_docsize holds one row per indexed document of the contentless table.
  assert.equal(db.prepare('SELECT COUNT(*) FROM posts_text_docsize').pluck().get(), 50);
  assert.equal(db.prepare('SELECT COUNT(*) FROM posts').pluck().get(), 50);
  const indexed = db.prepare('SELECT COUNT(*) FROM posts_text WHERE posts_text MATCH \'"duong"\'');
  assert.equal(indexed.pluck().get(), 50);
  db.close();
});

test('a pipeline-supplied fold is indexed as given', async () => {
  const store = createSqliteStore({ path: ':memory:' });
  await store.upsertPosts([{ ...post(1), folded: 'chi co tu nay' }]);
  const find = (folded: string) => store.countPosts({ text: { op: 'term', folded } });
  assert.equal(await find('nay'), 1);
  assert.equal(await find('duong'), 0);
  assert.equal((await store.getPost('news:1'))?.folded, undefined);
  await store.close();
});
