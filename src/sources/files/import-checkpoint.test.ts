import assert from 'node:assert/strict';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ImportCheckpoint } from './import-checkpoint.js';
import { decideResume, encodeCheckpoint, fingerprintFile } from './import-checkpoint.js';

const FILE = { size: 120, mtimeMs: 1_795_000_000_000, head: 'ab12' };
const OPTIONS = { '--map': 'text=noi_dung', '--date-order': 'dmy' };

function saved(overrides: Partial<ImportCheckpoint> = {}): string {
  return encodeCheckpoint({
    line: 5,
    isComplete: false,
    file: FILE,
    options: OPTIONS,
    ...overrides,
  });
}

describe('decideResume', () => {
  it('reads the whole file when no run came before', () => {
    assert.deepEqual(decideResume(undefined, { file: FILE, options: OPTIONS }), { resumeAfter: 0 });
  });

  it('resumes after the last stored line of the same file read the same way', () => {
    const decision = decideResume(saved(), { file: FILE, options: OPTIONS });
    assert.equal(decision.resumeAfter, 5);
    assert.match(decision.notice ?? '', /^resuming after line 5 \(use --restart/);
  });

  it('starts over, saying so, when the file changed', () => {
    for (const file of [
      { ...FILE, size: 121 },
      { ...FILE, head: 'cd34' },
      { ...FILE, mtimeMs: FILE.mtimeMs + 1000 },
    ]) {
      const decision = decideResume(saved(), { file, options: OPTIONS });
      assert.equal(decision.resumeAfter, 0);
      assert.match(
        decision.notice ?? '',
        /^file changed since the last run \(.+\): starting from the top$/,
      );
    }
  });

  it('starts over, naming the flag, when the mapping or reading changed', () => {
    const decision = decideResume(saved(), {
      file: FILE,
      options: { ...OPTIONS, '--map': 'text=noi_dung publishedAt=ngay' },
    });
    assert.deepEqual(decision, {
      resumeAfter: 0,
      notice: '--map changed since the last run: starting from the top',
    });
  });

  it('reads the file again after a finished run, and over an unreadable checkpoint', () => {
    const finished = decideResume(saved({ isComplete: true }), { file: FILE, options: OPTIONS });
    assert.equal(finished.resumeAfter, 0);
    assert.match(finished.notice ?? '', /imported the whole file/);
    const old = decideResume('5', { file: FILE, options: OPTIONS });
    assert.equal(old.resumeAfter, 0);
    assert.match(old.notice ?? '', /no usable resume point/);
  });
});

describe('fingerprintFile', () => {
  it('changes with the content at the same size and time, and not otherwise', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'langnghe-fp-')), 'a.csv');
    writeFileSync(path, 'text\nngập\n');
    utimesSync(path, 1_795_000_000, 1_795_000_000);
    const before = await fingerprintFile(path);
    assert.deepEqual(await fingerprintFile(path), before);
    writeFileSync(path, 'text\nkẹt!\n');
    utimesSync(path, 1_795_000_000, 1_795_000_000);
    const after = await fingerprintFile(path);
    assert.equal(after.size, before.size);
    assert.equal(after.mtimeMs, before.mtimeMs);
    assert.notEqual(after.head, before.head);
  });
});
