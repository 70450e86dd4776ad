import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startCli, waitFor } from './helpers.js';

const TOKEN = 'e2e-test-token-0123456789';

test(
  'langnghe serve (end to end): ingest over HTTP, then find the post through search and through its topic',
  { timeout: 60_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'langnghe-e2e-'));
    const port = await freePort();
    const server = startCli(['serve', '--port', String(port), '--data-dir', dataDir, '--no-demo'], {
      LANGNGHE_INGEST_TOKEN: TOKEN,
    });
    try {
      await waitFor(
        () => (server.stdout().includes('listening') ? true : undefined),
        30_000,
        `the server to listen (stderr: ${server.stderr()})`,
      );
      const base = `http://127.0.0.1:${port}`;
      const created = await fetch(`${base}/api/topics`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Ngập Q7',
          query: '(ngập OR "triều cường") AND (q7 OR "quận 7")',
        }),
      });
      assert.ok(created.ok, `create topic: ${created.status} ${await created.clone().text()}`);
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
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' },
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
        await fetch(`${base}/api/posts?q=${encodeURIComponent('ngap nuoc')}`)
      ).json()) as { hits: { post: { id: string } }[] };
      assert.deepEqual(
        search.hits.map((h) => h.post.id),
        ['facebook:e2e-1'],
      );
      const byTopic = (await (await fetch(`${base}/api/posts?topic=${topic.id}`)).json()) as {
        hits: { post: { id: string } }[];
      };
      assert.deepEqual(
        byTopic.hits.map((h) => h.post.id),
        ['facebook:e2e-1'],
      );
      const bad = await fetch(`${base}/api/posts?q=${encodeURIComponent('ngập AND (q7')}`);
      assert.equal(bad.status, 400);
      const page = await fetch(`${base}/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<html/i);
    } finally {
      server.child.kill('SIGTERM');
    }
    assert.equal(await server.exited, 0, server.stderr());
  },
);

test(
  'langnghe serve loads the demo data set and default topics on first start',
  { timeout: 120_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'langnghe-demo-'));
    const port = await freePort();
    const server = startCli(['serve', '--port', String(port), '--data-dir', dataDir], {
      LANGNGHE_REPLAY_RATE: '50',
    });
    try {
      await waitFor(
        () => (server.stdout().includes('listening') ? true : undefined),
        100_000,
        `the demo server (stderr: ${server.stderr()})`,
      );
      const base = `http://127.0.0.1:${port}`;
      const info = (await (await fetch(`${base}/api/info`)).json()) as { demo: boolean };
      assert.equal(info.demo, true);
      const topics = (await (await fetch(`${base}/api/topics`)).json()) as
        { topics?: { count: number }[] } | { count: number }[];
      const list = Array.isArray(topics) ? topics : (topics.topics ?? []);
      assert.equal(list.length, 6);
      assert.ok(
        list.every((t) => t.count > 0),
        JSON.stringify(list),
      );
      const first = (await (await fetch(`${base}/api/posts?limit=1`)).json()) as {
        hits: { post: { id: string } }[];
      };
      await waitFor(
        async () => {
          const now = (await (await fetch(`${base}/api/posts?limit=1`)).json()) as {
            hits: { post: { id: string } }[];
          };
          return now.hits[0]?.post.id !== first.hits[0]?.post.id ? true : undefined;
        },
        10_000,
        'the live replay to add a post',
      );
    } finally {
      server.child.kill('SIGTERM');
    }
    assert.equal(await server.exited, 0, server.stderr());
  },
);
