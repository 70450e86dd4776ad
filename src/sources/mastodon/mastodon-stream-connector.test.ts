import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { openSourceHarness } from '../../../test/sources/harness.js';
import type { SourceHarness } from '../../../test/sources/harness.js';
import { sendJson, startPlatformServer } from '../../../test/sources/platform-server.js';
import type { PlatformHandler, PlatformServer } from '../../../test/sources/platform-server.js';
import { mastodonStreamConnector } from './index.js';
import { makeStatus } from './mastodon-test-fixtures.js';

const TOKEN = 'stream-token-SECRET-987654321';

async function withStream(
  handler: PlatformHandler,
  config: Record<string, unknown>,
  test: (bench: { h: SourceHarness; server: PlatformServer }) => Promise<void>,
): Promise<void> {
  const server = await startPlatformServer(handler);
  const h = await openSourceHarness([mastodonStreamConnector]);
  try {
    await h.addSource('mastodon-stream', { instanceUrl: server.origin, ...config }, 's1');
    await test({ h, server });
  } finally {
    await h.close();
    await server.close();
  }
}

function openEventStream(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  response.flushHeaders();
}

/** Writes each piece as its own chunk, a few ms apart, so the client reads them separately. */
async function writeChunks(response: ServerResponse, pieces: readonly string[]): Promise<void> {
  for (const piece of pieces) {
    response.write(piece);
    await delay(5);
  }
}

function updateEvent(n: number, eventName = 'update'): string {
  return `event: ${eventName}\r\ndata: ${JSON.stringify(makeStatus(n))}\r\n\r\n`;
}

/** Cuts text into pieces of `size` characters, so events and lines break anywhere. */
function cut(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}

describe('mastodon-stream connector', () => {
  it('reads update events cut mid-line between heartbeats until the server closes; deletes and malformed data are skipped', async () => {
    const edited = makeStatus(2, { content: '<p>Đã sửa</p>' });
    const text =
      ':thump\n' +
      updateEvent(1) +
      updateEvent(2) +
      ':thump\n' +
      'event: delete\ndata: 109348677773280001\n\n' +
      'event: update\ndata: {"id": "9", "content": \n\n' +
      `event: status.update\ndata: ${JSON.stringify(edited)}\n\n` +
      updateEvent(3);
    await withStream(
      async (_request, response) => {
        openEventStream(response);
        await writeChunks(response, cut(text, 37));
        response.end();
      },
      { hashtag: 'hanoi', accessToken: TOKEN },
      async ({ h, server }) => {
        const outcome = await h.run('s1');
        assert.equal(outcome.ok, true, outcome.error?.message);
        assert.equal(server.requests[0]?.path, '/api/v1/streaming/hashtag?tag=hanoi');
        assert.equal(server.requests[0]?.headers.authorization, `Bearer ${TOKEN}`);
        assert.equal(server.requests[0]?.headers.accept, 'text/event-stream');
        const posts = await h.posts();
        assert.deepEqual(
          posts.map((post) => post.text),
          ['Status number 1', 'Đã sửa', 'Status number 3'],
        );
        assert.equal(outcome.items, 3, 'the edit replaced the first copy in its batch');
        assert.equal(await h.cursor('s1'), undefined, 'the stream has no replay cursor');
        assert.ok(h.logs.some((line) => line.includes('malformed update event skipped')));
        assert.ok(!h.logs.join('\n').includes(TOKEN));
      },
    );
  });

  it('hands items over in batches of at most 50', async () => {
    await withStream(
      async (_request, response) => {
        openEventStream(response);
        const events = Array.from({ length: 120 }, (_, i) => updateEvent(i + 1)).join('');
        await writeChunks(response, cut(events, 64 * 1024));
        response.end();
      },
      { timeline: 'local' },
      async ({ h, server }) => {
        const outcome = await h.run('s1');
        assert.equal(server.requests[0]?.path, '/api/v1/streaming/public/local');
        assert.equal(server.requests[0]?.headers.authorization, undefined);
        assert.equal(outcome.items, 120);
        assert.equal(outcome.batches, 3);
        assert.equal((await h.posts()).length, 120);
      },
    );
  });

  it('a waiting item is handed over after 1 s even while the stream stays quiet', async () => {
    let batchesBeforeClose = -1;
    await withStream(
      async (_request, response) => {
        openEventStream(response);
        response.write(updateEvent(1));
        await delay(1400);
        response.end(updateEvent(2));
      },
      {},
      async ({ h }) => {
        const running = h.run('s1');
        await delay(1250);
        batchesBeforeClose = (await h.posts()).length;
        const outcome = await running;
        assert.equal(batchesBeforeClose, 1, 'the first item was stored before the stream ended');
        assert.deepEqual([outcome.items, outcome.batches], [2, 2]);
      },
    );
  });

  it('a stream silent for stallTimeoutMs ends the run cleanly, keeping what came', async () => {
    await withStream(
      (_request, response) => {
        openEventStream(response);
        response.write(':thump\n' + updateEvent(1));
      },
      { stallTimeoutMs: 300 },
      async ({ h }) => {
        const started = performance.now();
        const outcome = await h.run('s1');
        const took = performance.now() - started;
        assert.equal(outcome.ok, true, outcome.error?.message);
        assert.equal(outcome.items, 1);
        assert.ok(took >= 280 && took < 3000, `ended after ${took} ms`);
        assert.ok(h.logs.some((line) => line.includes('stream stalled')));
      },
    );
  });

  it('stopping the source ends the stream promptly and keeps the items read', async () => {
    await withStream(
      async (_request, response) => {
        openEventStream(response);
        response.write(updateEvent(1));
        for (let i = 0; i < 100 && !response.destroyed; i++) {
          response.write(':thump\n');
          await delay(20);
        }
      },
      {},
      async ({ h }) => {
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 200);
        const outcome = await h.run('s1', controller.signal);
        assert.equal(outcome.ok, true, outcome.error?.message);
        assert.equal((await h.posts()).length, 1);
      },
    );
  });

  it('a refused token is source.auth (the streaming API needs a user token since 4.2)', async () => {
    await withStream(
      (_request, response) => sendJson(response, 401, { error: 'Missing access token' }),
      {},
      async ({ h }) => {
        const outcome = await h.run('s1');
        assert.equal(outcome.error?.code, 'source.auth');
        assert.match(outcome.error?.message ?? '', /set accessToken/);
      },
    );
  });

  it('a 429 carries the wait of the ISO X-RateLimit-Reset; a non-stream answer is source.bad_response', async () => {
    const reset = new Date(Date.parse('2026-11-23T08:00:00Z') + 60_000).toISOString();
    await withStream(
      (_request, response) =>
        sendJson(response, 429, { error: 'Too many requests' }, { 'x-ratelimit-reset': reset }),
      {},
      async ({ h }) => {
        const outcome = await h.run('s1');
        assert.equal(outcome.error?.code, 'source.rate_limited');
        assert.equal(outcome.error?.retryAfterMs, 60_000);
      },
    );
    await withStream(
      (_request, response) => sendJson(response, 200, []),
      {},
      async ({ h }) => {
        const outcome = await h.run('s1');
        assert.equal(outcome.error?.code, 'source.bad_response');
        assert.match(outcome.error?.message ?? '', /not a text\/event-stream/);
      },
    );
  });

  it('5xx on connect is retried with backoff', async () => {
    let failures = 1;
    await withStream(
      (_request, response) => {
        if (failures-- > 0) return sendJson(response, 502, { error: 'bad gateway' });
        openEventStream(response);
        response.end(updateEvent(1));
      },
      {},
      async ({ h }) => {
        const outcome = await h.run('s1');
        assert.equal(outcome.ok, true, outcome.error?.message);
        assert.deepEqual(h.sleeps, [750]);
        assert.equal(outcome.items, 1);
      },
    );
  });
});
