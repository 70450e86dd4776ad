import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isLangngheError } from '../../core/errors.js';
import { formatFeedRecords } from './feed-record.js';
import { MAX_FEED_ITEMS, parseFeed } from './parse-feed.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'feeds');

const fixtures = readdirSync(FIXTURES)
  .filter((name) => /\.(?:xml|json|html|txt)$/.test(name) && !name.includes('.expected.'))
  .sort();

function readFixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

function printed(name: string): string {
  try {
    return formatFeedRecords(parseFeed(readFixture(name)).items);
  } catch (error) {
    if (!isLangngheError(error)) throw error;
    return `${JSON.stringify({ error: error.code }, null, 2)}\n`;
  }
}

test('the corpus holds at least 45 feeds, each with its expected output', () => {
  assert.ok(fixtures.length >= 45, `only ${fixtures.length} fixtures`);
});

for (const name of fixtures) {
  test(`fixture ${name} parses to its expected items`, () => {
    const expected = readFileSync(
      join(FIXTURES, name.replace(/\.[^.]+$/, '.expected.json')),
      'utf8',
    );
    assert.equal(printed(name), expected);
  });
}

test('dialects are told apart', () => {
  const formats = Object.fromEntries(
    [
      'vnexpress-tin-moi-nhat.xml',
      'rss091-netscape.xml',
      'rdf-slashdot.xml',
      'atom10-xml-base.xml',
      'atom03.xml',
      'jsonfeed-1.1.json',
    ].map((name) => [name, parseFeed(readFixture(name)).format]),
  );
  assert.deepEqual(formats, {
    'vnexpress-tin-moi-nhat.xml': 'rss2',
    'rss091-netscape.xml': 'rss09',
    'rdf-slashdot.xml': 'rdf',
    'atom10-xml-base.xml': 'atom10',
    'atom03.xml': 'atom03',
    'jsonfeed-1.1.json': 'jsonfeed',
  });
});

test('an item with only a description is summaryOnly; content:encoded or a long description is not', () => {
  const [vnexpress] = parseFeed(readFixture('vnexpress-tin-moi-nhat.xml')).items;
  const [wordpress] = parseFeed(readFixture('wordpress-content-encoded.xml')).items;
  const [long] = parseFeed(readFixture('long-description-full-text.xml')).items;
  assert.equal(vnexpress?.summaryOnly, true);
  assert.equal(wordpress?.summaryOnly, false);
  assert.equal(long?.summaryOnly, false);
});

test('the html is kept as the feed gave it, the text has no markup', () => {
  const [item] = parseFeed(readFixture('wordpress-content-encoded.xml')).items;
  assert.match(item?.html ?? '', /^<p>Ngôi chợ khánh thành năm <strong>1914<\/strong>/);
  assert.match(item?.html ?? '', /<script>trackView\(\);<\/script>/);
  assert.doesNotMatch(item?.text ?? '', /trackView|</);
});

test('images come from enclosures, media elements or the first <img>, resolved', () => {
  const images = (name: string): (string | undefined)[] =>
    parseFeed(readFixture(name)).items.map((item) => item.imageUrl);
  assert.deepEqual(images('vnexpress-tin-moi-nhat.xml'), [
    'https://i1-vnexpress.vnecdn.net/2026/11/23/ngap-1700000000.jpg?w=1200&h=0&q=100&dpr=1&fit=crop&s=abc',
    'https://i1-vnexpress.vnecdn.net/2026/11/23/metro.jpg',
    undefined,
  ]);
  assert.deepEqual(images('znews-media-rss.xml'), [
    'https://znews.vn/images/2026/11/23/ham-chui.jpg',
    'https://znews-photo.zingcdn.me/w660/2026/11/23/ben-xe.jpg',
  ]);
  assert.deepEqual(
    images('atom10-xml-base.xml')[1],
    'https://blog.example.vn/en/archive/img/pho-co.jpg',
  );
  assert.deepEqual(images('jsonfeed-1.1.json').slice(0, 2), [
    'https://danang.example.vn/img/cau-rong.jpg',
    'https://danang.example.vn/img/2.jpg',
  ]);
  assert.deepEqual(images('rss092-enclosure.xml'), [undefined, undefined]);
});

test('categories come from category, dc:subject and Atom terms, without repeats', () => {
  const categories = (name: string): string[][] =>
    parseFeed(readFixture(name)).items.map((item) => item.categories);
  assert.deepEqual(categories('wordpress-content-encoded.xml'), [
    ['Lịch sử', 'Quận 1'],
    ['Đường phố'],
  ]);
  assert.deepEqual(categories('rdf-slashdot.xml'), [['internet'], ['science']]);
  assert.deepEqual(categories('atom03.xml'), [[], ['Ghi chép'], []]);
  assert.deepEqual(categories('jsonfeed-1.0.json'), [['mưa', 'ngập'], []]);
});

test('the feed title and link are read and resolved', () => {
  const feed = parseFeed(readFixture('atom10-xml-base.xml'));
  assert.equal(feed.title, 'Nhật ký đô thị');
  assert.equal(feed.link, 'https://blog.example.vn/vi/');
});

test('what was repaired or dropped is reported in warnings', () => {
  assert.deepEqual(parseFeed(readFixture('laodong-vn-dates.xml')).warnings, [
    'item 4: unreadable date "hôm qua"',
  ]);
  assert.deepEqual(parseFeed(readFixture('undeclared-windows-1252.xml')).warnings, [
    'bytes are not UTF-8 and no charset is declared: read as windows-1252',
  ]);
  assert.match(
    parseFeed(readFixture('baochinhphu-duplicate-items.xml')).warnings[0] ?? '',
    /repeated/,
  );
});

test('the HTTP charset wins over the XML declaration, a BOM over both', () => {
  const xml = (encoding: string, title: string): string =>
    `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><item><title>${title}</title><guid>1</guid></item></channel></rss>`;
  const latin1Bytes = Buffer.from(xml('utf-8', 'Café'), 'latin1');
  assert.equal(
    parseFeed(latin1Bytes, { contentType: 'application/rss+xml; charset=ISO-8859-1' }).items[0]
      ?.title,
    'Café',
  );
  const utf8Bytes = Buffer.from(`\uFEFF${xml('windows-1252', 'Tiếng Việt')}`, 'utf8');
  assert.equal(
    parseFeed(utf8Bytes, { contentType: 'text/xml; charset=windows-1252' }).items[0]?.title,
    'Tiếng Việt',
  );
});

test('relative links resolve against the fetch URL when the feed names no base', () => {
  const bytes = Buffer.from(
    '<rss version="2.0"><channel><item><title>t</title><link>bai-1.html</link></item></channel></rss>',
  );
  assert.equal(parseFeed(bytes).items[0]?.url, undefined);
  assert.equal(
    parseFeed(bytes, { url: 'https://site.example.vn/rss/tin.rss' }).items[0]?.url,
    'https://site.example.vn/rss/bai-1.html',
  );
});

test('a date with no zone is taken in the offset asked for', () => {
  const bytes = Buffer.from(
    '<rss version="2.0"><channel><item><title>t</title><guid>1</guid><pubDate>Mon, 23 Nov 2026 08:00:00</pubDate></item></channel></rss>',
  );
  assert.equal(parseFeed(bytes).items[0]?.publishedAt, '2026-11-23T01:00:00.000Z');
  assert.equal(
    parseFeed(bytes, { defaultTimeZoneOffsetMinutes: 0 }).items[0]?.publishedAt,
    '2026-11-23T08:00:00.000Z',
  );
});

test('an RSS author names the person after the e-mail; a hostile author stays as written', () => {
  const feed = (author: string) =>
    Buffer.from(
      `<rss version="2.0"><channel><item><guid>1</guid><title>t</title><author>${author}</author></item></channel></rss>`,
    );
  const hostile = 'a@'.repeat(50_000);

  assert.equal(parseFeed(feed('thu@vov.vn (Thanh Huyền)')).items[0]?.author, 'Thanh Huyền');
  assert.equal(parseFeed(feed('bandoc@vov.vn')).items[0]?.author, 'bandoc@vov.vn');
  assert.equal(parseFeed(feed('Ban đọc (VOV)')).items[0]?.author, 'Ban đọc (VOV)');
  const author = parseFeed(feed(hostile)).items[0]?.author ?? '';
  assert.ok(author.length > 100 && hostile.startsWith(author), 'the hostile author, cut');
});

test('items over the cap are left out with a warning and text is cut at 100,000 characters', () => {
  const item = (n: number): string => `<item><guid>${n}</guid><title>t${n}</title></item>`;
  const many = `<rss><channel>${Array.from({ length: MAX_FEED_ITEMS + 5 }, (_, n) => item(n)).join('')}</channel></rss>`;
  const feed = parseFeed(Buffer.from(many));
  assert.equal(feed.items.length, MAX_FEED_ITEMS);
  assert.match(feed.warnings.join('\n'), /1005 items: only the first 1000 are kept/);
  const long = `<rss><channel><item><guid>1</guid><description>${'chữ '.repeat(40_000)}</description></item></channel></rss>`;
  assert.equal(parseFeed(Buffer.from(long)).items[0]?.text.length, 100_000 - 1);
});

test('a non-feed is feed.invalid, naming the feed an HTML page advertises', () => {
  assert.throws(
    () => parseFeed(readFixture('not-a-feed.html'), { url: 'https://baodientu.example.vn/' }),
    (error: unknown) =>
      isLangngheError(error) &&
      error.code === 'feed.invalid' &&
      error.message.includes('https://baodientu.example.vn/rss/home.rss'),
  );
  for (const bytes of ['', 'plain text', '[1, 2]', '<note><to>x</to></note>'])
    assert.throws(
      () => parseFeed(Buffer.from(bytes)),
      (error: unknown) => isLangngheError(error) && error.code === 'feed.invalid',
    );
});
