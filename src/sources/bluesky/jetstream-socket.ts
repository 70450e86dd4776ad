import { WebSocket } from 'ws';
import type { RawData } from 'ws';
import type { IncomingMessage } from 'node:http';
import type { LookupFunction } from 'node:net';
import { LangngheError } from '../../core/errors.js';
import { retryAfterMs } from '../backoff.js';
import { findAddressRefusal } from '../guarded-connect.js';

/** What the socket delivered, in order. */
export type SocketEntry =
  | { type: 'message'; data: string }
  | { type: 'closed'; code: number; reason: string }
  | { type: 'error'; error: Error };

export interface JetstreamSocket {
  /** The next entry, or undefined when `timeoutMs` passes first. After `closed`, always `closed`. */
  next(timeoutMs: number): Promise<SocketEntry | undefined>;
  /** Closes the connection (idempotent). */
  close(): void;
}

export interface OpenOptions {
  signal: AbortSignal;
  userAgent: string;
  /** For the clock a rate-limit reset is read against. */
  nowMs: number;
  /** Resolves the host, refusing addresses the source may not reach (`HttpClient.guardConnection`). */
  lookup: LookupFunction;
}

/** Messages queued before the socket stops reading (TCP backpressure), and where it resumes. */
const HIGH_WATER = 5000;
const LOW_WATER = 500;
const HANDSHAKE_TIMEOUT_MS = 30_000;

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function refusedError(url: string, response: IncomingMessage, nowMs: number): LangngheError {
  const status = response.statusCode ?? 0;
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers))
    if (typeof value === 'string') headers.set(name, value);
  const wait = retryAfterMs(headers, nowMs);
  if (status === 429)
    return new LangngheError('source.rate_limited', `${url} refused the WebSocket: 429`, {
      details: { status, url, retryAfterMs: wait },
    });
  return new LangngheError(
    'source.http',
    `${url} refused the WebSocket handshake with HTTP ${status}`,
    { details: { status, url } },
  );
}

/**
 * Opens a Jetstream WebSocket and queues what it delivers, so a consumer can pull messages with a
 * timeout. Resolves once the handshake succeeded; a refused handshake is `source.http` (or
 * `source.rate_limited` on 429), a connection failure `source.network`, a refused address
 * `source.address_refused`. The `ws` package is used
 * (Node 20 has no WebSocket), sending the same User-Agent as the HTTP client.
 */
export function openJetstream(url: string, options: OpenOptions): Promise<JetstreamSocket> {
  const socket = new WebSocket(url, {
    headers: { 'user-agent': options.userAgent },
    handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
    maxPayload: 16 * 1024 * 1024,
    perMessageDeflate: false,
    lookup: options.lookup,
  });
  const queue: SocketEntry[] = [];
  let closedEntry: SocketEntry | undefined;
  let wake: (() => void) | undefined;
  let isOpen = false;
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const opened = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const fail = (error: LangngheError): void => {
    settle?.reject(error);
    settle = undefined;
    socket.terminate();
  };
  const push = (entry: SocketEntry): void => {
    queue.push(entry);
    if (queue.length >= HIGH_WATER && !socket.isPaused) socket.pause();
    wake?.();
  };
  const onAbort = (): void => {
    if (!isOpen) fail(new LangngheError('source.aborted', `Stopped before ${url} opened`));
    else socket.terminate();
  };
  options.signal.addEventListener('abort', onAbort, { once: true });

  socket.on('open', () => {
    isOpen = true;
    settle?.resolve();
    settle = undefined;
  });
  socket.on('unexpected-response', (_request, response) => {
    response.resume();
    fail(refusedError(url, response, options.nowMs));
  });
  socket.on('message', (data) => push({ type: 'message', data: textOf(data) }));
  socket.on('error', (error) => {
    if (!isOpen)
      fail(
        findAddressRefusal(error) ??
          new LangngheError('source.network', `${url} could not be reached: ${error.message}`),
      );
    else push({ type: 'error', error });
  });
  socket.on('close', (code, reason) => {
    options.signal.removeEventListener('abort', onAbort);
    if (!isOpen)
      fail(new LangngheError('source.network', `${url} closed before the handshake ended`));
    push({ type: 'closed', code, reason: reason.toString('utf8') });
  });
  if (options.signal.aborted) onAbort();

  const next = async (timeoutMs: number): Promise<SocketEntry | undefined> => {
    if (queue.length === 0 && closedEntry === undefined) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, Math.max(0, timeoutMs));
      });
      clearTimeout(timer);
      wake = undefined;
    }
    const entry = queue.shift() ?? closedEntry;
    if (entry?.type === 'closed') closedEntry = entry;
    if (socket.isPaused && queue.length <= LOW_WATER) socket.resume();
    return entry;
  };
  const close = (): void => {
    options.signal.removeEventListener('abort', onAbort);
    if (socket.readyState === WebSocket.OPEN) {
      socket.close(1000);
      setTimeout(() => socket.terminate(), 2000).unref();
    } else socket.terminate();
  };
  return opened.then(() => ({ next, close }));
}
