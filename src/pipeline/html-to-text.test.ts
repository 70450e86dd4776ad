import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEntities, htmlToText, looksLikeHtml } from './html-to-text.js';

/** The hostile shapes of issue 10, each `size` characters or a little more. */
function hostile(size: number): Record<string, string> {
  const repeat = (unit: string) => unit.repeat(Math.ceil(size / unit.length));
  return {
    'unclosed <p': repeat('<p '),
    'unclosed <script>': repeat('<script>'),
    'closing tags of no script': `<script>${repeat('</script ')}`,
    'unclosed comments': repeat('<!--'),
    'comments closed by a tag': repeat('<!-- x>'),
    'unbalanced quotes': repeat('<a x="'),
    'quotes holding >': repeat('<a x=">'),
    'quotes hiding every >': repeat('<a x=">"'),
    'lone <': repeat('<'),
    entities: repeat('&#'),
    paragraphs: repeat('<p>'),
  };
}

/**
 * Characters of `text` that `run` reads through String.prototype's `charCodeAt`, `indexOf`,
 * `lastIndexOf` and `startsWith`, the only ways the scanner reads its input (the regexes left
 * after it are linear by construction: bounded quantifiers, no retried `[^>]*`).
 */
function charactersRead(text: string, run: () => void): number {
  const proto = String.prototype;
  const saved = {
    charCodeAt: proto.charCodeAt,
    indexOf: proto.indexOf,
    lastIndexOf: proto.lastIndexOf,
    startsWith: proto.startsWith,
  };
  let reads = 0;
  proto.charCodeAt = function (this: string, at: number) {
    if (this === text) reads++;
    return saved.charCodeAt.call(this, at);
  };
  proto.indexOf = function (this: string, needle: string, from = 0) {
    const found = saved.indexOf.call(this, needle, from);
    if (this === text) reads += (found < 0 ? this.length : found + needle.length) - from;
    return found;
  };
  proto.lastIndexOf = function (this: string, needle: string) {
    const found = saved.lastIndexOf.call(this, needle);
    if (this === text) reads += this.length - Math.max(found, 0);
    return found;
  };
  proto.startsWith = function (this: string, needle: string, from?: number) {
    if (this === text) reads += needle.length;
    return saved.startsWith.call(this, needle, from);
  };
  try {
    run();
  } finally {
    Object.assign(proto, saved);
  }
  return reads;
}

test('paragraphs and <br> become line breaks; scripts dropped; entities decoded', () => {
  const html = '<p>Ngập&nbsp;nặng</p><script>alert(1)</script><br>Q&#x2E;7 &amp; Q8';

  assert.equal(looksLikeHtml(html), true);
  assert.equal(htmlToText(html), 'Ngập nặng\nQ.7 & Q8');
});

test('drops styles, noscript and template with their content, closing tags in any case', () => {
  const html =
    '<div>a<STYLE type="text/css">.x{}</style >b<noscript>bật JS</NOSCRIPT>c<template><p>t</p></template>d</div>';

  assert.equal(htmlToText(html), 'a b c d');
});

test('keeps inline tags out and words whole; <pre> is not <p>', () => {
  assert.equal(htmlToText('Kẹt <b>xe</b> ở <a href="/q7">quận&nbsp;7</a>'), 'Kẹt xe ở quận 7');
  assert.equal(htmlToText('a<pre>b</pre>c'), 'abc');
  assert.equal(htmlToText('<ul><li>một</li><li>hai</li></ul>'), 'một\nhai');
});

test('a <br> with attributes, and </br>, are line breaks', () => {
  assert.equal(htmlToText('<p>một<br class="x">hai</br>ba</p>'), 'một\nhai\nba');
});

test('reads a > inside a quoted attribute value as part of the tag', () => {
  assert.equal(htmlToText(`<a title="giá > 5 triệu" data-x='a>b'>xem</a> ngay`), 'xem ngay');
});

test('an unbalanced quote ends the tag at the first >', () => {
  assert.equal(htmlToText('<p><a title="x>y</a> z</p>'), 'y z');
});

test('keeps < and > of prose, in plain text and inside HTML', () => {
  const prose = 'giá < 5 triệu > 3 triệu';

  assert.equal(looksLikeHtml(prose), false);
  assert.equal(htmlToText(`<p>${prose}</p>`), prose);
  assert.equal(htmlToText('<p>1 <2 và 3> 2</p>'), '1 <2 và 3> 2');
});

test('comments: dropped up to the first -->, an unclosed one kept as text', () => {
  assert.equal(htmlToText('a<!-- x <!-- y --> b -->c'), 'a b -->c');
  assert.equal(htmlToText('<p>a</p> <!-- b'), 'a\n<!-- b');
  assert.equal(htmlToText('<p>a <!-- b <i>c</i></p>'), 'a c');
});

test('a <script> never closed loses only its tag', () => {
  assert.equal(htmlToText('<p>x</p><script>alert(1)'), 'x\nalert(1)');
});

test('decodes numeric and named references; unknown and invalid ones stay or become U+FFFD', () => {
  assert.equal(
    decodeEntities('&amp;lt; &#7853; &#x1EAD; &HELLIP; &bogus; &#0; &#xD800; &#'),
    '&lt; ậ ậ … &bogus; \uFFFD \uFFFD &#',
  );
});

test('looks for tags, not a lone < or a tag with no >', () => {
  assert.equal(looksLikeHtml('<P class="lead">x'), true);
  assert.equal(looksLikeHtml('xong </div>'), true);
  assert.equal(looksLikeHtml('<pre>code</pre>'), false);
  assert.equal(looksLikeHtml('x <p'), false);
  assert.equal(looksLikeHtml('1 < 2 và 3 > 2'), false);
});

test('hostile inputs come out whole: no markup, or the text as it was', () => {
  const inputs = hostile(100_000);

  assert.equal(looksLikeHtml(inputs['unclosed <p']!), false);
  assert.equal(htmlToText(inputs['unclosed <p']!), inputs['unclosed <p']!.trim());
  assert.equal(htmlToText(inputs['unclosed <script>']! + 'x'), 'x');
  assert.equal(htmlToText(inputs['unclosed comments']!), inputs['unclosed comments']);
  assert.equal(htmlToText(inputs['lone <']!), inputs['lone <']);
  assert.equal(decodeEntities(inputs['entities']!), inputs['entities']);
  assert.equal(htmlToText(inputs['paragraphs']!), '');
});

test('reads each character of a hostile input a bounded number of times', () => {
  for (const [name, text] of Object.entries(hostile(200_000))) {
    const reads = charactersRead(text, () => {
      looksLikeHtml(text);
      htmlToText(text);
    });

    assert.ok(reads <= 8 * text.length, `${name}: ${reads} reads for ${text.length} characters`);
  }
});

test('the read count sees a scan that retries [^>]*> from every <', () => {
  const text = hostile(20_000)['unclosed <p']!;

  const reads = charactersRead(text, () => {
    for (let lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', lt + 1)) text.indexOf('>', lt);
  });

  assert.ok(reads > 100 * text.length);
});
