import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLangngheError } from '../../core/errors.js';
import { readLines } from './read-lines.js';
import type { LineEvent } from './read-lines.js';

/** A body that sends `chunks`, then ends. */
function bodyOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(body: ReadableStream<Uint8Array>, maxLineChars?: number): Promise<string[]> {
  const lines: string[] = [];
  const events = readLines(body, {
    signal: new AbortController().signal,
    stallTimeoutMs: 5000,
    idleInMs: () => undefined,
    ...(maxLineChars === undefined ? {} : { maxLineChars }),
  });
  for await (const event of events as AsyncIterable<LineEvent>)
    if (event.kind === 'line') lines.push(event.line);
  return lines;
}

describe('readLines', () => {
  it('splits lines across chunks and skips keep-alives', async () => {
    assert.deepEqual(await collect(bodyOf(['{"a":', '1}\r\n', '\r\n', '{"b":2}\n{"c"', ':3}'])), [
      '{"a":1}',
      '{"b":2}',
      '{"c":3}',
    ]);
  });

  it('refuses a line that never ends instead of holding it all in memory', async () => {
    const chunk = 'x'.repeat(1000);
    await assert.rejects(
      collect(bodyOf([...Array.from({ length: 20 }, () => chunk), '\n']), 10_000),
      (error: unknown) => isLangngheError(error) && error.code === 'source.bad_response',
    );
    assert.deepEqual(await collect(bodyOf([chunk, chunk, '\n']), 10_000), [chunk + chunk]);
  });
});
