import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { HARNESS_NOW, openSourceHarness } from '../../../test/sources/harness.js';
import type { SourceHarness } from '../../../test/sources/harness.js';
import { sendJson, startPlatformServer } from '../../../test/sources/platform-server.js';
import type { PlatformServer, RecordedRequest } from '../../../test/sources/platform-server.js';
import { xSearchConnector } from './index.js';

const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAbearer-s3cr3t-value';
const QUERY = '(ngập OR "triều cường") lang:vi -is:retweet';
const FIELDS =
  'created_at,author_id,public_metrics,lang,conversation_id,referenced_tweets,entities';

const USERS = [
  {
    id: 'u1',
    name: 'Báo Hà Nội Mới',
    username: 'hanoimoi',
    public_metrics: { followers_count: 1200, following_count: 3, tweet_count: 90, listed_count: 4 },
  },
];

/** A Post as X v2 returns it with the fields the connector asks for. */
function tweet(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    text: `Nước ngập phố ${id}`,
    edit_history_tweet_ids: [id],
    created_at: '2026-11-23T07:00:00.000Z',
    author_id: 'u1',
    conversation_id: id,
    lang: 'vi',
    entities: { hashtags: [{ start: 0, end: 4, tag: 'ngap' }] },
    public_metrics: {
      retweet_count: 1,
      reply_count: 2,
      like_count: 3,
      quote_count: 4,
      bookmark_count: 0,
      impression_count: 50,
    },
    ...extra,
  };
}

/** A recent-search answer: Posts newest first, `meta` as documented. */
function page(ids: string[], nextToken?: string): unknown {
  return {
    data: ids.map((id) => tweet(id)),
    includes: { users: USERS },
    meta: {
      newest_id: ids[0],
      oldest_id: ids.at(-1),
      result_count: ids.length,
      ...(nextToken === undefined ? {} : { next_token: nextToken }),
    },
  };
}

type Answer = (response: ServerResponse) => void;

/** Answers requests in order; a request past the script fails the test. */
function script(server: PlatformServer, answers: Answer[]): void {
  const queue = [...answers];
  server.handle((_request, response) => {
    const next = queue.shift();
    if (next === undefined) sendJson(response, 599, { title: 'unexpected request' });
    else next(response);
  });
}

const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}): Answer =>
  (response) =>
    sendJson(response, status, body, headers);

function params(request: RecordedRequest | undefined): Record<string, string> {
  assert.ok(request, 'no request');
  return Object.fromEntries(request.url.searchParams);
}

function ids(h: SourceHarness): Promise<string[]> {
  return h.posts().then((posts) => posts.map((post) => post.id));
}

function assertNoSecret(h: SourceHarness, outcome: { error?: { message: string } }): void {
  for (const text of [...h.logs, outcome.error?.message ?? ''])
    assert.equal(text.includes(TOKEN), false, text);
}

describe('xSearchConnector against a local X API', () => {
  let server: PlatformServer;
  let h: SourceHarness;

  beforeEach(async () => {
    server = await startPlatformServer();
    h = await openSourceHarness([xSearchConnector]);
  });
  afterEach(async () => {
    await h.close();
    await server.close();
  });

  const addSource = (extra: Record<string, unknown> = {}): Promise<unknown> =>
    h.addSource(
      'x-search',
      { bearerToken: TOKEN, query: QUERY, apiBaseUrl: `${server.origin}/2`, ...extra },
      'xs',
    );

  it('pages with next_token to the end and keeps the first page newest id as since_id', async () => {
    await addSource();
    script(server, [
      json(page(['130', '120'], 'tok-2')),
      json(page(['110', '100'], 'tok-3')),
      json(page(['90'])),
    ]);

    const outcome = await h.run('xs');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.equal(outcome.items, 5);
    assert.equal(outcome.batches, 3);
    assert.deepEqual(await ids(h), ['x:100', 'x:110', 'x:120', 'x:130', 'x:90']);
    assert.equal(await h.cursor('xs'), JSON.stringify({ sinceId: '130' }));
    const [first, second, third] = server.requests;
    assert.equal(first?.url.pathname, '/2/tweets/search/recent');
    assert.equal(first?.method, 'GET');
    assert.equal(first?.headers.authorization, `Bearer ${TOKEN}`);
    assert.deepEqual(params(first), {
      query: QUERY,
      max_results: '100',
      'tweet.fields': FIELDS,
      expansions: 'author_id',
      'user.fields': 'name,username,public_metrics',
    });
    assert.deepEqual(params(second), { ...params(first), next_token: 'tok-2' });
    assert.deepEqual(params(third), { ...params(first), next_token: 'tok-3' });
    assertNoSecret(h, outcome);
  });

  it('maps a Post: author handle and followers, counts, URL, language, and a reply as a comment', async () => {
    await addSource({ maxResults: 10 });
    const reply = tweet('201', {
      referenced_tweets: [{ type: 'replied_to', id: '150' }],
      lang: 'und',
    });
    script(server, [
      json({
        data: [reply, tweet('200')],
        includes: { users: USERS },
        meta: { newest_id: '201', oldest_id: '200', result_count: 2 },
      }),
    ]);

    await h.run('xs');

    assert.equal(params(server.requests[0]).max_results, '10');
    const [post, comment] = await h.posts();
    assert.equal(post?.id, 'x:200');
    assert.equal(post?.kind, 'post');
    assert.equal(post?.url, 'https://x.com/hanoimoi/status/200');
    assert.equal(post?.text, 'Nước ngập phố 200');
    assert.equal(post?.lang, 'vi');
    assert.equal(post?.publishedAt, '2026-11-23T07:00:00.000Z');
    assert.deepEqual(post?.author, { id: 'u1', name: '@hanoimoi', followers: 1200 });
    assert.deepEqual(post?.engagement, { likes: 3, shares: 5, comments: 2, views: 50 });
    assert.equal(comment?.id, 'x:201');
    assert.equal(comment?.kind, 'comment');
    assert.equal(comment?.parentId, 'x:150');
    assert.equal(comment?.lang, undefined);
  });

  it('asks the next run only for newer Posts (since_id) and keeps the cursor on an empty page', async () => {
    await addSource();
    script(server, [
      json(page(['130', '120'])),
      json({ meta: { result_count: 0 } }),
      json(page(['150', '140'])),
    ]);

    await h.run('xs');
    const empty = await h.run('xs');
    const third = await h.run('xs');

    assert.equal(empty.ok, true);
    assert.equal(empty.items, 0);
    assert.equal(third.ok, true);
    const [, second, last] = server.requests;
    assert.equal(params(second).since_id, '130');
    assert.equal(params(second).next_token, undefined);
    assert.equal(params(last).since_id, '130');
    assert.equal(await h.cursor('xs'), JSON.stringify({ sinceId: '150' }));
    assert.equal((await h.posts()).length, 4);
  });

  it('resumes from next_token after a run that died on page 3, losing nothing', async () => {
    await addSource();
    script(server, [
      json(page(['100'])),
      // Run 2: two pages, then malformed JSON on the third.
      json(page(['300', '290'], 'tok-b')),
      json(page(['280', '270'], 'tok-c')),
      (response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"data":[{"id":"260",');
      },
      // Run 3: the third page again, then the last.
      json(page(['260', '250'], 'tok-d')),
      json(page(['240'])),
    ]);
    await h.run('xs');

    const crashed = await h.run('xs');

    assert.equal(crashed.ok, false);
    assert.equal(crashed.error?.code, 'source.bad_response');
    assert.equal(crashed.items, 4);
    assert.deepEqual(JSON.parse((await h.cursor('xs')) ?? ''), {
      sinceId: '100',
      nextToken: 'tok-c',
      pendingNewestId: '300',
    });

    const resumed = await h.run('xs');

    assert.equal(resumed.ok, true, resumed.error?.message);
    const third = server.requests[4];
    assert.equal(params(third).since_id, '100');
    assert.equal(params(third).next_token, 'tok-c');
    assert.equal(params(server.requests[5]).next_token, 'tok-d');
    assert.equal(await h.cursor('xs'), JSON.stringify({ sinceId: '300' }));
    assert.deepEqual(await ids(h), [
      'x:100',
      'x:240',
      'x:250',
      'x:260',
      'x:270',
      'x:280',
      'x:290',
      'x:300',
    ]);
  });

  it('leaves the rest of a long backlog to the next run once maxPages is read', async () => {
    await addSource({ maxPages: 2 });
    script(server, [
      json(page(['100'])),
      json(page(['500', '490'], 'p2')),
      json(page(['480', '470'], 'p3')),
      json(page(['460'])),
    ]);
    await h.run('xs');

    const limited = await h.run('xs');

    assert.equal(limited.ok, true);
    assert.equal(limited.batches, 2);
    assert.deepEqual(JSON.parse((await h.cursor('xs')) ?? ''), {
      sinceId: '100',
      nextToken: 'p3',
      pendingNewestId: '500',
    });

    await h.run('xs');

    assert.deepEqual(params(server.requests[3]), {
      ...params(server.requests[1]),
      next_token: 'p3',
    });
    assert.equal(await h.cursor('xs'), JSON.stringify({ sinceId: '500' }));
    assert.equal((await h.posts()).length, 6);
  });

  it('keeps only the newest maxPages pages on a first run (no since_id yet)', async () => {
    await addSource({ maxPages: 1 });
    script(server, [json(page(['900', '890'], 'older'))]);

    const outcome = await h.run('xs');

    assert.equal(outcome.ok, true);
    assert.equal(server.requests.length, 1);
    assert.equal(await h.cursor('xs'), JSON.stringify({ sinceId: '900' }));
  });

  it('ends the run when X hands back the next_token it was asked with', async () => {
    await addSource();
    script(server, [json(page(['100']))]);
    await h.run('xs');
    server.requests.length = 0;
    // Every answer names the same next page: following it would never end, run after run.
    server.handle((request, response) =>
      sendJson(
        response,
        200,
        page(request.url.searchParams.has('next_token') ? ['290'] : ['300'], 'same'),
      ),
    );

    const outcome = await h.run('xs');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.deepEqual(
      server.requests.map((request) => params(request).next_token),
      [undefined, 'same'],
    );
    assert.equal(await h.cursor('xs'), JSON.stringify({ sinceId: '300' }));
    assert.deepEqual(await ids(h), ['x:100', 'x:290', 'x:300']);
  });

  it('stores a Post once when X repeats it on the next page', async () => {
    await addSource();
    script(server, [json(page(['130', '120'], 'n')), json(page(['120', '110']))]);

    const outcome = await h.run('xs');

    assert.equal(outcome.ok, true);
    assert.equal(outcome.items, 3);
    assert.deepEqual(await ids(h), ['x:110', 'x:120', 'x:130']);
    assert.equal(await h.cursor('xs'), JSON.stringify({ sinceId: '130' }));
  });

  it('stores a partial page: no metrics, a deleted author, a bad entry and a partial errors array', async () => {
    await addSource();
    const bare = { id: '61', text: 'chỉ có chữ' };
    const orphan = tweet('62', { author_id: 'gone' });
    script(server, [
      json({
        data: [orphan, bare, { id: 'not-a-number', text: 'x' }],
        includes: { users: USERS },
        errors: [
          {
            value: 'gone',
            detail: 'Could not find user with id: [gone].',
            title: 'Not Found Error',
            resource_type: 'user',
            parameter: 'author_id',
            resource_id: 'gone',
            type: 'https://api.twitter.com/2/problems/resource-not-found',
          },
        ],
        meta: { newest_id: '62', oldest_id: '61', result_count: 3 },
      }),
    ]);

    const outcome = await h.run('xs');

    assert.equal(outcome.ok, true);
    const [barePost, orphanPost] = await h.posts();
    assert.equal(barePost?.id, 'x:61');
    assert.equal(barePost?.engagement, undefined);
    assert.equal(barePost?.author, undefined);
    assert.equal(barePost?.url, 'https://x.com/i/web/status/61');
    assert.deepEqual(orphanPost?.author, { id: 'gone' });
    assert.equal(orphanPost?.url, 'https://x.com/i/web/status/62');
    assert.equal(await h.cursor('xs'), JSON.stringify({ sinceId: '62' }));
    assert.ok(h.logs.some((line) => line.includes('Could not find user with id')));
    assert.ok(h.logs.some((line) => line.includes('1 unreadable posts')));
  });

  it('stores nothing on an empty first answer and saves an empty cursor', async () => {
    await addSource();
    script(server, [json({ meta: { result_count: 0 } })]);

    const outcome = await h.run('xs');

    assert.equal(outcome.ok, true);
    assert.equal(outcome.items, 0);
    assert.deepEqual(await h.posts(), []);
    assert.equal(await h.cursor('xs'), '{}');
  });

  it('fails with source.auth on 401 and keeps the cursor', async () => {
    await addSource();
    script(server, [
      json(page(['100'])),
      json(
        {
          title: 'Unauthorized',
          type: 'about:blank',
          status: 401,
          detail: 'Unauthorized',
        },
        401,
      ),
    ]);
    await h.run('xs');

    const outcome = await h.run('xs');

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.auth');
    assert.equal(server.requests.length, 2);
    assert.equal(await h.cursor('xs'), JSON.stringify({ sinceId: '100' }));
    assertNoSecret(h, outcome);
  });

  it('waits until x-rate-limit-reset on 429 and then reads on', async () => {
    await addSource();
    const reset = String(HARNESS_NOW / 1000 + 60);
    script(server, [
      json(
        {
          title: 'Too Many Requests',
          detail: 'Too Many Requests',
          type: 'about:blank',
          status: 429,
        },
        429,
        {
          'x-rate-limit-limit': '450',
          'x-rate-limit-remaining': '0',
          'x-rate-limit-reset': reset,
        },
      ),
      json(page(['100'])),
    ]);

    const outcome = await h.run('xs');

    assert.equal(outcome.ok, true);
    assert.deepEqual(h.sleeps, [60_000]);
    assert.deepEqual(await ids(h), ['x:100']);
  });

  it('hands a 15-minute rate-limit window to the scheduler as source.rate_limited', async () => {
    await addSource();
    script(server, [
      json({ title: 'Too Many Requests', type: 'about:blank', status: 429 }, 429, {
        'x-rate-limit-reset': String(HARNESS_NOW / 1000 + 900),
      }),
    ]);

    const outcome = await h.run('xs');

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.rate_limited');
    assert.equal(outcome.error?.retryAfterMs, 900_000);
    assert.equal(await h.cursor('xs'), undefined);
  });

  it('retries a 503 and stores the page that follows', async () => {
    await addSource();
    script(server, [
      json({ title: 'Service Unavailable', type: 'about:blank', status: 503 }, 503),
      json(page(['100'])),
    ]);

    const outcome = await h.run('xs');

    assert.equal(outcome.ok, true);
    assert.equal(h.sleeps.length, 1);
    assert.equal(server.requests.length, 2);
    assert.deepEqual(await ids(h), ['x:100']);
  });

  it('fails with source.bad_response on malformed JSON, storing nothing', async () => {
    await addSource();
    script(server, [
      (response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('<html>upstream error</html>');
      },
    ]);

    const outcome = await h.run('xs');

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.bad_response');
    assert.deepEqual(await h.posts(), []);
    assert.equal(await h.cursor('xs'), undefined);
  });

  it('reports an invalid query (400) as source.config with X detail', async () => {
    await addSource();
    script(server, [
      json(
        {
          errors: [
            {
              parameters: { query: [QUERY] },
              message: 'There were errors processing your request: no viable alternative at input',
            },
          ],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        },
        400,
      ),
    ]);

    const outcome = await h.run('xs');

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.config');
    assert.match(outcome.error?.message ?? '', /no viable alternative/);
    assert.equal(server.requests.length, 1);
  });

  it('starts over without since_id when X says it is older than 7 days', async () => {
    await addSource();
    script(server, [
      json(page(['100'])),
      json(
        {
          errors: [
            {
              parameters: { since_id: ['100'] },
              message:
                "'since_id' must be a tweet id created after 2026-11-16T08:00Z. Please use a 'since_id' that is larger than 700",
            },
          ],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        },
        400,
      ),
      json(page(['900'])),
    ]);
    await h.run('xs');

    const outcome = await h.run('xs');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.equal(params(server.requests[1]).since_id, '100');
    assert.equal(params(server.requests[2]).since_id, undefined);
    assert.equal(await h.cursor('xs'), JSON.stringify({ sinceId: '900' }));
  });

  it('refuses a config whose max_results is out of range before any request', async () => {
    await h.addSource('x-search', { bearerToken: TOKEN, query: QUERY, maxResults: 5 }, 'bad');

    const outcome = await h.run('bad');

    assert.equal(outcome.error?.code, 'source.config');
    assert.equal(server.requests.length, 0);
    assertNoSecret(h, outcome);
  });
});
