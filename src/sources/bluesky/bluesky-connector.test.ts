import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { openSourceHarness } from '../../../test/sources/harness.js';
import type { SourceHarness } from '../../../test/sources/harness.js';
import { DEFAULT_ADDRESS_POLICY } from '../address-policy.js';
import { DEFAULT_USER_AGENT } from '../http-client.js';
import { runSourceOnce } from '../run-source.js';
import type { RunOutcome } from '../run-source.js';
import { REWIND_US } from './bluesky-connector.js';
import { blueskyConnector } from './index.js';

/** 2026-11-23T07:00:00Z in unix microseconds. */
const T0 = Date.parse('2026-11-23T07:00:00Z') * 1000;
const DID = 'did:plc:eygmaihciaxprqvxpfvl6flk';

interface Connection {
  socket: WebSocket;
  request: IncomingMessage;
  /** The subscribe URL's query. */
  query: URLSearchParams;
}

interface FakeJetstream {
  url: string;
  connections: Connection[];
  close(): Promise<void>;
}

async function startJetstream(
  onConnection: (connection: Connection) => void | Promise<void>,
  verifyClient?: ConstructorParameters<typeof WebSocketServer>[0] extends infer O
    ? O extends { verifyClient?: infer V }
      ? V
      : never
    : never,
): Promise<FakeJetstream> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, verifyClient });
  await once(server, 'listening');
  const connections: Connection[] = [];
  server.on('connection', (socket, request) => {
    const connection = {
      socket,
      request,
      query: new URL(request.url ?? '/', 'ws://x').searchParams,
    };
    connections.push(connection);
    void onConnection(connection);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/subscribe`,
    connections,
    close: async () => {
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface PostOptions {
  text: string;
  langs?: string[];
  replyTo?: string;
  operation?: 'create' | 'update' | 'delete';
  did?: string;
}

/** The n-th message: a post commit at T0 + n × 0.5 s, in the documented Jetstream shape. */
function postMessage(n: number, options: PostOptions): string {
  const record: Record<string, unknown> = {
    $type: 'app.bsky.feed.post',
    text: options.text,
    createdAt: new Date(Date.UTC(2026, 10, 23, 7, 0, 0, n * 500)).toISOString(),
  };
  if (options.langs !== undefined) record.langs = options.langs;
  if (options.replyTo !== undefined)
    record.reply = {
      parent: { uri: options.replyTo, cid: 'bafyparent' },
      root: { uri: options.replyTo, cid: 'bafyroot' },
    };
  const operation = options.operation ?? 'create';
  return JSON.stringify({
    did: options.did ?? DID,
    time_us: timeOf(n),
    kind: 'commit',
    commit: {
      rev: `3l3qo2vutsw${n}`,
      operation,
      collection: 'app.bsky.feed.post',
      rkey: rkeyOf(n),
      ...(operation === 'delete' ? {} : { record, cid: `bafyreid${n}` }),
    },
  });
}

const timeOf = (n: number): number => T0 + n * 500_000;
const rkeyOf = (n: number): string => `3l3qo2vuowo${String(n).padStart(2, '0')}`;
const postId = (n: number, did = DID): string =>
  `bluesky:at://${did}/app.bsky.feed.post/${rkeyOf(n)}`;

function identityMessage(n: number): string {
  return JSON.stringify({
    did: 'did:plc:ufbl4k27gp6kzas5glhz7fim',
    time_us: timeOf(n),
    kind: 'identity',
    identity: {
      did: 'did:plc:ufbl4k27gp6kzas5glhz7fim',
      handle: 'a.bsky.social',
      seq: 1,
      time: '2026-11-23T07:00:00.000Z',
    },
  });
}

async function sendAll(socket: WebSocket, messages: readonly string[]): Promise<void> {
  for (const message of messages) {
    await new Promise<void>((resolve, reject) =>
      socket.send(message, (error) => (error ? reject(error) : resolve())),
    );
  }
}

async function withBluesky(
  jetstream: FakeJetstream,
  config: Record<string, unknown>,
  test: (h: SourceHarness) => Promise<void>,
): Promise<void> {
  const h = await openSourceHarness([blueskyConnector]);
  try {
    await h.addSource('bluesky', { jetstreamUrl: jetstream.url, ...config }, 'b1');
    await test(h);
  } finally {
    await h.close();
    await jetstream.close();
  }
}

describe('bluesky connector (Jetstream)', () => {
  it('subscribes to posts, keeps keyword and language matches, skips the rest and malformed messages, ends when the server closes', async () => {
    const jetstream = await startJetstream(async ({ socket }) => {
      await sendAll(socket, [
        postMessage(1, { text: 'Hôm nay HÀ NỘI mưa to', langs: ['vi'] }),
        postMessage(2, { text: 'Hanoi is lovely', langs: ['vi'] }),
        postMessage(3, { text: 'chào hà nội', langs: ['en'] }),
        '{"did": "did:plc:x", "time_us": ',
        postMessage(4, {
          text: 'Hà Nội đẹp',
          langs: ['vi-VN'],
          replyTo: 'at://did:plc:wa7b35aakoll7hugkrjtf3xf/app.bsky.feed.post/3l3pte3p2e325',
        }),
        postMessage(5, { text: '', operation: 'delete' }),
        identityMessage(6),
      ]);
      socket.close(1000, 'bye');
    });
    await withBluesky(
      jetstream,
      { keywords: ['ha noi'], langs: ['vi'], wantedDids: [DID, 'did:plc:other'] },
      async (h) => {
        const outcome = await h.run('b1');
        assert.equal(outcome.ok, true, outcome.error?.message);
        const [connection] = jetstream.connections;
        assert.equal(connection?.request.url?.split('?')[0], '/subscribe');
        assert.deepEqual(connection?.query.getAll('wantedCollections'), ['app.bsky.feed.post']);
        assert.deepEqual(connection?.query.getAll('wantedDids'), [DID, 'did:plc:other']);
        assert.equal(connection?.query.has('cursor'), false, 'no cursor yet: the live tail');
        assert.equal(connection?.request.headers['user-agent'], DEFAULT_USER_AGENT);

        const posts = await h.posts();
        assert.deepEqual(
          posts.map((post) => post.id),
          [postId(1), postId(4)],
        );
        const [first, reply] = posts;
        assert.equal(first?.text, 'Hôm nay HÀ NỘI mưa to');
        assert.equal(first?.kind, 'post');
        assert.equal(first?.lang, 'vi');
        assert.equal(first?.url, `https://bsky.app/profile/${DID}/post/${rkeyOf(1)}`);
        assert.deepEqual(first?.author, { id: DID });
        assert.equal(first?.publishedAt, '2026-11-23T07:00:00.500Z');
        assert.equal(reply?.kind, 'comment');
        assert.equal(reply?.lang, 'vi-vn');
        assert.equal(
          reply?.parentId,
          'bluesky:at://did:plc:wa7b35aakoll7hugkrjtf3xf/app.bsky.feed.post/3l3pte3p2e325',
        );
        assert.equal(await h.cursor('b1'), String(timeOf(6)), 'filtered messages move the cursor');
        assert.ok(h.logs.some((line) => line.includes('malformed jetstream message skipped')));
      },
    );
  });

  it('the cursor is saved only once the posts before it are stored', async () => {
    const jetstream = await startJetstream(async ({ socket }) => {
      await sendAll(
        socket,
        [1, 2, 3].map((n) => postMessage(n, { text: `tin ${n}` })),
      );
      await delay(1300);
      await sendAll(
        socket,
        [4, 5].map((n) => postMessage(n, { text: `tin ${n}` })),
      );
      await delay(1300);
      socket.close();
    });
    await withBluesky(jetstream, {}, async (h) => {
      const seen: Array<{ cursor: string; stored: string[] }> = [];
      const running = h.run('b1');
      let isDone = false;
      void running.then(() => (isDone = true));
      while (!isDone) {
        const cursor = await h.cursor('b1');
        if (cursor !== undefined && seen.at(-1)?.cursor !== cursor)
          seen.push({ cursor, stored: (await h.posts()).map((post) => post.id) });
        await delay(25);
      }
      const outcome = await running;
      assert.equal(outcome.ok, true, outcome.error?.message);
      assert.deepEqual(
        seen.map((s) => s.cursor),
        [String(timeOf(3)), String(timeOf(5))],
      );
      for (const { cursor, stored } of seen)
        for (let n = 1; n <= 5; n++)
          if (timeOf(n) <= Number(cursor))
            assert.ok(stored.includes(postId(n)), `post ${n} before cursor ${cursor}`);
    });
  });

  it('reconnects from the stored cursor less 2 s: the replayed posts are updates, none missing, none twice', async () => {
    const log = Array.from({ length: 20 }, (_, i) =>
      postMessage(i + 1, { text: `Bão số ${i + 1}`, langs: ['vi'] }),
    );
    const jetstream = await startJetstream(async ({ socket, query }) => {
      const from = Number(query.get('cursor') ?? '0');
      const isFirst = !query.has('cursor');
      const replay = log.filter(
        (message) => (JSON.parse(message) as { time_us: number }).time_us >= from,
      );
      await sendAll(socket, isFirst ? replay.slice(0, 12) : replay);
      socket.close(1001, 'going away');
    });
    await withBluesky(jetstream, { keywords: ['bao'] }, async (h) => {
      const first = await h.run('b1');
      assert.equal(first.inserted, 12);
      assert.equal(await h.cursor('b1'), String(timeOf(12)));

      const second = await h.run('b1');
      assert.equal(second.ok, true, second.error?.message);
      assert.equal(jetstream.connections[1]?.query.get('cursor'), String(timeOf(12) - REWIND_US));
      assert.equal(REWIND_US, 2_000_000);
      assert.deepEqual(
        [second.inserted, second.updated],
        [8, 5],
        'the 2 s rewind replays posts 8-12',
      );
      const ids = (await h.posts()).map((post) => post.id);
      assert.deepEqual(ids, Array.from({ length: 20 }, (_, i) => postId(i + 1)).sort());
      assert.equal(await h.cursor('b1'), String(timeOf(20)));
    });
  });

  it('hands over at most 100 items a batch', async () => {
    const jetstream = await startJetstream(async ({ socket }) => {
      await sendAll(
        socket,
        Array.from({ length: 250 }, (_, i) => postMessage(i, { text: `p ${i}` })),
      );
      socket.close();
    });
    await withBluesky(jetstream, {}, async (h) => {
      const sizes: number[] = [];
      let previous = 0;
      const source = await h.store.getSource('b1');
      assert.ok(source !== undefined);
      const outcome: RunOutcome = await runSourceOnce(
        h.deps,
        source,
        new AbortController().signal,
        (o) => {
          sizes.push(o.items - previous);
          previous = o.items;
        },
      );
      assert.equal(outcome.items, 250);
      assert.ok(
        sizes.every((size) => size <= 100),
        `batch sizes ${sizes.join(', ')}`,
      );
      assert.deepEqual(sizes.slice(0, 2), [100, 100]);
      assert.equal(await h.cursor('b1'), String(timeOf(249)));
    });
  });

  it('a silent stream ends after stallTimeoutMs; stopping the source closes the socket', async () => {
    const jetstream = await startJetstream(async ({ socket }) => {
      await sendAll(socket, [postMessage(1, { text: 'một' })]);
    });
    await withBluesky(jetstream, { stallTimeoutMs: 300 }, async (h) => {
      const started = performance.now();
      const outcome = await h.run('b1');
      assert.equal(outcome.ok, true, outcome.error?.message);
      assert.ok(performance.now() - started < 3000);
      assert.equal(outcome.items, 1);
      assert.ok(h.logs.some((line) => line.includes('jetstream stalled')));

      const controller = new AbortController();
      const closed = new Promise<void>((resolve) => {
        const watch = setInterval(() => {
          const socket = jetstream.connections[1]?.socket;
          if (socket !== undefined) {
            clearInterval(watch);
            socket.once('close', () => resolve());
          }
        }, 10);
      });
      setTimeout(() => controller.abort(), 200);
      const stopped = await h.run('b1', controller.signal);
      assert.equal(stopped.ok, true, stopped.error?.message);
      await closed;
    });
  });

  it('a refused handshake is source.http with the status; 429 carries Retry-After', async () => {
    const refused = await startJetstream(
      () => undefined,
      (_info, done) => done(false, 503, 'Service Unavailable'),
    );
    await withBluesky(refused, {}, async (h) => {
      const outcome = await h.run('b1');
      assert.equal(outcome.ok, false);
      assert.equal(outcome.error?.code, 'source.http');
      assert.match(outcome.error?.message ?? '', /HTTP 503/);
      assert.equal(await h.cursor('b1'), undefined);
    });
    const limited = await startJetstream(
      () => undefined,
      (_info, done) => done(false, 429, 'Too Many Requests', { 'Retry-After': '7' }),
    );
    await withBluesky(limited, {}, async (h) => {
      const outcome = await h.run('b1');
      assert.equal(outcome.error?.code, 'source.rate_limited');
      assert.equal(outcome.error?.retryAfterMs, 7000);
    });
  });

  it('nothing listening is source.network', async () => {
    const jetstream = await startJetstream(() => undefined);
    const url = jetstream.url;
    await jetstream.close();
    const h = await openSourceHarness([blueskyConnector]);
    try {
      await h.addSource('bluesky', { jetstreamUrl: url }, 'b1');
      const outcome = await h.run('b1');
      assert.equal(outcome.error?.code, 'source.network');
    } finally {
      await h.close();
    }
  });

  it('a Jetstream on a loopback address, or on a name resolving to one, is refused unless allowed', async () => {
    const jetstream = await startJetstream(() => undefined);
    const h = await openSourceHarness([blueskyConnector], {
      addressPolicy: DEFAULT_ADDRESS_POLICY,
    });
    try {
      await h.addSource('bluesky', { jetstreamUrl: jetstream.url }, 'b1');
      const literal = await h.run('b1');
      assert.equal(literal.error?.code, 'source.address_refused');
      assert.match(literal.error?.message ?? '', /^127\.0\.0\.1 is a loopback address/);
      const named = jetstream.url.replace('127.0.0.1', 'localhost');
      await h.addSource('bluesky', { jetstreamUrl: named }, 'b2');
      const resolved = await h.run('b2');
      assert.equal(resolved.error?.code, 'source.address_refused');
      assert.match(resolved.error?.message ?? '', /^localhost resolves to 127\.0\.0\.1/);
      assert.equal(jetstream.connections.length, 0);
    } finally {
      await h.close();
      await jetstream.close();
    }
  });
});
