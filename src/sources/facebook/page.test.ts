import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { openSourceHarness } from '../../../test/sources/harness.js';
import type { SourceHarness } from '../../../test/sources/harness.js';
import { sendJson, startPlatformServer } from '../../../test/sources/platform-server.js';
import type { PlatformServer, RecordedRequest } from '../../../test/sources/platform-server.js';
import type { RunOutcome } from '../run-source.js';
import { COMMENT_FIELDS, FEED_FIELDS, facebookPageConnector } from './page.js';

const TOKEN = 'EAAGpagetokenSECRET0123456789';
const APP_SECRET = 'appsecretVALUE98765';
const PAGE = '104021';

type Route = (request: RecordedRequest, response: ServerResponse) => void;

/** Answers by path; `feed` routes get the n-th call's answer so a test scripts paging. */
function routes(server: PlatformServer, table: Record<string, Route | Route[]>): void {
  const calls = new Map<string, number>();
  server.handle((request, response) => {
    const path = request.url.pathname;
    const route = table[path];
    const n = calls.get(path) ?? 0;
    calls.set(path, n + 1);
    const handler = Array.isArray(route) ? route[Math.min(n, route.length - 1)] : route;
    if (handler === undefined)
      sendJson(response, 404, { error: { message: 'no route', code: 803 } });
    else handler(request, response);
  });
}

const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}): Route =>
  (_request, response) =>
    sendJson(response, status, body, headers);

function feedPost(n: number, createdTime: string, extra: Record<string, unknown> = {}) {
  return {
    id: `${PAGE}_${n}`,
    message: `Bài viết số ${n} về ngập nước`,
    created_time: createdTime,
    permalink_url: `https://www.facebook.com/${PAGE}/posts/${n}`,
    from: { id: PAGE, name: 'Phường Bến Nghé' },
    shares: { count: n },
    reactions: { data: [], summary: { total_count: 10 + n, viewer_reaction: 'NONE' } },
    comments: { data: [], summary: { order: 'ranked', total_count: 0, can_comment: true } },
    ...extra,
  };
}

function paramsOf(request: RecordedRequest): Record<string, string> {
  return Object.fromEntries(request.url.searchParams);
}

function assertNoSecrets(h: SourceHarness, outcome: RunOutcome): void {
  const seen = [...h.logs, JSON.stringify(outcome)].join('\n');
  assert.ok(!seen.includes(TOKEN), 'the access token leaked');
  assert.ok(!seen.includes(APP_SECRET), 'the app secret leaked');
}

const ids = async (h: SourceHarness) => (await h.posts()).map((p) => p.id);

describe('facebook-page connector', () => {
  let server: PlatformServer;
  let h: SourceHarness;

  beforeEach(async () => {
    server = await startPlatformServer();
    h = await openSourceHarness([facebookPageConnector]);
  });
  afterEach(async () => {
    await h.close();
    await server.close();
  });

  const addSource = (config: Record<string, unknown> = {}) =>
    h.addSource(
      'facebook-page',
      { pageId: PAGE, accessToken: TOKEN, apiBaseUrl: server.origin, ...config },
      'fb',
    );

  it('pages the feed to its end, reads comments of posts that have some, and sends the documented request', async () => {
    routes(server, {
      [`/v21.0/${PAGE}/feed`]: [
        json({
          data: [
            feedPost(2, '2026-11-23T07:30:00+0000', {
              comments: { data: [], summary: { total_count: 2 } },
            }),
            feedPost(1, '2026-11-23T06:00:00+0000'),
          ],
          paging: {
            cursors: { before: 'QkVGT1JF', after: 'QUZURVIx' },
            next: `https://graph.facebook.com/v21.0/${PAGE}/feed?access_token=${TOKEN}&limit=100&after=QUZURVIx`,
          },
        }),
        json({
          data: [feedPost(0, '2026-11-22T23:00:00+0000')],
          paging: { cursors: { before: 'QUZURVIx', after: 'QUZURVIy' } },
        }),
      ],
      [`/v21.0/${PAGE}_2/comments`]: json({
        data: [
          {
            id: `${PAGE}_2_901`,
            message: 'Đường Lê Lợi ngập sâu quá',
            created_time: '2026-11-23T07:40:00+0000',
            from: { id: '5550001', name: 'Nguyễn Văn A' },
            like_count: 3,
          },
          // `from` is left out for people whose privacy settings hide them from the app.
          {
            id: `${PAGE}_2_902`,
            message: 'Cảm ơn phường',
            created_time: '2026-11-23T07:45:00+0000',
          },
        ],
        paging: { cursors: { before: 'MQ', after: 'Mg' } },
      }),
    });
    await addSource();

    const outcome = await h.run('fb');

    assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
    assert.deepEqual(
      server.requests.map((r) => r.url.pathname),
      [`/v21.0/${PAGE}/feed`, `/v21.0/${PAGE}_2/comments`, `/v21.0/${PAGE}/feed`],
    );
    const [feed1, comments, feed2] = server.requests;
    assert.deepEqual(paramsOf(feed1!), { fields: FEED_FIELDS, limit: '100' });
    assert.deepEqual(paramsOf(comments!), {
      fields: COMMENT_FIELDS,
      filter: 'stream',
      order: 'reverse_chronological',
      limit: '100',
    });
    assert.deepEqual(paramsOf(feed2!), { fields: FEED_FIELDS, limit: '100', after: 'QUZURVIx' });
    for (const request of server.requests) {
      assert.equal(request.headers.authorization, `Bearer ${TOKEN}`);
      assert.equal(request.url.searchParams.has('access_token'), false);
    }
    const posts = await h.posts();
    assert.deepEqual(
      posts.map((p) => [p.id, p.kind, p.parentId, p.author?.name, p.publishedAt]),
      [
        [`facebook:${PAGE}_0`, 'post', undefined, 'Phường Bến Nghé', '2026-11-22T23:00:00.000Z'],
        [`facebook:${PAGE}_1`, 'post', undefined, 'Phường Bến Nghé', '2026-11-23T06:00:00.000Z'],
        [`facebook:${PAGE}_2`, 'post', undefined, 'Phường Bến Nghé', '2026-11-23T07:30:00.000Z'],
        [
          `facebook:${PAGE}_2_901`,
          'comment',
          `facebook:${PAGE}_2`,
          'Nguyễn Văn A',
          '2026-11-23T07:40:00.000Z',
        ],
        [
          `facebook:${PAGE}_2_902`,
          'comment',
          `facebook:${PAGE}_2`,
          undefined,
          '2026-11-23T07:45:00.000Z',
        ],
      ],
    );
    const top = posts.find((p) => p.id === `facebook:${PAGE}_2`)!;
    assert.deepEqual(top.engagement, { likes: 12, comments: 2, shares: 2 });
    assert.equal(top.url, `https://www.facebook.com/${PAGE}/posts/2`);
    assert.equal(posts.find((p) => p.id.endsWith('_901'))?.engagement?.likes, 3);
    assert.deepEqual(JSON.parse((await h.cursor('fb'))!), { since: '2026-11-23T07:30:00.000Z' });
    assertNoSecrets(h, outcome);
  });

  it('a second run asks only for posts since the newest one seen, and moves the cursor on', async () => {
    routes(server, {
      [`/v21.0/${PAGE}/feed`]: [
        json({ data: [feedPost(1, '2026-11-23T06:00:00+0000')] }),
        json({
          data: [
            feedPost(3, '2026-11-23T07:55:00+0000'),
            feedPost(1, '2026-11-23T06:00:00+0000'),
            // Older than `since`: ignored even if the platform sends it.
            feedPost(0, '2026-11-22T23:00:00+0000'),
          ],
        }),
      ],
    });
    await addSource();
    await h.run('fb');

    const second = await h.run('fb');

    assert.equal(second.ok, true);
    assert.deepEqual(paramsOf(server.requests[1]!), {
      fields: FEED_FIELDS,
      limit: '100',
      since: String(Date.parse('2026-11-23T06:00:00Z') / 1000),
    });
    assert.deepEqual(await ids(h), [`facebook:${PAGE}_1`, `facebook:${PAGE}_3`]);
    assert.deepEqual(JSON.parse((await h.cursor('fb'))!), { since: '2026-11-23T07:55:00.000Z' });
  });

  it('stores a post dated in the future but never moves `since` past now + 10 minutes, so later posts still arrive', async () => {
    const future = feedPost(9, '2099-01-01T00:00:00+0000');
    routes(server, {
      [`/v21.0/${PAGE}/feed`]: [
        json({ data: [future, feedPost(1, '2026-11-23T06:00:00+0000')] }),
        json({
          data: [
            future,
            feedPost(2, '2026-11-23T08:30:00+0000'),
            feedPost(1, '2026-11-23T06:00:00+0000'),
          ],
        }),
      ],
    });
    await addSource();
    const capMs = h.clock.now() + 10 * 60_000;

    const first = await h.run('fb');

    assert.equal(first.ok, true, first.error?.message);
    assert.deepEqual(await ids(h), [`facebook:${PAGE}_1`, `facebook:${PAGE}_9`]);
    const mark = Date.parse(JSON.parse((await h.cursor('fb'))!).since);
    assert.ok(mark <= capMs, `the mark ${new Date(mark).toISOString()} is past now + 10 min`);
    const warnings = h.logs.filter((line) =>
      line.includes('dated more than 10 minutes in the future'),
    );
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /facebook-page: 1 item/);

    h.clock.advance(60 * 60_000);
    const second = await h.run('fb');

    assert.equal(second.ok, true, second.error?.message);
    assert.ok(Number(paramsOf(server.requests[1]!).since) * 1000 <= capMs);
    assert.deepEqual(await ids(h), [
      `facebook:${PAGE}_1`,
      `facebook:${PAGE}_2`,
      `facebook:${PAGE}_9`,
    ]);
    const secondMark = Date.parse(JSON.parse((await h.cursor('fb'))!).since);
    assert.ok(secondMark <= h.clock.now() + 10 * 60_000);
    assert.ok(secondMark >= Date.parse('2026-11-23T08:30:00Z'));
  });

  it('follows a time-based next link by its parameters, never its token or host', async () => {
    routes(server, {
      [`/v21.0/${PAGE}/feed`]: [
        json({
          data: [feedPost(2, '2026-11-23T07:00:00+0000')],
          paging: {
            previous: `https://graph.facebook.com/v21.0/${PAGE}/feed?access_token=${TOKEN}&since=1795417200&__previous=1`,
            next: `https://graph.intern.facebook.com/v21.0/${PAGE}/feed?access_token=${TOKEN}&limit=100&until=1795417100&__paging_token=enc_AdBx`,
          },
        }),
        json({ data: [feedPost(1, '2026-11-23T06:00:00+0000')] }),
      ],
    });
    await addSource();

    const outcome = await h.run('fb');

    assert.equal(outcome.ok, true);
    assert.equal(server.requests.length, 2);
    assert.deepEqual(paramsOf(server.requests[1]!), {
      limit: '100',
      until: '1795417100',
      __paging_token: 'enc_AdBx',
    });
    assert.deepEqual(await ids(h), [`facebook:${PAGE}_1`, `facebook:${PAGE}_2`]);
  });

  it('maps an expired token (400, code 190) to source.auth and stores nothing', async () => {
    routes(server, {
      [`/v21.0/${PAGE}/feed`]: json(
        {
          error: {
            message: 'Error validating access token: Session has expired on Sunday, 22-Nov-26.',
            type: 'OAuthException',
            code: 190,
            error_subcode: 463,
            fbtrace_id: 'AbCdEf123',
          },
        },
        400,
      ),
    });
    await addSource();

    const outcome = await h.run('fb');

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.auth');
    assert.match(outcome.error!.message, /code 190, subcode 463/);
    assert.match(outcome.error!.message, /AbCdEf123/);
    assert.equal(server.requests.length, 1, 'an auth error is not retried');
    assert.deepEqual(await h.posts(), []);
    assert.equal(await h.cursor('fb'), undefined);
    assertNoSecrets(h, outcome);
  });

  it('maps a Page rate limit (code 32) to source.rate_limited with the wait from X-Business-Use-Case-Usage', async () => {
    const usage = {
      [PAGE]: [
        {
          type: 'pages',
          call_count: 100,
          total_cputime: 40,
          total_time: 35,
          estimated_time_to_regain_access: 7,
        },
      ],
    };
    routes(server, {
      [`/v21.0/${PAGE}/feed`]: json(
        { error: { message: 'Page request limit reached', type: 'OAuthException', code: 32 } },
        400,
        { 'x-business-use-case-usage': JSON.stringify(usage) },
      ),
    });
    await addSource();

    const outcome = await h.run('fb');

    assert.equal(outcome.error?.code, 'source.rate_limited');
    assert.equal(outcome.error?.retryAfterMs, 7 * 60_000);
    assert.deepEqual(await h.posts(), []);
    assert.equal(await h.cursor('fb'), undefined);
  });

  it('sends no further request once X-App-Usage reports the limit reached, keeping what was stored', async () => {
    routes(server, {
      [`/v21.0/${PAGE}/feed`]: json(
        {
          data: [feedPost(1, '2026-11-23T06:00:00+0000')],
          paging: { cursors: { after: 'QUZURVIx' }, next: `${server.origin}/next` },
        },
        200,
        { 'x-app-usage': JSON.stringify({ call_count: 100, total_cputime: 12, total_time: 9 }) },
      ),
    });
    await addSource();

    const outcome = await h.run('fb');

    assert.equal(outcome.error?.code, 'source.rate_limited');
    assert.equal(server.requests.length, 1);
    assert.deepEqual(await ids(h), [`facebook:${PAGE}_1`]);
    assert.equal(await h.cursor('fb'), undefined, 'the cursor waits for the whole poll');
  });

  it('waits for Retry-After on 429 and then reads the page', async () => {
    routes(server, {
      [`/v21.0/${PAGE}/feed`]: [
        json({ error: { message: 'Too many calls', code: 4 } }, 429, { 'retry-after': '7' }),
        json({ data: [feedPost(1, '2026-11-23T06:00:00+0000')] }),
      ],
    });
    await addSource();

    const outcome = await h.run('fb');

    assert.equal(outcome.ok, true);
    assert.deepEqual(h.sleeps, [7000]);
    assert.deepEqual(await ids(h), [`facebook:${PAGE}_1`]);
    assert.deepEqual(JSON.parse((await h.cursor('fb'))!), { since: '2026-11-23T06:00:00.000Z' });
  });

  it('retries a 500 (Graph code 2, service unavailable) and then succeeds', async () => {
    routes(server, {
      [`/v21.0/${PAGE}/feed`]: [
        json({ error: { message: 'Service temporarily unavailable', code: 2 } }, 500),
        json({ data: [feedPost(1, '2026-11-23T06:00:00+0000')] }),
      ],
    });
    await addSource();

    const outcome = await h.run('fb');

    assert.equal(outcome.ok, true);
    assert.equal(h.sleeps.length, 1);
    assert.equal(server.requests.length, 2);
    assert.deepEqual(await ids(h), [`facebook:${PAGE}_1`]);
  });

  it('fails with source.bad_response on malformed JSON and stores nothing', async () => {
    routes(server, { [`/v21.0/${PAGE}/feed`]: json('{"data": [{"id": "1"', 200) });
    await addSource();

    const outcome = await h.run('fb');

    assert.equal(outcome.error?.code, 'source.bad_response');
    assert.deepEqual(await h.posts(), []);
    assert.equal(await h.cursor('fb'), undefined);
  });

  it('stores a partial page: no author, no counts; skips a post without text but reads its comments', async () => {
    routes(server, {
      [`/v21.0/${PAGE}/feed`]: json({
        data: [
          {
            id: `${PAGE}_5`,
            message: 'Thông báo cắt điện',
            created_time: '2026-11-23T07:00:00+0000',
          },
          // A photo without a caption: nothing to listen to, but its comments are.
          { id: `${PAGE}_6`, created_time: '2026-11-23T06:00:00+0000' },
        ],
      }),
      [`/v21.0/${PAGE}_5/comments`]: json({ data: [] }),
      [`/v21.0/${PAGE}_6/comments`]: json({
        data: [{ id: `${PAGE}_6_1`, message: 'Ảnh đẹp', created_time: '2026-11-23T06:30:00+0000' }],
      }),
    });
    await addSource();

    const outcome = await h.run('fb');

    assert.equal(outcome.ok, true);
    const posts = await h.posts();
    assert.deepEqual(
      posts.map((p) => [p.id, p.author, p.url]),
      [
        [`facebook:${PAGE}_5`, undefined, undefined],
        [`facebook:${PAGE}_6_1`, undefined, undefined],
      ],
    );
    assert.deepEqual(posts[0]!.engagement ?? {}, {});
    assert.equal(outcome.rejected, 0);
  });

  it('stores a post repeated on the next page once and reads its comments once', async () => {
    const repeated = feedPost(2, '2026-11-23T07:00:00+0000', {
      comments: { data: [], summary: { total_count: 1 } },
    });
    routes(server, {
      [`/v21.0/${PAGE}/feed`]: [
        json({ data: [repeated], paging: { cursors: { after: 'A1' }, next: 'https://x/next' } }),
        json({ data: [repeated, feedPost(1, '2026-11-23T06:00:00+0000')] }),
      ],
      [`/v21.0/${PAGE}_2/comments`]: json({
        data: [{ id: `${PAGE}_2_1`, message: 'Ok', created_time: '2026-11-23T07:10:00+0000' }],
      }),
    });
    await addSource();

    const outcome = await h.run('fb');

    assert.equal(outcome.ok, true);
    assert.equal(outcome.items, 3);
    assert.equal(server.requests.filter((r) => r.url.pathname.endsWith('/comments')).length, 1);
    assert.deepEqual(await ids(h), [
      `facebook:${PAGE}_1`,
      `facebook:${PAGE}_2`,
      `facebook:${PAGE}_2_1`,
    ]);
  });

  it('an empty feed stores nothing and keeps the saved cursor', async () => {
    routes(server, {
      [`/v21.0/${PAGE}/feed`]: [
        json({ data: [feedPost(1, '2026-11-23T06:00:00+0000')] }),
        json({ data: [] }),
      ],
    });
    await addSource();
    await h.run('fb');

    const outcome = await h.run('fb');

    assert.equal(outcome.ok, true);
    assert.equal(outcome.items, 0);
    assert.deepEqual(await ids(h), [`facebook:${PAGE}_1`]);
    assert.deepEqual(JSON.parse((await h.cursor('fb'))!), { since: '2026-11-23T06:00:00.000Z' });
  });

  it('reads a created_time that is no date (a huge number) as absent instead of failing the run', async () => {
    routes(server, {
      [`/v21.0/${PAGE}/feed`]: json({
        data: [feedPost(2, '2026-11-23T06:00:00+0000'), { ...feedPost(1, ''), created_time: 1e20 }],
      }),
    });
    await addSource();

    const outcome = await h.run('fb');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.deepEqual(await ids(h), [`facebook:${PAGE}_1`, `facebook:${PAGE}_2`]);
    assert.deepEqual(JSON.parse((await h.cursor('fb'))!), { since: '2026-11-23T06:00:00.000Z' });
  });

  it('sends appsecret_proof (HMAC-SHA256 of the token keyed with the app secret) when appSecret is set', async () => {
    await addSource({ appSecret: APP_SECRET, apiVersion: 'v22.0' });
    routes(server, { [`/v22.0/${PAGE}/feed`]: json({ data: [] }) });

    const outcome = await h.run('fb');

    assert.equal(outcome.ok, true);
    const expected = createHmac('sha256', APP_SECRET).update(TOKEN).digest('hex');
    assert.equal(server.requests[0]!.url.pathname, `/v22.0/${PAGE}/feed`);
    assert.equal(server.requests[0]!.url.searchParams.get('appsecret_proof'), expected);
    assertNoSecrets(h, outcome);
  });

  it('stops at maxPages, says so in the log, and reads no comments when withComments is false', async () => {
    const withComments = { comments: { data: [], summary: { total_count: 4 } } };
    routes(server, {
      [`/v21.0/${PAGE}/feed`]: [
        json({
          data: [feedPost(2, '2026-11-23T07:00:00+0000', withComments)],
          paging: { cursors: { after: 'A1' }, next: 'https://x/next' },
        }),
        json({
          data: [feedPost(1, '2026-11-23T06:00:00+0000', withComments)],
          paging: { cursors: { after: 'A2' }, next: 'https://x/next' },
        }),
      ],
    });
    await addSource({ maxPages: 1, withComments: false });

    const outcome = await h.run('fb');

    assert.equal(outcome.ok, true);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(await ids(h), [`facebook:${PAGE}_2`]);
    assert.ok(h.logs.some((line) => line.includes('maxPages=1')));
    assert.deepEqual(JSON.parse((await h.cursor('fb'))!), { since: '2026-11-23T07:00:00.000Z' });
  });
});
