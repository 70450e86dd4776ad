import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { statusHtmlToText } from './status-html.js';

describe('statusHtmlToText', () => {
  it('separates paragraphs by a blank line and keeps <br> as a line break', () => {
    assert.equal(
      statusHtmlToText('<p>Dòng một<br>dòng hai<br/>dòng ba</p><p>Đoạn hai</p>'),
      'Dòng một\ndòng hai\ndòng ba\n\nĐoạn hai',
    );
  });

  it('gives a shortened link its whole URL back and keeps mentions and hashtags as text', () => {
    const html =
      '<p><span class="h-card"><a href="https://chaos.social/@kern" class="u-url mention">@<span>kern</span></a></span> xem <a href="https://example.com/page/that/is/very/long"><span class="invisible">https://</span><span class="ellipsis">example.com/page</span><span class="invisible">/that/is/very/long</span></a> <a href="https://m.example/tags/hanoi" class="mention hashtag" rel="tag">#<span>hanoi</span></a></p>';
    assert.equal(
      statusHtmlToText(html),
      '@kern xem https://example.com/page/that/is/very/long #hanoi',
    );
  });

  it('decodes entities, collapses whitespace, drops scripts, lists one item a line', () => {
    assert.equal(
      statusHtmlToText(
        '<p>  a &amp;\n b&nbsp;&lt;c&gt;  </p><script>alert(1)</script><ul><li>một</li><li>hai</li></ul>',
      ),
      'a & b <c>\n\nmột\nhai',
    );
  });

  it('gives an empty string for markup without text', () => {
    assert.equal(statusHtmlToText('<p></p><p> <br> </p>'), '');
  });
});
