import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isLangngheError } from '../../core/errors.js';
import { createSseParser } from './sse-parser.js';
import type { SseEvent } from './sse-parser.js';

function parseAll(chunks: readonly string[]): SseEvent[] {
  const parser = createSseParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
}

const STREAM =
  ':thump\r\nevent: update\r\ndata: {"id":"1",\r\ndata: "content":"<p>a</p>"}\r\n\r\n' +
  ':thump\n\nevent: delete\ndata: 108914430312582020\n\n' +
  'event: status.update\rdata:{"id":"2"}\r\r' +
  'event: filters_changed\n\n' +
  'data: plain message\nid: 7\n\n' +
  'event: update\ndata: {"id":"3"}';

const EXPECTED: SseEvent[] = [
  { event: 'update', data: '{"id":"1",\n"content":"<p>a</p>"}' },
  { event: 'delete', data: '108914430312582020' },
  { event: 'status.update', data: '{"id":"2"}' },
  { event: 'message', data: 'plain message', id: '7' },
];

describe('createSseParser', () => {
  it('reads CRLF, LF and CR line ends, multi-line data, comments, and drops events without data or end', () => {
    assert.deepEqual(parseAll([STREAM]), EXPECTED);
  });

  it('gives the same events however the stream is cut (mid-line, between CR and LF)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: STREAM.length - 1 }), { maxLength: 12 }),
        (cuts) => {
          const points = [0, ...cuts.sort((a, b) => a - b), STREAM.length];
          const chunks = points.slice(1).map((end, i) => STREAM.slice(points[i], end));
          assert.deepEqual(parseAll(chunks), EXPECTED);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a CR at the end of one chunk and a blank LF line in the next are two line ends', () => {
    assert.deepEqual(parseAll(['data: x\r', '\n', '\n']), [{ event: 'message', data: 'x' }]);
    assert.deepEqual(parseAll(['data: x\r', '\r']), [{ event: 'message', data: 'x' }]);
  });

  it('drops a leading byte order mark and keeps a colon inside the value', () => {
    assert.deepEqual(parseAll(['\uFEFFevent: update\ndata: a: b\n\n']), [
      { event: 'update', data: 'a: b' },
    ]);
  });

  it('refuses a line or an event that never ends instead of holding it all in memory', () => {
    const isBadResponse = (error: unknown): boolean =>
      isLangngheError(error) && error.code === 'source.bad_response';
    const longLine = createSseParser(1000);
    longLine.push('data: ' + 'x'.repeat(600));
    assert.throws(() => longLine.push('x'.repeat(600)), isBadResponse);
    const longEvent = createSseParser(1000);
    for (let i = 0; i < 6; i++) longEvent.push(`data: ${'y'.repeat(150)}\n`);
    assert.throws(() => longEvent.push(`data: ${'y'.repeat(150)}\n`), isBadResponse);
    const fine = createSseParser(1000);
    for (let i = 0; i < 20; i++)
      assert.equal(fine.push(`data: ${'z'.repeat(150)}\n\n`).length, 1, 'events end: no limit');
  });
});
