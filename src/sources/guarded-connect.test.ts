import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { createFixedClock } from '../core/clock.js';
import { sendJson, startPlatformServer } from '../../test/sources/platform-server.js';
import type { PlatformServer } from '../../test/sources/platform-server.js';
import { DEFAULT_ADDRESS_POLICY, parseAddressPolicy } from './address-policy.js';
import type { AddressPolicy } from './address-policy.js';
import { createGuardedFetch, findAddressRefusal } from './guarded-connect.js';
import type { ResolveHost } from './guarded-connect.js';
import { createHttpClient } from './http-client.js';

const clock = createFixedClock(Date.parse('2026-11-23T08:00:00Z'));
let server: PlatformServer;
let port: string;
before(async () => {
  server = await startPlatformServer((_request, response) => sendJson(response, 200, { ok: true }));
  port = new URL(server.origin).port;
});
after(() => server.close());

function client(addressPolicy: AddressPolicy, resolveHost?: ResolveHost) {
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

/** Resolves the given names as told; a name not listed does not exist. */
function resolving(names: Record<string, string[]>): ResolveHost {
  return async (hostname) => {
    const addresses = names[hostname];
    if (addresses === undefined) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

function isRefusal(pattern: RegExp) {
  return (error: { code?: string; message?: string }): boolean => {
    assert.equal(error.code, 'source.address_refused');
    assert.match(error.message ?? '', pattern);
    return true;
  };
}

describe('connections under the default address policy', () => {
  it('refuses loopback, private and metadata addresses, sending nothing and never retrying', async () => {
    const { http, sleeps } = client(DEFAULT_ADDRESS_POLICY);
    const before = server.requests.length;
    const cases: Array<[string, RegExp]> = [
      [
        `http://127.0.0.1:${port}/`,
        /^127\.0\.0\.1 is a loopback address; add it to fetchAllowList/,
      ],
      [`http://[::1]:${port}/`, /^::1 is a loopback address/],
      [
        `http://[::ffff:127.0.0.1]:${port}/`,
        /^::ffff:7f00:1 is a loopback address \(127\.0\.0\.1\)/,
      ],
      ['http://10.0.0.1/', /^10\.0\.0\.1 is a private address/],
      [
        'http://169.254.169.254/latest/meta-data/',
        /^169\.254\.169\.254 is the cloud metadata address/,
      ],
    ];
    for (const [url, message] of cases) await assert.rejects(http.getJson(url), isRefusal(message));
    assert.equal(server.requests.length, before);
    assert.deepEqual(sleeps, []);
  });

  it('refuses a host name that resolves to a loopback address, when it connects', async () => {
    const { http, sleeps } = client(DEFAULT_ADDRESS_POLICY);
    const before = server.requests.length;
    await assert.rejects(
      http.getJson(`http://localhost:${port}/`),
      isRefusal(
        /^localhost resolves to 127\.0\.0\.1, a loopback address; add it to fetchAllowList/,
      ),
    );
    assert.equal(server.requests.length, before);
    assert.deepEqual(sleeps, []);
  });

  it('refuses a name whose answer holds a private address among public ones', async () => {
    const resolve = resolving({ 'feed.example.vn': ['203.0.113.7', '127.0.0.1'] });
    const { http } = client(DEFAULT_ADDRESS_POLICY, resolve);
    await assert.rejects(
      http.getJson(`http://feed.example.vn:${port}/`),
      isRefusal(/^feed\.example\.vn resolves to 127\.0\.0\.1/),
    );
  });

  it('refuses a stream (a long-lived response) the same way', async () => {
    const { http } = client(
      DEFAULT_ADDRESS_POLICY,
      resolving({ 'stream.example.vn': ['10.9.8.7'] }),
    );
    await assert.rejects(
      http.stream(`http://stream.example.vn:${port}/stream`),
      isRefusal(/^stream\.example\.vn resolves to 10\.9\.8\.7, a private address/),
    );
  });

  it('checks address literals at connect time too, not only before the request', async () => {
    const before = server.requests.length;
    const error = await createGuardedFetch(DEFAULT_ADDRESS_POLICY)(
      `http://127.0.0.1:${port}/`,
    ).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    assert.equal(findAddressRefusal(error)?.code, 'source.address_refused');
    assert.equal(server.requests.length, before);
  });
});

describe('connections under an allow-list', () => {
  it('lets an allowed address, network or host name through', async () => {
    const byAddress = client(parseAddressPolicy(['127.0.0.1'])).http;
    assert.deepEqual(await byAddress.getJson(`http://127.0.0.1:${port}/`), { ok: true });
    assert.deepEqual(await byAddress.getJson(`http://localhost:${port}/`), { ok: true });
    const byNetwork = client(parseAddressPolicy(['127.0.0.0/8'])).http;
    assert.deepEqual(await byNetwork.getJson(`http://[::ffff:127.0.0.1]:${port}/`), { ok: true });
    const byName = client(
      parseAddressPolicy(['intranet.ubnd.local']),
      resolving({ 'intranet.ubnd.local': ['127.0.0.1'] }),
    ).http;
    assert.deepEqual(await byName.getJson(`http://intranet.ubnd.local:${port}/`), { ok: true });
  });

  it('still refuses what it does not list', async () => {
    const { http } = client(parseAddressPolicy(['10.1.2.0/24']));
    await assert.rejects(http.getJson(`http://127.0.0.1:${port}/`), isRefusal(/loopback/));
  });
});

describe('guardConnection (WebSockets)', () => {
  let sockets: WebSocketServer;
  let wsPort: number;
  let connections = 0;
  before(async () => {
    sockets = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    sockets.on('connection', (socket) => {
      connections++;
      socket.close();
    });
    await once(sockets, 'listening');
    wsPort = (sockets.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => sockets.close(() => resolve())));

  function open(url: string, http: ReturnType<typeof client>['http']): Promise<unknown> {
    const socket = new WebSocket(url, { lookup: http.guardConnection(url).lookup });
    return new Promise((resolve) => {
      socket.on('open', () => resolve('open'));
      socket.on('error', resolve);
    });
  }

  it('refuses an address literal before connecting, and a name resolving to one when connecting', async () => {
    const { http } = client(DEFAULT_ADDRESS_POLICY);
    assert.throws(() => http.guardConnection(`ws://127.0.0.1:${wsPort}/`), isRefusal(/loopback/));
    const error = await open(`ws://localhost:${wsPort}/`, http);
    assert.equal(findAddressRefusal(error)?.code, 'source.address_refused');
    assert.equal(connections, 0);
  });

  it('connects where the allow-list lets it', async () => {
    const { http } = client(parseAddressPolicy(['127.0.0.1']));
    assert.equal(await open(`ws://localhost:${wsPort}/`, http), 'open');
  });
});
