import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './helpers.js';
import { callApi, cliToken, ownerToken, startServe } from './web-helpers.js';

interface Hits {
  hits: { post: { id: string } }[];
}

test(
  'langnghe serve (end to end): the owner password is printed once, the API needs a credential, ingest over HTTP, then find the post through search and through its topic',
  { timeout: 90_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'langnghe-e2e-'));
    const served = await startServe({ dataDir, args: ['--no-demo'] });
    let token: string;
    try {
      const { base } = served;
      assert.match(
        served.server.stdout(),
        /owner account created — login: owner {2}password: \S{12,}/,
      );
      const anonymous = await fetch(`${base}/api/posts`);
      assert.equal(anonymous.status, 401);
      assert.equal(
        ((await anonymous.json()) as { error: { code: string } }).error.code,
        'auth.required',
      );

      token = await ownerToken(served);
      const created = await callApi(base, token, '/api/topics', {
        method: 'POST',
        body: { name: 'Ngập Q7', query: '(ngập OR "triều cường") AND (q7 OR "quận 7")' },
      });
      assert.equal(created.status, 201, await created.clone().text());
      const topic = (await created.json()) as { id: string };

      const body = [
        JSON.stringify({
          id: 'e2e-1',
          platform: 'facebook',
          text: 'Nước ngập tới đầu gối ở đường Huỳnh Tấn Phát Q7, ko ai giải quyết',
        }),
        '{broken json',
        JSON.stringify({ id: 'e2e-2', platform: 'facebook', text: 'Trời hôm nay đẹp quá' }),
      ].join('\n');
      const ingest = await fetch(`${base}/api/ingest`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
        body,
      });
      assert.equal(ingest.status, 200, await ingest.clone().text());
      const result = (await ingest.json()) as { inserted: number; errors: { line: number }[] };
      assert.equal(result.inserted, 2);
      assert.deepEqual(
        result.errors.map((e) => e.line),
        [2],
      );

      const search = (await (
        await callApi(base, token, `/api/posts?q=${encodeURIComponent('ngap nuoc')}`)
      ).json()) as Hits;
      assert.deepEqual(
        search.hits.map((h) => h.post.id),
        ['facebook:e2e-1'],
      );
      const byTopic = (await (
        await callApi(base, token, `/api/posts?topic=${topic.id}`)
      ).json()) as Hits;
      assert.deepEqual(
        byTopic.hits.map((h) => h.post.id),
        ['facebook:e2e-1'],
      );
      const bad = await callApi(base, token, `/api/posts?q=${encodeURIComponent('ngập AND (q7')}`);
      assert.equal(bad.status, 400);
      const page = await fetch(`${base}/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<html/i);
    } finally {
      assert.equal(await served.stop(), 0, served.server.stderr());
    }

    // A second start on the same data: no new password; the token still works, and so does one
    // made meanwhile by the CLI.
    const fromCli = await cliToken(dataDir, 'viewer');
    const again = await startServe({ dataDir, args: ['--no-demo'] });
    try {
      assert.equal(again.ownerPassword, undefined);
      assert.doesNotMatch(again.server.stdout(), /password:/);
      for (const secret of [token, fromCli]) {
        const search = (await (
          await callApi(again.base, secret, `/api/posts?q=${encodeURIComponent('ngập')}`)
        ).json()) as Hits;
        assert.deepEqual(
          search.hits.map((h) => h.post.id),
          ['facebook:e2e-1'],
        );
      }
    } finally {
      assert.equal(await again.stop(), 0, again.server.stderr());
    }
  },
);

test(
  'langnghe serve loads the demo data set and default topics on first start',
  { timeout: 120_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'langnghe-demo-'));
    const served = await startServe({
      dataDir,
      env: { LANGNGHE_REPLAY_RATE: '50' },
      timeoutMs: 100_000,
    });
    try {
      const { base } = served;
      const info = (await (await fetch(`${base}/api/info`)).json()) as { demo: boolean };
      assert.equal(info.demo, true);
      const token = await ownerToken(served, 'viewer');
      const topics = (await (await callApi(base, token, '/api/topics')).json()) as {
        topics: { count: number }[];
      };
      assert.equal(topics.topics.length, 6);
      assert.ok(
        topics.topics.every((t) => t.count > 0),
        JSON.stringify(topics),
      );
      const latest = async (): Promise<string | undefined> =>
        ((await (await callApi(base, token, '/api/posts?limit=1')).json()) as Hits).hits[0]?.post
          .id;
      const first = await latest();
      await waitFor(
        async () => ((await latest()) !== first ? true : undefined),
        10_000,
        'the live replay to add a post',
      );
    } finally {
      assert.equal(await served.stop(), 0, served.server.stderr());
    }
  },
);
