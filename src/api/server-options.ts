import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './authenticate.js';

/** Query parameters whose values never reach a log line (platform handshakes, tokens). */
const SECRET_PARAMS =
  /([?&](?:hub\.verify_token|access_token|token|code|state|client_secret|api_key|key)=)[^&#]*/gi;

/** A URL fit for a log: secret parameter values replaced by `***`. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1***');
}

/**
 * The server's logger: pino JSON lines, with the request URL redacted and no header that carries
 * a credential (authorization, cookies, set-cookie) ever written.
 */
export function loggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: '***',
    },
    serializers: {
      req(request: FastifyRequest) {
        return {
          method: request.method,
          url: redactUrl(request.url),
          remoteAddress: request.ip,
        };
      },
    },
  };
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

/**
 * Rate limits count per API token or session when the request carries one (so many users behind
 * one office NAT do not share a budget), else per address.
 */
export function rateLimitKey(request: FastifyRequest): string {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) return `t:${shortHash(authorization)}`;
  const cookie = request.headers.cookie;
  if (cookie?.includes(`${SESSION_COOKIE}=`)) return `s:${shortHash(cookie)}`;
  return `a:${request.ip}`;
}
