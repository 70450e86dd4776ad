import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAddressPolicy } from '../../src/sources/address-policy.js';

/**
 * Lets connectors reach the local platform servers (and local WebSocket servers) on 127.0.0.1,
 * which the default address policy refuses: what an install's `fetchAllowList` would say.
 */
export const LOCAL_SERVERS_POLICY = parseAddressPolicy(['127.0.0.1']);

/** One request the local platform server received, as the connector sent it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}

export type PlatformHandler = (
  request: RecordedRequest,
  response: ServerResponse,
) => void | Promise<void>;

export interface PlatformServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: RecordedRequest[];
  /** Replaces the handler (a test walks through a script of answers). */
  handle(handler: PlatformHandler): void;
  close(): Promise<void>;
}

/** Sends a JSON answer. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/**
 * A real HTTP server on the loopback interface that plays a platform: each test tells it what
 * to answer (the platform's documented shapes) and then reads what the connector sent.
 */
export async function startPlatformServer(handler?: PlatformHandler): Promise<PlatformServer> {
  let current: PlatformHandler =
    handler ?? ((_request, response) => sendJson(response, 404, { error: 'no handler' }));
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const path = incoming.url ?? '/';
      const recorded: RecordedRequest = {
        method: incoming.method ?? 'GET',
        path,
        url: new URL(path, 'http://127.0.0.1'),
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      Promise.resolve(current(recorded, response)).catch((error: unknown) => {
        if (!response.headersSent) sendJson(response, 500, { error: String(error) });
        else response.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
