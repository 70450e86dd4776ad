import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createFixedClock } from '../core/clock.js';
import {
  LOCAL_SERVERS_POLICY,
  sendJson,
  startPlatformServer,
} from '../../test/sources/platform-server.js';
import type { PlatformServer } from '../../test/sources/platform-server.js';
import { createHttpClient, redactUrl } from './http-client.js';
import type { HttpClientOptions } from './http-client.js';

const clock = createFixedClock(Date.parse('2026-11-23T08:00:00Z'));
let server: PlatformServer;
before(async () => {
  server = await startPlatformServer();
});
after(() => server.close());

function client(extra: Partial<HttpClientOptions> = {}): {
  http: ReturnType<typeof createHttpClient>;
  sleeps: number[];
} {
  const sleeps: number[] = [];
  const http = createHttpClient({
    clock,
    addressPolicy: LOCAL_SERVERS_POLICY,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  });
  return { http, sleeps };
}

/** Answers the given statuses in order, then 200 with {ok:true}. */
function script(answers: Array<[number, Record<string, string>?, string?]>): void {
  let i = 0;
  server.handle((_request, response) => {
    const answer = answers[i++];
    if (answer === undefined) return sendJson(response, 200, { ok: true });
    const [status, headers = {}, body = '{"error":"x"}'] = answer;
    sendJson(response, status, body, headers);
  });
}

describe('HTTP client', () => {
  it('retries 5xx with backoff and jitter, then returns the success', async () => {
    script([[503], [500], [502]]);
    const { http, sleeps } = client({ baseDelayMs: 1000 });
    const before = server.requests.length;
    assert.deepEqual(await http.getJson(`${server.origin}/a`), { ok: true });
    assert.equal(server.requests.length - before, 4);
    assert.deepEqual(sleeps, [750, 1500, 3000]);
  });

  it('waits what Retry-After asks on 429, then succeeds', async () => {
    script([[429, { 'retry-after': '7' }]]);
    const { http, sleeps } = client();
    assert.deepEqual(await http.getJson(`${server.origin}/b`), { ok: true });
    assert.deepEqual(sleeps, [7000]);
  });

  it('fails at once with source.rate_limited when Retry-After is longer than it will wait', async () => {
    script([[429, { 'retry-after': '3600' }]]);
    const { http, sleeps } = client({ maxRetryAfterMs: 60_000 });
    await assert.rejects(
      http.getJson(`${server.origin}/c`),
      (e: { code: string; details: { retryAfterMs: number } }) => {
        assert.equal(e.code, 'source.rate_limited');
        assert.equal(e.details.retryAfterMs, 3_600_000);
        return true;
      },
    );
    assert.deepEqual(sleeps, []);
  });

  it('gives up after maxAttempts with the last status', async () => {
    script([[500], [500], [500]]);
    const { http, sleeps } = client({ maxAttempts: 3 });
    await assert.rejects(
      http.getJson(`${server.origin}/d`),
      (e: { code: string; details: { status: number } }) =>
        e.code === 'source.http' && e.details.status === 500,
    );
    assert.equal(sleeps.length, 2);
  });

  it('does not retry 401 or 404, and never shows the key in the message', async () => {
    script([[401, {}, '{"error":"invalid key AIzaSECRET"}']]);
    const { http, sleeps } = client({ secrets: ['AIzaSECRET'] });
    const n = server.requests.length;
    await assert.rejects(
      http.getJson(`${server.origin}/e?key=AIzaSECRET&q=x`),
      (e: Error & { code: string }) => {
        assert.equal(e.code, 'source.auth');
        assert.doesNotMatch(e.message, /AIzaSECRET/);
        assert.match(e.message, /key=\*\*\*/);
        return true;
      },
    );
    assert.equal(server.requests.length - n, 1);
    assert.deepEqual(sleeps, []);
    script([[404]]);
    await assert.rejects(
      http.getJson(`${server.origin}/f`),
      (e: { code: string }) => e.code === 'source.http',
    );
  });

  it('reports malformed JSON as source.bad_response', async () => {
    server.handle((_request, response) => sendJson(response, 200, '{"items": [1, 2'));
    const { http } = client();
    await assert.rejects(
      http.getJson(`${server.origin}/g`),
      (e: { code: string }) => e.code === 'source.bad_response',
    );
  });

  it('does not retry a POST unless told to', async () => {
    script([[503], [503]]);
    const { http } = client();
    await assert.rejects(
      http.request(`${server.origin}/h`, { method: 'POST', body: 'x' }),
      (e: { code: string }) => e.code === 'source.http',
    );
    script([[503]]);
    const ok = await http.request(`${server.origin}/h`, {
      method: 'POST',
      body: 'x',
      isRetryable: true,
    });
    assert.equal(ok.status, 200);
  });

  it('caps the body size', async () => {
    server.handle((_request, response) =>
      sendJson(response, 200, JSON.stringify({ big: 'x'.repeat(5000) })),
    );
    const { http } = client({ maxBodyBytes: 1000 });
    await assert.rejects(
      http.getJson(`${server.origin}/i`),
      (e: { code: string }) => e.code === 'source.too_large',
    );
  });

  it('retries an unreachable host and then says source.network', async () => {
    const { http, sleeps } = client({ maxAttempts: 2 });
    await assert.rejects(
      http.getJson('http://127.0.0.1:1/none'),
      (e: { code: string }) => e.code === 'source.network',
    );
    assert.equal(sleeps.length, 1);
  });

  it('sends its User-Agent and the caller headers; decodes the declared charset', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain; charset=windows-1252' });
      response.end(Buffer.from([0x93, 0x68, 0x69, 0x94]));
    });
    const { http } = client({ userAgent: 'langnghe-test/1' });
    const n = server.requests.length;
    const response = await http.request(`${server.origin}/j`, {
      headers: { authorization: 'Bearer t0k' },
    });
    assert.equal(response.text(), '\u201chi\u201d');
    const sent = server.requests[n]!;
    assert.equal(sent.headers['user-agent'], 'langnghe-test/1');
    assert.equal(sent.headers.authorization, 'Bearer t0k');
  });

  it('spaces requests to one host by minIntervalMs', async () => {
    script([]);
    const { http, sleeps } = client({ minIntervalMs: 1000 });
    await http.getJson(`${server.origin}/k1`);
    await http.getJson(`${server.origin}/k2`);
    assert.deepEqual(sleeps, [1000]);
  });

  it('stops a stream when the caller aborts', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      response.write('{"a":1}\n');
    });
    const { http } = client();
    const controller = new AbortController();
    const stream = await http.stream(`${server.origin}/l`, { signal: controller.signal });
    const reader = stream.body.getReader();
    const first = await reader.read();
    assert.equal(Buffer.from(first.value!).toString(), '{"a":1}\n');
    controller.abort();
    await assert.rejects(reader.read());
  });
});

describe('redactUrl', () => {
  it('masks credential-like parameters and passwords, keeps the rest', () => {
    assert.equal(
      redactUrl(
        'https://www.googleapis.com/youtube/v3/search?q=ng%E1%BA%ADp&key=AIza123&pageToken=CAUQAA',
      ),
      'https://www.googleapis.com/youtube/v3/search?q=ng%E1%BA%ADp&key=***&pageToken=***',
    );
    assert.equal(
      redactUrl('https://u:pw@x.test/a?access_token=EAAB&limit=5'),
      'https://u:***@x.test/a?access_token=***&limit=5',
    );
  });
});
