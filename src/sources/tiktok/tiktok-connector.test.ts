import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { HARNESS_NOW, openSourceHarness } from '../../../test/sources/harness.js';
import type { SourceHarness } from '../../../test/sources/harness.js';
import { sendJson, startPlatformServer } from '../../../test/sources/platform-server.js';
import type { PlatformServer, RecordedRequest } from '../../../test/sources/platform-server.js';
import { tiktokConnector } from './index.js';

const CLIENT_KEY = 'research-key-123';
const CLIENT_SECRET = 'research-secret-s3cr3t-value';
const NOW_S = HARNESS_NOW / 1000;
/** 2026-11-23T08:00:00Z to the next 00:00 UTC. */
const UNTIL_MIDNIGHT_MS = 16 * 3600 * 1000;
const VIDEO_FIELDS =
  'id,video_description,create_time,region_code,share_count,view_count,like_count,comment_count,username,hashtag_names';
const COMMENT_FIELDS = 'id,video_id,text,like_count,reply_count,parent_comment_id,create_time';

/** Real video ids are int64s past 2^53: written to the wire as bare digits. */
const ID_A = '7306594312292453601';
const ID_B = '7306594312292453702';
const ID_C = '7306594312292453803';
const ID_D = '7306594312292453904';

/** JSON with every `"#digits"` string written as a bare integer, as TikTok sends int64s. */
function wire(value: unknown): string {
  return JSON.stringify(value).replace(/"#(\d+)"/g, '$1');
}

function video(id: string, ageSeconds: number, extra: Record<string, unknown> = {}): unknown {
  return {
    id: `#${id}`,
    video_description: `Video ${id.slice(-3)} #hanoi`,
    create_time: NOW_S - ageSeconds,
    region_code: 'VN',
    share_count: 4,
    view_count: 1000,
    like_count: 50,
    comment_count: 2,
    username: `creator_${id.slice(-3)}`,
    hashtag_names: ['hanoi'],
    ...extra,
  };
}

const OK = { code: 'ok', message: '', log_id: '20261123080000ABCDEF' };

function videoPage(
  videos: unknown[],
  options: { hasMore?: boolean; cursor?: number; searchId?: string } = {},
): string {
  return wire({
    data: {
      videos,
      cursor: options.cursor ?? 100,
      has_more: options.hasMore ?? false,
      search_id: options.searchId ?? 'S-1',
    },
    error: OK,
  });
}

function commentPage(videoId: string, count: number, hasMore = false, cursor = 100): string {
  const comments = Array.from({ length: count }, (_, i) => ({
    id: `#${videoId.slice(0, -3)}${videoId.slice(-1)}5${i}`,
    video_id: `#${videoId}`,
    text: `Comment ${i} on ${videoId.slice(-3)}`,
    like_count: i,
    reply_count: 0,
    parent_comment_id: `#${videoId}`,
    create_time: NOW_S - 5,
  }));
  return wire({ data: { comments, cursor, has_more: hasMore }, error: OK });
}

const TOKEN_PATH = '/v2/oauth/token/';
const VIDEO_PATH = '/v2/research/video/query/';
const COMMENT_PATH = '/v2/research/video/comment/list/';

let tokenCount = 0;

function answerToken(response: ServerResponse): void {
  tokenCount++;
  sendJson(response, 200, {
    access_token: `clt.tok-${tokenCount}`,
    expires_in: 7200,
    token_type: 'Bearer',
  });
}

const at = (path: string) => (request: RecordedRequest) => request.url.pathname === path;
const requestsTo = (server: PlatformServer, path: string): RecordedRequest[] =>
  server.requests.filter(at(path));
const bodyOf = (request: RecordedRequest | undefined): Record<string, unknown> =>
  JSON.parse(request?.body ?? 'null') as Record<string, unknown>;

function assertNoSecrets(h: SourceHarness, outcome: { error?: { message: string } }): void {
  for (const text of [...h.logs, outcome.error?.message ?? '']) {
    assert.equal(text.includes(CLIENT_SECRET), false, text);
    assert.equal(/clt\.tok-\d/.test(text), false, text);
  }
}

describe('tiktokConnector against a local Research API', () => {
  let server: PlatformServer;
  let h: SourceHarness;

  beforeEach(async () => {
    tokenCount = 0;
    server = await startPlatformServer();
    h = await openSourceHarness([tiktokConnector]);
  });
  afterEach(async () => {
    await h.close();
    await server.close();
  });

  function addSource(config: Record<string, unknown> = {}): Promise<unknown> {
    return h.addSource('tiktok', {
      clientKey: CLIENT_KEY,
      clientSecret: CLIENT_SECRET,
      keywords: ['phở', 'bún chả'],
      apiBaseUrl: server.origin,
      ...config,
    });
  }

  function serve(answers: {
    videos: (request: RecordedRequest, response: ServerResponse) => void;
    comments?: (request: RecordedRequest, response: ServerResponse) => void;
  }): void {
    server.handle((request, response) => {
      if (at(TOKEN_PATH)(request)) return answerToken(response);
      if (at(VIDEO_PATH)(request)) return answers.videos(request, response);
      if (at(COMMENT_PATH)(request) && answers.comments !== undefined)
        return answers.comments(request, response);
      return sendJson(response, 200, wire({ data: { comments: [], has_more: false }, error: OK }));
    });
  }

  it('gets a client token by form, pages the video query to the end and reads comments', async () => {
    await addSource();
    serve({
      videos: (request, response) => {
        if (bodyOf(request).cursor === 0)
          return sendJson(
            response,
            200,
            videoPage([video(ID_C, 60), video(ID_B, 120, { comment_count: 0 })], {
              hasMore: true,
              cursor: 100,
              searchId: 'S-1',
            }),
          );
        return sendJson(response, 200, videoPage([video(ID_A, 3600)], { cursor: 200 }));
      },
      comments: (request, response) => {
        const videoId = /"video_id":(\d+)/.exec(request.body)?.[1] ?? '';
        sendJson(response, 200, commentPage(videoId, 2));
      },
    });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    const tokens = requestsTo(server, TOKEN_PATH);
    assert.equal(tokens.length, 1, 'one token for the whole run');
    assert.equal(tokens[0]?.method, 'POST');
    assert.equal(tokens[0]?.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.deepEqual(Object.fromEntries(new URLSearchParams(tokens[0]?.body)), {
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
      grant_type: 'client_credentials',
    });
    const queries = requestsTo(server, VIDEO_PATH);
    assert.equal(queries.length, 2);
    for (const query of queries) {
      assert.equal(query.method, 'POST');
      assert.equal(query.path, `${VIDEO_PATH}?fields=${VIDEO_FIELDS}`);
      assert.equal(query.headers.authorization, 'Bearer clt.tok-1');
      assert.equal(query.headers['content-type'], 'application/json');
    }
    const expectedQuery = {
      and: [
        { operation: 'IN', field_name: 'region_code', field_values: ['VN'] },
        { operation: 'IN', field_name: 'keyword', field_values: ['phở', 'bún chả'] },
      ],
    };
    assert.deepEqual(bodyOf(queries[0]), {
      query: expectedQuery,
      start_date: '20261117',
      end_date: '20261123',
      max_count: 100,
      cursor: 0,
    });
    assert.deepEqual(bodyOf(queries[1]), {
      query: expectedQuery,
      start_date: '20261117',
      end_date: '20261123',
      max_count: 100,
      cursor: 100,
      search_id: 'S-1',
    });
    const comments = requestsTo(server, COMMENT_PATH);
    assert.deepEqual(
      comments.map((request) => request.body),
      [
        `{"video_id":${ID_C},"max_count":100,"cursor":0}`,
        `{"video_id":${ID_A},"max_count":100,"cursor":0}`,
      ],
      'exact int64 ids; no request for the video with no comments',
    );
    assert.equal(comments[0]?.path, `${COMMENT_PATH}?fields=${COMMENT_FIELDS}`);
    assert.equal(comments[0]?.headers.authorization, 'Bearer clt.tok-1');

    const posts = await h.posts();
    assert.equal(posts.length, 7);
    const c = posts.find((post) => post.id === `tiktok:${ID_C}`);
    assert.equal(c?.kind, 'video');
    assert.equal(c?.text, 'Video 803 #hanoi');
    assert.equal(c?.url, `https://www.tiktok.com/@creator_803/video/${ID_C}`);
    assert.deepEqual(c?.author, { id: 'creator_803', name: '@creator_803' });
    assert.deepEqual(c?.engagement, { likes: 50, comments: 2, shares: 4, views: 1000 });
    assert.equal(c?.publishedAt, new Date((NOW_S - 60) * 1000).toISOString());
    const comment = posts.find((post) => post.kind === 'comment' && post.text.endsWith('on 803'));
    assert.equal(comment?.id, `tiktok:${ID_C.slice(0, -3)}350`);
    assert.equal(comment?.parentId, `tiktok:${ID_C}`);
    assert.deepEqual(JSON.parse((await h.cursor('tiktok-1')) ?? ''), {
      newestId: ID_C,
      newestTime: NOW_S - 60,
    });
    assertNoSecrets(h, outcome);
  });

  it('continues from the cursor: asks from the newest video day and stops at it', async () => {
    await addSource({ withComments: false });
    serve({
      videos: (_request, response) => sendJson(response, 200, videoPage([video(ID_B, 120)])),
    });
    await h.run('tiktok-1');
    server.requests.length = 0;
    serve({
      videos: (_request, response) =>
        sendJson(
          response,
          200,
          videoPage([video(ID_D, 30), video(ID_C, 60), video(ID_B, 120), video(ID_A, 3600)], {
            hasMore: true,
          }),
        ),
    });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.equal(outcome.items, 2);
    const queries = requestsTo(server, VIDEO_PATH);
    assert.equal(queries.length, 1, 'the page reaching the last newest video is the last');
    assert.equal(bodyOf(queries[0]).start_date, '20261123');
    assert.deepEqual(
      (await h.posts()).map((post) => post.id),
      [`tiktok:${ID_B}`, `tiktok:${ID_C}`, `tiktok:${ID_D}`],
    );
    assert.deepEqual(JSON.parse((await h.cursor('tiktok-1')) ?? ''), {
      newestId: ID_D,
      newestTime: NOW_S - 30,
    });
  });

  it('keeps a search cut by maxPages in the cursor and resumes it with its search_id', async () => {
    await addSource({ withComments: false, maxPages: 1 });
    serve({
      videos: (_request, response) =>
        sendJson(response, 200, videoPage([video(ID_C, 60)], { hasMore: true, searchId: 'S-9' })),
    });

    const first = await h.run('tiktok-1');

    assert.equal(first.ok, true, first.error?.message);
    const pending = JSON.parse((await h.cursor('tiktok-1')) ?? '');
    assert.equal(pending.newestId, undefined, 'not finished: no mark yet');
    assert.equal(pending.pending.searchId, 'S-9');
    assert.equal(pending.pending.cursor, 100);
    assert.equal(pending.pending.newestId, ID_C);
    server.requests.length = 0;
    h.clock.advance(86_400_000);
    serve({
      videos: (_request, response) => sendJson(response, 200, videoPage([video(ID_A, 3600)])),
    });

    const second = await h.run('tiktok-1');

    assert.equal(second.ok, true, second.error?.message);
    const body = bodyOf(requestsTo(server, VIDEO_PATH)[0]);
    assert.equal(body.search_id, 'S-9');
    assert.equal(body.cursor, 100);
    assert.equal(body.start_date, '20261117', 'the resumed search keeps its window');
    assert.deepEqual(JSON.parse((await h.cursor('tiktok-1')) ?? ''), {
      newestId: ID_C,
      newestTime: NOW_S - 60,
    });
    assert.equal((await h.posts()).length, 2);
  });

  it('starts a search over when its saved search_id is refused', async () => {
    await addSource({ withComments: false, maxPages: 1 });
    serve({
      videos: (_request, response) =>
        sendJson(response, 200, videoPage([video(ID_C, 60)], { hasMore: true, searchId: 'S-9' })),
    });
    await h.run('tiktok-1');
    server.requests.length = 0;
    serve({
      videos: (request, response) => {
        if (bodyOf(request).search_id === 'S-9')
          return sendJson(response, 400, {
            data: {},
            error: { code: 'invalid_params', message: 'Invalid search_id', log_id: 'L1' },
          });
        return sendJson(response, 200, videoPage([video(ID_C, 60), video(ID_A, 3600)]));
      },
    });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    const [refused, fresh] = requestsTo(server, VIDEO_PATH);
    assert.equal(bodyOf(refused).search_id, 'S-9');
    assert.equal(bodyOf(fresh).search_id, undefined);
    assert.equal(bodyOf(fresh).cursor, 0);
    assert.equal(JSON.parse((await h.cursor('tiktok-1')) ?? '').newestId, ID_C);
  });

  it('gets a fresh token once on 401 access_token_invalid, then goes on', async () => {
    await addSource({ withComments: false });
    serve({
      videos: (request, response) => {
        if (request.headers.authorization === 'Bearer clt.tok-1')
          return sendJson(response, 401, {
            error: {
              code: 'access_token_invalid',
              message: 'The access token is invalid',
              log_id: 'L',
            },
          });
        return sendJson(response, 200, videoPage([video(ID_A, 3600)]));
      },
    });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.equal(requestsTo(server, TOKEN_PATH).length, 2);
    assert.deepEqual(
      requestsTo(server, VIDEO_PATH).map((request) => request.headers.authorization),
      ['Bearer clt.tok-1', 'Bearer clt.tok-2'],
    );
    assert.equal((await h.posts()).length, 1);
  });

  it('fails with source.auth when the fresh token is refused too, storing nothing', async () => {
    await addSource();
    serve({
      videos: (_request, response) =>
        sendJson(response, 401, {
          error: {
            code: 'access_token_invalid',
            message: 'The access token is invalid',
            log_id: 'L',
          },
        }),
    });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.auth');
    assert.match(outcome.error?.message ?? '', /access_token_invalid/);
    assert.equal(requestsTo(server, TOKEN_PATH).length, 2);
    assert.deepEqual(await h.posts(), []);
    assert.equal(await h.cursor('tiktok-1'), undefined);
    assertNoSecrets(h, outcome);
  });

  it('reads an OAuth error answer of the token endpoint as source.auth', async () => {
    await addSource();
    server.handle((request, response) => {
      if (at(TOKEN_PATH)(request))
        return sendJson(response, 200, {
          error: 'invalid_client',
          error_description: 'Client key or secret is incorrect.',
          log_id: 'L2',
        });
      return sendJson(response, 200, videoPage([]));
    });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.error?.code, 'source.auth');
    assert.match(outcome.error?.message ?? '', /invalid_client/);
    assert.equal(requestsTo(server, VIDEO_PATH).length, 0);
    assertNoSecrets(h, outcome);
  });

  it('maps an error struct in a 200 answer (scope_not_authorized) to source.auth', async () => {
    await addSource();
    serve({
      videos: (_request, response) =>
        sendJson(response, 200, {
          data: {},
          error: {
            code: 'scope_not_authorized',
            message: 'The user did not authorize the scope required for completing this request.',
            log_id: 'L3',
          },
        }),
    });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.error?.code, 'source.auth');
    assert.match(outcome.error?.message ?? '', /scope_not_authorized/);
  });

  it('waits for Retry-After on 429 and then stores the page', async () => {
    await addSource({ withComments: false });
    let isThrottled = true;
    serve({
      videos: (_request, response) => {
        if (isThrottled) {
          isThrottled = false;
          return sendJson(
            response,
            429,
            { error: { code: 'rate_limit_exceeded', message: 'slow down', log_id: 'L' } },
            { 'retry-after': '3' },
          );
        }
        return sendJson(response, 200, videoPage([video(ID_A, 3600)]));
      },
    });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.deepEqual(h.sleeps, [3000]);
    assert.equal((await h.posts()).length, 1);
  });

  it('stops at a lasting 429 (the daily quota) until 00:00 UTC, keeping the pages read', async () => {
    await addSource({ withComments: false });
    serve({
      videos: (request, response) => {
        if (bodyOf(request).cursor === 0)
          return sendJson(response, 200, videoPage([video(ID_C, 60)], { hasMore: true }));
        return sendJson(response, 429, {
          error: { code: 'rate_limit_exceeded', message: 'quota', log_id: 'L' },
        });
      },
    });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.rate_limited');
    assert.equal(outcome.error?.retryAfterMs, UNTIL_MIDNIGHT_MS);
    assert.deepEqual(
      (await h.posts()).map((post) => post.id),
      [`tiktok:${ID_C}`],
    );
    const cursor = JSON.parse((await h.cursor('tiktok-1')) ?? '');
    assert.deepEqual([cursor.pending.searchId, cursor.pending.cursor], ['S-1', 100]);
  });

  it('retries a 500 and then stores the page', async () => {
    await addSource({ withComments: false });
    let failures = 1;
    serve({
      videos: (_request, response) => {
        if (failures-- > 0)
          return sendJson(response, 500, {
            error: { code: 'internal_error', message: 'internal', log_id: 'L' },
          });
        return sendJson(response, 200, videoPage([video(ID_A, 3600)]));
      },
    });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.equal(h.sleeps.length, 1);
    assert.equal(requestsTo(server, VIDEO_PATH).length, 2, 'a POST query is retried');
  });

  it('fails malformed JSON with source.bad_response', async () => {
    await addSource();
    serve({ videos: (_request, response) => sendJson(response, 200, '{"data": {"videos": [') });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.error?.code, 'source.bad_response');
    assert.deepEqual(await h.posts(), []);
    assert.equal(await h.cursor('tiktok-1'), undefined);
  });

  it('stores partial videos and comments, skipping what has no id or no text', async () => {
    await addSource({ maxCommentPages: 2 });
    serve({
      videos: (_request, response) =>
        sendJson(
          response,
          200,
          videoPage([
            { id: `#${ID_D}`, video_description: '', hashtag_names: ['pho', 'hanoi'] },
            { video_description: 'no id' },
            video(ID_C, 60, { video_description: '', hashtag_names: [] }),
            { video_id: `#${ID_B}`, video_description: 'named video_id as in the docs example' },
          ]),
        ),
      comments: (request, response) => {
        if (!request.body.includes(ID_D)) return sendJson(response, 200, commentPage(ID_B, 0));
        if (request.body.endsWith('"cursor":0}'))
          return sendJson(
            response,
            200,
            wire({
              data: {
                comments: [
                  { id: `#${ID_D.slice(0, -1)}0`, text: 'ngon quá' },
                  { id: `#${ID_D.slice(0, -1)}1`, text: '   ' },
                  { text: 'no id' },
                ],
                cursor: 3,
                has_more: true,
              },
              error: OK,
            }),
          );
        return sendJson(response, 200, commentPage(ID_D, 0));
      },
    });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    const posts = await h.posts();
    assert.deepEqual(
      posts.map((post) => post.id).sort(),
      [`tiktok:${ID_B}`, `tiktok:${ID_D.slice(0, -1)}0`, `tiktok:${ID_D}`].sort(),
    );
    const d = posts.find((post) => post.id === `tiktok:${ID_D}`);
    assert.equal(d?.text, '#pho #hanoi');
    assert.equal(d?.url, undefined);
    assert.equal(d?.author, undefined);
    const reply = posts.find((post) => post.kind === 'comment');
    assert.equal(reply?.parentId, `tiktok:${ID_D}`);
    assert.equal(reply?.url, undefined);
    const comments = requestsTo(server, COMMENT_PATH).filter((r) => r.body.includes(ID_D));
    assert.deepEqual(
      comments.map((request) => bodyOf(request).cursor),
      [0, 3],
    );
    assert.equal(JSON.parse((await h.cursor('tiktok-1')) ?? '').newestId, ID_D);
  });

  it('stores a video that shows up on two pages once', async () => {
    await addSource({ withComments: false });
    serve({
      videos: (request, response) => {
        if (bodyOf(request).cursor === 0)
          return sendJson(
            response,
            200,
            videoPage([video(ID_C, 60), video(ID_B, 120)], { hasMore: true }),
          );
        return sendJson(response, 200, videoPage([video(ID_B, 120), video(ID_A, 3600)]));
      },
    });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.equal(outcome.items, 3);
    assert.equal((await h.posts()).length, 3);
  });

  it('reads an empty answer as nothing new', async () => {
    await addSource();
    serve({ videos: (_request, response) => sendJson(response, 200, videoPage([])) });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.equal(outcome.items, 0);
    assert.deepEqual(await h.posts(), []);
    assert.equal(await h.cursor('tiktok-1'), '{}');
    assert.equal(requestsTo(server, COMMENT_PATH).length, 0);
  });

  it('logs and skips the comments of a video TikTok refuses, keeping the video', async () => {
    await addSource();
    serve({
      videos: (_request, response) => sendJson(response, 200, videoPage([video(ID_A, 3600)])),
      comments: (_request, response) =>
        sendJson(response, 400, {
          error: { code: 'invalid_params', message: 'video not found', log_id: 'L' },
        }),
    });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.deepEqual(
      (await h.posts()).map((post) => post.id),
      [`tiktok:${ID_A}`],
    );
    assert.ok(h.logs.some((line) => line.includes(`comments of video ${ID_A} refused`)));
  });

  it('sends a configured query as it is and spends no more comment requests than allowed', async () => {
    const query = {
      and: [{ operation: 'EQ', field_name: 'hashtag_name', field_values: ['hanoi'] }],
      not: [{ operation: 'EQ', field_name: 'video_length', field_values: ['SHORT'] }],
    };
    await addSource({ keywords: undefined, query, maxCommentRequests: 1, lookbackDays: 30 });
    serve({
      videos: (_request, response) =>
        sendJson(response, 200, videoPage([video(ID_C, 60), video(ID_A, 3600)])),
      comments: (request, response) => sendJson(response, 200, commentPage(ID_C, 1)),
    });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    const body = bodyOf(requestsTo(server, VIDEO_PATH)[0]);
    assert.deepEqual(body.query, query);
    assert.equal(body.start_date, '20261025', 'thirty days, today included');
    assert.equal(requestsTo(server, COMMENT_PATH).length, 1);
  });

  it('finishes a search whose next cursor does not move, instead of resuming it forever', async () => {
    await addSource({ withComments: false });
    serve({
      // A page that names itself as the next one: paging on would read it again and again.
      videos: (_request, response) =>
        sendJson(response, 200, videoPage([video(ID_C, 60)], { hasMore: true, cursor: 100 })),
    });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.deepEqual(
      requestsTo(server, VIDEO_PATH).map((request) => bodyOf(request).cursor),
      [0, 100],
    );
    assert.deepEqual(JSON.parse((await h.cursor('tiktok-1')) ?? ''), {
      newestId: ID_C,
      newestTime: NOW_S - 60,
    });
    assert.ok(h.logs.some((line) => line.includes('did not move')));
  });

  it('reads a create_time far in the future without breaking the next run', async () => {
    await addSource({ withComments: false });
    serve({
      videos: (_request, response) =>
        sendJson(response, 200, videoPage([video(ID_C, 60, { create_time: 99_999_999_999_999 })])),
    });
    assert.equal((await h.run('tiktok-1')).ok, true);
    server.requests.length = 0;
    serve({ videos: (_request, response) => sendJson(response, 200, videoPage([])) });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    const body = bodyOf(requestsTo(server, VIDEO_PATH)[0]);
    assert.equal(body.start_date, '20261123', 'never after today');
    assert.equal(body.end_date, '20261123');
  });

  it('refuses a config with both a query and keywords', async () => {
    await addSource({
      query: { and: [{ operation: 'EQ', field_name: 'keyword', field_values: ['x'] }] },
    });

    const outcome = await h.run('tiktok-1');

    assert.equal(outcome.error?.code, 'source.config');
    assert.equal(server.requests.length, 0);
  });
});
