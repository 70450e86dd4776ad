import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Tracks the server's sockets and how many requests each is serving, so that shutdown can close
 * every socket that is not serving one. Node's `closeIdleConnections` misses sockets that never
 * sent a request (clients such as undici open a spare one), which would hold `close()` open until
 * the client gives up.
 */
export function trackConnections(server: Server): { closeUnused(): void } {
  const active = new Map<Socket, number>();
  server.on('connection', (socket: Socket) => {
    active.set(socket, 0);
    socket.once('close', () => active.delete(socket));
  });
  server.on('request', (request, response) => {
    const socket = request.socket;
    active.set(socket, (active.get(socket) ?? 0) + 1);
    response.once('close', () => {
      if (active.has(socket)) active.set(socket, Math.max(0, (active.get(socket) ?? 1) - 1));
    });
  });
  return {
    closeUnused() {
      for (const [socket, requests] of active) if (requests === 0) socket.destroy();
    },
  };
}
