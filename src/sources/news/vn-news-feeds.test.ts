import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newsConfigSchema } from './news-connector.js';

const LIST = join(import.meta.dirname, '..', '..', '..', 'data', 'feeds', 'vn-news.json');

interface ListedFeed {
  name: string;
  url: string;
  site: string;
  isPress: boolean;
  category: string;
  note?: string;
}

test('every listed Vietnamese feed is a valid rss source config on its own site', () => {
  const feeds = JSON.parse(readFileSync(LIST, 'utf8')) as ListedFeed[];
  assert.ok(feeds.length >= 15);
  for (const feed of feeds) {
    const parsed = newsConfigSchema.safeParse({ url: feed.url, isPress: feed.isPress });
    assert.ok(parsed.success, feed.url);
    assert.equal(feed.isPress, true, feed.name);
    assert.ok(new URL(feed.url).hostname.endsWith(feed.site), `${feed.url} is not on ${feed.site}`);
    assert.ok(feed.name.trim() !== '' && feed.category.trim() !== '', feed.url);
  }
  assert.equal(new Set(feeds.map((feed) => feed.url)).size, feeds.length);
  const sites = new Set(feeds.map((feed) => feed.site));
  for (const site of [
    'vnexpress.net',
    'tuoitre.vn',
    'thanhnien.vn',
    'dantri.com.vn',
    'nld.com.vn',
    'vtv.vn',
    'baochinhphu.vn',
  ])
    assert.ok(sites.has(site), site);
});
