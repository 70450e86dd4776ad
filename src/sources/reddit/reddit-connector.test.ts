import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { HARNESS_NOW, openSourceHarness } from '../../../test/sources/harness.js';
import type { SourceHarness } from '../../../test/sources/harness.js';
import { sendJson, startPlatformServer } from '../../../test/sources/platform-server.js';
import type { PlatformServer, RecordedRequest } from '../../../test/sources/platform-server.js';
import { redditConnector } from './index.js';

const CLIENT_ID = 'app-id-123';
const CLIENT_SECRET = 'app-secret-s3cr3t-value';
const USER_AGENT = 'server:langnghe-test:v0.1 (by /u/tester)';
const NOW_S = HARNESS_NOW / 1000;

/** A `t3` child as Reddit's listings carry it. */
function link(id: string, ageSeconds: number, extra: Record<string, unknown> = {}): unknown {
  return {
    kind: 't3',
    data: {
      id,
      name: `t3_${id}`,
      title: `Title ${id}`,
      selftext: `Body of ${id}`,
      url: `https://www.reddit.com/r/vietnam/comments/${id}/title/`,
      permalink: `/r/vietnam/comments/${id}/title_${id}/`,
      created_utc: NOW_S - ageSeconds + 0.5,
      author: `user_${id}`,
      subreddit: 'vietnam',
      score: 10,
      ups: 10,
      num_comments: 3,
      ...extra,
    },
  };
}

function listing(children: unknown[], after: string | null): unknown {
  return { kind: 'Listing', data: { after, before: null, dist: children.length, children } };
}

let tokenCount = 0;

function answerToken(response: ServerResponse): void {
  tokenCount++;
  sendJson(response, 200, {
    access_token: `tok-${tokenCount}`,
    token_type: 'bearer',
    expires_in: 86400,
    scope: '*',
  });
}

const isToken = (request: RecordedRequest): boolean =>
  request.url.pathname === '/api/v1/access_token';
const apiRequests = (server: PlatformServer): RecordedRequest[] =>
  server.requests.filter((request) => !isToken(request));
const tokenRequests = (server: PlatformServer): RecordedRequest[] =>
  server.requests.filter(isToken);

function assertNoSecrets(h: SourceHarness, outcome: { error?: { message: string } }): void {
  const basic = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');
  for (const text of [...h.logs, outcome.error?.message ?? '']) {
    assert.equal(text.includes(CLIENT_SECRET), false, text);
    assert.equal(text.includes(basic), false, text);
    assert.equal(/tok-\d/.test(text), false, text);
  }
}

describe('redditConnector against a local Reddit', () => {
  let server: PlatformServer;
  let h: SourceHarness;

  beforeEach(async () => {
    tokenCount = 0;
    server = await startPlatformServer();
    h = await openSourceHarness([redditConnector]);
  });
  afterEach(async () => {
    await h.close();
    await server.close();
  });

  function addSource(config: Record<string, unknown> = {}): Promise<unknown> {
    return h.addSource('reddit', {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      subreddits: ['vietnam'],
      userAgent: USER_AGENT,
      authBaseUrl: server.origin,
      apiBaseUrl: server.origin,
      ...config,
    });
  }

  it('gets an app-only token with Basic auth, pages /new to the end and reuses the token', async () => {
    await addSource();
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      if (request.url.searchParams.get('after') === null)
        return sendJson(response, 200, listing([link('c', 10), link('b', 20)], 't3_b'));
      return sendJson(response, 200, listing([link('a', 30)], null));
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    const [token] = tokenRequests(server);
    assert.equal(tokenRequests(server).length, 1);
    assert.equal(token?.method, 'POST');
    assert.equal(
      token?.headers.authorization,
      `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
    );
    assert.equal(token?.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(token?.body, 'grant_type=client_credentials');
    assert.equal(token?.headers['user-agent'], USER_AGENT);
    const pages = apiRequests(server);
    assert.deepEqual(
      pages.map((request) => request.path),
      ['/r/vietnam/new?limit=100&raw_json=1', '/r/vietnam/new?limit=100&after=t3_b&raw_json=1'],
    );
    for (const page of pages) {
      assert.equal(page.method, 'GET');
      assert.equal(page.headers.authorization, 'bearer tok-1');
      assert.equal(page.headers['user-agent'], USER_AGENT);
    }
    const posts = await h.posts();
    assert.deepEqual(
      posts.map((post) => post.id),
      ['reddit:a', 'reddit:b', 'reddit:c'],
    );
    const c = posts.find((post) => post.id === 'reddit:c');
    assert.equal(c?.kind, 'post');
    assert.equal(c?.title, 'Title c');
    assert.equal(c?.text, 'Title c\n\nBody of c');
    assert.equal(c?.url, 'https://www.reddit.com/r/vietnam/comments/c/title_c/');
    assert.deepEqual(c?.author, { id: 'user_c', name: 'u/user_c' });
    assert.deepEqual(c?.engagement, { likes: 10, comments: 3 });
    assert.equal(c?.publishedAt, new Date((NOW_S - 10 + 0.5) * 1000).toISOString());
    assert.deepEqual(JSON.parse((await h.cursor('reddit-1')) ?? ''), {
      listings: { 'r/vietnam/new': { name: 't3_c', created: NOW_S - 10 + 0.5 } },
    });
    assertNoSecrets(h, outcome);
  });

  it('continues from the cursor: stops at the last run newest post and asks nothing older', async () => {
    await addSource();
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      return sendJson(response, 200, listing([link('b', 20), link('a', 30)], null));
    });
    await h.run('reddit-1');
    server.requests.length = 0;
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      return sendJson(response, 200, listing([link('d', 5), link('b', 20), link('a', 30)], 't3_a'));
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.equal(outcome.items, 1);
    assert.equal(apiRequests(server).length, 1, 'the page reaching the mark is the last one');
    assert.deepEqual(
      (await h.posts()).map((post) => post.id),
      ['reddit:a', 'reddit:b', 'reddit:d'],
    );
    assert.deepEqual(JSON.parse((await h.cursor('reddit-1')) ?? ''), {
      listings: { 'r/vietnam/new': { name: 't3_d', created: NOW_S - 5 + 0.5 } },
    });
  });

  it('stores a link dated in the future but never makes it the mark, so later posts still arrive', async () => {
    await addSource();
    const future = link('f', -(Date.parse('2099-01-01T00:00:00Z') / 1000 - NOW_S));
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      return sendJson(response, 200, listing([future, link('b', 20), link('a', 30)], null));
    });
    const capS = NOW_S + 10 * 60;

    const first = await h.run('reddit-1');

    assert.equal(first.ok, true, first.error?.message);
    assert.deepEqual(
      (await h.posts()).map((post) => post.id),
      ['reddit:a', 'reddit:b', 'reddit:f'],
    );
    const mark = JSON.parse((await h.cursor('reddit-1')) ?? '').listings['r/vietnam/new'];
    assert.ok(mark.created <= capS, `the mark ${mark.created} is past now + 10 min`);
    const warnings = h.logs.filter((line) => line.includes('in the future'));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /reddit: 1 item/);

    // An hour later a new post sits under the future-dated one at the top of /new.
    h.clock.advance(3600_000);
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      return sendJson(
        response,
        200,
        listing([future, link('d', -1800), link('b', 20), link('a', 30)], 't3_a'),
      );
    });

    const second = await h.run('reddit-1');

    assert.equal(second.ok, true, second.error?.message);
    assert.deepEqual(
      (await h.posts()).map((post) => post.id),
      ['reddit:a', 'reddit:b', 'reddit:d', 'reddit:f'],
    );
    const next = JSON.parse((await h.cursor('reddit-1')) ?? '').listings['r/vietnam/new'];
    assert.deepEqual(next, { name: 't3_d', created: NOW_S + 1800 + 0.5 });
  });

  it('gets a fresh token once when the API answers 401, then goes on', async () => {
    await addSource();
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      if (request.headers.authorization === 'bearer tok-1')
        return sendJson(response, 401, { message: 'Unauthorized', error: 401 });
      return sendJson(response, 200, listing([link('a', 30)], null));
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.equal(tokenRequests(server).length, 2);
    assert.deepEqual(
      apiRequests(server).map((request) => request.headers.authorization),
      ['bearer tok-1', 'bearer tok-2'],
    );
    assert.deepEqual(
      (await h.posts()).map((post) => post.id),
      ['reddit:a'],
    );
  });

  it('fails with source.auth when the fresh token is refused too, storing nothing', async () => {
    await addSource();
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      return sendJson(response, 401, { message: 'Unauthorized', error: 401 });
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.auth');
    assert.equal(tokenRequests(server).length, 2, 'one re-authentication, not a loop');
    assert.equal(apiRequests(server).length, 2);
    assert.deepEqual(await h.posts(), []);
    assert.equal(await h.cursor('reddit-1'), undefined);
    assertNoSecrets(h, outcome);
  });

  it('fails with source.auth when the credentials are refused at the token endpoint', async () => {
    await addSource();
    server.handle((request, response) => {
      if (isToken(request)) return sendJson(response, 401, { message: 'Unauthorized', error: 401 });
      return sendJson(response, 200, listing([link('a', 30)], null));
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.auth');
    assert.equal(tokenRequests(server).length, 1);
    assert.equal(apiRequests(server).length, 0);
    assertNoSecrets(h, outcome);
  });

  it('reads a 200 token answer carrying an OAuth error as source.auth', async () => {
    await addSource();
    server.handle((request, response) => {
      if (isToken(request)) return sendJson(response, 200, { error: 'unsupported_grant_type' });
      return sendJson(response, 200, listing([], null));
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.error?.code, 'source.auth');
    assert.match(outcome.error?.message ?? '', /unsupported_grant_type/);
    assert.equal(apiRequests(server).length, 0);
  });

  it('waits for Retry-After on 429 and then stores the page', async () => {
    await addSource();
    let isThrottled = true;
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      if (isThrottled) {
        isThrottled = false;
        return sendJson(
          response,
          429,
          { message: 'Too Many Requests', error: 429 },
          {
            'retry-after': '7',
          },
        );
      }
      return sendJson(response, 200, listing([link('a', 30)], null));
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.deepEqual(h.sleeps, [7000]);
    assert.deepEqual(
      (await h.posts()).map((post) => post.id),
      ['reddit:a'],
    );
    assert.ok((await h.cursor('reddit-1')) !== undefined);
  });

  it('retries a 503 and then stores the page', async () => {
    await addSource();
    let failures = 1;
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      if (failures-- > 0) return sendJson(response, 503, 'upstream connect error');
      return sendJson(response, 200, listing([link('a', 30)], null));
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.equal(h.sleeps.length, 1);
    assert.equal(apiRequests(server).length, 2);
    assert.equal((await h.posts()).length, 1);
  });

  it('stops before the next request when X-Ratelimit-Remaining reaches 0, keeping the cursor', async () => {
    await addSource();
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      return sendJson(response, 200, listing([link('b', 20)], 't3_b'), {
        'x-ratelimit-used': '100',
        'x-ratelimit-remaining': '0.0',
        'x-ratelimit-reset': '42',
      });
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.rate_limited');
    assert.equal(outcome.error?.retryAfterMs, 42_000);
    assert.equal(apiRequests(server).length, 1, 'nothing sent past the spent budget');
    assert.deepEqual(
      (await h.posts()).map((post) => post.id),
      ['reddit:b'],
      'what was read is stored',
    );
    assert.equal(await h.cursor('reddit-1'), undefined, 'the listing was not read to its end');
  });

  it('fails a malformed JSON answer with source.bad_response and keeps the old cursor', async () => {
    await addSource();
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      return sendJson(response, 200, listing([link('a', 30)], null));
    });
    await h.run('reddit-1');
    const before = await h.cursor('reddit-1');
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      return sendJson(response, 200, '{"kind": "Listing", "data": {"children": [');
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.bad_response');
    assert.equal(await h.cursor('reddit-1'), before);
    assert.equal((await h.posts()).length, 1);
  });

  it('fails an answer that is not a Listing with source.bad_response', async () => {
    await addSource();
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      return sendJson(response, 200, { kind: 'Listing', data: { after: null } });
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.error?.code, 'source.bad_response');
    assert.deepEqual(await h.posts(), []);
  });

  it('stores partial links (deleted author, removed text, no score) and skips non-links', async () => {
    await addSource();
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      return sendJson(
        response,
        200,
        listing(
          [
            { kind: 't1', data: { id: 'comment1', name: 't1_comment1', body: 'a comment' } },
            {
              kind: 't3',
              data: {
                id: 'p',
                name: 't3_p',
                title: 'Only a title',
                created_utc: NOW_S - 40,
                author: '[deleted]',
                selftext: '[removed]',
              },
            },
            { kind: 't3', data: { title: 'no id at all' } },
            link('q', 50, { selftext: '', score: undefined, num_comments: undefined }),
          ],
          null,
        ),
      );
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    const posts = await h.posts();
    assert.deepEqual(
      posts.map((post) => post.id),
      ['reddit:p', 'reddit:q'],
    );
    const [p, q] = posts;
    assert.equal(p?.text, 'Only a title');
    assert.equal(p?.author, undefined);
    assert.equal(p?.url, undefined);
    assert.equal(q?.text, 'Title q');
    assert.equal(q?.engagement, undefined);
    assert.deepEqual(JSON.parse((await h.cursor('reddit-1')) ?? ''), {
      listings: { 'r/vietnam/new': { name: 't3_p', created: NOW_S - 40 } },
    });
  });

  it('stores a link that shows up on two pages once', async () => {
    await addSource();
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      if (request.url.searchParams.get('after') === null)
        return sendJson(response, 200, listing([link('c', 10), link('b', 20)], 't3_b'));
      // A new post pushed b down a place between the two requests.
      return sendJson(response, 200, listing([link('b', 20), link('a', 30)], null));
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.equal(outcome.items, 3);
    assert.deepEqual(
      (await h.posts()).map((post) => post.id),
      ['reddit:a', 'reddit:b', 'reddit:c'],
    );
  });

  it('reads an empty listing as nothing new and saves an empty cursor', async () => {
    await addSource();
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      return sendJson(response, 200, listing([], null));
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.equal(outcome.items, 0);
    assert.deepEqual(await h.posts(), []);
    assert.deepEqual(JSON.parse((await h.cursor('reddit-1')) ?? ''), { listings: {} });
  });

  it('searches one subreddit and all of Reddit by new, with the documented parameters', async () => {
    await addSource({ subreddits: undefined, search: { query: 'Hà Nội', subreddit: 'r/vietnam' } });
    await h.addSource(
      'reddit',
      {
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        search: { query: 'phở' },
        authBaseUrl: server.origin,
        apiBaseUrl: server.origin,
      },
      'reddit-all',
    );
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      return sendJson(response, 200, listing([link('s', 15)], null));
    });

    assert.equal((await h.run('reddit-1')).ok, true);
    assert.equal((await h.run('reddit-all')).ok, true);

    const [inSub, everywhere] = apiRequests(server);
    assert.equal(inSub?.url.pathname, '/r/vietnam/search');
    assert.deepEqual(
      [...(inSub?.url.searchParams ?? [])],
      [
        ['q', 'Hà Nội'],
        ['restrict_sr', '1'],
        ['sort', 'new'],
        ['limit', '100'],
        ['raw_json', '1'],
      ],
    );
    assert.equal(everywhere?.url.pathname, '/search');
    assert.deepEqual(
      [...(everywhere?.url.searchParams ?? [])],
      [
        ['q', 'phở'],
        ['sort', 'new'],
        ['limit', '100'],
        ['raw_json', '1'],
      ],
    );
    assert.match(String(everywhere?.headers['user-agent']), /^server:langnghe:v0\.1/);
    assert.deepEqual(Object.keys(JSON.parse((await h.cursor('reddit-1')) ?? '').listings), [
      'search:vietnam:Hà Nội',
    ]);
  });

  it('reads each subreddit as its own listing with its own mark', async () => {
    await addSource({ subreddits: ['vietnam', 'VietNam_News'] });
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      const id = request.url.pathname.startsWith('/r/vietnam/') ? 'v' : 'n';
      return sendJson(response, 200, listing([link(id, 25)], null));
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.equal(tokenRequests(server).length, 1);
    assert.deepEqual(
      apiRequests(server).map((request) => request.url.pathname),
      ['/r/vietnam/new', '/r/VietNam_News/new'],
    );
    assert.deepEqual(Object.keys(JSON.parse((await h.cursor('reddit-1')) ?? '').listings), [
      'r/vietnam/new',
      'r/VietNam_News/new',
    ]);
  });

  it('gets a new token once the cached one has expired', async () => {
    await addSource({ subreddits: ['vietnam', 'hanoi'] });
    server.handle((request, response) => {
      if (isToken(request)) {
        tokenCount++;
        return sendJson(response, 200, {
          access_token: `tok-${tokenCount}`,
          token_type: 'bearer',
          expires_in: 3600,
        });
      }
      h.clock.advance(3600 * 1000);
      return sendJson(response, 200, listing([], null));
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.deepEqual(
      apiRequests(server).map((request) => request.headers.authorization),
      ['bearer tok-1', 'bearer tok-2'],
    );
  });

  it('reads only maxPages pages and moves the mark to the newest post', async () => {
    await addSource({ maxPages: 1 });
    server.handle((request, response) => {
      if (isToken(request)) return answerToken(response);
      return sendJson(response, 200, listing([link('c', 10), link('b', 20)], 't3_b'));
    });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.equal(apiRequests(server).length, 1);
    assert.equal(
      JSON.parse((await h.cursor('reddit-1')) ?? '').listings['r/vietnam/new'].name,
      't3_c',
    );
  });

  it('refuses a config with neither subreddits nor a search', async () => {
    await addSource({ subreddits: [] });

    const outcome = await h.run('reddit-1');

    assert.equal(outcome.error?.code, 'source.config');
    assert.equal(server.requests.length, 0);
  });
});
