import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { openSourceHarness } from '../../../test/sources/harness.js';
import type { SourceHarness } from '../../../test/sources/harness.js';
import { sendJson, startPlatformServer } from '../../../test/sources/platform-server.js';
import type { PlatformServer, RecordedRequest } from '../../../test/sources/platform-server.js';
import { zaloOaConnector } from './zalo-oa-connector.js';

const TOKEN = 'oa-access-token-Z9q8w7e6r5t4';
const OA_ID = '579745863508352884';
const T0 = Date.parse('2026-11-20T00:00:00Z');

/** A message as listrecentchat / conversation answer it (`src` 1: the user wrote it). */
interface ZaloMessage {
  src: 0 | 1;
  time: number;
  type: string;
  message?: string;
  message_id: string;
  from_id: string;
  to_id: string;
  from_display_name?: string;
  url?: string;
}

function fromUser(user: string, id: string, time: number, text: string): ZaloMessage {
  return {
    src: 1,
    time,
    type: 'text',
    message: text,
    message_id: id,
    from_id: user,
    to_id: OA_ID,
    from_display_name: `Người ${user}`,
  };
}

function fromOa(user: string, id: string, time: number, text: string): ZaloMessage {
  return { src: 0, time, type: 'text', message: text, message_id: id, from_id: OA_ID, to_id: user };
}

/** Zalo's two endpoints over an in-memory OA: conversations most recent first, messages newest first. */
class FakeZalo {
  readonly conversations = new Map<string, ZaloMessage[]>();

  add(user: string, ...messages: ZaloMessage[]): void {
    const all = [...(this.conversations.get(user) ?? []), ...messages];
    this.conversations.set(
      user,
      all.sort((a, b) => b.time - a.time),
    );
  }

  answer(request: RecordedRequest): unknown {
    const data = JSON.parse(request.url.searchParams.get('data') ?? '{}') as {
      offset: number;
      count: number;
      user_id?: string;
    };
    const slice = <T>(list: T[]): T[] => list.slice(data.offset, data.offset + data.count);
    if (request.url.pathname === '/v2.0/oa/listrecentchat') {
      const latest = [...this.conversations.values()]
        .map((messages) => messages[0]!)
        .sort((a, b) => b.time - a.time);
      return { data: slice(latest), error: 0, message: 'Success' };
    }
    if (request.url.pathname === '/v2.0/oa/conversation')
      return {
        data: slice(this.conversations.get(data.user_id ?? '') ?? []),
        error: 0,
        message: 'Success',
      };
    return { error: -201, message: 'unknown endpoint' };
  }
}

function dataOf(request: RecordedRequest): unknown {
  return JSON.parse(request.url.searchParams.get('data') ?? 'null');
}

describe('zalo-oa connector', () => {
  let h: SourceHarness;
  let server: PlatformServer;

  async function setup(config: Record<string, unknown> = {}): Promise<FakeZalo> {
    const fake = new FakeZalo();
    server = await startPlatformServer((request, response) =>
      sendJson(response, 200, fake.answer(request)),
    );
    h = await openSourceHarness([zaloOaConnector]);
    await h.addSource(
      'zalo-oa',
      { accessToken: TOKEN, apiBaseUrl: server.origin, ...config },
      'oa-1',
    );
    return fake;
  }

  afterEach(async () => {
    await h.close();
    await server.close();
  });

  function assertNoSecretLeak(outcomeMessage = ''): void {
    assert.ok(!outcomeMessage.includes(TOKEN));
    assert.ok(h.logs.every((line) => !line.includes(TOKEN)));
  }

  it('reads every conversation page by page and stores only what users wrote', async () => {
    const fake = await setup();
    for (let i = 1; i <= 12; i++)
      fake.add(
        `u${i}`,
        fromUser(`u${i}`, `m${i}a`, T0 + i * 1000, `Phản ánh ${i}`),
        fromOa(`u${i}`, `oa${i}`, T0 + i * 1000 + 500, `Đã nhận ${i}`),
      );
    for (let k = 0; k < 21; k++)
      fake.add('u3', fromUser('u3', `long${k}`, T0 + 100 + k, `Tin ${k}`));

    const outcome = await h.run('oa-1');

    assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
    const posts = await h.posts();
    assert.equal(posts.length, 12 + 21);
    assert.ok(posts.every((post) => post.platform === 'zalo' && post.kind === 'message'));
    assert.ok(!posts.some((post) => post.id.startsWith('zalo:oa')));
    const first = posts.find((post) => post.id === 'zalo:m1a');
    assert.equal(first?.text, 'Phản ánh 1');
    assert.deepEqual(first?.author, { id: 'u1', name: 'Người u1' });
    assert.equal(first?.publishedAt, new Date(T0 + 1000).toISOString());
    assert.deepEqual(JSON.parse((await h.cursor('oa-1')) ?? ''), { newest: T0 + 12_500 });

    const lists = server.requests.filter((r) => r.url.pathname === '/v2.0/oa/listrecentchat');
    assert.deepEqual(lists.map(dataOf), [
      { offset: 0, count: 10 },
      { offset: 10, count: 10 },
    ]);
    assert.ok(lists[0]!.path.endsWith('?data=%7B%22offset%22%3A0%2C%22count%22%3A10%7D'));
    const u3 = server.requests.filter((r) => (dataOf(r) as { user_id?: string }).user_id === 'u3');
    assert.deepEqual(u3.map(dataOf), [
      { user_id: 'u3', offset: 0, count: 10 },
      { user_id: 'u3', offset: 10, count: 10 },
      { user_id: 'u3', offset: 20, count: 10 },
    ]);
    for (const request of server.requests) {
      assert.equal(request.method, 'GET');
      assert.equal(request.headers.access_token, TOKEN);
      assert.equal(request.headers.authorization, undefined);
    }
    assertNoSecretLeak();
  });

  it('asks a second run only for what is newer than the cursor', async () => {
    const fake = await setup();
    fake.add('u1', fromUser('u1', 'a1', T0 + 1000, 'Cũ 1'));
    fake.add('u2', fromUser('u2', 'b1', T0 + 2000, 'Cũ 2'));
    fake.add('u3', fromUser('u3', 'c1', T0 + 3000, 'Cũ 3'));
    assert.equal((await h.run('oa-1')).ok, true);
    fake.add(
      'u2',
      fromUser('u2', 'b2', T0 + 9000, 'Mới'),
      fromOa('u2', 'ob2', T0 + 9500, 'Trả lời'),
    );
    server.requests.length = 0;

    const outcome = await h.run('oa-1');

    assert.equal(outcome.ok, true);
    assert.equal(outcome.inserted, 1);
    assert.deepEqual(
      server.requests.map((r) => [r.url.pathname, dataOf(r)]),
      [
        ['/v2.0/oa/listrecentchat', { offset: 0, count: 10 }],
        ['/v2.0/oa/conversation', { user_id: 'u2', offset: 0, count: 10 }],
        // u3 last spoke in the cursor's very millisecond: read again (an update), never lost.
        ['/v2.0/oa/conversation', { user_id: 'u3', offset: 0, count: 10 }],
      ],
    );
    assert.equal(outcome.updated, 1);
    assert.equal((await h.posts()).find((post) => post.id === 'zalo:b2')?.text, 'Mới');
    assert.deepEqual(JSON.parse((await h.cursor('oa-1')) ?? ''), { newest: T0 + 9500 });
  });

  it('stores a message dated in the future but never makes it the mark, so later messages still arrive', async () => {
    const fake = await setup();
    const future = Date.parse('2099-01-01T00:00:00Z');
    fake.add(
      'u1',
      fromUser('u1', 'a1', T0 + 1000, 'Cũ 1'),
      fromUser('u1', 'a9', future, 'Tương lai'),
    );
    fake.add('u2', fromUser('u2', 'b1', T0 + 2000, 'Cũ 2'));
    const capMs = h.clock.now() + 10 * 60_000;

    const first = await h.run('oa-1');

    assert.equal(first.ok, true, JSON.stringify(first.error));
    assert.deepEqual((await h.posts()).map((post) => post.id).sort(), [
      'zalo:a1',
      'zalo:a9',
      'zalo:b1',
    ]);
    const mark = (JSON.parse((await h.cursor('oa-1')) ?? '') as { newest: number }).newest;
    assert.ok(mark <= capMs, `the mark ${new Date(mark).toISOString()} is past now + 10 min`);
    const warnings = h.logs.filter((line) => line.includes('in the future'));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /zalo-oa: 1 item/);

    h.clock.advance(60 * 60_000);
    const newer = h.clock.now() - 30 * 60_000;
    fake.add('u2', fromUser('u2', 'b2', newer, 'Mới'));

    const second = await h.run('oa-1');

    assert.equal(second.ok, true, JSON.stringify(second.error));
    assert.equal((await h.posts()).find((post) => post.id === 'zalo:b2')?.text, 'Mới');
    assert.deepEqual(JSON.parse((await h.cursor('oa-1')) ?? ''), { newest: newer });
  });

  it('stops at maxConversations', async () => {
    const fake = await setup({ maxConversations: 3 });
    for (let i = 1; i <= 5; i++) fake.add(`u${i}`, fromUser(`u${i}`, `m${i}`, T0 + i, `T ${i}`));
    assert.equal((await h.run('oa-1')).ok, true);
    assert.deepEqual(
      (await h.posts()).map((post) => post.id),
      ['zalo:m3', 'zalo:m4', 'zalo:m5'],
    );
  });

  for (const [code, message] of [
    [-216, 'Access token is invalid'],
    [-220, 'access_token is expired or removed'],
    [-124, 'Access token has expired'],
  ] as const) {
    it(`maps Zalo error ${code} to source.auth, storing nothing`, async () => {
      await setup();
      server.handle((_request, response) => sendJson(response, 200, { error: code, message }));
      const outcome = await h.run('oa-1');
      assert.equal(outcome.ok, false);
      assert.equal(outcome.error?.code, 'source.auth');
      assert.match(outcome.error?.message ?? '', new RegExp(`error ${code}`));
      assert.equal((await h.posts()).length, 0);
      assert.equal(await h.cursor('oa-1'), undefined);
      assert.equal(server.requests.length, 1);
      assertNoSecretLeak(outcome.error?.message);
    });
  }

  it('maps HTTP 401 to source.auth without retrying', async () => {
    await setup();
    server.handle((_request, response) => sendJson(response, 401, { error: 'unauthorized' }));
    const outcome = await h.run('oa-1');
    assert.equal(outcome.error?.code, 'source.auth');
    assert.equal(server.requests.length, 1);
    assertNoSecretLeak(outcome.error?.message);
  });

  it('maps the call limit (-32) to source.rate_limited with a minute to wait', async () => {
    const fake = await setup();
    fake.add('u1', fromUser('u1', 'a1', T0, 'x'));
    server.handle((request, response) =>
      request.url.pathname.endsWith('/conversation')
        ? sendJson(response, 200, {
            error: -32,
            message: 'Your application reached limit call api',
          })
        : sendJson(response, 200, fake.answer(request)),
    );
    const outcome = await h.run('oa-1');
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.rate_limited');
    assert.equal(outcome.error?.retryAfterMs, 60_000);
    assert.equal(await h.cursor('oa-1'), undefined);
  });

  it('waits out a 429 Retry-After and a 503, then carries on', async () => {
    const fake = await setup();
    fake.add('u1', fromUser('u1', 'a1', T0, 'Sau khi chờ'));
    let calls = 0;
    server.handle((request, response) => {
      calls++;
      if (calls === 1)
        return sendJson(response, 429, { error: 'slow down' }, { 'retry-after': '7' });
      if (calls === 3) return sendJson(response, 503, 'unavailable');
      return sendJson(response, 200, fake.answer(request));
    });
    const outcome = await h.run('oa-1');
    assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
    assert.equal(h.sleeps[0], 7000);
    assert.equal(h.sleeps.length, 2);
    assert.equal((await h.posts())[0]?.text, 'Sau khi chờ');
    assert.deepEqual(JSON.parse((await h.cursor('oa-1')) ?? ''), { newest: T0 });
  });

  it('fails a malformed answer with source.bad_response and keeps the cursor', async () => {
    await setup();
    server.handle((_request, response) => sendJson(response, 200, '{"data": [{"src": 1,'));
    const outcome = await h.run('oa-1');
    assert.equal(outcome.error?.code, 'source.bad_response');
    assert.equal(await h.cursor('oa-1'), undefined);
    server.handle((_request, response) => sendJson(response, 200, { error: 0, data: 'nope' }));
    assert.equal((await h.run('oa-1')).error?.code, 'source.bad_response');
  });

  it('finishes an empty OA with nothing stored and no cursor', async () => {
    await setup();
    const outcome = await h.run('oa-1');
    assert.equal(outcome.ok, true);
    assert.equal(outcome.items, 0);
    assert.equal(await h.cursor('oa-1'), undefined);
    assert.equal(server.requests.length, 1);
  });

  it('yields a message repeated across pages once', async () => {
    const fake = await setup();
    for (let k = 0; k < 10; k++) fake.add('u1', fromUser('u1', `p${k}`, T0 + 100 + k, `Tin ${k}`));
    // A new message arrives between two pages: the second page starts one message later.
    server.handle((request, response) => {
      const body = fake.answer(request) as { data: ZaloMessage[] };
      const data = dataOf(request) as { offset: number };
      if (request.url.pathname.endsWith('/conversation') && data.offset === 10)
        body.data = [fake.conversations.get('u1')![9]!, fromUser('u1', 'old', T0, 'Cũ nhất')];
      sendJson(response, 200, body);
    });
    const outcome = await h.run('oa-1');
    assert.equal(outcome.ok, true);
    assert.equal(outcome.items, 11);
    assert.equal((await h.posts()).length, 11);
  });

  it('maps a partial page: attachments, no display name, unsupported and broken entries', async () => {
    const fake = await setup();
    fake.add(
      'u1',
      {
        src: 1,
        time: T0 + 5,
        type: 'photo',
        message_id: 'ph1',
        from_id: 'u1',
        to_id: OA_ID,
        url: 'https://f.zdn.vn/p.jpg',
      },
      {
        src: 1,
        time: T0 + 4,
        type: 'sticker',
        message_id: 'st1',
        from_id: 'u1',
        to_id: OA_ID,
        url: 'https://s/1.png',
      },
      { src: 1, time: T0 + 3, type: 'nosupport', message_id: 'ns1', from_id: 'u1', to_id: OA_ID },
      {
        src: 1,
        time: T0 + 2,
        type: 'text',
        message: '',
        message_id: 'empty1',
        from_id: 'u1',
        to_id: OA_ID,
      },
    );
    server.handle((request, response) => {
      const body = fake.answer(request) as { data: unknown[] };
      if (request.url.pathname.endsWith('/conversation'))
        body.data.push({ src: 1, type: 'text', message: 'no time', message_id: 'bad1' });
      sendJson(response, 200, body);
    });
    const outcome = await h.run('oa-1');
    assert.equal(outcome.ok, true);
    const posts = await h.posts();
    assert.deepEqual(
      posts.map((post) => [post.id, post.text, post.author]),
      [
        ['zalo:ph1', '[ảnh] https://f.zdn.vn/p.jpg', { id: 'u1' }],
        ['zalo:st1', '[nhãn dán] https://s/1.png', { id: 'u1' }],
      ],
    );
    assert.ok(h.logs.some((line) => line.includes('skipped a message without src/time')));
  });

  it('stops listing when a full page names no new conversation (offset ignored)', async () => {
    const fake = await setup();
    for (let i = 1; i <= 12; i++)
      fake.add(`u${i}`, fromUser(`u${i}`, `m${i}`, T0 + i * 1000, `Tin ${i}`));
    let lists = 0;
    server.handle((request, response) => {
      if (!request.url.pathname.endsWith('/listrecentchat'))
        return sendJson(response, 200, fake.answer(request));
      // A platform that ignores `offset` hands the first page back forever.
      if (++lists > 20) return sendJson(response, 500, 'the connector kept paging');
      const first = new URL(request.url);
      first.searchParams.set('data', JSON.stringify({ offset: 0, count: 10 }));
      return sendJson(response, 200, fake.answer({ ...request, url: first }));
    });
    const outcome = await h.run('oa-1');
    assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
    assert.equal(lists, 2);
    assert.equal((await h.posts()).length, 10);
    assert.ok(h.logs.some((line) => line.includes('no new conversation')));
  });

  it('saves no cursor when a conversation fails midway, keeping what was stored', async () => {
    const fake = await setup();
    fake.add('u1', fromUser('u1', 'a1', T0 + 2000, 'Đầu tiên'));
    fake.add('u2', fromUser('u2', 'b1', T0 + 1000, 'Thứ hai'));
    server.handle((request, response) =>
      (dataOf(request) as { user_id?: string }).user_id === 'u2'
        ? sendJson(response, 502, 'bad gateway')
        : sendJson(response, 200, fake.answer(request)),
    );
    const outcome = await h.run('oa-1');
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.http');
    assert.deepEqual(
      (await h.posts()).map((post) => post.id),
      ['zalo:a1'],
    );
    assert.equal(await h.cursor('oa-1'), undefined);
  });
});
