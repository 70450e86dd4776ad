import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { HARNESS_NOW, openSourceHarness } from '../../../test/sources/harness.js';
import type { SourceHarness } from '../../../test/sources/harness.js';
import { sendJson, startPlatformServer } from '../../../test/sources/platform-server.js';
import type { PlatformServer, RecordedRequest } from '../../../test/sources/platform-server.js';
import { xStreamConnector } from './index.js';

const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAstream-s3cr3t-value';
const FIELDS =
  'created_at,author_id,public_metrics,lang,conversation_id,referenced_tweets,entities';
const RULES = [
  { value: 'ngập lang:vi', tag: 'ngập' },
  { value: '"triều cường" -is:retweet', tag: 'triều' },
];
const SENT = '2026-11-23T08:00:00.000Z';

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One stream message as X sends it: a Post, its author, the rules it matched. */
function tweetLine(id: string, text = `Nước ngập ${id}`): string {
  return JSON.stringify({
    data: {
      id,
      text,
      edit_history_tweet_ids: [id],
      author_id: 'u9',
      created_at: '2026-11-23T07:59:00.000Z',
      lang: 'vi',
      public_metrics: { retweet_count: 0, reply_count: 1, like_count: 2, quote_count: 0 },
    },
    includes: {
      users: [{ id: 'u9', name: 'Người dân', username: 'nguoidan', public_metrics: {} }],
    },
    matching_rules: [{ id: '1001', tag: 'ngập' }],
  });
}

type StreamScript = (response: ServerResponse) => Promise<void>;

interface XRoutes {
  /** The rules X already has for the app. */
  existing?: Array<{ id: string; value: string; tag?: string }>;
  /** Answers to the rule changes, in order (default: a plain success). */
  ruleAnswers?: Array<(response: ServerResponse) => void>;
  stream?: StreamScript;
}

/** Plays the filtered-stream endpoints: rules lookup, rule changes, and the stream itself. */
function routes(server: PlatformServer, options: XRoutes): void {
  const ruleAnswers = [...(options.ruleAnswers ?? [])];
  server.handle(async (request, response) => {
    const path = request.url.pathname;
    if (path === '/2/tweets/search/stream/rules' && request.method === 'GET') {
      const existing = options.existing ?? [];
      sendJson(response, 200, {
        ...(existing.length === 0 ? {} : { data: existing }),
        meta: { sent: SENT, result_count: existing.length },
      });
    } else if (path === '/2/tweets/search/stream/rules' && request.method === 'POST') {
      const answer = ruleAnswers.shift();
      if (answer !== undefined) answer(response);
      else sendJson(response, 200, { meta: { sent: SENT, summary: {} } });
    } else if (path === '/2/tweets/search/stream') {
      response.writeHead(200, { 'content-type': 'application/json' });
      await (options.stream ?? (async (r) => void r.end('\r\n')))(response);
    } else sendJson(response, 404, { title: 'Not Found' });
  });
}

function write(response: ServerResponse, chunk: string | Buffer): void {
  if (!response.destroyed && !response.writableEnded) response.write(chunk);
}

function streamRequest(server: PlatformServer): RecordedRequest | undefined {
  return server.requests.find((request) => request.url.pathname === '/2/tweets/search/stream');
}

function ruleChanges(server: PlatformServer): RecordedRequest[] {
  return server.requests.filter((request) => request.method === 'POST');
}

function assertNoSecret(h: SourceHarness, outcome: { error?: { message: string } }): void {
  for (const text of [...h.logs, outcome.error?.message ?? ''])
    assert.equal(text.includes(TOKEN), false, text);
}

describe('xStreamConnector against a local X API', () => {
  let server: PlatformServer;
  let h: SourceHarness;

  beforeEach(async () => {
    server = await startPlatformServer();
    h = await openSourceHarness([xStreamConnector]);
  });
  afterEach(async () => {
    await h.close();
    await server.close();
  });

  const addSource = (extra: Record<string, unknown> = {}): Promise<unknown> =>
    h.addSource(
      'x-stream',
      { bearerToken: TOKEN, rules: RULES, apiBaseUrl: `${server.origin}/2`, ...extra },
      'xt',
    );

  it('makes the rules on X equal the configured ones (delete, then add), then connects', async () => {
    await addSource();
    routes(server, {
      existing: [
        { id: '1001', value: 'ngập lang:vi', tag: 'ngập' },
        { id: '1002', value: 'old rule' },
        { id: '1003', value: '"triều cường" -is:retweet', tag: 'old tag' },
      ],
      ruleAnswers: [
        (response) =>
          sendJson(response, 200, {
            meta: { sent: SENT, summary: { deleted: 2, not_deleted: 0 } },
          }),
        (response) =>
          sendJson(response, 200, {
            data: [{ value: '"triều cường" -is:retweet', tag: 'triều', id: '1004' }],
            meta: { sent: SENT, summary: { created: 1, not_created: 0, valid: 1, invalid: 0 } },
          }),
      ],
    });

    const outcome = await h.run('xt');

    assert.equal(outcome.ok, true, outcome.error?.message);
    const [lookup, remove, add, stream] = server.requests;
    assert.equal(lookup?.method, 'GET');
    assert.equal(lookup?.url.pathname, '/2/tweets/search/stream/rules');
    assert.equal(lookup?.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(remove?.url.pathname, '/2/tweets/search/stream/rules');
    assert.equal(remove?.headers['content-type'], 'application/json');
    assert.equal(remove?.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(remove?.body, JSON.stringify({ delete: { ids: ['1002', '1003'] } }));
    assert.equal(
      add?.body,
      JSON.stringify({ add: [{ value: '"triều cường" -is:retweet', tag: 'triều' }] }),
    );
    assert.equal(stream?.method, 'GET');
    assert.equal(stream?.url.pathname, '/2/tweets/search/stream');
    assert.equal(stream?.headers.authorization, `Bearer ${TOKEN}`);
    assert.deepEqual(Object.fromEntries(stream?.url.searchParams ?? []), {
      'tweet.fields': FIELDS,
      expansions: 'author_id',
      'user.fields': 'name,username,public_metrics',
    });
    assertNoSecret(h, outcome);
  });

  it('adds every rule to an empty rule set and changes nothing when they already match', async () => {
    await addSource({ rules: [{ value: 'ngập' }, { value: 'lụt', tag: '' }] });
    routes(server, {});

    await h.run('xt');

    assert.deepEqual(
      ruleChanges(server).map((request) => request.body),
      [JSON.stringify({ add: [{ value: 'ngập' }, { value: 'lụt' }] })],
    );

    server.requests.length = 0;
    routes(server, {
      existing: [
        { id: '1', value: 'ngập' },
        { id: '2', value: 'lụt' },
      ],
    });
    await h.run('xt');

    assert.deepEqual(ruleChanges(server), []);
    assert.ok(streamRequest(server));
  });

  it('reads Posts split across chunks, skipping keep-alives, error and unreadable lines, until X closes', async () => {
    await addSource();
    const body = Buffer.from(
      [
        '',
        tweetLine('501'),
        '',
        JSON.stringify({
          errors: [
            {
              title: 'operational-disconnect',
              disconnect_type: 'UpstreamOperationalDisconnect',
              detail: 'This stream has been disconnected upstream for operational reasons.',
              type: 'https://api.twitter.com/2/problems/operational-disconnect',
            },
          ],
        }),
        '{"data":{"id":"50',
        tweetLine('502', 'Hà Nội ngập sâu'),
        '',
      ].join('\r\n'),
    );
    const accented = body.indexOf(Buffer.from('à'));
    const cuts = [5, 60, accented + 1, body.indexOf('\r\n', accented) + 1];
    routes(server, {
      existing: RULES.map((rule, index) => ({ id: String(index), ...rule })),
      stream: async (response) => {
        let start = 0;
        for (const cut of cuts) {
          write(response, body.subarray(start, cut));
          start = cut;
          await delay(20);
        }
        write(response, body.subarray(start));
        response.end();
      },
    });

    const outcome = await h.run('xt');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.equal(outcome.items, 2);
    assert.equal(outcome.cursor, undefined);
    assert.equal(await h.cursor('xt'), undefined);
    const posts = await h.posts();
    assert.deepEqual(
      posts.map((post) => [post.id, post.text, post.url, post.author?.name]),
      [
        ['x:501', 'Nước ngập 501', 'https://x.com/nguoidan/status/501', '@nguoidan'],
        ['x:502', 'Hà Nội ngập sâu', 'https://x.com/nguoidan/status/502', '@nguoidan'],
      ],
    );
    assert.deepEqual(posts[0]?.engagement, { likes: 2, shares: 0, comments: 1 });
    assert.ok(h.logs.some((line) => line.includes('operational-disconnect')));
    assert.ok(h.logs.some((line) => line.includes('unreadable line skipped')));
    assert.ok(h.logs.some((line) => line.includes('X closed the connection')));
    assertNoSecret(h, outcome);
  });

  it('hands over a batch about a second after a Post arrives, while the connection stays open', async () => {
    await addSource();
    let storedAfterMs = -1;
    routes(server, {
      existing: RULES.map((rule, index) => ({ id: String(index), ...rule })),
      stream: async (response) => {
        const start = performance.now();
        write(response, `${tweetLine('601')}\r\n`);
        while (performance.now() - start < 4000) {
          if ((await h.posts()).length > 0) {
            storedAfterMs = performance.now() - start;
            break;
          }
          write(response, '\r\n');
          await delay(50);
        }
        write(response, `${tweetLine('602')}\r\n`);
        response.end();
      },
    });

    const outcome = await h.run('xt');

    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.ok(storedAfterMs >= 900 && storedAfterMs < 2000, `stored after ${storedAfterMs} ms`);
    assert.equal(outcome.batches, 2);
    assert.equal(outcome.items, 2);
  });

  it('hands over full batches of 100', async () => {
    await addSource();
    const lines = Array.from({ length: 150 }, (_, index) => tweetLine(String(1000 + index)));
    routes(server, {
      existing: RULES.map((rule, index) => ({ id: String(index), ...rule })),
      stream: async (response) => {
        write(response, `${lines.join('\r\n')}\r\n`);
        response.end();
      },
    });

    const outcome = await h.run('xt');

    assert.equal(outcome.ok, true);
    assert.equal(outcome.batches, 2);
    assert.equal(outcome.items, 150);
    assert.equal((await h.posts()).length, 150);
  });

  it('drops a connection that stays silent past stallTimeoutMs', async () => {
    await addSource({ stallTimeoutMs: 300 });
    let isClosedByClient = false;
    routes(server, {
      existing: RULES.map((rule, index) => ({ id: String(index), ...rule })),
      stream: async (response) => {
        response.on('close', () => {
          isClosedByClient = true;
        });
        write(response, `${tweetLine('701')}\r\n`);
      },
    });
    const start = performance.now();

    const outcome = await h.run('xt');

    const elapsed = performance.now() - start;
    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.ok(elapsed >= 300 && elapsed < 2000, `ended after ${elapsed} ms`);
    assert.deepEqual(
      (await h.posts()).map((post) => post.id),
      ['x:701'],
    );
    assert.ok(h.logs.some((line) => line.includes('not even a keep-alive')));
    await delay(50);
    assert.equal(isClosedByClient, true);
  });

  it('keeps a quiet connection that sends keep-alives open past stallTimeoutMs', async () => {
    await addSource({ stallTimeoutMs: 300 });
    routes(server, {
      existing: RULES.map((rule, index) => ({ id: String(index), ...rule })),
      stream: async (response) => {
        for (let beat = 0; beat < 9; beat++) {
          write(response, '\r\n');
          await delay(100);
        }
        response.end();
      },
    });
    const start = performance.now();

    const outcome = await h.run('xt');

    assert.equal(outcome.ok, true);
    assert.ok(performance.now() - start >= 850);
    assert.equal(
      h.logs.some((line) => line.includes('not even a keep-alive')),
      false,
    );
    assert.ok(h.logs.some((line) => line.includes('X closed the connection')));
  });

  it('stops reading promptly when the signal aborts, storing what arrived', async () => {
    await addSource();
    routes(server, {
      existing: RULES.map((rule, index) => ({ id: String(index), ...rule })),
      stream: async (response) => {
        write(response, `${tweetLine('801')}\r\n`);
        while (!response.destroyed) {
          write(response, '\r\n');
          await delay(50);
        }
      },
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const start = performance.now();

    const outcome = await h.run('xt', controller.signal);

    const elapsed = performance.now() - start;
    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.ok(elapsed < 800, `stopped after ${elapsed} ms`);
    assert.deepEqual(
      (await h.posts()).map((post) => post.id),
      ['x:801'],
    );
  });

  it('stores what arrived and fails with source.network when the connection breaks', async () => {
    await addSource();
    routes(server, {
      existing: RULES.map((rule, index) => ({ id: String(index), ...rule })),
      stream: async (response) => {
        write(response, `${tweetLine('901')}\r\n{"data":{"id":"9`);
        await delay(50);
        response.socket?.destroy();
      },
    });

    const outcome = await h.run('xt');

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.network');
    assert.equal(outcome.items, 1);
    assert.deepEqual(
      (await h.posts()).map((post) => post.id),
      ['x:901'],
    );
  });

  it('reports TooManyConnections (429) as source.rate_limited with the reset wait, without retrying', async () => {
    await addSource();
    server.handle((request, response) => {
      if (request.url.pathname === '/2/tweets/search/stream/rules')
        sendJson(response, 200, {
          data: RULES.map((rule, index) => ({ id: String(index), ...rule })),
          meta: { sent: SENT, result_count: 2 },
        });
      else
        sendJson(
          response,
          429,
          {
            title: 'ConnectionException',
            detail: 'This stream is currently at the maximum allowed connection limit.',
            connection_issue: 'TooManyConnections',
            type: 'https://api.twitter.com/2/problems/streaming-connection',
          },
          { 'x-rate-limit-reset': String(HARNESS_NOW / 1000 + 30) },
        );
    });

    const outcome = await h.run('xt');

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.rate_limited');
    assert.match(outcome.error?.message ?? '', /TooManyConnections/);
    assert.equal(outcome.error?.retryAfterMs, 30_000);
    assert.deepEqual(h.sleeps, []);
    assert.equal(server.requests.length, 2);
    assertNoSecret(h, outcome);
  });

  it('fails with source.auth when X refuses the token on the rules lookup', async () => {
    await addSource();
    server.handle((_request, response) =>
      sendJson(response, 401, {
        title: 'Unauthorized',
        type: 'about:blank',
        status: 401,
        detail: 'Unauthorized',
      }),
    );

    const outcome = await h.run('xt');

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.auth');
    assert.equal(server.requests.length, 1);
    assertNoSecret(h, outcome);
  });

  it('fails with source.config on an invalid rule but connects past a DuplicateRule', async () => {
    await addSource({ rules: [{ value: '(ngập' }] });
    routes(server, {
      ruleAnswers: [
        (response) =>
          sendJson(response, 400, {
            meta: { sent: SENT, summary: { created: 0, not_created: 1, valid: 0, invalid: 1 } },
            errors: [
              {
                value: '(ngập',
                details: ['Rules must contain balanced parentheses.'],
                title: 'Invalid Rule',
                type: 'https://api.twitter.com/2/problems/invalid-rules',
              },
            ],
          }),
        (response) =>
          sendJson(response, 200, {
            meta: { sent: SENT, summary: { created: 0, not_created: 1, valid: 0, invalid: 1 } },
            errors: [
              {
                value: '(ngập',
                id: '77',
                title: 'DuplicateRule',
                type: 'https://api.twitter.com/2/problems/duplicate-rules',
              },
            ],
          }),
      ],
    });

    const refused = await h.run('xt');
    const duplicate = await h.run('xt');

    assert.equal(refused.ok, false);
    assert.equal(refused.error?.code, 'source.config');
    assert.match(
      refused.error?.message ?? '',
      /Invalid Rule: Rules must contain balanced parentheses/,
    );
    assert.equal(duplicate.ok, true, duplicate.error?.message);
    assert.equal(
      server.requests.filter((request) => request.url.pathname === '/2/tweets/search/stream')
        .length,
      1,
    );
  });
});
