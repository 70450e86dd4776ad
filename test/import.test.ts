import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../src/store/index.js';
import { startCli } from './helpers.js';

async function storedTexts(dataDir: string): Promise<string[]> {
  const store = createSqliteStore({ path: join(dataDir, 'langnghe.sqlite'), readonly: true });
  try {
    const page = await store.scanPosts({ limit: 100 });
    return page.posts.map((p) => p.text).sort();
  } finally {
    await store.close();
  }
}

test(
  'import reads CSV with a column mapping, reports a bad row by line and stores the rest',
  { timeout: 60_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'langnghe-import-'));
    const file = join(dir, 'phan-anh.csv');
    writeFileSync(
      file,
      [
        'ma,noi_dung,ngay_dang,tac_gia,luot_thich',
        '1,"Ngập nước đường Huỳnh Tấn Phát, Q7",2026-11-20T08:00:00Z,Nguyễn Văn A,12',
        '2,"Rác thải ""bốc mùi""\nở kênh Nhiêu Lộc",2026-11-21T09:00:00+07:00,Trần Thị B,3',
        '3,,2026-11-21T09:00:00Z,C,1',
        '4,"kẹt xe Hàng Xanh",not-a-date,D,1',
      ].join('\n'),
    );
    const run = startCli([
      'import',
      file,
      '--data-dir',
      join(dir, 'data'),
      '--map',
      'id=ma',
      '--map',
      'text=noi_dung',
      '--map',
      'publishedAt=ngay_dang',
      '--map',
      'author.name=tac_gia',
      '--map',
      'engagement.likes=luot_thich',
      '--platform',
      'forum',
    ]);
    assert.equal(await run.exited, 1, run.stderr());
    assert.match(run.stderr(), /phan-anh\.csv:5: text/);
    assert.match(run.stderr(), /phan-anh\.csv:6: publishedAt: not a valid date/);
    assert.match(run.stderr(), /2 new/);
    assert.deepEqual(await storedTexts(join(dir, 'data')), [
      'Ngập nước đường Huỳnh Tấn Phát, Q7',
      'Rác thải "bốc mùi"\nở kênh Nhiêu Lộc',
    ]);
  },
);

test(
  'import refuses a CSV whose header lacks the text column, naming what is missing',
  { timeout: 30_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'langnghe-import-'));
    const file = join(dir, 'x.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    const run = startCli(['import', file, '--data-dir', join(dir, 'data')]);
    assert.equal(await run.exited, 1);
    assert.match(run.stderr(), /header lacks column for "text"/);
  },
);

test(
  'import of JSON lines skips invalid UTF-8 and invalid JSON lines by number',
  { timeout: 60_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'langnghe-import-'));
    const file = join(dir, 'posts.jsonl');
    const good = (id: string, text: string): Buffer =>
      Buffer.from(`${JSON.stringify({ id, text })}\n`);
    writeFileSync(
      file,
      Buffer.concat([
        good('a', 'ngập nước'),
        Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]),
        Buffer.from('{oops\n'),
        good('b', 'kẹt xe'),
      ]),
    );
    const run = startCli(['import', file, '--data-dir', join(dir, 'data')]);
    assert.equal(await run.exited, 1, run.stderr());
    assert.match(run.stderr(), /posts\.jsonl:2: invalid UTF-8/);
    assert.match(run.stderr(), /posts\.jsonl:3: invalid JSON/);
    assert.deepEqual(await storedTexts(join(dir, 'data')), ['kẹt xe', 'ngập nước']);
  },
);

test(
  'import --workspace makes messages private to that workspace; public posts stay shared',
  { timeout: 60_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'langnghe-import-'));
    const dataDir = join(dir, 'data');
    const added = startCli(['workspaces', 'add', 'quan-7', '--name', 'Q7', '--data-dir', dataDir]);
    assert.equal(await added.exited, 0, added.stderr());
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(
      file,
      [
        { id: 'm1', kind: 'message', platform: 'zalo', text: 'phản ánh ngập nước hẻm 12' },
        { id: 'p1', text: 'ngập nước Huỳnh Tấn Phát' },
      ]
        .map((item) => JSON.stringify(item))
        .join('\n'),
    );
    const run = startCli(['import', file, '--workspace', 'quan-7', '--data-dir', dataDir]);
    assert.equal(await run.exited, 0, run.stderr());
    const store = createSqliteStore({ path: join(dataDir, 'langnghe.sqlite'), readonly: true });
    try {
      const { posts } = await store.scanPosts({ limit: 10 });
      const privacy = Object.fromEntries(posts.map((p) => [p.id, p.privateTo ?? 'shared']));
      assert.deepEqual(privacy, { 'zalo:m1': 'quan-7', 'import:p1': 'shared' });
    } finally {
      await store.close();
    }
  },
);
