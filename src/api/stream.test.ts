import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createMemoryBus } from '../bus/index.js';
import { createFixedClock } from '../core/clock.js';
import type { App } from '../services/app.js';
import { createApp } from '../services/create-app.js';
import { createSqliteStore } from '../store/index.js';
import { createApiServer } from './server.js';

const NOW = Date.parse('2026-11-23T08:00:00Z');
const TOKEN = 'stream-test-token-0123456789';

interface Sse {
  /** The next event block (the text before a blank line); rejects when the stream ends. */
  next(): Promise<string>;
  /** Skips blocks until one starts with `prefix` and returns it. */
  nextStartingWith(prefix: string): Promise<string>;
  abort(): void;
  response: Response;
}

async function openStream(base: string, query = ''): Promise<Sse> {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/stream${query}`, { signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (): Promise<string> => {
    while (!buffer.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended: ${JSON.stringify(buffer)}`);
      buffer += decoder.decode(value, { stream: true });
    }
    const end = buffer.indexOf('\n\n');
    const block = buffer.slice(0, end);
    buffer = buffer.slice(end + 2);
    return block;
  };
  return {
    response,
    next,
    async nextStartingWith(prefix) {
      for (;;) {
        const block = await next();
        if (block.startsWith(prefix)) return block;
      }
    },
    abort: () => controller.abort(),
  };
}

function matchData(block: string): {
  post: { id: string; text: string };
  topicIds: string[];
  highlights: { start: number; end: number; field: string }[];
} {
  const match = /^event: match\ndata: (.*)$/.exec(block);
  assert.ok(match, block);
  return JSON.parse(match[1]!);
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail('condition not reached in 2 s');
}

describe('GET /api/stream (real listen)', () => {
  let app: App;
  let server: FastifyInstance;
  let base: string;
  let floodId: string;
  let trafficId: string;

  before(async () => {
    const store = createSqliteStore({ path: ':memory:' });
    app = await createApp({
      store,
      bus: createMemoryBus({ capacity: 1000 }),
      clock: createFixedClock(NOW),
    });
    const config = {
      demo: true,
      bodyLimitBytes: 1 << 20,
      maxStreams: 2,
      ingestToken: TOKEN,
      heartbeatMs: 100,
    };
    server = createApiServer({ app, config });
    base = await server.listen({ port: 0, host: '127.0.0.1' });
    floodId = (await app.createTopic({ name: 'Ngập', query: 'ngập' })).id;
    trafficId = (await app.createTopic({ name: 'Kẹt xe', query: '"kẹt xe"' })).id;
  });
  after(async () => {
    await server.close();
    await app.close();
  });

  const ingest = (lines: object[]) =>
    fetch(`${base}/api/ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson' },
      body: lines.map((line) => JSON.stringify(line)).join('\n'),
    });

  const liveStreams = async (): Promise<number> => {
    const text = await (await fetch(`${base}/metrics`)).text();
    return Number(/^langnghe_live_streams (\d+)$/m.exec(text)?.[1]);
  };

  it('sends a match event after an ingest, then unsubscribes when the client leaves', async () => {
    const stream = await openStream(base);
    try {
      assert.equal(stream.response.status, 200);
      assert.match(String(stream.response.headers.get('content-type')), /^text\/event-stream/);
      assert.match(await stream.next(), /^retry: \d+\n: connected$/);
      const text = 'Triều cường gây ngập đường Huỳnh Tấn Phát';
      const res = await ingest([
        { id: 's1', platform: 'facebook', text, publishedAt: '2026-11-23T07:00:00Z' },
      ]);
      assert.equal(res.status, 200);
      const data = matchData(await stream.nextStartingWith('event:'));
      assert.equal(data.post.id, 'facebook:s1');
      assert.equal(data.post.text, text);
      assert.deepEqual(data.topicIds, [floodId]);
      const [highlight] = data.highlights;
      assert.equal(text.slice(highlight!.start, highlight!.end), 'ngập');
      assert.equal(await liveStreams(), 1);
    } finally {
      stream.abort();
    }
    await waitFor(async () => (await liveStreams()) === 0);
  });

  it('sends only the chosen topic, and heartbeat comments meanwhile', async () => {
    const stream = await openStream(base, `?topic=${trafficId}`);
    try {
      await stream.next();
      await ingest([
        { id: 'f1', platform: 'news', text: 'ngập sâu', publishedAt: '2026-11-23T07:00:00Z' },
        {
          id: 't1',
          platform: 'news',
          text: 'kẹt xe Phạm Văn Đồng',
          publishedAt: '2026-11-23T07:01:00Z',
        },
      ]);
      const data = matchData(await stream.nextStartingWith('event:'));
      assert.equal(data.post.id, 'news:t1');
      assert.deepEqual(data.topicIds, [trafficId]);
      assert.equal(await stream.nextStartingWith(':'), ': heartbeat');
    } finally {
      stream.abort();
    }
    await waitFor(async () => (await liveStreams()) === 0);
  });

  it('answers 503 beyond maxStreams and 404 for an unknown topic', async () => {
    const first = await openStream(base);
    const second = await openStream(base);
    const third = await fetch(`${base}/api/stream`);
    assert.equal(third.status, 503);
    const body = (await third.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'stream.busy');
    first.abort();
    second.abort();
    const unknown = await fetch(`${base}/api/stream?topic=nope`);
    assert.equal(unknown.status, 404);
    assert.equal((await fetch(`${base}/api/stream`, { method: 'HEAD' })).status, 404);
    await waitFor(async () => (await liveStreams()) === 0);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    const opened = /route="\/api\/stream",status="200"\} (\d+)/.exec(metrics)?.[1];
    assert.equal(opened, '4', 'each stream counted once, when it opened');
  });
});

describe('GET /api/stream on shutdown', () => {
  it('ends open streams when the server closes', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    const app = await createApp({ store, bus: createMemoryBus(), clock: createFixedClock(NOW) });
    const server = createApiServer({
      app,
      config: { demo: false, bodyLimitBytes: 1 << 20, maxStreams: 3 },
    });
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openStream(base);
    await stream.next();
    await server.close();
    await assert.rejects(stream.nextStartingWith('event:'), /stream ended/);
    await app.close();
  });
});
