import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { createSqliteStore } from '../../store/index.js';
import { encodeCheckpoint, fingerprintFile } from '../../sources/files/import-checkpoint.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../io.js';
import { importHelp, runImport } from './import.js';
import { parseRequest, shapingOptions } from './import-request.js';

interface Run {
  code: number;
  stderr: string;
}

function workspace(): { dir: string; dataDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'langnghe-import-'));
  return { dir, dataDir: join(dir, 'data') };
}

async function runWith(args: string[]): Promise<Run> {
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const io: CliIo = {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr,
    env: {},
    isTty: false,
  };
  const code = await runImport(args, io);
  return { code, stderr: err };
}

async function stored(dataDir: string): Promise<Record<string, string>> {
  const store = createSqliteStore({ path: join(dataDir, 'langnghe.sqlite'), readonly: true });
  try {
    const { posts } = await store.scanPosts({ limit: 100 });
    return Object.fromEntries(posts.map((post) => [post.id, post.publishedAt]));
  } finally {
    await store.close();
  }
}

const VIETNAMESE_CSV = [
  'ma,noi_dung,ngay_dang,luot_xem,diem',
  '1,Ngập nước đường Huỳnh Tấn Phát,02/12/2026 08:15,10,4',
  '2,Kẹt xe cầu Sài Gòn,13/12/2026 08:15,3,5',
  '3,Rác ở kênh Nhiêu Lộc,"Thứ Tư, 02/12/2026 - 08:15",1,2',
].join('\n');
const MAP = ['--map', 'id=ma', '--map', 'text=noi_dung', '--map', 'publishedAt=ngay_dang'];

describe('langnghe import', { timeout: 60_000 }, () => {
  it('reads a Vietnamese CSV day-first in Vietnam time and says so', async () => {
    const { dir, dataDir } = workspace();
    const file = join(dir, 'phan-anh.csv');
    writeFileSync(file, VIETNAMESE_CSV);

    const run = await runWith([file, '--data-dir', dataDir, ...MAP]);

    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(await stored(dataDir), {
      'import:1': '2026-12-02T01:15:00.000Z',
      'import:2': '2026-12-13T01:15:00.000Z',
      'import:3': '2026-12-02T01:15:00.000Z',
    });
    assert.match(
      run.stderr,
      /dates read day-first \(dd\/mm\/yyyy\), zone-less times as Asia\/Ho_Chi_Minh \(\+07:00\): 3 dates, 3 without a zone, 2 whose day and month could swap/,
    );
  });

  it('ignores unknown columns with one warning naming them', async () => {
    const { dir, dataDir } = workspace();
    const file = join(dir, 'phan-anh.csv');
    writeFileSync(file, VIETNAMESE_CSV);

    const run = await runWith([file, '--data-dir', dataDir, ...MAP]);

    assert.equal(run.code, 0, run.stderr);
    const warnings = run.stderr.split('\n').filter((line) => line.includes('ignoring unknown'));
    assert.deepEqual(warnings, [
      `${file}:2: ignoring unknown field(s) "luot_xem", "diem" (--strict refuses them; --map FIELD=COLUMN maps a column to a field)`,
    ]);
    const lenient = await runWith([file, '--data-dir', dataDir, ...MAP, '--lenient']);
    assert.equal(lenient.code, 0, lenient.stderr);
  });

  it('--strict refuses a CSV whose header holds unknown columns, naming them', async () => {
    const { dir, dataDir } = workspace();
    const file = join(dir, 'phan-anh.csv');
    writeFileSync(file, VIETNAMESE_CSV);

    await assert.rejects(
      runWith([file, '--data-dir', dataDir, ...MAP, '--strict']),
      /column\(s\) "luot_xem", "diem" name no post field/,
    );
  });

  it('--strict refuses JSON lines with unknown fields line by line', async () => {
    const { dir, dataDir } = workspace();
    const file = join(dir, 'posts.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'a', text: 'ngập', rating: 5 })}\n`);

    const run = await runWith([file, '--data-dir', dataDir, '--strict']);

    assert.equal(run.code, 1);
    assert.match(run.stderr, /posts\.jsonl:1: unknown field\(s\) "rating"/);
  });

  it('reads month-first and in another zone when told, and names that reading', async () => {
    const { dir, dataDir } = workspace();
    const file = join(dir, 'us.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ id: 'a', text: 'flood', publishedAt: '12/02/2026 08:15' })}\n`,
    );

    const run = await runWith([
      file,
      '--data-dir',
      dataDir,
      '--date-order',
      'mdy',
      '--zone',
      'UTC',
    ]);

    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(await stored(dataDir), { 'import:a': '2026-12-02T08:15:00.000Z' });
    assert.match(
      run.stderr,
      /dates read month-first \(mm\/dd\/yyyy\), zone-less times as UTC \(\+00:00\)/,
    );
  });

  it('refuses a date only month-first can read, pointing at --date-order mdy', async () => {
    const { dir, dataDir } = workspace();
    const file = join(dir, 'mixed.jsonl');
    const lines = [
      { id: 'a', text: 'ngập', publishedAt: '02/12/2026' },
      { id: 'b', text: 'kẹt xe', publishedAt: '12/13/2026' },
    ];
    writeFileSync(file, lines.map((line) => JSON.stringify(line)).join('\n'));

    const run = await runWith([file, '--data-dir', dataDir]);

    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /mixed\.jsonl:2: publishedAt: not a valid date: "12\/13\/2026" .*use --date-order mdy/,
    );
    assert.match(
      run.stderr,
      /warning: 1 date could be read only month-first \(first: line 2, "12\/13\/2026"\)/,
    );
    assert.deepEqual(Object.keys(await stored(dataDir)), ['import:a']);
  });

  it('resumes an interrupted run of the same file and options', async () => {
    const { dir, dataDir } = workspace();
    const file = join(dir, 'phan-anh.csv');
    writeFileSync(file, VIETNAMESE_CSV);
    const args = [file, '--data-dir', dataDir, ...MAP];
    await saveCheckpoint(dataDir, args, 3);

    const run = await runWith(args);

    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /resuming after line 3/);
    assert.deepEqual(Object.keys(await stored(dataDir)), ['import:3']);
  });

  it('starts over, saying so, when the mapping changed since the interrupted run', async () => {
    const { dir, dataDir } = workspace();
    const file = join(dir, 'phan-anh.csv');
    writeFileSync(file, VIETNAMESE_CSV);
    await saveCheckpoint(
      dataDir,
      [file, '--data-dir', dataDir, '--map', 'id=ma', '--map', 'text=noi_dung'],
      3,
    );

    const run = await runWith([file, '--data-dir', dataDir, ...MAP]);

    assert.match(run.stderr, /--map changed since the last run: starting from the top/);
    assert.equal(Object.keys(await stored(dataDir)).length, 3);
  });

  it('starts over, saying so, when the file changed since the interrupted run', async () => {
    const { dir, dataDir } = workspace();
    const file = join(dir, 'phan-anh.csv');
    writeFileSync(file, VIETNAMESE_CSV);
    const args = [file, '--data-dir', dataDir, ...MAP];
    await saveCheckpoint(dataDir, args, 3);
    writeFileSync(file, `${VIETNAMESE_CSV}\n4,Cây đổ đường Lê Duẩn,03/12/2026 07:00,1,1`);

    const run = await runWith(args);

    assert.match(
      run.stderr,
      /file changed since the last run \(its size went from \d+ to \d+ bytes\): starting from the top/,
    );
    assert.equal(Object.keys(await stored(dataDir)).length, 4);
  });

  it('reads a file again from the top after a finished run, saying why', async () => {
    const { dir, dataDir } = workspace();
    const file = join(dir, 'phan-anh.csv');
    writeFileSync(file, VIETNAMESE_CSV);
    const args = [file, '--data-dir', dataDir, ...MAP];
    await runWith(args);

    const again = await runWith(args);

    assert.match(
      again.stderr,
      /the last run imported the whole file: reading it again from the top/,
    );
    assert.match(again.stderr, /3 records, 0 new, 3 updated/);
  });

  it('refuses a mapping to a field posts do not have, and says the flags in its help', async () => {
    await assert.rejects(
      runWith(['x.csv', '--map', 'titel=tieu_de']),
      (error: unknown) => error instanceof UsageError && /no field "titel"/.test(error.message),
    );
    for (const flag of ['--date-order', '--zone', '--strict', '--lenient', '--restart'])
      assert.ok(importHelp.includes(flag), flag);
  });
});

/** What an interrupted run of `args` leaves: a checkpoint after `line` of the file as it is now. */
async function saveCheckpoint(dataDir: string, args: string[], line: number): Promise<void> {
  const request = parseRequest(args);
  const checkpoint = encodeCheckpoint({
    line,
    isComplete: false,
    file: await fingerprintFile(request.file),
    options: shapingOptions(request),
  });
  mkdirSync(dataDir, { recursive: true });
  const store = createSqliteStore({ path: join(dataDir, 'langnghe.sqlite') });
  try {
    await store.saveCursor(`import:${request.workspace}:${resolve(request.file)}`, checkpoint);
  } finally {
    await store.close();
  }
}
