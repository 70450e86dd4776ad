import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_WEBHOOK_BYTES } from '../../services/index.js';
import type { RouteContext } from '../route-context.js';

export const WEBHOOK_ROUTE = '/api/webhooks/:sourceId';

function flatten(values: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(values))
    out[name] = Array.isArray(value)
      ? String(value[0])
      : value === undefined
        ? undefined
        : String(value);
  return out;
}

/**
 * Webhook deliveries for push sources (Facebook Pages, Zalo OA, the generic NDJSON door), at
 * GET and POST /api/webhooks/<sourceId>. The body is kept as bytes, so the connector checks the
 * platform's signature over exactly what was sent; no bearer token here: the connector
 * authenticates the delivery (signature, verify token or its own token).
 */
export function registerWebhookRoutes(api: FastifyInstance, ctx: RouteContext): void {
  api.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_WEBHOOK_BYTES },
      (_request, body, done) => done(null, body),
    );
    const handler = async (
      request: FastifyRequest<{ Params: { sourceId: string } }>,
      reply: FastifyReply,
    ): Promise<unknown> => {
      if (ctx.sources === undefined) return reply.code(404).send({ error: 'no webhooks here' });
      const outcome = await ctx.sources.webhook(request.params.sourceId.slice(0, 200), {
        method: request.method,
        headers: flatten(request.headers as Record<string, unknown>),
        query: flatten(request.query as Record<string, unknown>),
        rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      });
      reply.code(outcome.status);
      if (typeof outcome.body === 'string')
        return reply.type('text/plain; charset=utf-8').send(outcome.body);
      return reply.send(outcome.body ?? {});
    };
    const options = { bodyLimit: MAX_WEBHOOK_BYTES, schema: { hide: true } };
    scope.get(WEBHOOK_ROUTE, options, handler);
    scope.post(WEBHOOK_ROUTE, options, handler);
  });
}
