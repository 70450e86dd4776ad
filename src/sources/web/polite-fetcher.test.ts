import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeHtml } from './polite-fetcher.js';

describe('decodeHtml', () => {
  const windows1258 = Buffer.from([0x54, 0x69, 0xea, 0xec, 0x6e, 0x67]);

  it('uses the charset of Content-Type first', () => {
    assert.equal(
      decodeHtml(windows1258, 'text/html; charset=windows-1258').normalize('NFC'),
      'Tiếng',
    );
  });

  it('falls back to a <meta charset> in the head', () => {
    const page = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1258"></head><body>'),
      windows1258,
    ]);
    assert.ok(decodeHtml(page, 'text/html').normalize('NFC').endsWith('Tiếng'));
  });

  it('reads UTF-8 when nothing names a charset', () => {
    assert.equal(decodeHtml(Buffer.from('Lắng nghe'), null), 'Lắng nghe');
  });
});
