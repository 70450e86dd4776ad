import type { ServerResponse } from 'node:http';

/** Bytes a client may fall behind by before it is dropped, so a stalled reader cannot pin memory. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
} as const;

/** One Server-Sent Events response: events, comments, and its end. */
export interface EventStream {
  /** Sends `event: name` with one JSON `data:` line; false once the stream is closed. */
  send(event: string, data: unknown): boolean;
  comment(text: string): boolean;
  end(): void;
  readonly isClosed: boolean;
}

/**
 * Starts an SSE response on a raw (hijacked) response: status 200, the headers above, and a
 * `retry:` hint. `onClose` runs once, whether the client left, the server ended it, or the client
 * fell more than 1 MiB behind and was dropped.
 */
export function openEventStream(
  res: ServerResponse,
  options: { retryMs: number; onClose: () => void },
): EventStream {
  let isClosed = false;
  const close = (): void => {
    if (isClosed) return;
    isClosed = true;
    options.onClose();
  };
  const write = (chunk: string): boolean => {
    if (isClosed || res.writableEnded || res.destroyed) return false;
    if (res.writableLength > MAX_BUFFERED_BYTES) {
      res.destroy();
      close();
      return false;
    }
    res.write(chunk);
    return true;
  };
  res.on('close', close);
  if (res.destroyed || res.socket === null || res.socket.destroyed) {
    close();
    return { send: () => false, comment: () => false, end: () => {}, isClosed: true };
  }
  res.writeHead(200, SSE_HEADERS);
  write(`retry: ${options.retryMs}\n: connected\n\n`);
  return {
    // JSON.stringify escapes CR and LF, so the payload is always a single `data:` line.
    send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    comment: (text) => write(`: ${text.replace(/[\r\n]/g, ' ')}\n\n`),
    end() {
      if (!res.writableEnded) res.end();
      close();
    },
    get isClosed() {
      return isClosed;
    },
  };
}
