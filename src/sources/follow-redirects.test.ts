import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createFixedClock } from '../core/clock.js';
import { sendJson, startPlatformServer } from '../../test/sources/platform-server.js';
import type { PlatformServer } from '../../test/sources/platform-server.js';
import { parseAddressPolicy } from './address-policy.js';
import type { AddressPolicy } from './address-policy.js';
import type { ResolveHost } from './guarded-connect.js';
import { createHttpClient } from './http-client.js';

const clock = createFixedClock(Date.parse('2026-11-23T08:00:00Z'));
/** The platform server, reached under a name the allow-list lets through. */
const ALLOWED = 'platform.test';
const resolveHost: ResolveHost = async (hostname) =>
  hostname === ALLOWED || hostname === 'localhost' ? [{ address: '127.0.0.1', family: 4 }] : [];
let server: PlatformServer;
let allowedOrigin: string;
let port: string;
before(async () => {
  server = await startPlatformServer();
  port = new URL(server.origin).port;
  allowedOrigin = `http://${ALLOWED}:${port}`;
});
after(() => server.close());

function client(addressPolicy: AddressPolicy = parseAddressPolicy([ALLOWED])) {
  const sleeps: number[] = [];
  const http = createHttpClient({
    clock,
    addressPolicy,
    resolveHost,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { http, sleeps };
}

/** `/go` answers 302 to `location`; anything else 200 with the path and method it was asked. */
function redirectTo(location: string, status = 302): void {
  server.requests.length = 0;
  server.handle((request, response) => {
    if (request.url.pathname === '/go')
      return sendJson(response, status, '', { location: location.replace('PORT', port) });
    sendJson(response, 200, { path: request.path, method: request.method, body: request.body });
  });
}

describe('redirects under the address policy', () => {
  it('refuses a redirect from an allowed server to a loopback, private or metadata address', async () => {
    const { http, sleeps } = client();
    for (const [target, kind] of [
      ['http://127.0.0.1:PORT/', 'loopback'],
      ['http://[::1]:PORT/', 'loopback'],
      ['http://[::ffff:127.0.0.1]:PORT/', 'loopback'],
      ['http://10.0.0.1/', 'private'],
      ['http://169.254.169.254/latest/meta-data/', 'cloud metadata'],
      ['http://localhost:PORT/', 'loopback'],
    ] as const) {
      redirectTo(target);
      await assert.rejects(
        http.getJson(`${allowedOrigin}/go`),
        (error: { code?: string; details?: { kind?: string } }) => {
          assert.equal(error.code, 'source.address_refused', target);
          assert.equal(error.details?.kind, kind, target);
          return true;
        },
      );
      assert.deepEqual(
        server.requests.map((r) => r.path),
        ['/go'],
        target,
      );
    }
    assert.deepEqual(sleeps, []);
  });

  it('follows a redirect the allow-list lets through, and reports the final URL', async () => {
    const { http } = client(parseAddressPolicy([ALLOWED, '127.0.0.1']));
    redirectTo('http://127.0.0.1:PORT/final?x=1');
    const response = await http.request(`${allowedOrigin}/go`);
    assert.equal(response.url, `http://127.0.0.1:${port}/final?x=1`);
    assert.deepEqual(response.json(), { path: '/final?x=1', method: 'GET', body: '' });
  });

  it('refuses a redirect to a scheme other than http(s)', async () => {
    redirectTo('file:///etc/passwd');
    await assert.rejects(
      client().http.getJson(`${allowedOrigin}/go`),
      (e: { code?: string }) => e.code === 'source.invalid',
    );
  });

  it('gives up after 5 redirects with source.redirect', async () => {
    server.requests.length = 0;
    server.handle((request, response) => {
      const hop = Number(request.url.searchParams.get('hop') ?? 0);
      sendJson(response, 302, '', { location: `/loop?hop=${hop + 1}` });
    });
    await assert.rejects(
      client().http.getJson(`${allowedOrigin}/loop`),
      (e: { code?: string; message?: string }) => {
        assert.equal(e.code, 'source.redirect');
        assert.match(e.message ?? '', /redirected more than 5 times/);
        return true;
      },
    );
    assert.equal(server.requests.length, 6);
  });

  it('does not send credentials on to another origin', async () => {
    const { http } = client(parseAddressPolicy([ALLOWED, '127.0.0.1']));
    redirectTo('http://127.0.0.1:PORT/elsewhere');
    await http.request(`${allowedOrigin}/go`, {
      headers: { authorization: 'Bearer s3cret-token', cookie: 'a=b' },
    });
    const [first, second] = server.requests;
    assert.equal(first?.headers.authorization, 'Bearer s3cret-token');
    assert.equal(second?.headers.authorization, undefined);
    assert.equal(second?.headers.cookie, undefined);
  });

  it('goes on as a GET after a 303 to a POST, keeping the method for a 307', async () => {
    const { http } = client();
    redirectTo('/after', 303);
    const seeOther = await http.request(`${allowedOrigin}/go`, { method: 'POST', body: 'q=1' });
    assert.deepEqual(seeOther.json(), { path: '/after', method: 'GET', body: '' });
    redirectTo('/after', 307);
    const temporary = await http.request(`${allowedOrigin}/go`, { method: 'POST', body: 'q=1' });
    assert.deepEqual(temporary.json(), { path: '/after', method: 'POST', body: 'q=1' });
  });

  it('refuses a redirect the caller does not allow, before requesting it', async () => {
    redirectTo('/elsewhere');
    await assert.rejects(
      client().http.request(`${allowedOrigin}/go`, {
        isRedirectAllowed: (url) => !url.includes('/elsewhere'),
      }),
      (e: { code?: string }) => e.code === 'source.redirect',
    );
    assert.deepEqual(
      server.requests.map((r) => r.path),
      ['/go'],
    );
  });
});
