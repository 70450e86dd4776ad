import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness } from '../../test/api-harness.js';
import type { ApiHarness } from '../../test/api-harness.js';
import { matchData, openStream } from '../../test/api-sse.js';

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail('condition not reached in 2 s');
}

describe('GET /api/stream (real listen)', () => {
  let h: ApiHarness;
  let base: string;
  let floodId: string;
  let trafficId: string;
  /** A viewer of the default workspace: the stream needs posts:read. */
  let viewer: Readonly<Record<string, string>>;

  before(async () => {
    h = await openApiHarness({ config: { demo: true, maxStreams: 2, heartbeatMs: 100 } });
    base = await h.listen();
    viewer = h.tokens.default.viewer.headers;
    const scope = h.system('default');
    floodId = (await h.app.createTopic(scope, { name: 'Ngập', query: 'ngập' })).id;
    trafficId = (await h.app.createTopic(scope, { name: 'Kẹt xe', query: '"kẹt xe"' })).id;
  });
  after(() => h.close());

  const ingest = (lines: object[]) =>
    fetch(`${base}/api/ingest`, {
      method: 'POST',
      headers: { ...h.tokens.default.admin.headers, 'content-type': 'application/x-ndjson' },
      body: lines.map((line) => JSON.stringify(line)).join('\n'),
    });

  const liveStreams = async (): Promise<number> => {
    const text = await (await fetch(`${base}/metrics`, { headers: viewer })).text();
    return Number(/^langnghe_live_streams (\d+)$/m.exec(text)?.[1]);
  };

  it('sends a match event after an ingest, then unsubscribes when the client leaves', async () => {
    const stream = await openStream(base, '', viewer);
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
    const stream = await openStream(base, `?topic=${trafficId}`, viewer);
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
    const first = await openStream(base, '', viewer);
    const second = await openStream(base, '', viewer);
    const third = await fetch(`${base}/api/stream`, { headers: viewer });
    assert.equal(third.status, 503);
    const body = (await third.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'stream.busy');
    first.abort();
    second.abort();
    const unknown = await fetch(`${base}/api/stream?topic=nope`, { headers: viewer });
    assert.equal(unknown.status, 404);
    assert.equal(
      (await fetch(`${base}/api/stream`, { method: 'HEAD', headers: viewer })).status,
      404,
    );
    await waitFor(async () => (await liveStreams()) === 0);
    const metrics = await (await fetch(`${base}/metrics`, { headers: viewer })).text();
    const opened = /route="\/api\/stream",status="200"\} (\d+)/.exec(metrics)?.[1];
    assert.equal(opened, '4', 'each stream counted once, when it opened');
  });
});

describe('GET /api/stream on shutdown', () => {
  it('ends open streams when the server closes', async () => {
    const h = await openApiHarness({ config: { maxStreams: 3 } });
    const base = await h.listen();
    const stream = await openStream(base, '', h.tokens.default.viewer.headers);
    await stream.next();
    await h.server.close();
    await assert.rejects(stream.nextStartingWith('event:'), /stream ended/);
    await h.app.close();
  });
});
