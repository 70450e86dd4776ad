import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { appendHighlighted, highlightSegments, snippet } from '../../web/highlight.js';
import type { ParentLike } from '../../web/highlight.js';
import { safeHref } from '../../web/safe-href.js';
import { createMemoryBus } from '../bus/index.js';
import { createFixedClock } from '../core/clock.js';
import type { App } from '../services/app.js';
import { createApp } from '../services/create-app.js';
import { createSqliteStore } from '../store/index.js';
import { PAGE_CSP } from './routes/page-routes.js';
import { createApiServer } from './server.js';

const WEB = new URL('../../web/', import.meta.url);
const webFile = (name: string): string => readFileSync(new URL(name, WEB), 'utf8');
const webFiles = (extension: string): string[] =>
  readdirSync(WEB).filter((name) => name.endsWith(extension));

describe('the web page (served)', () => {
  let app: App;
  let server: FastifyInstance;
  before(async () => {
    const store = createSqliteStore({ path: ':memory:' });
    app = await createApp({ store, bus: createMemoryBus(), clock: createFixedClock(0) });
    server = createApiServer({
      app,
      config: { demo: true, bodyLimitBytes: 1 << 20, maxStreams: 1 },
    });
  });
  after(async () => {
    await server.close();
    await app.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) =>
    server.inject({ method: 'GET', url, headers });

  it('serves index.html at / with a strict Content-Security-Policy', async () => {
    const res = await get('/');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(res.headers['content-security-policy'], PAGE_CSP);
    assert.match(PAGE_CSP, /^default-src 'self'; script-src 'self';/);
    assert.doesNotMatch(PAGE_CSP, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(res.body, /<script type="module" src="\/static\/app.js"><\/script>/);
  });

  it('serves the assets with their types and revalidates with an ETag', async () => {
    const js = await get('/static/app.js');
    assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(
      (await get('/static/style.css')).headers['content-type'],
      'text/css; charset=utf-8',
    );
    const again = await get('/static/app.js', { 'if-none-match': String(js.headers.etag) });
    assert.equal(again.statusCode, 304);
    assert.equal((await get('/api/docs/ui')).statusCode, 200);
  });

  it('never serves a file outside web/ or one that does not exist', async () => {
    for (const url of [
      '/static/..%2fpackage.json',
      '/static/%2e%2e%2fpackage.json',
      '/static/.env',
      '/static/nope.js',
      '/static/highlight.d.ts',
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error.code, 'http.not_found');
    }
  });
});

describe('the web page (source guards)', () => {
  it('never turns data into HTML: no innerHTML, outerHTML, insertAdjacentHTML, document.write or eval', () => {
    for (const name of webFiles('.js')) {
      const source = webFile(name);
      assert.doesNotMatch(
        source,
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\(\s*['"]on/,
        name,
      );
    }
  });

  it('has no inline script, event-handler attribute or style attribute (the CSP forbids them)', () => {
    for (const name of webFiles('.html')) {
      const html = webFile(name);
      for (const tag of html.match(/<script\b[^>]*>/g) ?? [])
        assert.match(tag, /\bsrc="\/static\//, name);
      assert.doesNotMatch(html, /<script\b[^>]*>\s*\S[^<]*<\/script>/, name);
      assert.doesNotMatch(html, /\son[a-z]+\s*=/i, name);
      assert.doesNotMatch(html, /\sstyle\s*=/i, name);
    }
  });
});

/** The smallest DOM `appendHighlighted` needs: elements and text nodes that record their children. */
class FakeNode {
  readonly children: FakeNode[] = [];
  constructor(
    readonly name: string,
    readonly text = '',
  ) {}
  appendChild(node: FakeNode): FakeNode {
    this.children.push(node);
    return node;
  }
  /** `["#text", "…"]` for text, `["mark", …children]` for elements. */
  toTree(): unknown[] {
    return this.name === '#text'
      ? ['#text', this.text]
      : [this.name, ...this.children.map((c) => c.toTree())];
  }
}

function fakeParagraph(): FakeNode & ParentLike {
  const ownerDocument = {
    createTextNode: (text: string) => new FakeNode('#text', text),
    createElement: (name: string) => new FakeNode(name),
  };
  return Object.assign(new FakeNode('p'), { ownerDocument });
}

describe('highlighting (web/highlight.js)', () => {
  it('puts hostile text in text nodes, never markup', () => {
    const text = 'Xem <img src=x onerror=alert(1)> ngập';
    const paragraph = fakeParagraph();
    appendHighlighted(paragraph, text, [{ start: 33, end: 37 }]);
    assert.deepEqual(paragraph.toTree(), [
      'p',
      ['#text', 'Xem <img src=x onerror=alert(1)> '],
      ['mark', ['#text', 'ngập']],
    ]);
  });

  it('merges overlapping ranges, clamps out-of-range ones and drops empty ones', () => {
    const segments = highlightSegments('Triều cường ngập', [
      { start: 12, end: 99 },
      { start: 0, end: 5 },
      { start: 3, end: 11 },
      { start: 7, end: 7 },
      { start: -4, end: -1 },
    ]);
    assert.deepEqual(segments, [
      { text: 'Triều cường', isMark: true },
      { text: ' ', isMark: false },
      { text: 'ngập', isMark: true },
    ]);
  });

  it('follows UTF-16 offsets through decomposed Vietnamese and emoji', () => {
    const text = 'Mưa 🌧 ngập'.normalize('NFD');
    const start = text.indexOf('ng');
    const segments = highlightSegments(text, [{ start, end: text.length }]);
    assert.equal(segments.at(-1)?.text, 'ngập'.normalize('NFD'));
    assert.equal(segments.map((s) => s.text).join(''), text);
  });
});

describe('snippets (web/highlight.js)', () => {
  it('cuts a window around the first highlight and shifts the ranges into it', () => {
    const text = `${'a'.repeat(100)}ngập${'b'.repeat(100)}`;
    const part = snippet(text, [{ start: 100, end: 104 }], 30);
    assert.equal(part.text.length, 30);
    assert.equal(part.text.slice(part.ranges[0]!.start, part.ranges[0]!.end), 'ngập');
    assert.deepEqual([part.isCutBefore, part.isCutAfter], [true, true]);
    assert.deepEqual(snippet('ngắn', [{ start: 0, end: 4 }], 30).ranges, [{ start: 0, end: 4 }]);
  });
});

describe('links (web/safe-href.js)', () => {
  it('follows only http and https URLs', () => {
    assert.equal(safeHref('https://tuoitre.vn/a?b=1'), 'https://tuoitre.vn/a?b=1');
    assert.equal(safeHref('javascript:alert(1)'), null);
    assert.equal(safeHref(' JAVASCRIPT:alert(1)'), null);
    assert.equal(safeHref('data:text/html,<script>alert(1)</script>'), null);
    assert.equal(safeHref('/relative'), null);
    assert.equal(safeHref(42), null);
  });
});
