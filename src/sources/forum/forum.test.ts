import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { openSourceHarness } from '../../../test/sources/harness.js';
import type { SourceHarness } from '../../../test/sources/harness.js';
import { startPlatformServer } from '../../../test/sources/platform-server.js';
import type { PlatformServer, RecordedRequest } from '../../../test/sources/platform-server.js';
import { otofunPage, vozPage, webtrethoPage } from '../../../test/fixtures/web/forum-pages.js';
import type { ThreadFixture } from '../../../test/fixtures/web/forum-pages.js';
import { createForumConnector, forumConfigSchema, forumConnector } from './index.js';

type Route = string | { status: number; body?: string; headers?: Record<string, string> };
type Routes = Record<string, Route | Route[]>;

const VOZ = {
  itemSelector: '.structItem--thread',
  linkSelector: '.structItem-title a',
  authorSelector: '.structItem-minor .username',
  dateSelector: '.structItem-startDate time',
  nextPageSelector: 'a.pageNav-jump--next',
};

function thread(id: number, extra: Partial<ThreadFixture> = {}): ThreadFixture {
  return {
    href: `/t/chu-de-so-${id}.${id}/`,
    title: `Chủ đề số ${id}: kẹt xe cầu Sài Gòn`,
    author: `member${id}`,
    date: '2026-11-23T14:30:00+0700',
    epoch: 1795419000,
    ...extra,
  };
}

function send(response: ServerResponse, route: Route): void {
  const spec = typeof route === 'string' ? { status: 200, body: route } : route;
  response.writeHead(spec.status, { 'content-type': 'text/html; charset=utf-8', ...spec.headers });
  response.end(spec.body ?? '');
}

describe('forum connector', () => {
  let server: PlatformServer;
  let h: SourceHarness;
  const sleeps: number[] = [];
  const connector = createForumConnector({
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });

  /** Serves `routes` by path and query; a list of answers is played in order, the last repeats. */
  function serve(routes: Routes): void {
    const played = new Map<string, number>();
    server.handle((request: RecordedRequest, response) => {
      const route =
        routes[request.path] ?? (request.path === '/robots.txt' ? { status: 404 } : undefined);
      if (route === undefined) return send(response, { status: 404, body: 'not found' });
      if (!Array.isArray(route)) return send(response, route);
      const index = played.get(request.path) ?? 0;
      played.set(request.path, index + 1);
      send(response, route[Math.min(index, route.length - 1)] as Route);
    });
  }

  const paths = (): string[] => server.requests.map((request) => request.path);

  before(async () => {
    server = await startPlatformServer();
  });
  after(() => server.close());
  beforeEach(async () => {
    h = await openSourceHarness([connector]);
    server.requests.length = 0;
    sleeps.length = 0;
  });
  afterEach(() => h.close());

  it('reads a voz-shaped forum to the last page, politely, and continues from the cursor', async () => {
    serve({
      '/robots.txt': 'User-agent: *\nDisallow: /search/\nDisallow: /members/\n',
      '/f/diem-bao.33/': vozPage([thread(1), thread(2)], '/f/diem-bao.33/page-2'),
      '/f/diem-bao.33/page-2': vozPage([thread(3)]),
    });
    await h.addSource('forum', { url: `${server.origin}/f/diem-bao.33/`, ...VOZ });

    const outcome = await h.run('forum-1');

    assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
    assert.deepEqual(paths(), ['/robots.txt', '/f/diem-bao.33/', '/f/diem-bao.33/page-2']);
    assert.match(String(server.requests[1]?.headers['user-agent']), /^langnghe\//);
    assert.match(String(server.requests[1]?.headers.accept), /^text\/html/);
    assert.deepEqual(sleeps, [1000]);
    assert.deepEqual(h.sleeps, []);
    const posts = await h.posts();
    assert.equal(posts.length, 3);
    const first = posts.find((post) => post.url === `${server.origin}/t/chu-de-so-1.1/`);
    assert.ok(first !== undefined);
    assert.equal(first.id, `forum:${server.origin}/t/chu-de-so-1.1/`);
    assert.equal(first.platform, 'forum');
    assert.equal(first.kind, 'post');
    assert.equal(first.title, 'Chủ đề số 1: kẹt xe cầu Sài Gòn');
    assert.equal(first.text, 'Chủ đề số 1: kẹt xe cầu Sài Gòn');
    assert.equal(first.publishedAt, '2026-11-23T07:30:00.000Z');
    assert.deepEqual(first.author, { id: `${server.origin}/u/member1.9000/`, name: 'member1' });
    const seen = [1, 2, 3].map((id) => `${server.origin}/t/chu-de-so-${id}.${id}/`);
    assert.deepEqual(JSON.parse((await h.cursor('forum-1')) ?? ''), { seen });

    server.requests.length = 0;
    serve({
      '/f/diem-bao.33/': vozPage([thread(4), thread(1), thread(2)], '/f/diem-bao.33/page-2'),
      '/f/diem-bao.33/page-2': vozPage([thread(3)], '/f/diem-bao.33/page-3'),
    });
    const second = await h.run('forum-1');

    assert.equal(second.ok, true);
    assert.equal(second.items, 1);
    assert.deepEqual(paths(), ['/robots.txt', '/f/diem-bao.33/', '/f/diem-bao.33/page-2']);
    assert.equal((await h.posts()).length, 4);
    assert.deepEqual(JSON.parse((await h.cursor('forum-1')) ?? '').seen, [
      `${server.origin}/t/chu-de-so-4.4/`,
      `${server.origin}/t/chu-de-so-1.1/`,
      `${server.origin}/t/chu-de-so-2.2/`,
      `${server.origin}/t/chu-de-so-3.3/`,
    ]);
  });

  it('stops after maxPages and waits the Crawl-delay between pages', async () => {
    const routes: Routes = {
      '/robots.txt': 'User-agent: langnghe\nCrawl-delay: 5\nDisallow: /private\n',
    };
    for (let page = 1; page <= 6; page++)
      routes[`/forums/p${page}`] = vozPage([thread(page)], `/forums/p${page + 1}`);
    serve(routes);
    await h.addSource('forum', { url: `${server.origin}/forums/p1`, ...VOZ, maxPages: 2 });

    const outcome = await h.run('forum-1');

    assert.equal(outcome.ok, true);
    assert.deepEqual(paths(), ['/robots.txt', '/forums/p1', '/forums/p2']);
    assert.deepEqual(sleeps, [5000]);
    assert.equal((await h.posts()).length, 2);
  });

  it('fails with source.robots and fetches nothing when robots.txt disallows the list', async () => {
    serve({ '/robots.txt': 'User-agent: *\nDisallow: /f/\n', '/f/x/': vozPage([thread(1)]) });
    await h.addSource('forum', { url: `${server.origin}/f/x/`, ...VOZ });

    const outcome = await h.run('forum-1');

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.robots');
    assert.match(
      outcome.error?.message ?? '',
      /robots\.txt of http:\/\/127\.0\.0\.1:\d+ does not let langnghe fetch/,
    );
    assert.deepEqual(paths(), ['/robots.txt']);
    assert.deepEqual(await h.posts(), []);
    assert.equal(await h.cursor('forum-1'), undefined);
  });

  it('treats a robots.txt that answers 5xx as disallowing everything', async () => {
    serve({ '/robots.txt': { status: 503 }, '/f/x/': vozPage([thread(1)]) });
    await h.addSource('forum', { url: `${server.origin}/f/x/`, ...VOZ });

    const outcome = await h.run('forum-1');

    assert.equal(outcome.error?.code, 'source.robots');
    assert.ok(paths().every((path) => path === '/robots.txt'));
    assert.equal(h.sleeps.length, 4);
  });

  it('retries a list page that answers 503 once, then stores it', async () => {
    serve({ '/f/x/': [{ status: 503, body: 'Service Unavailable' }, vozPage([thread(1)])] });
    await h.addSource('forum', { url: `${server.origin}/f/x/`, ...VOZ });

    const outcome = await h.run('forum-1');

    assert.equal(outcome.ok, true);
    assert.deepEqual(paths(), ['/robots.txt', '/f/x/', '/f/x/']);
    assert.deepEqual(h.sleeps, [750]);
    assert.equal((await h.posts()).length, 1);
    assert.deepEqual(JSON.parse((await h.cursor('forum-1')) ?? '').seen, [
      `${server.origin}/t/chu-de-so-1.1/`,
    ]);
  });

  it('waits out a 429 with Retry-After, then stores the page', async () => {
    serve({
      '/f/x/': [{ status: 429, headers: { 'retry-after': '7' } }, vozPage([thread(1), thread(2)])],
    });
    await h.addSource('forum', { url: `${server.origin}/f/x/`, ...VOZ });

    const outcome = await h.run('forum-1');

    assert.equal(outcome.ok, true);
    assert.deepEqual(h.sleeps, [7000]);
    assert.equal((await h.posts()).length, 2);
  });

  it('fails with source.http on a list page that answers 404, keeping no cursor', async () => {
    serve({});
    await h.addSource('forum', { url: `${server.origin}/f/gone/`, ...VOZ });

    const outcome = await h.run('forum-1');

    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.http');
    assert.equal(await h.cursor('forum-1'), undefined);
  });

  it('stores nothing and keeps no cursor for an empty list page', async () => {
    serve({ '/f/x/': vozPage([]) });
    await h.addSource('forum', { url: `${server.origin}/f/x/`, ...VOZ });

    const outcome = await h.run('forum-1');

    assert.equal(outcome.ok, true);
    assert.equal(outcome.items, 0);
    assert.deepEqual(await h.posts(), []);
    assert.equal(await h.cursor('forum-1'), undefined);
    assert.ok(h.logs.some((line) => line.includes('no item matched')));
  });

  it('stores a thread listed on two pages once and yields it once', async () => {
    serve({
      '/f/x/': vozPage([thread(1), thread(2)], '/f/x/page-2'),
      '/f/x/page-2': vozPage([thread(2), thread(3)]),
    });
    await h.addSource('forum', { url: `${server.origin}/f/x/`, ...VOZ });

    const outcome = await h.run('forum-1');

    assert.equal(outcome.ok, true);
    assert.equal(outcome.items, 3);
    assert.equal(outcome.inserted, 3);
    assert.equal((await h.posts()).length, 3);
    assert.equal(JSON.parse((await h.cursor('forum-1')) ?? '').seen.length, 3);
  });

  it('stores partial items (no author, no date) with what they have', async () => {
    serve({
      '/f/x/': vozPage([
        thread(1, { author: undefined, date: undefined }),
        thread(2, { date: 'không rõ', epoch: undefined }),
      ]),
    });
    await h.addSource('forum', { url: `${server.origin}/f/x/`, ...VOZ });

    const outcome = await h.run('forum-1');

    assert.equal(outcome.ok, true);
    const posts = await h.posts();
    assert.equal(posts.length, 2);
    const [one, two] = [1, 2].map((id) =>
      posts.find((post) => post.title?.startsWith(`Chủ đề số ${id}:`)),
    );
    assert.equal(one?.author, undefined);
    assert.equal(one?.publishedAt, new Date(h.clock.now()).toISOString());
    assert.equal(two?.author?.name, 'member2');
    assert.equal(two?.publishedAt, new Date(h.clock.now()).toISOString());
  });

  it('reads a webtretho-shaped list: relative links, excerpts, Vietnamese dates', async () => {
    serve({
      '/f/tam-su': webtrethoPage(
        [
          {
            href: 'tam-su/chong-toi-vo-tam-123',
            title: 'Chồng tôi vô tâm quá',
            author: 'Mẹ Bống',
            date: '2 giờ trước',
            excerpt: 'Các mẹ ơi, chồng em đi làm về là cắm mặt vào điện thoại…',
          },
          {
            href: '/f/tam-su/nha-chat-456',
            title: 'Nhà chật, ở chung với bố mẹ chồng',
            author: 'Lan Anh',
            date: 'Hôm nay, 08:30',
          },
          {
            href: '../f/tam-su/hoc-phi-789',
            title: 'Học phí mầm non tăng',
            date: '22/11/2026 21:15',
          },
        ],
        '?page=2',
      ),
      '/f/tam-su?page=2': webtrethoPage([
        {
          href: '/f/tam-su/di-cho-999',
          title: 'Đi chợ cuối tuần ở đâu rẻ?',
          author: 'Hà',
          date: '3 ngày trước',
        },
      ]),
    });
    await h.addSource('forum', {
      url: `${server.origin}/f/tam-su`,
      itemSelector: 'ul.list-thread > li.thread-item',
      titleSelector: '.thread-title',
      textSelector: '.thread-excerpt',
      authorSelector: '.thread-author',
      dateSelector: '.thread-time',
      nextPageSelector: '.paging a[rel=next]',
      platform: 'web',
    });

    const outcome = await h.run('forum-1');

    assert.equal(outcome.ok, true);
    assert.deepEqual(paths(), ['/robots.txt', '/f/tam-su', '/f/tam-su?page=2']);
    const byUrl = new Map((await h.posts()).map((post) => [post.url, post]));
    const first = byUrl.get(`${server.origin}/f/tam-su/chong-toi-vo-tam-123`);
    assert.equal(first?.platform, 'web');
    assert.equal(first?.text, 'Các mẹ ơi, chồng em đi làm về là cắm mặt vào điện thoại…');
    assert.equal(first?.title, 'Chồng tôi vô tâm quá');
    assert.deepEqual(first?.author, { id: 'Mẹ Bống', name: 'Mẹ Bống' });
    assert.equal(first?.publishedAt, '2026-11-23T06:00:00.000Z');
    assert.equal(
      byUrl.get(`${server.origin}/f/tam-su/nha-chat-456`)?.publishedAt,
      '2026-11-23T01:30:00.000Z',
    );
    assert.equal(
      byUrl.get(`${server.origin}/f/tam-su/hoc-phi-789`)?.publishedAt,
      '2026-11-22T14:15:00.000Z',
    );
    assert.equal(
      byUrl.get(`${server.origin}/f/tam-su/di-cho-999`)?.publishedAt,
      '2026-11-20T08:00:00.000Z',
    );
  });

  it('reads an otofun-shaped vBulletin list: session ids dropped, date inside the starter label', async () => {
    serve({
      '/forums/forumdisplay.php?f=10': otofunPage([
        {
          href: 'showthread.php?t=7001&s=9b2c1d',
          title: 'Đường Láng ngập sau mưa',
          author: 'otofan',
          date: '23/11/2026 08:30',
          excerpt: 'Sáng nay đi làm qua Đường Láng…',
        },
        {
          href: 'showthread.php?t=7002',
          title: 'Thu phí không dừng lỗi liên tục',
          date: 'Hôm qua, 22:10',
        },
      ]),
    });
    await h.addSource('forum', {
      url: `${server.origin}/forums/forumdisplay.php?f=10`,
      itemSelector: 'ol#threads > li.threadbit',
      linkSelector: 'a.title',
      authorSelector: '.author a.username',
      dateSelector: '.author .label',
      nextPageSelector: 'a[rel=next]',
    });

    const outcome = await h.run('forum-1');

    assert.equal(outcome.ok, true);
    const posts = await h.posts();
    assert.deepEqual(posts.map((post) => post.url).sort(), [
      `${server.origin}/forums/showthread.php?t=7001`,
      `${server.origin}/forums/showthread.php?t=7002`,
    ]);
    const first = posts.find((post) => post.url?.endsWith('t=7001'));
    assert.deepEqual(first?.author, {
      id: `${server.origin}/forums/member.php?u=500`,
      name: 'otofan',
    });
    assert.equal(first?.publishedAt, '2026-11-23T01:30:00.000Z');
    assert.equal(
      posts.find((post) => post.url?.endsWith('t=7002'))?.publishedAt,
      '2026-11-22T15:10:00.000Z',
    );
  });

  it('reads each new thread page for its text when fetchThreadText is on, skipping disallowed ones', async () => {
    const body =
      '<p>Sáng nay cầu Sài Gòn kẹt xe kéo dài hơn hai cây số, xe máy chen lên vỉa hè, cảnh sát giao thông phải phân luồng từ sớm.</p>'.repeat(
        3,
      );
    serve({
      '/robots.txt': 'User-agent: *\nDisallow: /t/bi-mat\n',
      '/f/x/': vozPage([thread(1), { ...thread(2), href: '/t/bi-mat.2/' }]),
      '/t/chu-de-so-1.1/': `<html><body><nav>Menu</nav><article class="message-body">${body}</article></body></html>`,
    });
    await h.addSource('forum', { url: `${server.origin}/f/x/`, ...VOZ, fetchThreadText: true });

    const outcome = await h.run('forum-1');

    assert.equal(outcome.ok, true);
    assert.deepEqual(paths(), ['/robots.txt', '/f/x/', '/t/chu-de-so-1.1/']);
    assert.deepEqual(sleeps, [1000]);
    const posts = await h.posts();
    const fetched = posts.find((post) => post.url?.endsWith('/t/chu-de-so-1.1/'));
    assert.ok(fetched?.text.startsWith('Sáng nay cầu Sài Gòn kẹt xe'));
    assert.equal(fetched?.text.split('\n\n').length, 3);
    assert.equal(
      posts.find((post) => post.url?.endsWith('/t/bi-mat.2/'))?.text,
      'Chủ đề số 2: kẹt xe cầu Sài Gòn',
    );
  });

  it('never follows a thread link or a next page to another site', async () => {
    const other = server.origin.replace('127.0.0.1', 'localhost');
    serve({
      '/f/x/': vozPage([{ ...thread(1), href: `${other}/t/noi-bo.1/` }]).replace(
        '</body>',
        `<a class="pageNav-jump--next" href="${other}/f/x/page-2">Tiếp</a></body>`,
      ),
      '/t/noi-bo.1/': '<html><body><article>Trang nội bộ không được đọc.</article></body></html>',
    });
    await h.addSource('forum', { url: `${server.origin}/f/x/`, ...VOZ, fetchThreadText: true });

    const outcome = await h.run('forum-1');

    assert.equal(outcome.ok, true);
    assert.deepEqual(paths(), ['/robots.txt', '/f/x/']);
    assert.equal((await h.posts()).length, 1);
  });

  it('never follows a thread page that redirects to another site: the list text stays', async () => {
    const other = server.origin.replace('127.0.0.1', 'localhost');
    serve({
      '/f/x/': vozPage([thread(1)]),
      '/t/chu-de-so-1.1/': { status: 302, headers: { location: `${other}/t/noi-bo.1/` } },
      '/t/noi-bo.1/': '<html><body><article>Trang nội bộ không được đọc.</article></body></html>',
    });
    await h.addSource('forum', { url: `${server.origin}/f/x/`, ...VOZ, fetchThreadText: true });

    const outcome = await h.run('forum-1');

    assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
    assert.deepEqual(paths(), ['/robots.txt', '/f/x/', '/t/chu-de-so-1.1/']);
    const [post] = await h.posts();
    assert.equal(post?.text, 'Chủ đề số 1: kẹt xe cầu Sài Gòn');
  });

  it('keeps a long item URL as a hash', async () => {
    const longHref = `/t/${'rat-dai-'.repeat(50)}.1/`;
    serve({ '/f/x/': vozPage([{ ...thread(1), href: longHref }]) });
    await h.addSource('forum', { url: `${server.origin}/f/x/`, ...VOZ });

    await h.run('forum-1');

    const [post] = await h.posts();
    assert.match(post?.id ?? '', /^forum:sha256:[0-9a-f]{40}$/);
    assert.equal(post?.url, `${server.origin}${longHref}`);
    assert.deepEqual(JSON.parse((await h.cursor('forum-1')) ?? '').seen, [
      post?.id.slice('forum:'.length),
    ]);
  });

  it('refuses a config with an invalid selector, naming it, before fetching anything', async () => {
    await h.addSource('forum', {
      url: `${server.origin}/f/x/`,
      ...VOZ,
      dateSelector: 'time[datetime',
    });

    const outcome = await h.run('forum-1');

    assert.equal(outcome.error?.code, 'source.config');
    assert.match(
      outcome.error?.message ?? '',
      /dateSelector: not a valid CSS selector \("time\[datetime"\)/,
    );
    assert.deepEqual(paths(), []);
  });
});

describe('forum config schema', () => {
  it('fills the defaults and bounds maxPages', () => {
    const parsed = forumConfigSchema.parse({
      url: 'https://voz.vn/f/diem-bao.33/',
      itemSelector: '.structItem',
    });
    assert.equal(parsed.maxPages, 3);
    assert.equal(parsed.fetchThreadText, false);
    assert.equal(parsed.platform, 'forum');
    assert.equal(forumConfigSchema.safeParse({ ...parsed, maxPages: 21 }).success, false);
    assert.equal(forumConfigSchema.safeParse({ ...parsed, url: 'ftp://voz.vn/' }).success, false);
    assert.equal(
      forumConfigSchema.safeParse({ ...parsed, itemSelector: 'div >> p' }).success,
      false,
    );
    assert.equal(
      forumConfigSchema.safeParse({ ...parsed, linkSelector: 'a:bogus' }).success,
      false,
    );
  });

  it('describes the connector', () => {
    assert.equal(forumConnector.kind, 'forum');
    assert.equal(forumConnector.platform, 'forum');
    assert.equal(forumConnector.mode, 'poll');
    assert.equal(forumConnector.defaultIntervalSeconds, 600);
    assert.deepEqual(forumConnector.secretFields, []);
  });
});
