import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HARNESS_NOW, openSourceHarness } from '../../../test/sources/harness.js';
import type { SourceHarness } from '../../../test/sources/harness.js';
import { sendJson, startPlatformServer } from '../../../test/sources/platform-server.js';
import type { PlatformHandler, PlatformServer } from '../../../test/sources/platform-server.js';
import { mastodonConnector } from './index.js';
import { answerTimeline, makeStatus, statusId } from './mastodon-test-fixtures.js';
import type { StatusFixture } from './mastodon-test-fixtures.js';

const TOKEN = 'mstdn-token-SECRET-0123456789';

interface Bench {
  h: SourceHarness;
  server: PlatformServer;
  /** Path and query of every request, in order. */
  paths(): string[];
}

async function withMastodon(
  handler: (bench: { origin: string }) => PlatformHandler,
  config: Record<string, unknown>,
  test: (bench: Bench) => Promise<void>,
): Promise<void> {
  const server = await startPlatformServer();
  server.handle(handler({ origin: server.origin }));
  const h = await openSourceHarness([mastodonConnector]);
  try {
    await h.addSource('mastodon', { instanceUrl: server.origin, ...config }, 'm1');
    await test({ h, server, paths: () => server.requests.map((r) => r.path) });
  } finally {
    await h.close();
    await server.close();
  }
}

function range(from: number, to: number): StatusFixture[] {
  return Array.from({ length: to - from + 1 }, (_, i) => makeStatus(from + i));
}

const cursorOf = (n: number): string => JSON.stringify({ newestId: statusId(n) });

describe('mastodon connector', () => {
  it('reads the newest pages back through the Link header, then pages forward with min_id', async () => {
    const timeline = range(0, 84);
    await withMastodon(
      ({ origin }) =>
        (request, response) =>
          answerTimeline(timeline, request, response, origin),
      {},
      async ({ h, server, paths }) => {
        const first = await h.run('m1');
        assert.equal(first.ok, true, first.error?.message);
        assert.deepEqual(paths(), [
          '/api/v1/timelines/public?local=false&limit=40',
          `/api/v1/timelines/public?local=false&limit=40&max_id=${statusId(45)}`,
          `/api/v1/timelines/public?local=false&limit=40&max_id=${statusId(5)}`,
          `/api/v1/timelines/public?local=false&limit=40&max_id=${statusId(0)}`,
        ]);
        assert.equal((await h.posts()).length, 85);
        assert.equal(await h.cursor('m1'), cursorOf(84));
        assert.equal(server.requests[0]?.headers.authorization, undefined);

        timeline.push(...range(85, 134));
        server.requests.length = 0;
        const second = await h.run('m1');
        assert.equal(second.ok, true, second.error?.message);
        assert.deepEqual(paths(), [
          `/api/v1/timelines/public?local=false&limit=40&min_id=${statusId(84)}`,
          `/api/v1/timelines/public?local=false&limit=40&min_id=${statusId(124)}`,
        ]);
        assert.equal(second.items, 50);
        assert.equal((await h.posts()).length, 135);
        assert.equal(await h.cursor('m1'), cursorOf(134));

        server.requests.length = 0;
        const third = await h.run('m1');
        assert.deepEqual([third.ok, third.items, third.batches], [true, 0, 0]);
        assert.deepEqual(paths(), [
          `/api/v1/timelines/public?local=false&limit=40&min_id=${statusId(134)}`,
        ]);
        assert.equal(await h.cursor('m1'), cursorOf(134));
      },
    );
  });

  it('a backlog longer than maxPages is finished by the next poll, in order, with no gap', async () => {
    const timeline = range(0, 9);
    await withMastodon(
      ({ origin }) =>
        (request, response) =>
          answerTimeline(timeline, request, response, origin),
      { maxPages: 2 },
      async ({ h }) => {
        await h.run('m1');
        assert.equal(await h.cursor('m1'), cursorOf(9));
        timeline.push(...range(10, 139));
        await h.run('m1');
        assert.equal(await h.cursor('m1'), cursorOf(89));
        assert.equal((await h.posts()).length, 90);
        await h.run('m1');
        assert.equal(await h.cursor('m1'), cursorOf(139));
        const ids = new Set((await h.posts()).map((post) => post.id));
        assert.equal(ids.size, 140);
      },
    );
  });

  it('maps statuses: HTML to text, content warning, reply, boost, account, engagement; asks the hashtag timeline with the token', async () => {
    const parent = makeStatus(1, {
      content:
        '<p>Hà Nội &amp; mưa <a href="https://mastodon.example/tags/hanoi" class="mention hashtag" rel="tag">#<span>hanoi</span></a></p><p>dòng 2<br>dòng 3 <a href="https://vnexpress.net/a/very/long/path"><span class="invisible">https://</span><span class="ellipsis">vnexpress.net/a/very</span><span class="invisible">/long/path</span></a></p>',
      spoiler_text: 'Thời tiết',
    });
    const reply = makeStatus(2, { in_reply_to_id: statusId(1), content: '<p>Đồng ý!</p>' });
    const remote = makeStatus(0, {
      id: '900',
      uri: 'https://chaos.social/users/kern/statuses/111',
      url: 'https://chaos.social/@kern/111',
      content: '<p>Từ xa</p>',
      language: 'de',
      account: {
        id: '77',
        username: 'kern',
        acct: 'kern@chaos.social',
        display_name: '',
        followers_count: 5,
      },
    });
    const boost = makeStatus(3, { content: '', reblog: remote });
    const mediaOnly = makeStatus(4, { content: '' });
    const bare: Record<string, unknown> = {
      id: statusId(5),
      created_at: '2026-11-23T07:30:00.000Z',
      content: '<p>không có tài khoản</p>',
      uri: 'https://mastodon.example/users/x/statuses/5',
      url: null,
      language: null,
    };
    await withMastodon(
      () => (request, response) =>
        sendJson(
          response,
          200,
          request.url.searchParams.has('max_id') ? [] : [bare, mediaOnly, boost, reply, parent],
        ),
      { hashtag: '#hànội', timeline: 'local', accessToken: TOKEN, maxPages: 1 },
      async ({ h, server, paths }) => {
        const outcome = await h.run('m1');
        assert.equal(outcome.ok, true, outcome.error?.message);
        assert.deepEqual(paths(), ['/api/v1/timelines/tag/h%C3%A0n%E1%BB%99i?local=true&limit=40']);
        assert.equal(server.requests[0]?.headers.authorization, `Bearer ${TOKEN}`);
        assert.equal(server.requests[0]?.headers.accept, 'application/json');
        const posts = new Map((await h.posts()).map((post) => [post.id, post]));
        assert.equal(posts.size, 4);
        const stored = posts.get(`mastodon:${parent.uri}`);
        assert.equal(
          stored?.text,
          'Hà Nội & mưa #hanoi\n\ndòng 2\ndòng 3 https://vnexpress.net/a/very/long/path',
        );
        assert.equal(stored?.title, 'Thời tiết');
        assert.equal(stored?.kind, 'post');
        assert.equal(stored?.url, parent.url);
        assert.equal(stored?.lang, 'vi');
        assert.equal(stored?.publishedAt, parent.created_at);
        assert.deepEqual(stored?.author, {
          id: `anh@${new URL(server.origin).host}`,
          name: 'Anh Nguyễn',
          followers: 2520,
        });
        assert.deepEqual(stored?.engagement, { likes: 3, comments: 1, shares: 2 });
        const storedReply = posts.get(`mastodon:${reply.uri}`);
        assert.equal(storedReply?.kind, 'comment');
        assert.equal(storedReply?.parentId, `mastodon:${parent.uri}`);
        const boosted = posts.get('mastodon:https://chaos.social/users/kern/statuses/111');
        assert.equal(boosted?.text, 'Từ xa');
        assert.deepEqual(boosted?.author, {
          id: 'kern@chaos.social',
          name: 'kern@chaos.social',
          followers: 5,
        });
        const partial = posts.get('mastodon:https://mastodon.example/users/x/statuses/5');
        assert.equal(partial?.text, 'không có tài khoản');
        assert.equal(partial?.author, undefined);
        assert.equal(partial?.engagement, undefined);
        assert.equal(partial?.url, 'https://mastodon.example/users/x/statuses/5');
        assert.equal(await h.cursor('m1'), cursorOf(5));
        assert.ok(!h.logs.join('\n').includes(TOKEN));
      },
    );
  });

  it('an invalid token is source.auth, nothing stored, no cursor, the token in no message', async () => {
    await withMastodon(
      () => (_request, response) =>
        sendJson(response, 401, { error: 'The access token is invalid' }),
      { accessToken: TOKEN },
      async ({ h, paths }) => {
        const outcome = await h.run('m1');
        assert.equal(outcome.ok, false);
        assert.equal(outcome.error?.code, 'source.auth');
        assert.match(outcome.error?.message ?? '', /access token is invalid, revoked/);
        assert.match(outcome.error?.message ?? '', /The access token is invalid/);
        assert.equal(paths().length, 1);
        assert.deepEqual(await h.posts(), []);
        assert.equal(await h.cursor('m1'), undefined);
        assert.ok(!JSON.stringify(outcome).includes(TOKEN));
        assert.ok(!h.logs.join('\n').includes(TOKEN));
      },
    );
  });

  it('without a token, a 401 says the instance needs one', async () => {
    await withMastodon(
      () => (_request, response) =>
        sendJson(response, 401, { error: 'This method requires an authenticated user' }),
      {},
      async ({ h }) => {
        const outcome = await h.run('m1');
        assert.equal(outcome.error?.code, 'source.auth');
        assert.match(outcome.error?.message ?? '', /needs an access token: set accessToken/);
      },
    );
  });

  it("a 429 with Mastodon's ISO X-RateLimit-Reset stops the run with the wait until the reset, after storing what came before", async () => {
    const timeline = range(0, 59);
    const reset = new Date(HARNESS_NOW + 120_000).toISOString().replace('Z', '000Z');
    await withMastodon(
      ({ origin }) =>
        (request, response) => {
          if (request.url.searchParams.has('max_id'))
            return sendJson(
              response,
              429,
              { error: 'Too many requests' },
              {
                'x-ratelimit-limit': '300',
                'x-ratelimit-remaining': '0',
                'x-ratelimit-reset': reset,
              },
            );
          answerTimeline(timeline, request, response, origin);
        },
      {},
      async ({ h, paths }) => {
        const outcome = await h.run('m1');
        assert.equal(outcome.ok, false);
        assert.equal(outcome.error?.code, 'source.rate_limited');
        assert.equal(outcome.error?.retryAfterMs, 120_000);
        assert.equal(paths().length, 2, 'no retry against an exhausted limit');
        assert.deepEqual(h.sleeps, []);
        assert.equal((await h.posts()).length, 40);
        assert.equal(await h.cursor('m1'), cursorOf(59));
      },
    );
  });

  it('a 429 with Retry-After carries that wait', async () => {
    await withMastodon(
      () => (_request, response) =>
        sendJson(response, 429, { error: 'Too many requests' }, { 'retry-after': '30' }),
      {},
      async ({ h }) => {
        const outcome = await h.run('m1');
        assert.equal(outcome.error?.code, 'source.rate_limited');
        assert.equal(outcome.error?.retryAfterMs, 30_000);
        assert.equal(await h.cursor('m1'), undefined);
      },
    );
  });

  it('5xx answers are retried with backoff, then the page is read', async () => {
    const timeline = range(0, 2);
    let failures = 2;
    await withMastodon(
      ({ origin }) =>
        (request, response) => {
          if (failures-- > 0) return sendJson(response, 503, { error: 'unavailable' });
          answerTimeline(timeline, request, response, origin);
        },
      {},
      async ({ h, paths }) => {
        const outcome = await h.run('m1');
        assert.equal(outcome.ok, true, outcome.error?.message);
        assert.deepEqual(h.sleeps, [750, 1500]);
        assert.equal(paths().length, 4);
        assert.equal((await h.posts()).length, 3);
        assert.equal(await h.cursor('m1'), cursorOf(2));
      },
    );
  });

  it('malformed JSON on a later page fails the run; the first page stays stored with its cursor', async () => {
    const timeline = range(0, 79);
    await withMastodon(
      ({ origin }) =>
        (request, response) => {
          if (request.url.searchParams.has('max_id'))
            return sendJson(response, 200, '[{"id": "1", "content": ');
          answerTimeline(timeline, request, response, origin);
        },
      {},
      async ({ h }) => {
        const outcome = await h.run('m1');
        assert.equal(outcome.ok, false);
        assert.equal(outcome.error?.code, 'source.bad_response');
        assert.equal((await h.posts()).length, 40);
        assert.equal(await h.cursor('m1'), cursorOf(79));
      },
    );
  });

  it('an object instead of a status array is source.bad_response', async () => {
    await withMastodon(
      () => (_request, response) => sendJson(response, 200, { error: 'Record not found' }),
      {},
      async ({ h }) => {
        const outcome = await h.run('m1');
        assert.equal(outcome.error?.code, 'source.bad_response');
        assert.match(outcome.error?.message ?? '', /instead of an array of statuses/);
      },
    );
  });

  it('an empty timeline stores nothing and leaves no cursor', async () => {
    await withMastodon(
      () => (_request, response) => sendJson(response, 200, []),
      {},
      async ({ h, paths }) => {
        const outcome = await h.run('m1');
        assert.deepEqual([outcome.ok, outcome.items, outcome.batches], [true, 0, 0]);
        assert.equal(paths().length, 1);
        assert.deepEqual(await h.posts(), []);
        assert.equal(await h.cursor('m1'), undefined);
      },
    );
  });

  it('a status met on two pages, or boosted and posted on one, is stored once', async () => {
    const page1 = [makeStatus(9), makeStatus(8, { reblog: makeStatus(7) }), makeStatus(7)];
    const page2 = [makeStatus(7), makeStatus(6)];
    await withMastodon(
      ({ origin }) =>
        (request, response) => {
          const maxId = request.url.searchParams.get('max_id');
          if (maxId === null)
            return sendJson(response, 200, page1, {
              link: `<${origin}/api/v1/timelines/public?limit=40&max_id=${statusId(7)}>; rel="next", <${origin}/api/v1/timelines/public?limit=40&min_id=${statusId(9)}>; rel="prev"`,
            });
          if (maxId === statusId(7))
            return sendJson(response, 200, page2, {
              link: `<${origin}/api/v1/timelines/public?limit=40&min_id=${statusId(7)}>; rel="prev"`,
            });
          sendJson(response, 500, { error: 'asked past the last page' });
        },
      {},
      async ({ h, paths }) => {
        const outcome = await h.run('m1');
        assert.equal(outcome.ok, true, outcome.error?.message);
        assert.equal(paths().length, 2, 'no next link on page 2: the end');
        assert.equal(outcome.items, 4, 'the boost and its status are one item in page 1');
        const ids = (await h.posts()).map((post) => post.id);
        assert.deepEqual(
          ids,
          [6, 7, 9].map(
            (n) => `mastodon:https://mastodon.example/users/anh/statuses/${statusId(n)}`,
          ),
        );
        assert.equal(await h.cursor('m1'), cursorOf(9));
      },
    );
  });
});
