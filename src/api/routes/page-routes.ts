import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LangngheError } from '../../core/errors.js';
import type { RouteContext } from '../route-context.js';
import { routeSchema } from '../route-schema.js';

/**
 * The page's policy: only this origin's scripts, styles and connections; no inline script, no
 * plugins, no framing. Post text is hostile; this is the second line of defence after rendering it
 * as text.
 */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Asset names the server will read: one path segment, no dot-dot, a known extension. */
const ASSET_NAME = /^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:html|js|css|svg)$/;

function extensionOf(name: string): string {
  return name.slice(name.lastIndexOf('.'));
}

async function sendAsset(
  request: FastifyRequest,
  reply: FastifyReply,
  file: { root: string; name: string },
): Promise<FastifyReply> {
  if (!ASSET_NAME.test(file.name)) throw notFound(file.name);
  let content: Buffer;
  try {
    content = await readFile(join(file.root, file.name));
  } catch (error) {
    throw notFound(file.name, error);
  }
  const etag = `"${createHash('sha1').update(content).digest('base64url')}"`;
  reply
    .header('content-type', CONTENT_TYPES[extensionOf(file.name)] ?? 'application/octet-stream')
    .header('cache-control', 'no-cache')
    .header('etag', etag)
    .header('content-security-policy', PAGE_CSP);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.send(content);
}

function notFound(name: string, cause?: unknown): LangngheError {
  return new LangngheError('http.not_found', `No such file: ${name.slice(0, 100)}`, { cause });
}

/** The web page: `/` (index.html), `/api/docs/ui` (the API reference) and `/static/<asset>`. */
export function registerPageRoutes(api: FastifyInstance, ctx: RouteContext): void {
  const root = ctx.config.webRoot ?? fileURLToPath(new URL('../../../web/', import.meta.url));
  const page = (name: string) => (request: FastifyRequest, reply: FastifyReply) =>
    sendAsset(request, reply, { root, name });
  const html = { hide: true, summary: 'Web page', tags: ['page'], response: {} };
  api.get('/', { schema: routeSchema(html) }, page('index.html'));
  api.get('/api/docs/ui', { schema: routeSchema(html) }, page('api-docs.html'));
  api.get<{ Params: { name: string } }>(
    '/static/:name',
    {
      schema: routeSchema({
        ...html,
        summary: 'Static asset of the web page',
        params: z.strictObject({ name: z.string().max(100) }),
      }),
    },
    (request, reply) => sendAsset(request, reply, { root, name: request.params.name }),
  );
}
