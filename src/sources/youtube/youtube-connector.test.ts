import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { openSourceHarness } from '../../../test/sources/harness.js';
import type { SourceHarness } from '../../../test/sources/harness.js';
import { sendJson, startPlatformServer } from '../../../test/sources/platform-server.js';
import type {
  PlatformHandler,
  PlatformServer,
  RecordedRequest,
} from '../../../test/sources/platform-server.js';
import type { RunOutcome } from '../run-source.js';
import { youtubeConnector } from './index.js';

const API_KEY = 'AIzaSyD-test-KEY-0123456789abcdef';
const DAY_MS = 86_400_000;
/** 12:00 PST on 2026-11-23: twelve hours before the quota resets. */
const NOON_PACIFIC = Date.parse('2026-11-23T20:00:00Z');

type Json = Record<string, unknown>;

function fixture(name: string): Json {
  return JSON.parse(
    readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'),
  ) as Json;
}

/** Plays the YouTube Data API from the fixtures; `override` answers first when it returns true. */
function youtubeApi(
  override?: (request: RecordedRequest, response: ServerResponse) => boolean,
): PlatformHandler {
  const pages: Record<string, Json> = {
    '': fixture('search-page-1'),
    CAIQAA: fixture('search-page-2'),
  };
  const videos = fixture('videos');
  const comments: Record<string, [number, Json]> = {
    vidHanoi001: [200, fixture('comment-threads-hanoi')],
    vidDaNang02: [403, fixture('error-comments-disabled')],
    vidHue00003: [200, fixture('comment-threads-empty')],
    vidGone0004: [404, fixture('error-video-not-found')],
  };
  return (request, response) => {
    if (override?.(request, response) === true) return;
    const { pathname, searchParams } = request.url;
    if (pathname === '/youtube/v3/search')
      return sendJson(response, 200, pages[searchParams.get('pageToken') ?? ''] ?? { items: [] });
    if (pathname === '/youtube/v3/videos') {
      const ids = (searchParams.get('id') ?? '').split(',');
      const items = (videos.items as Json[]).filter((video) => ids.includes(String(video.id)));
      return sendJson(response, 200, { ...videos, items });
    }
    if (pathname === '/youtube/v3/commentThreads') {
      const [status, body] = comments[searchParams.get('videoId') ?? ''] ?? [
        200,
        fixture('comment-threads-empty'),
      ];
      return sendJson(response, status, body);
    }
    sendJson(response, 404, {
      error: { code: 404, message: 'Not Found', errors: [{ reason: 'notFound' }] },
    });
  };
}

interface Bench {
  h: SourceHarness;
  server: PlatformServer;
  run(): Promise<RunOutcome>;
  /** Stored posts by id. */
  posts(): Promise<Map<string, Json>>;
  cursor(): Promise<Json | undefined>;
  /** Query parameters of each request, by API resource. */
  calls(): Array<{ resource: string; params: Record<string, string> }>;
}

async function withYoutube(
  options: { handler: PlatformHandler; config?: Json; now?: number },
  test: (bench: Bench) => Promise<void>,
): Promise<void> {
  const server = await startPlatformServer(options.handler);
  const h = await openSourceHarness(
    [youtubeConnector],
    options.now === undefined ? {} : { now: options.now },
  );
  try {
    await h.addSource('youtube', {
      apiKey: API_KEY,
      query: 'ngập lụt',
      apiBaseUrl: `${server.origin}/youtube/v3`,
      ...options.config,
    });
    const outcomes: RunOutcome[] = [];
    await test({
      h,
      server,
      run: async () => {
        const outcome = await h.run('youtube-1');
        outcomes.push(outcome);
        return outcome;
      },
      posts: async () =>
        new Map((await h.posts()).map((post) => [post.id, post as unknown as Json])),
      cursor: async () => {
        const saved = await h.cursor('youtube-1');
        return saved === undefined ? undefined : (JSON.parse(saved) as Json);
      },
      calls: () =>
        server.requests.map((request) => ({
          resource: request.url.pathname.replace('/youtube/v3/', ''),
          params: Object.fromEntries(request.url.searchParams),
        })),
    });
    for (const outcome of outcomes) assert.ok(!JSON.stringify(outcome).includes(API_KEY));
    assert.ok(!h.logs.join('\n').includes(API_KEY), 'the API key never appears in a log line');
  } finally {
    await h.close();
    await server.close();
  }
}

const searchParams = (extra: Record<string, string> = {}): Record<string, string> => ({
  part: 'snippet',
  type: 'video',
  q: 'ngập lụt',
  order: 'date',
  regionCode: 'VN',
  relevanceLanguage: 'vi',
  maxResults: '50',
  key: API_KEY,
  ...extra,
});

const commentParams = (
  videoId: string,
  extra: Record<string, string> = {},
): Record<string, string> => ({
  part: 'snippet',
  videoId,
  order: 'time',
  maxResults: '100',
  textFormat: 'plainText',
  key: API_KEY,
  ...extra,
});

describe('youtube connector', () => {
  it('pages a search to its end: each page one batch of videos (statistics, full descriptions) and their comments', async () => {
    await withYoutube({ handler: youtubeApi() }, async ({ run, posts, cursor, calls, server }) => {
      const outcome = await run();

      assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
      assert.equal(outcome.batches, 2);
      assert.equal(outcome.items, 6);
      assert.deepEqual(calls(), [
        { resource: 'search', params: searchParams() },
        {
          resource: 'videos',
          params: { part: 'snippet,statistics', id: 'vidHanoi001,vidDaNang02', key: API_KEY },
        },
        { resource: 'commentThreads', params: commentParams('vidHanoi001') },
        { resource: 'commentThreads', params: commentParams('vidDaNang02') },
        { resource: 'search', params: searchParams({ pageToken: 'CAIQAA' }) },
        // vidDaNang02 came again on page 2: neither its statistics nor its comments are asked twice.
        {
          resource: 'videos',
          params: { part: 'snippet,statistics', id: 'vidHue00003,vidGone0004', key: API_KEY },
        },
        { resource: 'commentThreads', params: commentParams('vidHue00003') },
        { resource: 'commentThreads', params: commentParams('vidGone0004') },
      ]);
      for (const request of server.requests) {
        assert.equal(request.method, 'GET');
        assert.equal(request.headers.accept, 'application/json');
        assert.equal(
          request.headers.authorization,
          undefined,
          'an API key goes in `key`, not a header',
        );
        assert.match(String(request.headers['user-agent']), /^langnghe\//);
      }

      const stored = await posts();
      assert.deepEqual([...stored.keys()].sort(), [
        'youtube:UgxDeletedAuthor2XyZ4AaABAg',
        'youtube:UgzHanoiComment1AaBbCc4AaABAg',
        'youtube:vidDaNang02',
        'youtube:vidGone0004',
        'youtube:vidHanoi001',
        'youtube:vidHue00003',
      ]);
      const hanoi = stored.get('youtube:vidHanoi001');
      assert.equal(hanoi?.kind, 'video');
      assert.equal(hanoi?.title, 'Ngập lụt ở Hà Nội: "nước lên nhanh quá"');
      assert.equal(
        hanoi?.text,
        'Ngập lụt ở Hà Nội: "nước lên nhanh quá"\n\nMưa lớn kéo dài khiến nhiều tuyến phố ở Hà Nội ngập sâu. Người dân cho biết nước lên rất nhanh, xe máy chết máy hàng loạt.\n\n#hanoi #ngaplut',
      );
      assert.equal(hanoi?.url, 'https://www.youtube.com/watch?v=vidHanoi001');
      assert.equal(hanoi?.publishedAt, '2026-11-22T10:00:00.000Z');
      assert.deepEqual(hanoi?.author, { id: 'UCtinTucHaNoi0000000001', name: 'Tin Tức Hà Nội' });
      assert.deepEqual(hanoi?.engagement, { views: 15234, likes: 321, comments: 2 });
      // Hidden likes and disabled comments: statistics without likeCount and commentCount.
      assert.deepEqual(stored.get('youtube:vidDaNang02')?.engagement, { views: 880 });
      const hue = stored.get('youtube:vidHue00003');
      assert.equal(hue?.text, 'Huế sau lũ');
      assert.equal(hue?.engagement, undefined, 'no statistics part, no engagement');
      // Gone from videos.list after the search: the search snippet stands in, unescaped.
      const gone = stored.get('youtube:vidGone0004');
      assert.equal(gone?.title, "Kênh 'Sài Gòn' & chuyện ngập");
      assert.equal(gone?.text, "Kênh 'Sài Gòn' & chuyện ngập\n\nVideo đã bị xoá sau khi tìm kiếm");
      assert.deepEqual(gone?.author, { id: 'UCgone00000000000000004', name: 'Sài Gòn 24h' });
      assert.equal(gone?.engagement, undefined);

      const comment = stored.get('youtube:UgzHanoiComment1AaBbCc4AaABAg');
      assert.equal(comment?.kind, 'comment');
      assert.equal(comment?.parentId, 'youtube:vidHanoi001');
      assert.equal(comment?.text, 'Nhà mình ở Cầu Giấy cũng ngập đến đầu gối, khổ quá');
      assert.equal(
        comment?.url,
        'https://www.youtube.com/watch?v=vidHanoi001&lc=UgzHanoiComment1AaBbCc4AaABAg',
      );
      assert.equal(comment?.publishedAt, '2026-11-22T11:05:00.000Z');
      assert.deepEqual(comment?.author, { id: 'UCminhanh00000000000001', name: '@minhanh-hn' });
      assert.deepEqual(comment?.engagement, { likes: 12, comments: 3 });
      const orphan = stored.get('youtube:UgxDeletedAuthor2XyZ4AaABAg');
      assert.equal(
        orphan?.author,
        undefined,
        'a deleted author has no channel id and an empty name',
      );
      assert.deepEqual(orphan?.engagement, { likes: 0, comments: 0 });

      // 2 × (search 100 + videos 1 + 2 comment pages)
      assert.deepEqual(await cursor(), {
        publishedAfter: '2026-11-22T10:00:00Z',
        quotaDay: '2026-11-23',
        quotaUsed: 206,
      });
    });
  });

  it('asks the next run only for videos published at or after the newest one seen, and counts quota on the same Pacific day', async () => {
    let isSecondRun = false;
    const newer = {
      kind: 'youtube#searchListResponse',
      items: [
        {
          kind: 'youtube#searchResult',
          id: { kind: 'youtube#video', videoId: 'vidNewer005' },
          snippet: {
            publishedAt: '2026-11-23T07:30:00Z',
            channelId: 'UCx',
            title: 'Mới',
            channelTitle: 'X',
          },
        },
        (fixture('search-page-1').items as Json[])[0],
      ],
    };
    const handler = youtubeApi((request, response) => {
      if (!isSecondRun || request.url.pathname !== '/youtube/v3/search') return false;
      sendJson(response, 200, newer);
      return true;
    });
    await withYoutube(
      { handler, config: { withComments: false } },
      async ({ run, posts, cursor, calls, h }) => {
        assert.equal((await run()).ok, true);
        assert.deepEqual(await cursor(), {
          publishedAfter: '2026-11-22T10:00:00Z',
          quotaDay: '2026-11-23',
          quotaUsed: 202,
        });
        const before = calls().length;
        isSecondRun = true;
        h.clock.advance(15 * 60_000);

        const second = await run();

        assert.equal(second.ok, true);
        const asked = calls().slice(before);
        assert.deepEqual(asked, [
          { resource: 'search', params: searchParams({ publishedAfter: '2026-11-22T10:00:00Z' }) },
          {
            resource: 'videos',
            params: { part: 'snippet,statistics', id: 'vidNewer005,vidHanoi001', key: API_KEY },
          },
        ]);
        assert.equal((await posts()).size, 5);
        assert.equal((await posts()).get('youtube:vidNewer005')?.title, 'Mới');
        assert.deepEqual(await cursor(), {
          publishedAfter: '2026-11-23T07:30:00Z',
          quotaDay: '2026-11-23',
          quotaUsed: 303,
        });

        h.clock.advance(DAY_MS);
        await run();
        assert.deepEqual(await cursor(), {
          publishedAfter: '2026-11-23T07:30:00Z',
          quotaDay: '2026-11-24',
          quotaUsed: 101,
        });
      },
    );
  });

  it('stores a video dated in the future but never moves publishedAfter past now + 10 minutes, so later videos still arrive', async () => {
    const result = (videoId: string, publishedAt: string): Json => ({
      kind: 'youtube#searchResult',
      id: { kind: 'youtube#video', videoId },
      snippet: { publishedAt, channelId: 'UCx', title: videoId, channelTitle: 'X' },
    });
    const catalogue = [
      result('vidFuture99', '2099-01-01T00:00:00Z'),
      result('vidNormal01', '2026-11-23T07:00:00Z'),
    ];
    // Answers as search.list does: only videos published at or after `publishedAfter`.
    const handler = youtubeApi((request, response) => {
      if (request.url.pathname !== '/youtube/v3/search') return false;
      const after = Date.parse(request.url.searchParams.get('publishedAfter') ?? '1970-01-01Z');
      const items = catalogue.filter(
        (item) => Date.parse((item.snippet as Json).publishedAt as string) >= after,
      );
      sendJson(response, 200, { kind: 'youtube#searchListResponse', items });
      return true;
    });
    await withYoutube(
      { handler, config: { withComments: false }, now: Date.parse('2026-11-23T08:00:00Z') },
      async ({ run, posts, cursor, calls, h }) => {
        const capMs = h.clock.now() + 10 * 60_000;

        assert.equal((await run()).ok, true);

        assert.deepEqual([...(await posts()).keys()].sort(), [
          'youtube:vidFuture99',
          'youtube:vidNormal01',
        ]);
        const bound = (await cursor())?.publishedAfter as string;
        assert.ok(Date.parse(bound) <= capMs, `publishedAfter ${bound} is past now + 10 min`);
        const warnings = h.logs.filter((line) => line.includes('in the future'));
        assert.equal(warnings.length, 1);
        assert.match(warnings[0]!, /youtube: 1 item/);

        h.clock.advance(60 * 60_000);
        catalogue.push(result('vidNewer002', '2026-11-23T08:30:00Z'));
        const before = calls().length;

        assert.equal((await run()).ok, true);

        const search = calls()
          .slice(before)
          .find((call) => call.resource === 'search');
        assert.ok(Date.parse(search!.params.publishedAfter!) <= capMs);
        assert.ok((await posts()).has('youtube:vidNewer002'), 'the newer video was stored');
        const next = (await cursor())?.publishedAfter as string;
        assert.ok(Date.parse(next) >= Date.parse('2026-11-23T08:30:00Z'));
        assert.ok(Date.parse(next) <= h.clock.now() + 10 * 60_000);
      },
    );
  });

  it('reads comment pages up to maxCommentPagesPerVideo, and none with withComments false', async () => {
    const secondPage = { kind: 'youtube#commentThreadListResponse', items: [] };
    const handler = youtubeApi((request, response) => {
      if (request.url.searchParams.get('pageToken') !== 'QURTSl9pMlh6Z2tOaVE') return false;
      sendJson(response, 200, secondPage);
      return true;
    });
    await withYoutube(
      { handler, config: { maxCommentPagesPerVideo: 2, maxPages: 1 } },
      async ({ run, calls }) => {
        assert.equal((await run()).ok, true);
        assert.deepEqual(
          calls()
            .filter((call) => call.resource === 'commentThreads')
            .map((call) => call.params),
          [
            commentParams('vidHanoi001'),
            commentParams('vidHanoi001', { pageToken: 'QURTSl9pMlh6Z2tOaVE' }),
            commentParams('vidDaNang02'),
          ],
        );
      },
    );
    await withYoutube(
      { handler, config: { withComments: false } },
      async ({ run, calls, posts }) => {
        assert.equal((await run()).ok, true);
        assert.equal(calls().filter((call) => call.resource === 'commentThreads').length, 0);
        assert.equal((await posts()).size, 4);
      },
    );
  });

  it('stops at maxPages, moves the cursor to the newest video, and says older matches were skipped', async () => {
    await withYoutube(
      { handler: youtubeApi(), config: { maxPages: 1, maxResults: 2 } },
      async ({ run, calls, cursor, posts, h }) => {
        const outcome = await run();

        assert.equal(outcome.ok, true);
        assert.equal(calls().filter((call) => call.resource === 'search').length, 1);
        assert.equal(calls()[0]?.params.maxResults, '2');
        assert.equal((await posts()).size, 4);
        assert.deepEqual(await cursor(), {
          publishedAfter: '2026-11-22T10:00:00Z',
          quotaDay: '2026-11-23',
          quotaUsed: 103,
        });
        assert.ok(h.logs.some((line) => line.includes('maxPages (1)') && line.includes('"warn"')));
      },
    );
  });

  it('stores nothing and keeps no bound for an empty search page', async () => {
    const handler = youtubeApi((request, response) => {
      if (request.url.pathname !== '/youtube/v3/search') return false;
      sendJson(response, 200, {
        kind: 'youtube#searchListResponse',
        pageInfo: { totalResults: 0, resultsPerPage: 50 },
        items: [],
      });
      return true;
    });
    await withYoutube({ handler }, async ({ run, calls, cursor, posts }) => {
      const outcome = await run();

      assert.equal(outcome.ok, true);
      assert.equal(outcome.items, 0);
      assert.deepEqual(
        calls().map((call) => call.resource),
        ['search'],
        'no videos.list for no ids',
      );
      assert.equal((await posts()).size, 0);
      assert.deepEqual(await cursor(), { quotaDay: '2026-11-23', quotaUsed: 100 });
    });
  });

  it('fails with source.auth for an invalid API key (400 API_KEY_INVALID) and for a project without the API (403)', async () => {
    for (const [status, body] of [
      [400, fixture('error-key-invalid')],
      [
        400,
        {
          error: {
            code: 400,
            message: 'Bad Request',
            errors: [{ reason: 'keyInvalid', domain: 'usageLimits' }],
          },
        },
      ],
      [403, fixture('error-forbidden')],
      [
        403,
        {
          error: {
            code: 403,
            message: 'Forbidden',
            errors: [{ reason: 'forbidden', domain: 'global' }],
          },
        },
      ],
    ] as const) {
      const handler: PlatformHandler = (_request, response) => sendJson(response, status, body);
      await withYoutube({ handler }, async ({ run, cursor, posts, h }) => {
        const outcome = await run();

        assert.equal(outcome.ok, false);
        assert.equal(outcome.error?.code, 'source.auth');
        assert.match(outcome.error?.message ?? '', /search\.list answered (400|403)/);
        assert.match(outcome.error?.message ?? '', /YouTube Data API v3 is enabled/);
        assert.equal(h.sleeps.length, 0, 'an auth error is not retried');
        assert.equal((await posts()).size, 0);
        assert.deepEqual(await cursor(), { quotaDay: '2026-11-23', quotaUsed: 100 });
      });
    }
  });

  it('maps 403 quotaExceeded to source.rate_limited until midnight Pacific, keeping the page read so far and the bound', async () => {
    const handler = youtubeApi((request, response) => {
      if (request.url.searchParams.get('videoId') !== 'vidHanoi001') return false;
      sendJson(response, 403, fixture('error-quota-exceeded'));
      return true;
    });
    await withYoutube({ handler, now: NOON_PACIFIC }, async ({ run, cursor, posts, calls, h }) => {
      const outcome = await run();

      assert.equal(outcome.ok, false);
      assert.equal(outcome.error?.code, 'source.rate_limited');
      assert.equal(outcome.error?.retryAfterMs, 12 * 3_600_000);
      assert.match(
        outcome.error?.message ?? '',
        /daily quota .* used up .*quotaExceeded.* midnight Pacific Time, in 720 min/,
      );
      assert.deepEqual([...(await posts()).keys()].sort(), [
        'youtube:vidDaNang02',
        'youtube:vidHanoi001',
      ]);
      assert.deepEqual(await cursor(), { quotaDay: '2026-11-23', quotaUsed: 10_000 });

      const before = calls().length;
      const again = await run();
      assert.equal(again.ok, true, 'the same Pacific day, the run stops before asking');
      assert.equal(calls().length, before);
      assert.ok(h.logs.some((line) => line.includes('stopping before the next search.list page')));
    });
  });

  it('stops cleanly with a warning before passing dailyQuota, and goes on from the same bound the next Pacific day', async () => {
    await withYoutube(
      { handler: youtubeApi(), config: { dailyQuota: 102 } },
      async ({ run, cursor, posts, calls, h }) => {
        const outcome = await run();

        assert.equal(outcome.ok, true);
        assert.deepEqual(
          calls().map((call) => call.resource),
          ['search', 'videos', 'commentThreads'],
        );
        assert.deepEqual([...(await posts()).keys()].sort(), [
          'youtube:UgxDeletedAuthor2XyZ4AaABAg',
          'youtube:UgzHanoiComment1AaBbCc4AaABAg',
          'youtube:vidDaNang02',
          'youtube:vidHanoi001',
        ]);
        assert.deepEqual(await cursor(), { quotaDay: '2026-11-23', quotaUsed: 102 });
        assert.ok(
          h.logs.some((line) => line.includes('"warn"') && line.includes('dailyQuota 102')),
        );

        h.clock.advance(DAY_MS);
        const before = calls().length;
        await run();
        const next = calls()[before];
        assert.deepEqual(
          next,
          { resource: 'search', params: searchParams() },
          'no bound yet: the search starts over',
        );
        assert.deepEqual(await cursor(), { quotaDay: '2026-11-24', quotaUsed: 102 });
      },
    );
  });

  it('waits out a 429 Retry-After and a 503 on search.list, then reads on', async () => {
    let refusals = 0;
    const handler = youtubeApi((request, response) => {
      if (request.url.pathname !== '/youtube/v3/search' || refusals >= 2) return false;
      refusals++;
      if (refusals === 1)
        sendJson(
          response,
          429,
          { error: { code: 429, message: 'Too Many Requests' } },
          { 'retry-after': '7' },
        );
      else
        sendJson(response, 503, {
          error: { code: 503, message: 'Backend Error', errors: [{ reason: 'backendError' }] },
        });
      return true;
    });
    await withYoutube(
      { handler, config: { withComments: false } },
      async ({ run, h, posts, cursor }) => {
        const outcome = await run();

        assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
        assert.deepEqual(h.sleeps, [7000, 1500]);
        assert.equal((await posts()).size, 4);
        assert.equal((await cursor())?.publishedAfter, '2026-11-22T10:00:00Z');
      },
    );
  });

  it('fails with source.bad_response on malformed JSON, keeping the pages stored before it', async () => {
    for (const body of [
      '{"kind": "youtube#searchListResponse", "items": [',
      '{"items": "not a list"}',
    ]) {
      const handler = youtubeApi((request, response) => {
        if (request.url.searchParams.get('pageToken') !== 'CAIQAA') return false;
        response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
        response.end(body);
        return true;
      });
      await withYoutube({ handler }, async ({ run, posts, cursor }) => {
        const outcome = await run();

        assert.equal(outcome.ok, false);
        assert.equal(outcome.error?.code, 'source.bad_response');
        assert.equal((await posts()).size, 4, 'page 1: two videos and two comments');
        assert.deepEqual(
          await cursor(),
          { quotaDay: '2026-11-23', quotaUsed: 203 },
          'the bound waits for a search read to its end',
        );
      });
    }
  });

  it('refuses a config without a query or with maxResults over 50', async () => {
    await withYoutube(
      { handler: youtubeApi(), config: { query: '', maxResults: 51 } },
      async ({ run, calls }) => {
        const outcome = await run();

        assert.equal(outcome.error?.code, 'source.config');
        assert.match(outcome.error?.message ?? '', /query/);
        assert.match(outcome.error?.message ?? '', /maxResults/);
        assert.equal(calls().length, 0);
      },
    );
  });
});
