import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePostStream } from '../src/demo/index.js';
import { createSqliteStore } from '../src/store/index.js';
import { startCli, waitFor } from './helpers.js';

const COUNT = 20_000;

async function countStored(dataDir: string, readonly = false): Promise<number> {
  const store = createSqliteStore({ path: join(dataDir, 'langnghe.sqlite'), readonly });
  try {
    return await store.countPosts();
  } finally {
    await store.close();
  }
}

test(
  'killing an import midway and running it again loses nothing and duplicates nothing (slow)',
  { timeout: 300_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'langnghe-crash-'));
    const dataDir = join(dir, 'data');
    const file = join(dir, 'posts.jsonl');
    const lines: string[] = [];
    for (const post of generatePostStream({
      seed: 99,
      count: COUNT,
      endMs: Date.UTC(2026, 10, 23),
      spanMs: 7 * 24 * 3600_000,
    }))
      lines.push(JSON.stringify(post));
    writeFileSync(file, `${lines.join('\n')}\n`);
    const unique = new Set(lines.map((line) => (JSON.parse(line) as { id: string }).id)).size;

    const first = startCli(['import', file, '--data-dir', dataDir, '--batch', '200']);
    await waitFor(
      async () => {
        try {
          // Three batches of 200 stored: the checkpoint of at least the first two is saved too.
          return (await countStored(dataDir, true)) >= 600 ? true : undefined;
        } catch {
          return undefined;
        }
      },
      120_000,
      `the import to store something (stderr: ${first.stderr()})`,
    );
    first.child.kill('SIGKILL');
    await first.exited;
    const afterCrash = await countStored(dataDir);
    assert.ok(
      afterCrash > 0 && afterCrash < unique,
      `the kill must land midway (stored ${afterCrash} of ${unique})`,
    );

    const second = startCli(['import', file, '--data-dir', dataDir, '--batch', '500']);
    assert.equal(await second.exited, 0, second.stderr());
    assert.match(second.stderr(), /resuming after line \d+/);
    assert.equal(await countStored(dataDir), unique);

    const third = startCli(['import', file, '--data-dir', dataDir, '--restart']);
    assert.equal(await third.exited, 0, third.stderr());
    assert.match(third.stderr(), / 0 new, /);
    assert.equal(await countStored(dataDir), unique);
  },
);
