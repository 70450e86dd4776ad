import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCli } from './helpers.js';

const FEEDS = join(import.meta.dirname, 'fixtures', 'feeds');

test('langnghe feed parse, through the installed command, prints the corpus contract', async () => {
  const run = startCli(['feed', 'parse', join(FEEDS, 'tuoitre-thoi-su.xml')]);
  assert.equal(await run.exited, 0, run.stderr());
  const expected: unknown = JSON.parse(
    readFileSync(join(FEEDS, 'tuoitre-thoi-su.expected.json'), 'utf8'),
  );
  assert.deepEqual(JSON.parse(run.stdout()), expected);
  const html = startCli(['feed', 'parse', join(FEEDS, 'not-a-feed.html')]);
  assert.equal(await html.exited, 1);
  assert.match(html.stderr(), /feed\.invalid/);
});

test('langnghe sources kinds, add, test, remove from the command line', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'langnghe-sources-cli-')), 'data');
  const env = { LANGNGHE_DEMO: 'false', LANGNGHE_SECRET_KEY: '' };
  const kinds = startCli(['sources', 'kinds'], env);
  assert.equal(await kinds.exited, 0, kinds.stderr());
  assert.match(kinds.stdout(), /^rss {2,}news {2,}poll/m);
  assert.match(kinds.stdout(), /^youtube .*\[credentials: apiKey\]/m);

  // No secret key: a literal credential is refused and nothing is stored; env: is accepted.
  const refused = startCli(
    [
      'sources',
      'add',
      'youtube',
      '--data-dir',
      dataDir,
      '--set',
      'query=ngập',
      '--set',
      'apiKey=AIza-literal',
    ],
    env,
  );
  assert.equal(await refused.exited, 1);
  assert.match(refused.stderr(), /"apiKey" is a credential: set LANGNGHE_SECRET_KEY/);
  const added = startCli(
    [
      'sources',
      'add',
      'youtube',
      '--id',
      'yt',
      '--data-dir',
      dataDir,
      '--set',
      'query=ngập',
      '--set',
      'apiKey=env:YT_KEY',
    ],
    env,
  );
  assert.equal(await added.exited, 0, added.stderr());
  assert.match(added.stdout(), /"apiKey":"env:YT_KEY"/);

  // `test` fetches nothing it cannot: the missing variable is named, nothing is stored.
  const tested = startCli(['sources', 'test', 'yt', '--data-dir', dataDir], env);
  assert.equal(await tested.exited, 1);
  assert.match(tested.stderr(), /YT_KEY/);

  const removed = startCli(['sources', 'remove', 'yt', '--data-dir', dataDir], env);
  assert.equal(await removed.exited, 0, removed.stderr());
  const list = startCli(['sources', 'list', '--data-dir', dataDir], env);
  assert.equal(await list.exited, 0);
  assert.match(list.stdout(), /No sources yet/);
});

test('langnghe sources --workspace: a workspace sees and removes only its own sources', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'langnghe-sources-cli-')), 'data');
  const env = { LANGNGHE_DEMO: 'false', LANGNGHE_SECRET_KEY: '' };
  const cli = async (...args: string[]): Promise<{ code: number | null; out: string }> => {
    const run = startCli([...args, '--data-dir', dataDir], env);
    const code = await run.exited;
    return { code, out: run.stdout() + run.stderr() };
  };
  assert.equal((await cli('workspaces', 'add', 'quan-7', '--name', 'Q7')).code, 0);
  const added = await cli(
    'sources',
    'add',
    'rss',
    '--id',
    'q7-news',
    '--workspace',
    'quan-7',
    '--set',
    'url=https://example.com/rss.xml',
  );
  assert.equal(added.code, 0, added.out);

  assert.match((await cli('sources', 'list')).out, /No sources yet/);
  assert.match((await cli('sources', 'list', '--workspace', 'quan-7')).out, /^q7-news {2}rss /m);
  const elsewhere = await cli('sources', 'remove', 'q7-news');
  assert.equal(elsewhere.code, 1);
  assert.match(elsewhere.out, /store\.not_found/);
  assert.equal((await cli('sources', 'remove', 'q7-news', '--workspace', 'quan-7')).code, 0);
  assert.match((await cli('sources', 'list', '--workspace', 'quan-7')).out, /No sources yet/);
});
