import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LangngheError } from '../core/errors.js';

/** Names every install answers to on this machine. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]', '::1'];

/**
 * The host names the server answers to: loopback, the address it binds to (unless it binds to
 * every interface) and the configured ones. Lower-cased, without ports.
 */
export function allowedHostsOf(
  bindHost: string | undefined,
  extra: readonly string[],
): Set<string> {
  const hosts = new Set(LOOPBACK_NAMES);
  if (bindHost !== undefined && bindHost !== '0.0.0.0' && bindHost !== '::') {
    hosts.add(bindHost.toLowerCase());
  }
  for (const host of extra) if (host.trim() !== '') hosts.add(host.trim().toLowerCase());
  return hosts;
}

/** `example.gov.vn:8080` → `example.gov.vn`; `[::1]:8080` → `[::1]`. */
export function hostnameOf(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  const colon = value.lastIndexOf(':');
  return colon === -1 || value.indexOf(':') !== colon ? value : value.slice(0, colon);
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/**
 * Refuses requests for a host name the install does not answer to (421): a web page that
 * resolves its own name to 127.0.0.1 (DNS rebinding) reaches the port but not the API. A request
 * that changes something and carries an `Origin` from another host is refused too (403).
 */
export function installHostCheck(server: FastifyInstance, allowed: ReadonlySet<string>): void {
  server.addHook('onRequest', async (request: FastifyRequest) => {
    const host = request.headers.host ?? '';
    if (!allowed.has(hostnameOf(host))) {
      throw new LangngheError(
        'http.misdirected',
        `This server does not answer to "${host.slice(0, 100)}"; add it to allowedHosts (LANGNGHE_ALLOWED_HOSTS)`,
      );
    }
    const origin = request.headers.origin;
    if (
      origin === undefined ||
      origin === 'null' ||
      request.method === 'GET' ||
      request.method === 'HEAD'
    )
      return;
    const from = originHost(origin);
    if (
      from === undefined ||
      hostnameOf(from) !== hostnameOf(host) ||
      !allowed.has(hostnameOf(from))
    ) {
      throw new LangngheError(
        'auth.forbidden',
        `Cross-site request from ${origin.slice(0, 100)} refused`,
      );
    }
  });
}
