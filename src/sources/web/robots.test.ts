import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createFixedClock } from '../../core/clock.js';
import { createHttpClient } from '../http-client.js';
import {
  LOCAL_SERVERS_POLICY,
  startPlatformServer,
} from '../../../test/sources/platform-server.js';
import type { PlatformServer } from '../../../test/sources/platform-server.js';
import { matchesRobotsPattern, normalizeRobotsPath } from './robots-pattern.js';
import { createRobotsChecker, isPathAllowed, parseRobots, rulesFor } from './robots.js';

const allowed = (text: string, path: string, agent = 'langnghe'): boolean =>
  isPathAllowed(parseRobots(text), path, agent);

describe('parseRobots and isPathAllowed (RFC 9309)', () => {
  it('picks the group naming the product token case-insensitively, else the * group', () => {
    const text = 'User-agent: *\nDisallow: /\n\nUser-agent: LangNghe/1.0\nDisallow: /private\n';
    assert.equal(allowed(text, '/news'), true);
    assert.equal(allowed(text, '/private/x'), false);
    assert.equal(allowed(text, '/news', 'otherbot'), false);
  });

  it('ends a rule at its #, even on a line holding U+2028', () => {
    const text = `User-agent: *\nDisallow: /private #${'#'.repeat(100_000)}\u2028x\n`;
    assert.equal(allowed(text, '/private/a'), false);
    assert.equal(allowed(text, '/news'), true);
  });

  it('reads several user-agent lines as one group and merges groups of the same agent', () => {
    const text = [
      'User-agent: googlebot',
      'User-agent: langnghe',
      'Disallow: /a',
      'User-agent: bingbot',
      'Disallow: /b',
      'User-agent: langnghe',
      'Disallow: /c',
    ].join('\n');
    assert.equal(allowed(text, '/a'), false);
    assert.equal(allowed(text, '/b'), true);
    assert.equal(allowed(text, '/c'), false);
    assert.equal(allowed(text, '/a', 'googlebot'), false);
    assert.equal(allowed(text, '/c', 'googlebot'), true);
  });

  it('lets the longest match win and Allow win a tie', () => {
    const text =
      'User-agent: *\nDisallow: /folder\nAllow: /folder/page\nDisallow: /tie\nAllow: /tie\n';
    assert.equal(allowed(text, '/folder/other'), false);
    assert.equal(allowed(text, '/folder/page.html'), true);
    assert.equal(allowed(text, '/tie/x'), true);
  });

  it('matches * anywhere and $ at the end', () => {
    const text = 'User-agent: *\nDisallow: /*.php$\nDisallow: /search*q=\nAllow: /$\nDisallow: /\n';
    assert.equal(allowed(text, '/'), true);
    assert.equal(allowed(text, '/index.php'), false);
    assert.equal(allowed(text, '/index.php?x=1'), false);
    assert.equal(allowed(text, '/search/page?q=a'), false);
    assert.equal(allowed('User-agent: *\nDisallow: /*.php$\n', '/index.php?x=1'), true);
    assert.equal(allowed('User-agent: *\nDisallow: /*.php$\n', '/index.php'), false);
  });

  it('compares percent-encoded and raw paths as equal', () => {
    const text = 'User-agent: *\nDisallow: /foo/bar/ツ\nDisallow: /%62az\nDisallow: /tin-tức\n';
    assert.equal(allowed(text, '/foo/bar/%E3%83%84'), false);
    assert.equal(allowed(text, '/foo/bar/%e3%83%84'), false);
    assert.equal(allowed(text, '/baz'), false);
    assert.equal(allowed(text, new URL('http://x/tin-tức/a').pathname), false);
    assert.equal(allowed(text, '/foo/bar/x'), true);
  });

  it('treats an empty Disallow as allowing everything', () => {
    assert.equal(allowed('User-agent: *\nDisallow:\n', '/anything'), true);
  });

  it('allows /robots.txt even under Disallow: /', () => {
    assert.equal(allowed('User-agent: *\nDisallow: /\n', '/robots.txt'), true);
  });

  it('tolerates a BOM, CRLF, comments, sitemap lines and rules before any user-agent', () => {
    const text =
      '\uFEFFDisallow: /orphan\r\n# comment\r\nUser-agent: * # all\r\nSitemap: https://x/s.xml\r\nDisallow: /tmp # no\r\nCrawl-delay: 2.5\r\n';
    const robots = parseRobots(text);
    assert.equal(robots.groups.length, 1);
    assert.equal(isPathAllowed(robots, '/orphan', 'langnghe'), true);
    assert.equal(isPathAllowed(robots, '/tmp/a', 'langnghe'), false);
    assert.equal(rulesFor(robots, 'langnghe').crawlDelaySeconds, 2.5);
  });

  it('allows everything with no group at all', () => {
    assert.equal(allowed('', '/x'), true);
    assert.equal(allowed('User-agent: otherbot\nDisallow: /\n', '/x'), true);
  });
});

describe('robots pattern helpers', () => {
  it('normalizes encodings and keeps wildcards', () => {
    assert.equal(normalizeRobotsPath('/a%2fb/%7e/ü*$'), '/a%2Fb/~/%C3%BC*$');
  });

  it('matches a hostile many-star pattern in bounded time', () => {
    const pattern = `/${'*a'.repeat(30)}b`;
    const started = performance.now();
    assert.equal(matchesRobotsPattern(pattern, `/${'a'.repeat(5000)}`), false);
    assert.ok(performance.now() - started < 1000);
  });
});

describe('createRobotsChecker against a local server', () => {
  let server: PlatformServer;
  const sleeps: number[] = [];
  const clock = createFixedClock(Date.parse('2026-11-23T08:00:00Z'));
  const http = createHttpClient({
    clock,
    addressPolicy: LOCAL_SERVERS_POLICY,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    timeoutMs: 5000,
  });
  before(async () => {
    server = await startPlatformServer();
  });
  after(() => server.close());

  function serveRobots(status: number, body: string): void {
    server.requests.length = 0;
    server.handle((_request, response) => {
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end(body);
    });
  }

  it('fetches robots.txt once per origin and reads its rules and crawl-delay', async () => {
    serveRobots(200, 'User-agent: *\nDisallow: /private\nCrawl-delay: 3\n');
    const checker = createRobotsChecker(http, undefined, clock);
    const [first, second] = await Promise.all([
      checker.isAllowed(`${server.origin}/threads`),
      checker.isAllowed(`${server.origin}/private/1`),
    ]);
    assert.deepEqual([first, second], [true, false]);
    assert.equal(await checker.crawlDelayMs(`${server.origin}/x`), 3000);
    assert.deepEqual(
      server.requests.map((r) => r.path),
      ['/robots.txt'],
    );
    assert.match(String(server.requests[0]?.headers['user-agent']), /^langnghe\//);
  });

  it('fetches again after 24 hours', async () => {
    serveRobots(200, 'User-agent: *\nDisallow: /\n');
    const checker = createRobotsChecker(http, 'langnghe', clock);
    assert.equal(await checker.isAllowed(`${server.origin}/a`), false);
    clock.advance(23 * 3600_000);
    serveRobots(200, 'User-agent: *\nAllow: /\n');
    assert.equal(await checker.isAllowed(`${server.origin}/a`), false);
    clock.advance(2 * 3600_000);
    assert.equal(await checker.isAllowed(`${server.origin}/a`), true);
    assert.equal(server.requests.length, 1);
  });

  for (const status of [404, 401, 403, 410]) {
    it(`allows everything when robots.txt answers ${status}`, async () => {
      serveRobots(status, 'nope');
      const checker = createRobotsChecker(http, 'langnghe', clock);
      assert.equal(await checker.isAllowed(`${server.origin}/anything`), true);
      assert.equal(await checker.crawlDelayMs(`${server.origin}/anything`), undefined);
    });
  }

  it('disallows everything when robots.txt answers 5xx after the retries', async () => {
    sleeps.length = 0;
    serveRobots(503, 'down');
    const checker = createRobotsChecker(http, 'langnghe', clock);
    assert.equal(await checker.isAllowed(`${server.origin}/anything`), false);
    assert.equal(server.requests.length, 5);
    assert.equal(sleeps.length, 4);
  });

  it('disallows everything when the host cannot be reached', async () => {
    const checker = createRobotsChecker(http, 'langnghe', clock);
    assert.equal(await checker.isAllowed('http://127.0.0.1:9/page'), false);
  });

  it('follows a redirect to the robots.txt', async () => {
    server.requests.length = 0;
    server.handle((request, response) => {
      if (request.path === '/robots.txt') {
        response.writeHead(301, { location: '/real-robots.txt' });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('User-agent: langnghe\nDisallow: /x\n');
    });
    const checker = createRobotsChecker(http, 'langnghe', clock);
    assert.equal(await checker.isAllowed(`${server.origin}/x/1`), false);
    assert.deepEqual(
      server.requests.map((r) => r.path),
      ['/robots.txt', '/real-robots.txt'],
    );
  });

  it('ignores what comes after 500 KiB', async () => {
    const filler = '# padding padding padding padding padding padding\n'.repeat(11_000);
    serveRobots(200, `User-agent: *\nDisallow: /early\n${filler}Disallow: /late\n`);
    const checker = createRobotsChecker(http, 'langnghe', clock);
    assert.equal(await checker.isAllowed(`${server.origin}/early`), false);
    assert.equal(await checker.isAllowed(`${server.origin}/late`), true);
  });
});
