import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness } from '../../test/api-harness.js';
import type { ApiHarness } from '../../test/api-harness.js';
import { matchData, openStream } from '../../test/api-sse.js';
import type { Sse } from '../../test/api-sse.js';

const AT = '2026-11-23T07:00:00Z';

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail('condition not reached in 2 s');
}

describe('live streams per principal (real listen)', () => {
  let h: ApiHarness;
  let base: string;
  before(async () => {
    h = await openApiHarness({ config: { maxStreams: 10, maxStreamsPerPrincipal: 2 } });
    base = await h.listen();
  });
  after(() => h.close());

  const liveStreams = async (): Promise<number> => {
    const res = await fetch(`${base}/metrics`, { headers: h.tokens.default.owner.headers });
    return Number(/^langnghe_live_streams (\d+)$/m.exec(await res.text())?.[1]);
  };

  it('refuses a third stream of one token with 429, not another principal, and frees the slot on close', async () => {
    const token = h.tokens.default.viewer.headers;
    const open: Sse[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const stream = await openStream(base, '', token);
        open.push(stream);
        assert.equal(stream.response.status, 200);
      }
      const third = await fetch(`${base}/api/stream`, { headers: token });
      assert.equal(third.status, 429);
      const body = (await third.json()) as { error: { code: string; details: object } };
      assert.equal(body.error.code, 'stream.too_many');
      assert.deepEqual(body.error.details, { maxStreamsPerPrincipal: 2 });

      const someoneElse = await openStream(base, '', h.members.default.viewer.headers);
      open.push(someoneElse);
      assert.equal(someoneElse.response.status, 200);

      open.shift()!.abort();
      await waitFor(async () => (await liveStreams()) === 2);
      const again = await openStream(base, '', token);
      open.push(again);
      assert.equal(again.response.status, 200, 'a closed stream gives its slot back');
    } finally {
      for (const stream of open) stream.abort();
    }
    await waitFor(async () => (await liveStreams()) === 0);
  });
});

describe('live streams between workspaces (real listen)', () => {
  let h: ApiHarness;
  let base: string;
  let floodA: string;
  let trafficB: string;
  before(async () => {
    h = await openApiHarness();
    base = await h.listen();
    floodA = (await h.app.createTopic(h.system('default'), { name: 'Ngập', query: 'ngập' })).id;
    const traffic = { name: 'Kẹt xe', query: '"kẹt xe"' };
    trafficB = (await h.app.createTopic(h.system('ubnd-q1'), traffic)).id;
  });
  after(() => h.close());

  const ingestAsA = async (posts: object[]) => {
    const res = await fetch(`${base}/api/ingest`, {
      method: 'POST',
      headers: { ...h.tokens.default.admin.headers, 'content-type': 'application/x-ndjson' },
      body: posts.map((p) => JSON.stringify(p)).join('\n'),
    });
    assert.equal(res.status, 200);
  };

  it("never sends B a match of A's topic or A's private message", async () => {
    const b = await openStream(base, '', h.tokens['ubnd-q1'].viewer.headers);
    try {
      await b.next();
      await ingestAsA([
        { id: 'a1', platform: 'facebook', text: 'ngập ở Quận 7', publishedAt: AT },
        { id: 'a2', platform: 'zalo', kind: 'message', text: 'kẹt xe riêng tư', publishedAt: AT },
        { id: 'a3', platform: 'facebook', text: 'kẹt xe công khai', publishedAt: AT },
      ]);
      const first = matchData(await b.nextStartingWith('event:'));
      assert.equal(first.post.id, 'facebook:a3', 'the first event B gets is the public post');
      assert.deepEqual(first.topicIds, [trafficB]);
    } finally {
      b.abort();
    }
  });

  it("refuses a stream of another workspace's topic or in a workspace one is not in", async () => {
    const own = await fetch(`${base}/api/stream?topic=${trafficB}`, {
      headers: h.tokens.default.viewer.headers,
    });
    assert.equal(own.status, 404);
    const named = await fetch(`${base}/api/stream?workspace=default&topic=${floodA}`, {
      headers: h.tokens['ubnd-q1'].viewer.headers,
    });
    assert.equal(named.status, 403);
    const anonymous = await fetch(`${base}/api/stream`);
    assert.equal(anonymous.status, 401);
  });

  it('masks phone numbers on the stream unless the member may read personal data', async () => {
    const viewer = await openStream(base, '', h.members.default.viewer.headers);
    const reader = await openStream(base, '?workspace=default', h.piiReader.headers);
    try {
      await viewer.next();
      await reader.next();
      const text = 'ngập sâu, gọi 0901234567';
      await ingestAsA([{ id: 'pii1', platform: 'facebook', text, publishedAt: AT }]);
      const masked = matchData(await viewer.nextStartingWith('event:')).post.text;
      assert.doesNotMatch(masked, /0901234567/);
      assert.equal(masked.length, text.length);
      assert.match(masked, /•{10}/);
      assert.equal(matchData(await reader.nextStartingWith('event:')).post.text, text);
    } finally {
      viewer.abort();
      reader.abort();
    }
  });
});
