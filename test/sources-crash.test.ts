import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../src/store/index.js';
import { sendJson, startPlatformServer } from './sources/platform-server.js';
import { startCli, waitFor } from './helpers.js';

const PAGE = 40;
const PAGES = 3;
const NOW_S = Math.floor(Date.now() / 1000);

/** Reddit `t3` links, newest first: page p holds links p*PAGE … p*PAGE+PAGE-1. */
function page(p: number): unknown {
  const children = Array.from({ length: PAGE }, (_, i) => {
    const n = p * PAGE + i;
    return {
      kind: 't3',
      data: {
        id: `k${n}`,
        name: `t3_k${n}`,
        title: `Phản ánh số ${n}: ngập nước đường Nguyễn Hữu Cảnh`,
        selftext: 'Nước ngập tới đầu gối sau cơn mưa chiều nay.',
        permalink: `/r/saigon/comments/k${n}/post/`,
        url: `https://www.reddit.com/r/saigon/comments/k${n}/post/`,
        created_utc: NOW_S - 60 * (n + 1),
        author: `user${n}`,
        subreddit: 'saigon',
        score: 5,
        num_comments: 1,
      },
    };
  });
  const after = p + 1 < PAGES ? `t3_k${(p + 1) * PAGE - 1}` : null;
  return { kind: 'Listing', data: { after, before: null, dist: PAGE, children } };
}

async function stored(dataDir: string): Promise<{ count: number; cursor?: string }> {
  const store = createSqliteStore({ path: join(dataDir, 'langnghe.sqlite'), readonly: true });
  try {
    return { count: await store.countPosts(), cursor: await store.getCursor('saigon') };
  } finally {
    await store.close();
  }
}

test(
  'killing a poll midway and running it again loses nothing and stores nothing twice',
  { timeout: 120_000 },
  async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'langnghe-poll-crash-')), 'data');
    const env = {
      LANGNGHE_DEMO: 'false',
      LANGNGHE_SECRET_KEY: 'crash-test-passphrase-0123456789',
      LANGNGHE_FETCH_ALLOW: '127.0.0.1',
    };
    let isHanging = true;
    let lastPageAsked = false;
    const server = await startPlatformServer((request, response) => {
      if (request.url.pathname === '/api/v1/access_token')
        return sendJson(response, 200, {
          access_token: 'tok',
          token_type: 'bearer',
          expires_in: 3600,
        });
      const after = request.url.searchParams.get('after');
      const p = after === null ? 0 : (Number(after.slice(4)) + 1) / PAGE;
      if (p === PAGES - 1 && isHanging) {
        lastPageAsked = true;
        return; // never answers: the process is killed while it waits
      }
      sendJson(response, 200, page(p));
    });
    try {
      const add = startCli(
        [
          'sources',
          'add',
          'reddit',
          '--id',
          'saigon',
          '--data-dir',
          dataDir,
          '--set',
          'clientId=app-id',
          '--set',
          'clientSecret=app-secret-value',
          '--set',
          'subreddits=["saigon"]',
          '--set',
          `authBaseUrl=${server.origin}`,
          '--set',
          `apiBaseUrl=${server.origin}`,
        ],
        env,
      );
      assert.equal(await add.exited, 0, add.stderr());
      assert.match(add.stdout(), /clientSecret":"\*\*\*"/);

      const first = startCli(['sources', 'run', 'saigon', '--data-dir', dataDir], env);
      await waitFor(
        () => (lastPageAsked ? true : undefined),
        60_000,
        `the last page to be asked for (${first.stderr()})`,
      );
      first.child.kill('SIGKILL');
      await first.exited;
      const afterCrash = await stored(dataDir);
      assert.equal(afterCrash.count, 2 * PAGE, 'the pages read before the kill are stored');
      assert.equal(
        afterCrash.cursor,
        undefined,
        'no mark is saved before the listing is read to its end',
      );

      isHanging = false;
      const second = startCli(['sources', 'run', 'saigon', '--data-dir', dataDir], env);
      assert.equal(await second.exited, 0, second.stderr());
      assert.match(
        second.stdout(),
        new RegExp(`${PAGES * PAGE} items \\(${PAGE} new, ${2 * PAGE} updated, 0 refused\\)`),
      );
      const afterRerun = await stored(dataDir);
      assert.equal(afterRerun.count, PAGES * PAGE);
      assert.match(afterRerun.cursor ?? '', /t3_k0/);

      const third = startCli(['sources', 'run', 'saigon', '--data-dir', dataDir], env);
      assert.equal(await third.exited, 0, third.stderr());
      assert.match(third.stdout(), /0 items/);
      assert.equal((await stored(dataDir)).count, PAGES * PAGE);

      const list = startCli(['sources', 'list', '--data-dir', dataDir], env);
      assert.equal(await list.exited, 0, list.stderr());
      assert.match(list.stdout(), /saigon {2}reddit .* ok/);
      assert.match(list.stdout(), /items last hour 120, runs last hour 2, next run due 20\d\d-/);
      assert.doesNotMatch(list.stdout() + list.stderr(), /app-secret-value/);
    } finally {
      await server.close();
    }
  },
);
