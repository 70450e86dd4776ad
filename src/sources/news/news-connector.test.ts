import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { openSourceHarness } from '../../../test/sources/harness.js';
import type { SourceHarness } from '../../../test/sources/harness.js';
import { startPlatformServer } from '../../../test/sources/platform-server.js';
import type { PlatformServer, RecordedRequest } from '../../../test/sources/platform-server.js';
import { newsConnector, newsExternalId } from './news-connector.js';
import { MAX_SEEN_IDS } from './news-cursor.js';

interface FeedEntry {
  id: string;
  title: string;
  summary: string;
  content?: string;
  path?: string;
}

const SUMMARY_1 = 'Đỉnh triều vượt báo động 3, nhiều tuyến đường ở quận 7 ngập sâu.';
const ARTICLE_1 = [
  'Chiều 23/11, đỉnh triều tại trạm Phú An đạt 1,78 m, vượt báo động 3 khoảng 18 cm, khiến nhiều tuyến đường ở quận 7 và huyện Nhà Bè ngập sâu.',
  'Trên đường Huỳnh Tấn Phát, nước ngập quá nửa bánh xe máy, nhiều người phải dắt bộ. Các hộ kinh doanh ven đường kê cao hàng hóa từ sớm.',
  'Trung tâm Dự báo khí tượng thủy văn Nam Bộ cho biết triều cường còn kéo dài đến hết tuần, người dân cần chủ động phòng tránh.',
];

function rssFeed(origin: string, entries: readonly FeedEntry[]): string {
  const items = entries
    .map(
      (entry) => `<item>
  <title>${entry.title}</title>
  <link>${origin}${entry.path ?? `/bai/${entry.id}.html`}</link>
  <guid isPermaLink="false">${entry.id}</guid>
  <description><![CDATA[${entry.summary}]]></description>
  ${entry.content === undefined ? '' : `<content:encoded><![CDATA[${entry.content}]]></content:encoded>`}
  <pubDate>Mon, 23 Nov 2026 15:20:00 +0700</pubDate>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Báo Thử Nghiệm</title><link>${origin}/</link>
${items}
</channel></rss>`;
}

function articlePage(title: string, paragraphs: readonly string[]): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:title" content="${title}"></head>
<body><header><nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a></nav></header>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>
<footer>Bản quyền thuộc Báo Thử Nghiệm</footer></body></html>`;
}

function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, headers);
  response.end(body);
}

const ETAG = '"v1-abc"';
const LAST_MODIFIED = 'Mon, 23 Nov 2026 08:20:00 GMT';

interface Site {
  feed: () => string | Buffer;
  etag?: () => string;
  feedHeaders?: Record<string, string>;
  robots?: string;
  articles?: Record<string, string>;
}

/** A news site: the feed at /rss.xml (304 when the ETag matches), robots.txt, article pages. */
function serveSite(server: PlatformServer, site: Site): void {
  server.handle((request, response) => {
    const path = request.url.pathname;
    if (path === '/rss.xml') {
      const etag = site.etag?.() ?? ETAG;
      if (request.headers['if-none-match'] === etag) return send(response, 304, '');
      return send(response, 200, site.feed(), {
        'content-type': 'application/rss+xml; charset=utf-8',
        etag,
        'last-modified': LAST_MODIFIED,
        ...site.feedHeaders,
      });
    }
    if (path === '/robots.txt')
      return site.robots === undefined
        ? send(response, 404, 'not found')
        : send(response, 200, site.robots, { 'content-type': 'text/plain' });
    const page = site.articles?.[path];
    if (page === undefined) return send(response, 404, 'not found');
    return send(response, 200, page, { 'content-type': 'text/html; charset=utf-8' });
  });
}

interface Setup {
  h: SourceHarness;
  server: PlatformServer;
  feedUrl: string;
  close(): Promise<void>;
}

async function setup(config: Record<string, unknown> = {}): Promise<Setup> {
  const h = await openSourceHarness([newsConnector]);
  const server = await startPlatformServer();
  const feedUrl = `${server.origin}/rss.xml`;
  await h.addSource('rss', { url: feedUrl, ...config }, 'news-1');
  return {
    h,
    server,
    feedUrl,
    async close() {
      await server.close();
      await h.close();
    },
  };
}

function paths(requests: readonly RecordedRequest[]): string[] {
  return requests.map((request) => request.path);
}

test('a first poll stores every item, full text from the article page where the feed has a summary', async () => {
  const s = await setup();
  try {
    serveSite(s.server, {
      feed: () =>
        rssFeed(s.server.origin, [
          { id: 'a1', title: 'Triều cường vượt báo động 3', summary: SUMMARY_1 },
          {
            id: 'a2',
            title: 'Có toàn văn',
            summary: 'Tóm tắt.',
            content: '<p>Toàn văn trong feed.</p>',
          },
          { id: 'a3', title: 'Trang không có bài', summary: 'Tóm tắt bài ba.' },
        ]),
      articles: {
        '/bai/a1.html': articlePage('Triều cường vượt báo động 3', ARTICLE_1),
        '/bai/a3.html': '<html><body><ul><li><a href="/x">Tin khác</a></li></ul></body></html>',
      },
    });
    const outcome = await s.h.run('news-1');
    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.equal(outcome.items, 3);
    const posts = await s.h.posts();
    const byTitle = new Map(posts.map((post) => [post.title, post]));
    const first = byTitle.get('Triều cường vượt báo động 3');
    assert.equal(first?.id, `news:${newsExternalId(s.feedUrl, 'a1')}`);
    assert.equal(first?.kind, 'article');
    assert.equal(first?.url, `${s.server.origin}/bai/a1.html`);
    assert.equal(first?.publishedAt, '2026-11-23T08:20:00.000Z');
    assert.match(first?.text ?? '', /trạm Phú An đạt 1,78 m/);
    assert.match(first?.text ?? '', /người dân cần chủ động phòng tránh/);
    assert.doesNotMatch(first?.text ?? '', /Trang chủ|Bản quyền/);
    assert.deepEqual(
      { id: first?.author?.id, name: first?.author?.name, isPress: first?.author?.isPress },
      { id: new URL(s.server.origin).host, name: 'Báo Thử Nghiệm', isPress: true },
    );
    assert.equal(byTitle.get('Có toàn văn')?.text, 'Toàn văn trong feed.');
    assert.equal(byTitle.get('Trang không có bài')?.text, 'Tóm tắt bài ba.');
    assert.ok(s.h.logs.some((line) => line.includes('no article found on the page: summary kept')));
    // The feed first with feed types in Accept and no validators; robots.txt once; the two
    // summary-only pages, a second apart.
    assert.deepEqual(paths(s.server.requests), [
      '/rss.xml',
      '/robots.txt',
      '/bai/a1.html',
      '/bai/a3.html',
    ]);
    const feedRequest = s.server.requests[0]!;
    assert.match(
      String(feedRequest.headers.accept),
      /^application\/rss\+xml, application\/atom\+xml/,
    );
    assert.equal(feedRequest.headers['if-none-match'], undefined);
    assert.equal(feedRequest.headers['if-modified-since'], undefined);
    assert.deepEqual(s.h.sleeps, [1000]);
    const cursor = JSON.parse((await s.h.cursor('news-1')) ?? '{}') as Record<string, unknown>;
    assert.deepEqual(cursor, {
      etag: ETAG,
      lastModified: LAST_MODIFIED,
      seen: ['a1', 'a2', 'a3'].map((id) => newsExternalId(s.feedUrl, id)),
    });
  } finally {
    await s.close();
  }
});

test('a second poll sends the validators; 304 stores nothing and keeps the cursor', async () => {
  const s = await setup();
  try {
    serveSite(s.server, {
      feed: () =>
        rssFeed(s.server.origin, [
          { id: 'a2', title: 'Có toàn văn', summary: 'x', content: '<p>Toàn văn.</p>' },
        ]),
    });
    await s.h.run('news-1');
    const saved = await s.h.cursor('news-1');
    const outcome = await s.h.run('news-1');
    assert.equal(outcome.ok, true);
    assert.equal(outcome.items, 0);
    const second = s.server.requests.at(-1)!;
    assert.equal(second.path, '/rss.xml');
    assert.equal(second.headers['if-none-match'], ETAG);
    assert.equal(second.headers['if-modified-since'], LAST_MODIFIED);
    assert.equal(await s.h.cursor('news-1'), saved);
    assert.equal((await s.h.posts()).length, 1);
  } finally {
    await s.close();
  }
});

test('a changed feed yields only the new items; seen ones are not fetched again', async () => {
  const s = await setup();
  try {
    let entries: FeedEntry[] = [{ id: 'a1', title: 'Bài một', summary: SUMMARY_1 }];
    let version = 1;
    serveSite(s.server, {
      feed: () => rssFeed(s.server.origin, entries),
      etag: () => `"v${version}"`,
      articles: {
        '/bai/a1.html': articlePage('Bài một', ARTICLE_1),
        '/bai/a4.html': articlePage(
          'Bài bốn',
          ARTICLE_1.map((p) => `${p} (bài bốn)`),
        ),
      },
    });
    await s.h.run('news-1');
    entries = [{ id: 'a4', title: 'Bài bốn', summary: 'Tóm tắt bài bốn.' }, ...entries];
    version = 2;
    const outcome = await s.h.run('news-1');
    assert.equal(outcome.ok, true);
    assert.equal(outcome.items, 1);
    assert.equal(paths(s.server.requests).filter((path) => path === '/bai/a1.html').length, 1);
    assert.equal(paths(s.server.requests).filter((path) => path === '/bai/a4.html').length, 1);
    const feedRequests = s.server.requests.filter((request) => request.path === '/rss.xml');
    assert.equal(feedRequests[1]?.headers['if-none-match'], '"v1"');
    const cursor = JSON.parse((await s.h.cursor('news-1')) ?? '{}') as {
      etag: string;
      seen: string[];
    };
    assert.equal(cursor.etag, '"v2"');
    assert.deepEqual(
      cursor.seen,
      ['a4', 'a1'].map((id) => newsExternalId(s.feedUrl, id)),
    );
    assert.equal((await s.h.posts()).length, 2);
  } finally {
    await s.close();
  }
});

test('401 and 403 fail the run as source.auth, storing nothing and saving no cursor', async () => {
  for (const status of [401, 403]) {
    const s = await setup();
    try {
      s.server.handle((_request, response) => send(response, status, 'Forbidden'));
      const outcome = await s.h.run('news-1');
      assert.equal(outcome.ok, false);
      assert.equal(outcome.error?.code, 'source.auth');
      assert.deepEqual(await s.h.posts(), []);
      assert.equal(await s.h.cursor('news-1'), undefined);
      assert.equal(s.server.requests.length, 1);
    } finally {
      await s.close();
    }
  }
});

test('429 with Retry-After waits as asked, then stores the feed', async () => {
  const s = await setup({ fetchFullText: false });
  try {
    let calls = 0;
    s.server.handle((_request, response) => {
      calls++;
      if (calls === 1) return send(response, 429, 'slow down', { 'retry-after': '7' });
      return send(
        response,
        200,
        rssFeed(s.server.origin, [{ id: 'r1', title: 'Sau 429', summary: 'Tóm tắt.' }]),
        {
          'content-type': 'application/rss+xml',
        },
      );
    });
    const outcome = await s.h.run('news-1');
    assert.equal(outcome.ok, true);
    assert.deepEqual(s.h.sleeps, [7000]);
    assert.deepEqual(
      (await s.h.posts()).map((post) => post.text),
      ['Tóm tắt.'],
    );
    assert.deepEqual(JSON.parse((await s.h.cursor('news-1')) ?? '{}'), {
      seen: [newsExternalId(s.feedUrl, 'r1')],
    });
  } finally {
    await s.close();
  }
});

test('a 5xx is retried with backoff and the run then succeeds', async () => {
  const s = await setup({ fetchFullText: false });
  try {
    let calls = 0;
    s.server.handle((_request, response) => {
      calls++;
      if (calls <= 2) return send(response, calls === 1 ? 503 : 502, 'Bad gateway');
      return send(
        response,
        200,
        rssFeed(s.server.origin, [{ id: 'r1', title: 'Sau 5xx', summary: 'Tóm tắt.' }]),
      );
    });
    const outcome = await s.h.run('news-1');
    assert.equal(outcome.ok, true);
    assert.equal(s.h.sleeps.length, 2);
    assert.equal(s.server.requests.length, 3);
    assert.equal((await s.h.posts()).length, 1);
  } finally {
    await s.close();
  }
});

test('a page that is not a feed fails the run as source.bad_response and keeps the cursor', async () => {
  const s = await setup();
  try {
    serveSite(s.server, {
      feed: () =>
        rssFeed(s.server.origin, [
          { id: 'a2', title: 'T', summary: 'x', content: '<p>Toàn văn.</p>' },
        ]),
    });
    await s.h.run('news-1');
    const saved = await s.h.cursor('news-1');
    s.server.handle((_request, response) =>
      send(response, 200, '<!doctype html><html><body><h1>Bảo trì</h1></body></html>', {
        'content-type': 'text/html',
      }),
    );
    const outcome = await s.h.run('news-1');
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.bad_response');
    assert.match(outcome.error?.message ?? '', /is not a feed: it is an HTML page/);
    assert.equal(await s.h.cursor('news-1'), saved);
    assert.equal((await s.h.posts()).length, 1);
  } finally {
    await s.close();
  }
});

test('a broken feed stores the items that can be salvaged, an item repeated in it once', async () => {
  const s = await setup({ fetchFullText: false });
  try {
    const feed = `<rss version="2.0"><channel><title>Hỏng & lặp</title>
<item><title>Một</title><guid>d1</guid><description>Mô tả một <b>không đóng
<item><title>Một (lặp)</title><guid>d1</guid><description>Bản lặp.</description></item>
<item><title>Hai</title><guid>d2</guid><description>Hai & ba</description></item>
</channel></rss> rác sau rss`;
    s.server.handle((_request, response) =>
      send(response, 200, feed, { 'content-type': 'text/xml' }),
    );
    const outcome = await s.h.run('news-1');
    assert.equal(outcome.ok, true);
    assert.equal(outcome.items, 2);
    const posts = await s.h.posts();
    assert.deepEqual(posts.map((post) => post.title).sort(), ['Hai', 'Một']);
    assert.ok(s.h.logs.some((line) => line.includes('repeated: left out')));
  } finally {
    await s.close();
  }
});

test('an empty channel stores nothing and saves the validators', async () => {
  const s = await setup();
  try {
    serveSite(s.server, { feed: () => rssFeed(s.server.origin, []) });
    const outcome = await s.h.run('news-1');
    assert.equal(outcome.ok, true);
    assert.equal(outcome.items, 0);
    assert.deepEqual(JSON.parse((await s.h.cursor('news-1')) ?? '{}'), {
      etag: ETAG,
      lastModified: LAST_MODIFIED,
      seen: [],
    });
  } finally {
    await s.close();
  }
});

test('the charset of the Content-Type header is used to read the feed', async () => {
  const s = await setup({ fetchFullText: false });
  try {
    const bytes = Buffer.concat([
      Buffer.from(
        '<rss version="2.0"><channel><title>Caf\u00e9</title><item><guid>w1</guid><title>',
        'latin1',
      ),
      Buffer.from([0x93]),
      Buffer.from('Ph\u00e1p', 'latin1'),
      Buffer.from([0x94, 0x20, 0x96]),
      Buffer.from(' 12 ', 'latin1'),
      Buffer.from([0x80]),
      Buffer.from('</title></item></channel></rss>', 'latin1'),
    ]);
    s.server.handle((_request, response) =>
      send(response, 200, bytes, { 'content-type': 'application/rss+xml; charset=windows-1252' }),
    );
    const outcome = await s.h.run('news-1');
    assert.equal(outcome.ok, true);
    const [post] = await s.h.posts();
    assert.equal(post?.title, '\u201cPháp\u201d \u2013 12 \u20ac');
    assert.equal(post?.author?.name, 'Café');
  } finally {
    await s.close();
  }
});

test('robots.txt that disallows the article pages keeps the summary and never requests them', async () => {
  const s = await setup();
  try {
    serveSite(s.server, {
      feed: () => rssFeed(s.server.origin, [{ id: 'a1', title: 'Bài một', summary: SUMMARY_1 }]),
      robots: 'User-agent: *\nAllow: /rss.xml\nDisallow: /bai/\n',
      articles: { '/bai/a1.html': articlePage('Bài một', ARTICLE_1) },
    });
    const outcome = await s.h.run('news-1');
    assert.equal(outcome.ok, true);
    assert.deepEqual(paths(s.server.requests), ['/rss.xml', '/robots.txt']);
    assert.deepEqual(
      (await s.h.posts()).map((post) => post.text),
      [SUMMARY_1],
    );
    assert.ok(s.h.logs.some((line) => line.includes('robots.txt disallows the article page')));
  } finally {
    await s.close();
  }
});

test('an article page that fails keeps the summary; Crawl-delay spaces the pages', async () => {
  const s = await setup();
  try {
    serveSite(s.server, {
      feed: () =>
        rssFeed(s.server.origin, [
          { id: 'gone', title: 'Đã gỡ', summary: 'Tóm tắt bài đã gỡ.' },
          { id: 'a1', title: 'Bài một', summary: SUMMARY_1 },
        ]),
      robots: 'User-agent: *\nCrawl-delay: 5\n',
      articles: { '/bai/a1.html': articlePage('Bài một', ARTICLE_1) },
    });
    const outcome = await s.h.run('news-1');
    assert.equal(outcome.ok, true);
    const texts = new Map((await s.h.posts()).map((post) => [post.title, post.text]));
    assert.equal(texts.get('Đã gỡ'), 'Tóm tắt bài đã gỡ.');
    assert.match(texts.get('Bài một') ?? '', /trạm Phú An/);
    assert.deepEqual(s.h.sleeps, [5000]);
    assert.ok(
      s.h.logs.some((line) => /article page not read: .*answered 404.*: summary kept/.test(line)),
    );
  } finally {
    await s.close();
  }
});

test('fetchFullText false reads the feed alone; isPress false is stored', async () => {
  const s = await setup({ fetchFullText: false, isPress: false });
  try {
    serveSite(s.server, {
      feed: () => rssFeed(s.server.origin, [{ id: 'a1', title: 'Bài một', summary: SUMMARY_1 }]),
      articles: { '/bai/a1.html': articlePage('Bài một', ARTICLE_1) },
    });
    await s.h.run('news-1');
    assert.deepEqual(paths(s.server.requests), ['/rss.xml']);
    const [post] = await s.h.posts();
    assert.equal(post?.text, SUMMARY_1);
    assert.equal(post?.author?.isPress, false);
  } finally {
    await s.close();
  }
});

test('a long feed is stored in batches of 20; the validators move with the last one only', async () => {
  const s = await setup({ fetchFullText: false });
  try {
    const entries = Array.from({ length: 45 }, (_, n) => ({
      id: `b${n}`,
      title: `Bài ${n}`,
      summary: `Tóm tắt ${n}.`,
    }));
    serveSite(s.server, { feed: () => rssFeed(s.server.origin, entries) });
    const outcome = await s.h.run('news-1');
    assert.equal(outcome.batches, 3);
    assert.equal((await s.h.posts()).length, 45);
    const cursor = JSON.parse((await s.h.cursor('news-1')) ?? '{}') as {
      etag?: string;
      seen: string[];
    };
    assert.equal(cursor.etag, ETAG);
    assert.equal(cursor.seen.length, 45);
    assert.ok(cursor.seen.length <= MAX_SEEN_IDS);
  } finally {
    await s.close();
  }
});

test('a stop after the first batch keeps the old validators, so the next poll reads the rest', async () => {
  const s = await setup({ fetchFullText: false });
  try {
    const entries = Array.from({ length: 25 }, (_, n) => ({
      id: `c${n}`,
      title: `Bài ${n}`,
      summary: `Tóm tắt ${n}.`,
    }));
    serveSite(s.server, { feed: () => rssFeed(s.server.origin, entries) });
    const controller = new AbortController();
    const stored = s.h.deps.ingest;
    s.h.deps.ingest = async (items, options) => {
      const result = await stored(items, options);
      controller.abort();
      return result;
    };
    await s.h.run('news-1', controller.signal);
    const cursor = JSON.parse((await s.h.cursor('news-1')) ?? '{}') as {
      etag?: string;
      seen: string[];
    };
    assert.equal(cursor.etag, undefined);
    assert.equal(cursor.seen.length, 20);
    s.h.deps.ingest = stored;
    const outcome = await s.h.run('news-1');
    assert.equal(outcome.items, 5);
    assert.equal((await s.h.posts()).length, 25);
    assert.equal(
      (JSON.parse((await s.h.cursor('news-1')) ?? '{}') as { etag?: string }).etag,
      ETAG,
    );
  } finally {
    await s.close();
  }
});

test('a feed URL that is not http(s) is a config error', async () => {
  const s = await setup();
  try {
    await s.h.addSource('rss', { url: 'ftp://example.vn/rss.xml' }, 'news-ftp');
    const outcome = await s.h.run('news-ftp');
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.config');
    assert.equal(s.server.requests.length, 0);
  } finally {
    await s.close();
  }
});

test('a credential in the feed URL never reaches the logs or the outcome', async () => {
  const h = await openSourceHarness([newsConnector]);
  const server = await startPlatformServer((_request, response) =>
    send(response, 200, '<html><body>Đăng nhập</body></html>', { 'content-type': 'text/html' }),
  );
  try {
    const secret = 'private-feed-token-123';
    await h.addSource('rss', { url: `${server.origin}/rss.xml?token=${secret}` }, 'news-private');
    const outcome = await h.run('news-private');
    assert.equal(outcome.error?.code, 'source.bad_response');
    assert.equal(server.requests[0]?.url.searchParams.get('token'), secret);
    assert.doesNotMatch(outcome.error?.message ?? '', new RegExp(secret));
    assert.match(outcome.error?.message ?? '', /token=\*\*\*/);
    for (const line of h.logs) assert.doesNotMatch(line, new RegExp(secret));
  } finally {
    await server.close();
    await h.close();
  }
});

test("a feed's link to another site (an internal address) is never fetched: the summary stays", async () => {
  const s = await setup();
  try {
    // `localhost` reaches the same server under another host name: another site as far as the
    // feed is concerned, as an internal service or a cloud metadata address would be.
    const otherSite = s.server.origin.replace('127.0.0.1', 'localhost');
    serveSite(s.server, {
      feed: () =>
        rssFeed(otherSite, [{ id: 'x1', title: 'Liên kết ra ngoài', summary: SUMMARY_1 }]),
      articles: { '/bai/x1.html': articlePage('Trang nội bộ', ARTICLE_1) },
    });
    const outcome = await s.h.run('news-1');
    assert.equal(outcome.ok, true);
    assert.deepEqual(paths(s.server.requests), ['/rss.xml']);
    const [post] = await s.h.posts();
    assert.equal(post?.text, SUMMARY_1);
  } finally {
    await s.close();
  }
});

test('an article page that redirects to another site keeps the summary; the other site is never asked', async () => {
  const s = await setup();
  try {
    // The same server under another host name: another site, as far as the feed is concerned.
    const otherSite = s.server.origin.replace('127.0.0.1', 'localhost');
    s.server.handle((request, response) => {
      const isOtherSite = request.headers.host?.startsWith('localhost') === true;
      if (request.url.pathname === '/rss.xml')
        return send(
          response,
          200,
          rssFeed(s.server.origin, [{ id: 'r1', title: 'Chuyển hướng', summary: SUMMARY_1 }]),
          { 'content-type': 'application/rss+xml; charset=utf-8' },
        );
      if (request.url.pathname === '/bai/r1.html' && !isOtherSite)
        return send(response, 302, '', { location: `${otherSite}/bai/r1.html` });
      if (request.url.pathname === '/bai/r1.html')
        return send(response, 200, articlePage('Trang nơi khác', ARTICLE_1), {
          'content-type': 'text/html; charset=utf-8',
        });
      return send(response, 404, 'not found');
    });
    const outcome = await s.h.run('news-1');
    assert.equal(outcome.ok, true);
    assert.deepEqual(paths(s.server.requests), ['/rss.xml', '/robots.txt', '/bai/r1.html']);
    const [post] = await s.h.posts();
    assert.equal(post?.text, SUMMARY_1);
    assert.ok(
      s.h.logs.some((line) => line.includes('source.redirect') || line.includes('redirected to')),
    );
  } finally {
    await s.close();
  }
});
