import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { LangngheError } from '../../core/errors.js';
import type { Scope } from '../../core/scope.js';
import { scopeOf } from '../authenticate.js';
import { toHighlights, toPublicPost } from '../highlights.js';
import type { RouteContext } from '../route-context.js';
import { routeSchema } from '../route-schema.js';
import { streamQuery } from '../schemas/ops-schema.js';
import { openEventStream } from '../sse.js';
import type { EventStream } from '../sse.js';
import type { OpenStream } from '../stream-registry.js';

const RETRY_MS = 3_000;
export const STREAM_ROUTE = '/api/stream';

/**
 * Sends every new match (of one topic, or all) on an SSE response, with heartbeats, until either
 * side closes it; then unsubscribes and calls `onClose`.
 */
function streamMatches(
  res: ServerResponse,
  ctx: RouteContext,
  scope: Scope,
  topicId: string | undefined,
  onClose: () => void,
): EventStream {
  const cleanup = { heartbeat: undefined as NodeJS.Timeout | undefined, unsubscribe: () => {} };
  const stream = openEventStream(res, {
    retryMs: RETRY_MS,
    onClose: () => {
      clearInterval(cleanup.heartbeat);
      cleanup.unsubscribe();
      onClose();
    },
  });
  if (stream.isClosed) return stream;
  cleanup.heartbeat = setInterval(() => stream.comment('heartbeat'), ctx.config.heartbeatMs);
  cleanup.unsubscribe = ctx.app.onMatched(
    scope,
    (event) => {
      stream.send('match', {
        post: toPublicPost(event.post),
        topicIds: event.topicIds,
        highlights: toHighlights(Object.values(event.explanations)),
      });
    },
    topicId,
  );
  return stream;
}

/** GET /api/stream: newly matched posts as Server-Sent Events (`event: match`). */
export function registerStreamRoutes(api: FastifyInstance, ctx: RouteContext): void {
  api.get<{ Querystring: { topic?: string } }>(
    STREAM_ROUTE,
    {
      // HEAD would hold a stream slot open for a response without a body.
      exposeHeadRoute: false,
      schema: routeSchema({
        summary: 'Live stream of new matches (Server-Sent Events)',
        description:
          'text/event-stream. Each new match is `event: match` with JSON data {post, topicIds, highlights}; a comment line every 15 s keeps the connection open. 503 when too many streams are open.',
        tags: ['live'],
        querystring: streamQuery,
        response: {},
      }),
    },
    async (request, reply) => {
      const topicId = request.query.topic;
      const scope = scopeOf(request);
      if (topicId !== undefined && (await ctx.app.getTopic(scope, topicId)) === undefined) {
        throw new LangngheError('store.not_found', `No topic ${topicId}`, { details: { topicId } });
      }
      const slot: { stream?: EventStream } = {};
      const handle: OpenStream = { end: () => slot.stream?.end() };
      const added = ctx.streams.add(handle, scope.principal.tokenId ?? scope.principal.id);
      if (added === 'total') {
        throw new LangngheError(
          'stream.busy',
          `Too many live streams are open (${ctx.streams.capacity}); try again later`,
          { details: { maxStreams: ctx.streams.capacity } },
        );
      }
      if (added === 'owner') {
        throw new LangngheError(
          'stream.too_many',
          `You already hold ${ctx.streams.perOwner} live streams open; close one first`,
          { details: { maxStreamsPerPrincipal: ctx.streams.perOwner } },
        );
      }
      reply.hijack();
      ctx.httpMetrics.record('GET', STREAM_ROUTE, 200);
      slot.stream = streamMatches(reply.raw, ctx, scope, topicId, () => ctx.streams.delete(handle));
    },
  );
}
