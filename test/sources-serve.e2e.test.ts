import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendJson, startPlatformServer } from './sources/platform-server.js';
import { waitFor } from './helpers.js';
import { callApi, ownerToken, startServe } from './web-helpers.js';

interface Video {
  id: string;
  title: string;
  publishedAt: string;
}

/**
 * One local server playing the YouTube Data API, the Graph API and a news site, in their
 * documented shapes. New items appear while the test runs, so a second poll has something new.
 */
async function startPlatforms() {
  const videos: Video[] = [];
  const fbPosts: Array<{ id: string; message: string; created_time: string }> = [];
  const articles: Array<{ guid: string; title: string; pubDate: string }> = [];
  const add = (n: number): void => {
    const at = new Date(Date.now() - 60_000 + n * 1000);
    videos.unshift({
      id: `vid${n}`,
      title: `Ngập nước quận 7 sau mưa lớn, clip ${n}`,
      publishedAt: at.toISOString(),
    });
    fbPosts.unshift({
      id: `1122_${n}`,
      message: `Phản ánh ngập nước đường Huỳnh Tấn Phát số ${n}`,
      created_time: at.toISOString().replace('.000Z', '+0000'),
    });
    articles.unshift({
      guid: `https://news.test/bai-${n}.html`,
      title: `Triều cường gây ngập quận 7, bài ${n}`,
      pubDate: at.toUTCString(),
    });
  };
  add(1);
  const server = await startPlatformServer((request, response) => {
    const path = request.url.pathname;
    const params = request.url.searchParams;
    if (path === '/youtube/v3/search')
      return sendJson(response, 200, {
        kind: 'youtube#searchListResponse',
        pageInfo: { totalResults: videos.length, resultsPerPage: 50 },
        items: videos.map((v) => ({
          kind: 'youtube#searchResult',
          id: { kind: 'youtube#video', videoId: v.id },
          snippet: {
            publishedAt: v.publishedAt,
            channelId: 'UCkenh',
            title: v.title,
            description: 'Clip người dân quay',
            channelTitle: 'Kênh Tin Sài Gòn',
          },
        })),
      });
    if (path === '/youtube/v3/videos') {
      const ids = (params.get('id') ?? '').split(',');
      return sendJson(response, 200, {
        kind: 'youtube#videoListResponse',
        items: videos
          .filter((v) => ids.includes(v.id))
          .map((v) => ({
            kind: 'youtube#video',
            id: v.id,
            snippet: {
              publishedAt: v.publishedAt,
              channelId: 'UCkenh',
              title: v.title,
              description: 'Clip người dân quay',
              channelTitle: 'Kênh Tin Sài Gòn',
            },
            statistics: { viewCount: '120', likeCount: '7', commentCount: '0' },
          })),
      });
    }
    if (path === '/v21.0/1122/feed')
      return sendJson(response, 200, {
        data: fbPosts.map((p) => ({ ...p, from: { id: '1122', name: 'Trang Phản Ánh Q7' } })),
        paging: { cursors: { before: 'QVFIUk', after: 'QVFIUl' } },
      });
    if (path === '/rss/tin-moi.rss') {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      response.end(
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo Thử</title><link>https://news.test/</link>` +
          articles
            .map(
              (a) =>
                `<item><title>${a.title}</title><link>${a.guid}</link><guid>${a.guid}</guid><pubDate>${a.pubDate}</pubDate><description><![CDATA[<p>${a.title}: người dân lội nước về nhà.</p>]]></description><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>${a.title}. Nước ngập sâu 40 cm trên đường Huỳnh Tấn Phát, nhiều xe chết máy.</p>]]></content:encoded></item>`,
            )
            .join('') +
          '</channel></rss>',
      );
      return;
    }
    sendJson(response, 404, { error: { message: `no ${path}` } });
  });
  return { server, add };
}

test(
  'serve collects continuously from sources added over the API: a news feed, a YouTube query, a Facebook page',
  { timeout: 90_000 },
  async () => {
    const { server: platforms, add } = await startPlatforms();
    const dataDir = mkdtempSync(join(tmpdir(), 'langnghe-sources-e2e-'));
    const served = await startServe({
      dataDir,
      args: ['--no-demo'],
      // The platforms play on this machine's loopback, which connectors refuse unless allowed.
      env: {
        LANGNGHE_SECRET_KEY: 'e2e-secret-passphrase-0123456789',
        LANGNGHE_FETCH_ALLOW: '127.0.0.1/32',
      },
    }).catch(async (error: unknown) => {
      await platforms.close();
      throw error;
    });
    const serve = served.server;
    const { base } = served;
    const stream = new AbortController();
    try {
      const admin = await ownerToken(served);
      const topic = (await (
        await callApi(base, admin, '/api/topics', {
          method: 'POST',
          body: { name: 'Ngập Q7', query: 'ngập AND ("quận 7" OR "Huỳnh Tấn Phát")' },
        })
      ).json()) as { id: string };

      // The live page's stream: matches arrive here as the sources collect.
      const live = await fetch(`${base}/api/stream`, {
        headers: { authorization: `Bearer ${admin}` },
        signal: stream.signal,
      });
      assert.equal(live.status, 200);
      let liveText = '';
      void (async () => {
        const decoder = new TextDecoder();
        for await (const chunk of live.body!)
          liveText += decoder.decode(chunk as Uint8Array, { stream: true });
      })().catch(() => undefined);

      const sources = [
        {
          id: 'tin-moi',
          kind: 'rss',
          name: 'Báo Thử',
          config: {
            url: `${platforms.origin}/rss/tin-moi.rss`,
            fetchFullText: false,
            intervalSeconds: 10,
          },
        },
        {
          id: 'yt-ngap',
          kind: 'youtube',
          name: 'YouTube: ngập',
          config: {
            query: 'ngập nước',
            apiKey: 'AIza-e2e-secret-key',
            withComments: false,
            apiBaseUrl: `${platforms.origin}/youtube/v3`,
            intervalSeconds: 10,
          },
        },
        {
          id: 'fb-q7',
          kind: 'facebook-page',
          name: 'Trang Q7',
          config: {
            pageId: '1122',
            accessToken: 'EAAB-e2e-secret-token',
            withComments: false,
            apiBaseUrl: platforms.origin,
            intervalSeconds: 10,
          },
        },
      ];
      for (const source of sources) {
        const created = await callApi(base, admin, '/api/sources', {
          method: 'POST',
          body: source,
        });
        assert.equal(created.status, 201, await created.clone().text());
      }

      const stored = async (q: string): Promise<string[] | undefined> => {
        const body = (await (
          await callApi(base, admin, `/api/posts?q=${encodeURIComponent(q)}&limit=100`)
        ).json()) as { hits: Array<{ post: { id: string } }> };
        return body.hits.map((h) => h.post.id);
      };
      const firstIds = await waitFor(
        async () => {
          const ids = await stored('ngập');
          return ids !== undefined && ids.length >= 3 ? ids : undefined;
        },
        30_000,
        `the first poll of each source (${serve.stderr()})`,
      );
      assert.ok(firstIds.includes('youtube:vid1'), String(firstIds));
      assert.ok(firstIds.includes('facebook:1122_1'), String(firstIds));
      assert.ok(
        firstIds.some((id) => id.startsWith('news:')),
        String(firstIds),
      );

      // New items on the platforms arrive with the next polls, without anyone asking.
      add(2);
      await waitFor(
        async () => {
          const ids = (await stored('ngập')) ?? [];
          return ids.includes('youtube:vid2') &&
            ids.includes('facebook:1122_2') &&
            ids.filter((id) => id.startsWith('news:')).length >= 2
            ? true
            : undefined;
        },
        40_000,
        `the second poll (${serve.stderr()})`,
      );
      await waitFor(
        () => (liveText.includes('youtube:vid2') ? true : undefined),
        10_000,
        'the live stream to carry the new match',
      );
      assert.match(liveText, new RegExp(topic.id));

      const list = (await (await callApi(base, admin, '/api/sources')).json()) as {
        sources: Array<{
          id: string;
          health: { itemsLastHour: number; consecutiveFailures: number };
          schedule?: { nextRunAt?: string };
        }>;
      };
      for (const source of list.sources) {
        assert.ok(
          source.health.itemsLastHour >= 2,
          `${source.id}: ${JSON.stringify(source.health)}`,
        );
        assert.equal(source.health.consecutiveFailures, 0);
        assert.ok(source.schedule?.nextRunAt !== undefined, source.id);
      }
      assert.doesNotMatch(
        JSON.stringify(list) + serve.stdout() + serve.stderr(),
        /AIza-e2e-secret-key|EAAB-e2e-secret-token/,
      );
      const ytRequest = platforms.requests.find((r) => r.url.pathname === '/youtube/v3/search');
      assert.equal(ytRequest?.url.searchParams.get('key'), 'AIza-e2e-secret-key');
      assert.equal(ytRequest?.url.searchParams.get('q'), 'ngập nước');
    } finally {
      stream.abort();
      await served.stop();
      await platforms.close();
    }
  },
);
