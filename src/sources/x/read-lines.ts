import { performance } from 'node:perf_hooks';
import { LangngheError } from '../../core/errors.js';

/** A non-blank line of the body, or `idle`: the wait the caller asked for passed with no line. */
export type LineEvent = { kind: 'line'; line: string } | { kind: 'idle' };

/** Why the lines ended: the server closed, nothing came for too long, or the signal aborted. */
export type LinesEnd = 'end' | 'stalled' | 'aborted';

export interface ReadLinesOptions {
  signal: AbortSignal;
  /** Silence (not even a keep-alive) longer than this ends the lines as `stalled`. */
  stallTimeoutMs: number;
  /** Milliseconds until the caller wants an `idle` event if no line comes, or undefined. */
  idleInMs(): number | undefined;
  /** The longest line kept (default `MAX_LINE_CHARS`); a longer one is `source.bad_response`. */
  maxLineChars?: number;
}

/** A stream message is one Post with its expansions: far below this. */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;

type ReadResult = Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>;

const TIMEOUT = Symbol('timeout');
const ABORTED = Symbol('aborted');

function settleWithin<T>(
  promise: Promise<T>,
  ms: number,
  signal: AbortSignal,
): Promise<T | typeof TIMEOUT | typeof ABORTED> {
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(TIMEOUT), Math.max(0, ms));
    const onAbort = (): void => finish(ABORTED);
    function finish(value: T | typeof TIMEOUT | typeof ABORTED): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(finish, (error: unknown) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
  });
}

/**
 * Splits a long-lived body into lines (`\n` or `\r\n`, across chunk boundaries, UTF-8 split
 * mid-character included), skipping the blank keep-alive lines. Time the caller spends between
 * two events does not count as silence. Leaving early (a `return`, a throw) closes the body. A
 * body that breaks mid-way is `source.network`, unless the signal aborted.
 */
export async function* readLines(
  body: ReadableStream<Uint8Array>,
  options: ReadLinesOptions,
): AsyncGenerator<LineEvent, LinesEnd> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const maxLineChars = options.maxLineChars ?? MAX_LINE_CHARS;
  let buffered = '';
  let lastHeardAt = performance.now();
  let read: Promise<ReadResult> | undefined;
  let isOpen = true;
  async function* emit(event: LineEvent): AsyncGenerator<LineEvent, void> {
    const before = performance.now();
    yield event;
    lastHeardAt += performance.now() - before;
  }
  try {
    for (;;) {
      read ??= reader.read();
      const silentFor = performance.now() - lastHeardAt;
      const idleIn = options.idleInMs();
      const waitMs = Math.min(options.stallTimeoutMs - silentFor, idleIn ?? Infinity);
      let result: ReadResult | typeof TIMEOUT | typeof ABORTED;
      try {
        result = await settleWithin(read, waitMs, options.signal);
      } catch (error) {
        isOpen = false;
        if (options.signal.aborted) return 'aborted';
        throw new LangngheError('source.network', `The stream broke: ${String(error)}`, {
          cause: error,
        });
      }
      if (result === ABORTED) return 'aborted';
      if (result === TIMEOUT) {
        if (performance.now() - lastHeardAt >= options.stallTimeoutMs) return 'stalled';
        if (idleIn !== undefined) yield* emit({ kind: 'idle' });
        continue;
      }
      read = undefined;
      if (result.done) {
        isOpen = false;
        const rest = (buffered + decoder.decode()).trim();
        if (rest !== '') yield* emit({ kind: 'line', line: rest });
        return 'end';
      }
      lastHeardAt = performance.now();
      buffered += decoder.decode(result.value, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      // A body that never ends its line would otherwise be held in memory without limit.
      if (buffered.length > maxLineChars)
        throw new LangngheError(
          'source.bad_response',
          `The stream sent a line longer than ${maxLineChars} characters`,
          { details: { maxLineChars } },
        );
      for (const line of lines)
        if (line.trim() !== '') yield* emit({ kind: 'line', line: line.replace(/\r$/, '') });
    }
  } finally {
    if (isOpen) {
      read?.catch(() => undefined);
      await reader.cancel().catch(() => undefined);
    }
  }
}
