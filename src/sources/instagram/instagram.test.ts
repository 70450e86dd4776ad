import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { openSourceHarness } from '../../../test/sources/harness.js';
import type { SourceHarness } from '../../../test/sources/harness.js';
import { sendJson, startPlatformServer } from '../../../test/sources/platform-server.js';
import type { PlatformServer, RecordedRequest } from '../../../test/sources/platform-server.js';
import type { RunOutcome } from '../run-source.js';
import { instagramConnector } from './index.js';
import { COMMENT_FIELDS, HASHTAG_MEDIA_FIELDS, OWN_MEDIA_FIELDS } from './media.js';

const TOKEN = 'EAAGigUSERtokenSECRET42';
const IG_USER = '17841405309211844';
const HANOI = '17843857450040591';
const SAIGON = '17841562906103814';

type Route = (request: RecordedRequest, response: ServerResponse) => void;

/** Answers by path (and `q` for the hashtag search); a list answers its n-th call. */
function routes(server: PlatformServer, table: Record<string, Route | Route[]>): void {
  const calls = new Map<string, number>();
  server.handle((request, response) => {
    const q = request.url.searchParams.get('q');
    const key = q === null ? request.url.pathname : `${request.url.pathname}?q=${q}`;
    const n = calls.get(key) ?? 0;
    calls.set(key, n + 1);
    const route = table[key];
    const handler = Array.isArray(route) ? route[Math.min(n, route.length - 1)] : route;
    if (handler === undefined) sendJson(response, 404, { error: { message: key, code: 803 } });
    else handler(request, response);
  });
}

const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}): Route =>
  (_request, response) =>
    sendJson(response, status, body, headers);

function media(id: string, timestamp: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    caption: `Kẹt xe ở ${id} #hanoi`,
    media_type: 'IMAGE',
    permalink: `https://www.instagram.com/p/${id}/`,
    timestamp,
    like_count: 5,
    comments_count: 0,
    ...extra,
  };
}

const paramsOf = (request: RecordedRequest) => Object.fromEntries(request.url.searchParams);
const ids = async (h: SourceHarness) => (await h.posts()).map((p) => p.id);

function assertNoSecrets(h: SourceHarness, outcome: RunOutcome): void {
  assert.ok(![...h.logs, JSON.stringify(outcome)].join('\n').includes(TOKEN), 'token leaked');
}

describe('instagram connector', () => {
  let server: PlatformServer;
  let h: SourceHarness;

  beforeEach(async () => {
    server = await startPlatformServer();
    h = await openSourceHarness([instagramConnector]);
  });
  afterEach(async () => {
    await h.close();
    await server.close();
  });

  const addSource = (config: Record<string, unknown> = {}) =>
    h.addSource(
      'instagram',
      { igUserId: IG_USER, accessToken: TOKEN, apiBaseUrl: server.origin, ...config },
      'ig',
    );

  it('reads own media to the end with comments, then each hashtag’s recent media, with the documented requests', async () => {
    routes(server, {
      [`/v21.0/${IG_USER}/media`]: [
        json({
          data: [
            media('m2', '2026-11-23T07:00:00+0000', {
              comments_count: 1,
              username: 'quan1.official',
            }),
          ],
          paging: {
            cursors: { before: 'B', after: 'MEDIA_A1' },
            next: 'https://graph.facebook.com/n',
          },
        }),
        json({ data: [media('m1', '2026-11-22T07:00:00+0000', { username: 'quan1.official' })] }),
      ],
      '/v21.0/m2/comments': json({
        data: [
          {
            id: 'c1',
            text: 'Sáng nay tắc cả tiếng',
            timestamp: '2026-11-23T07:05:00+0000',
            username: 'minh.nguyen',
            like_count: 2,
          },
        ],
      }),
      '/v21.0/ig_hashtag_search?q=hanoi': json({ data: [{ id: HANOI }] }),
      // The hashtag guide shows a bare { id } answer: read too.
      '/v21.0/ig_hashtag_search?q=saigon': json({ id: SAIGON }),
      [`/v21.0/${HANOI}/recent_media`]: [
        // recent_media repeats the same `after` on every page; `next` decides.
        json({
          data: [media('h2', '2026-11-23T06:00:00+0000'), media('h1', '2026-11-23T07:30:00+0000')],
          paging: { cursors: { after: 'SAME' }, next: 'https://graph.facebook.com/n' },
        }),
        json({
          data: [media('h3', '2026-11-23T05:00:00+0000')],
          paging: { cursors: { after: 'SAME' } },
        }),
      ],
      [`/v21.0/${SAIGON}/recent_media`]: json({ data: [] }),
    });
    await addSource({ hashtags: ['#HaNoi', 'saigon'] });

    const outcome = await h.run('ig');

    assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
    const seen = server.requests.map((r) => [r.url.pathname, paramsOf(r)]);
    assert.deepEqual(seen, [
      [`/v21.0/${IG_USER}/media`, { fields: OWN_MEDIA_FIELDS }],
      ['/v21.0/m2/comments', { fields: COMMENT_FIELDS }],
      [`/v21.0/${IG_USER}/media`, { fields: OWN_MEDIA_FIELDS, after: 'MEDIA_A1' }],
      ['/v21.0/ig_hashtag_search', { user_id: IG_USER, q: 'hanoi' }],
      [
        `/v21.0/${HANOI}/recent_media`,
        { user_id: IG_USER, fields: HASHTAG_MEDIA_FIELDS, limit: '50' },
      ],
      [
        `/v21.0/${HANOI}/recent_media`,
        { user_id: IG_USER, fields: HASHTAG_MEDIA_FIELDS, limit: '50', after: 'SAME' },
      ],
      ['/v21.0/ig_hashtag_search', { user_id: IG_USER, q: 'saigon' }],
      [
        `/v21.0/${SAIGON}/recent_media`,
        { user_id: IG_USER, fields: HASHTAG_MEDIA_FIELDS, limit: '50' },
      ],
    ]);
    assert.ok(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`));
    const posts = await h.posts();
    assert.deepEqual(
      posts.map((p) => [p.id, p.kind, p.parentId, p.author?.id, p.author?.name]),
      [
        ['instagram:c1', 'comment', 'instagram:m2', 'minh.nguyen', 'minh.nguyen'],
        ['instagram:h1', 'post', undefined, undefined, undefined],
        ['instagram:h2', 'post', undefined, undefined, undefined],
        ['instagram:h3', 'post', undefined, undefined, undefined],
        ['instagram:m1', 'post', undefined, IG_USER, 'quan1.official'],
        ['instagram:m2', 'post', undefined, IG_USER, 'quan1.official'],
      ],
    );
    const m2 = posts.find((p) => p.id === 'instagram:m2')!;
    assert.deepEqual(m2.engagement, { likes: 5, comments: 1 });
    assert.equal(m2.url, 'https://www.instagram.com/p/m2/');
    assert.equal(m2.publishedAt, '2026-11-23T07:00:00.000Z');
    assert.deepEqual(JSON.parse((await h.cursor('ig'))!), {
      hashtagIds: { hanoi: HANOI, saigon: SAIGON },
      newest: { media: '2026-11-23T07:00:00.000Z', '#hanoi': '2026-11-23T07:30:00.000Z' },
    });
    assertNoSecrets(h, outcome);
  });

  it('a second run reuses the hashtag ids and stops own media at the newest one already seen', async () => {
    routes(server, {
      [`/v21.0/${IG_USER}/media`]: [
        json({ data: [media('m1', '2026-11-22T07:00:00+0000')] }),
        json({
          data: [
            media('m3', '2026-11-23T07:50:00+0000'),
            media('m1', '2026-11-22T07:00:00+0000'),
            media('m0', '2026-11-20T07:00:00+0000'),
          ],
          paging: { cursors: { after: 'OLDER' }, next: 'https://graph.facebook.com/n' },
        }),
      ],
      '/v21.0/ig_hashtag_search?q=hanoi': json({ data: [{ id: HANOI }] }),
      [`/v21.0/${HANOI}/recent_media`]: json({ data: [media('h1', '2026-11-23T07:30:00+0000')] }),
    });
    await addSource({ hashtags: ['hanoi'] });
    await h.run('ig');
    const before = server.requests.length;

    const second = await h.run('ig');

    assert.equal(second.ok, true);
    const paths = server.requests.slice(before).map((r) => r.url.pathname);
    assert.deepEqual(paths, [`/v21.0/${IG_USER}/media`, `/v21.0/${HANOI}/recent_media`]);
    assert.deepEqual(await ids(h), ['instagram:h1', 'instagram:m1', 'instagram:m3']);
    assert.equal(JSON.parse((await h.cursor('ig'))!).newest.media, '2026-11-23T07:50:00.000Z');
  });

  it('stores media dated in the future but keeps every stream mark within now + 10 minutes, so later media still arrives', async () => {
    const future = media('m9', '2099-01-01T00:00:00+0000');
    routes(server, {
      [`/v21.0/${IG_USER}/media`]: [
        json({ data: [future, media('m1', '2026-11-23T06:00:00+0000')] }),
        json({
          data: [
            future,
            media('m2', '2026-11-23T08:30:00+0000'),
            media('m1', '2026-11-23T06:00:00+0000'),
          ],
        }),
      ],
      '/v21.0/ig_hashtag_search?q=hanoi': json({ data: [{ id: HANOI }] }),
      [`/v21.0/${HANOI}/recent_media`]: json({
        data: [media('h9', '2098-05-05T00:00:00+0000'), media('h1', '2026-11-23T07:30:00+0000')],
      }),
    });
    await addSource({ hashtags: ['hanoi'] });
    const capMs = h.clock.now() + 10 * 60_000;

    const first = await h.run('ig');

    assert.equal(first.ok, true, first.error?.message);
    assert.deepEqual(await ids(h), [
      'instagram:h1',
      'instagram:h9',
      'instagram:m1',
      'instagram:m9',
    ]);
    const newest = JSON.parse((await h.cursor('ig'))!).newest as Record<string, string>;
    for (const [stream, time] of Object.entries(newest))
      assert.ok(Date.parse(time) <= capMs, `${stream} mark ${time} is past now + 10 min`);
    const warnings = h.logs.filter((line) => line.includes('in the future'));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /instagram: 2 item/);

    h.clock.advance(60 * 60_000);
    const second = await h.run('ig');

    assert.equal(second.ok, true, second.error?.message);
    assert.ok((await ids(h)).includes('instagram:m2'), 'the newer media was stored');
    const media2 = JSON.parse((await h.cursor('ig'))!).newest.media as string;
    assert.ok(Date.parse(media2) >= Date.parse('2026-11-23T08:30:00Z'));
    assert.ok(Date.parse(media2) <= h.clock.now() + 10 * 60_000);
  });

  it('maps an invalid token (code 190) to source.auth and stores nothing', async () => {
    routes(server, {
      [`/v21.0/${IG_USER}/media`]: json(
        {
          error: {
            message: 'Invalid OAuth access token.',
            type: 'OAuthException',
            code: 190,
            fbtrace_id: 'X1',
          },
        },
        400,
      ),
    });
    await addSource();

    const outcome = await h.run('ig');

    assert.equal(outcome.error?.code, 'source.auth');
    assert.deepEqual(await h.posts(), []);
    assert.equal(await h.cursor('ig'), undefined);
    assertNoSecrets(h, outcome);
  });

  it('skips a hashtag Graph refuses (sensitive) with a warning and reads the others', async () => {
    routes(server, {
      '/v21.0/ig_hashtag_search?q=bad': json(
        {
          error: {
            message: 'Invalid parameter',
            type: 'OAuthException',
            code: 100,
            error_subcode: 2207024,
          },
        },
        400,
      ),
      '/v21.0/ig_hashtag_search?q=hanoi': json({ data: [{ id: HANOI }] }),
      [`/v21.0/${HANOI}/recent_media`]: json({ data: [media('h1', '2026-11-23T07:30:00+0000')] }),
    });
    await addSource({ withOwnMedia: false, hashtags: ['bad', 'hanoi'] });

    const outcome = await h.run('ig');

    assert.equal(outcome.ok, true);
    assert.ok(h.logs.some((line) => line.includes('#bad skipped')));
    assert.deepEqual(await ids(h), ['instagram:h1']);
    assert.deepEqual(JSON.parse((await h.cursor('ig'))!).hashtagIds, { hanoi: HANOI });
  });

  it('fails the poll on an Instagram rate limit (code 80002) with the business wait', async () => {
    const usage = {
      [IG_USER]: [{ type: 'instagram', call_count: 100, estimated_time_to_regain_access: 12 }],
    };
    routes(server, {
      [`/v21.0/${IG_USER}/media`]: json(
        { error: { message: 'Too many calls', code: 80002 } },
        400,
        { 'x-business-use-case-usage': JSON.stringify(usage) },
      ),
    });
    await addSource({ hashtags: ['hanoi'] });

    const outcome = await h.run('ig');

    assert.equal(outcome.error?.code, 'source.rate_limited');
    assert.equal(outcome.error?.retryAfterMs, 12 * 60_000);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(await h.posts(), []);
  });

  it('waits for Retry-After on 429, retries a 503, and then reads', async () => {
    routes(server, {
      [`/v21.0/${IG_USER}/media`]: [
        json({ error: { message: 'slow down', code: 4 } }, 429, { 'retry-after': '3' }),
        json({ error: { message: 'Service unavailable', code: 2 } }, 503),
        json({ data: [media('m1', '2026-11-22T07:00:00+0000')] }),
      ],
    });
    await addSource();

    const outcome = await h.run('ig');

    assert.equal(outcome.ok, true);
    assert.equal(h.sleeps.length, 2);
    assert.equal(h.sleeps[0], 3000);
    assert.deepEqual(await ids(h), ['instagram:m1']);
    assert.equal(JSON.parse((await h.cursor('ig'))!).newest.media, '2026-11-22T07:00:00.000Z');
  });

  it('fails with source.bad_response on malformed JSON', async () => {
    routes(server, { [`/v21.0/${IG_USER}/media`]: json('{"data": [', 200) });
    await addSource();

    const outcome = await h.run('ig');

    assert.equal(outcome.error?.code, 'source.bad_response');
    assert.deepEqual(await h.posts(), []);
    assert.equal(await h.cursor('ig'), undefined);
  });

  it('stores partial media (hidden likes, no username), skips captionless media, and stores repeats once', async () => {
    const repeated = media('h1', '2026-11-23T07:30:00+0000');
    routes(server, {
      [`/v21.0/${IG_USER}/media`]: json({
        data: [
          {
            id: 'm5',
            caption: 'Không có like',
            timestamp: '2026-11-23T08:00:00+0000',
            comments_count: 0,
          },
          {
            id: 'm6',
            media_type: 'VIDEO',
            timestamp: '2026-11-23T07:00:00+0000',
            comments_count: 0,
          },
        ],
      }),
      '/v21.0/ig_hashtag_search?q=hanoi': json({ data: [{ id: HANOI }] }),
      [`/v21.0/${HANOI}/recent_media`]: [
        json({ data: [repeated], paging: { cursors: { after: 'SAME' }, next: 'https://g/n' } }),
        json({ data: [repeated, media('h2', '2026-11-23T07:10:00+0000')] }),
      ],
    });
    await addSource({ hashtags: ['hanoi'] });

    const outcome = await h.run('ig');

    assert.equal(outcome.ok, true);
    assert.equal(outcome.items, 3);
    assert.equal(outcome.rejected, 0);
    const posts = await h.posts();
    assert.deepEqual(
      posts.map((p) => p.id),
      ['instagram:h1', 'instagram:h2', 'instagram:m5'],
    );
    const m5 = posts.find((p) => p.id === 'instagram:m5')!;
    assert.deepEqual(
      [m5.author?.id, m5.author?.name, m5.engagement?.likes, m5.url],
      [IG_USER, undefined, undefined, undefined],
    );
    assert.equal(JSON.parse((await h.cursor('ig'))!).newest.media, '2026-11-23T08:00:00.000Z');
  });

  it('an empty account and hashtag store nothing and keep the hashtag id', async () => {
    routes(server, {
      [`/v21.0/${IG_USER}/media`]: json({ data: [] }),
      '/v21.0/ig_hashtag_search?q=hanoi': json({ data: [{ id: HANOI }] }),
      [`/v21.0/${HANOI}/recent_media`]: json({ data: [] }),
    });
    await addSource({ hashtags: ['hanoi'], withComments: false });

    const outcome = await h.run('ig');

    assert.equal(outcome.ok, true);
    assert.equal(outcome.items, 0);
    assert.deepEqual(JSON.parse((await h.cursor('ig'))!), {
      hashtagIds: { hanoi: HANOI },
      newest: {},
    });
  });
});
