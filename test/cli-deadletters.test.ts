import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../src/store/index.js';
import { startCli } from './helpers.js';

const ENV = { LANGNGHE_DEMO: 'false', LANGNGHE_CONFIG: '' };

async function langnghe(dataDir: string, ...args: string[]) {
  const run = startCli([...args, '--data-dir', dataDir], ENV);
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

const letter = (id: string, text: string, platform = 'facebook') => ({
  itemId: `${platform}:${id}`,
  stage: 'store',
  code: 'store.invalid',
  message: 'refused',
  workspaceId: 'default',
  payload: {
    post: {
      id: `${platform}:${id}`,
      platform,
      kind: 'post',
      text,
      publishedAt: '2026-11-23T07:00:00.000Z',
      collectedAt: '2026-11-23T07:00:00.000Z',
      sourceId: 'import',
    },
    truncated: false,
    workspaceId: 'default',
  },
});

test('deadletters list, retry and drop', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'langnghe-cli-dead-')), 'data');
  mkdirSync(dataDir, { mode: 0o700 });
  const path = join(dataDir, 'langnghe.sqlite');
  const seed = createSqliteStore({ path });
  await seed.deadLetters.add([
    letter('good', 'Cống thoát nước bị nghẹt ở phường Tân Định'),
    letter('bad', 'Nền tảng lạ \u001b]0;pwned\u0007', 'nowhere'),
    letter('gone', 'Bỏ đi'),
  ]);
  const ids = (await seed.deadLetters.list()).map((l) => [l.itemId, l.id] as const);
  await seed.close();
  const idOf = (item: string): string => String(ids.find(([i]) => i === item)![1]);

  const listed = await langnghe(dataDir, 'deadletters', 'list');
  assert.equal(listed.code, 0, listed.stderr);
  assert.match(listed.stdout, /store\tstore\.invalid\t×1\tfacebook:good\tCống thoát nước/);
  assert.ok(!listed.stdout.includes('\u001b'), 'a stranger’s text is escaped for the terminal');
  assert.match(listed.stderr, /3 shown of 3 dead letters/);

  const retried = await langnghe(
    dataDir,
    'deadletters',
    'retry',
    idOf('facebook:good'),
    idOf('nowhere:bad'),
  );
  assert.equal(retried.code, 1, 'one was refused again');
  assert.match(retried.stdout, /retried 2: 1 stored, 1 refused again/);
  const dropped = await langnghe(dataDir, 'deadletters', 'drop', idOf('facebook:gone'));
  assert.match(dropped.stdout, /dropped 1 dead letters/);
  const bad = await langnghe(dataDir, 'deadletters', 'retry', 'abc');
  assert.equal(bad.code, 2);

  const store = createSqliteStore({ path, readonly: true });
  try {
    assert.ok(await store.getPost('facebook:good'));
    const left = await store.deadLetters.list();
    assert.deepEqual(
      left.map((l) => [l.itemId, l.attempts]),
      [['nowhere:bad', 2]],
    );
  } finally {
    await store.close();
  }
});
