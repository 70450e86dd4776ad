import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../io.js';
import { UsageError } from '../io.js';
import { feedHelp, runFeed } from './feed.js';
import { startPlatformServer } from '../../../test/sources/platform-server.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'feeds');

/** The local platform servers listen on loopback, which feed parse refuses unless allowed. */
const ALLOW_LOOPBACK = { LANGNGHE_FETCH_ALLOW: '127.0.0.1' };

function memoryIo(env: Record<string, string> = ALLOW_LOOPBACK): {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
} {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const io: CliIo = { stdin: new PassThrough(), stdout, stderr, env, isTty: false };
  return { io, stdout: () => out, stderr: () => err };
}

test('the help starts with the command line', () => {
  assert.equal(feedHelp.split('\n')[0], 'langnghe feed parse FILE_OR_URL [--offset MINUTES]');
  assert.match(feedHelp.split('\n')[0] ?? '', /^langnghe feed parse FILE_OR_URL/);
});

test('feed parse prints every corpus file exactly as its expected file says', async () => {
  const names = readdirSync(FIXTURES).filter(
    (name) => /\.(?:xml|json|html|txt)$/.test(name) && !name.includes('.expected.'),
  );
  assert.ok(names.length >= 45);
  for (const name of names) {
    const expected = JSON.parse(
      readFileSync(join(FIXTURES, name.replace(/\.[^.]+$/, '.expected.json')), 'utf8'),
    ) as unknown;
    const { io, stdout, stderr } = memoryIo();
    const code = await runFeed(['parse', join(FIXTURES, name)], io);
    if (Array.isArray(expected)) {
      assert.equal(code, 0, name);
      assert.equal(stdout(), `${JSON.stringify(expected, null, 2)}\n`, name);
      assert.equal(stderr(), '', name);
    } else {
      assert.equal(code, 1, name);
      assert.equal(stdout(), '', name);
      assert.match(stderr(), /^langnghe feed: .* is not a feed: .*\[feed\.invalid\]\n$/, name);
    }
  }
});

test('each printed item has exactly the contract keys, in order', async () => {
  const { io, stdout } = memoryIo();
  await runFeed(['parse', join(FIXTURES, 'missing-fields.xml')], io);
  const items = JSON.parse(stdout()) as Record<string, unknown>[];
  for (const item of items)
    assert.deepEqual(Object.keys(item), ['id', 'title', 'url', 'text', 'publishedAt', 'author']);
  assert.equal(items[1]?.url, null);
  assert.equal(items[2]?.publishedAt, null);
});

test('a URL is fetched with feed Accept types and read with the HTTP charset and final URL', async () => {
  const server = await startPlatformServer((request, response) => {
    if (request.url.pathname === '/old') {
      response.writeHead(301, { location: '/rss/tin.rss' });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=windows-1252' });
    // windows-1252 bytes: 0x93 and 0x94 are curly quotes there, C1 controls in Latin-1.
    response.end(
      Buffer.concat([
        Buffer.from('<rss version="2.0"><channel><item><title>Caf\u00e9 ', 'latin1'),
        Buffer.from([0x93]),
        Buffer.from('S\u00e0i G\u00f2n', 'latin1'),
        Buffer.from([0x94]),
        Buffer.from(
          '</title><link>bai-1.html</link><pubDate>Mon, 23 Nov 2026 08:00:00</pubDate></item></channel></rss>',
        ),
      ]),
    );
  });
  try {
    const { io, stdout } = memoryIo();
    const code = await runFeed(['parse', `${server.origin}/old`, '--offset', '0'], io);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout()), [
      {
        id: `${server.origin}/rss/bai-1.html`,
        title: 'Café \u201cSài Gòn\u201d',
        url: `${server.origin}/rss/bai-1.html`,
        text: '',
        publishedAt: '2026-11-23T08:00:00.000Z',
        author: null,
      },
    ]);
    assert.match(
      String(server.requests.at(-1)?.headers.accept),
      /^application\/rss\+xml, application\/atom\+xml, application\/feed\+json/,
    );
  } finally {
    await server.close();
  }
});

test('a page that is not a feed exits 1 and names the feed it advertises', async () => {
  const server = await startPlatformServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      '<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body>Trang chủ</body></html>',
    );
  });
  try {
    const { io, stdout, stderr } = memoryIo();
    assert.equal(await runFeed(['parse', `${server.origin}/`], io), 1);
    assert.equal(stdout(), '');
    assert.equal(
      stderr(),
      `langnghe feed: ${server.origin}/ is not a feed: it is an HTML page; the page names a feed at /atom.xml [feed.invalid]\n`,
    );
  } finally {
    await server.close();
  }
});

test('a feed on a loopback address is refused unless fetchAllowList names it', async () => {
  const server = await startPlatformServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.end('<rss version="2.0"><channel></channel></rss>');
  });
  try {
    const { io } = memoryIo({});
    await assert.rejects(runFeed(['parse', `${server.origin}/rss`], io), {
      code: 'source.address_refused',
      message: /127\.0\.0\.1 is a loopback address; add it to fetchAllowList/,
    });
  } finally {
    await server.close();
  }
});

test('a wrong invocation is a usage error', async () => {
  const { io } = memoryIo();
  await assert.rejects(runFeed([], io), UsageError);
  await assert.rejects(runFeed(['show', 'x.xml'], io), UsageError);
  await assert.rejects(runFeed(['parse'], io), UsageError);
  await assert.rejects(runFeed(['parse', 'a.xml', '--offset', 'bảy'], io), UsageError);
});
