import type { FastifyInstance } from 'fastify';
import { scopeOf } from '../authenticate.js';
import type { RouteContext } from '../route-context.js';
import { routeSchema } from '../route-schema.js';
import {
  deadLetterDropResponse,
  deadLetterIdsBody,
  deadLetterPageResponse,
  deadLetterQuery,
  deadLetterRetryResponse,
} from '../schemas/dead-letter-schema.js';
import type { DeadLetterIdsBody, DeadLetterQueryString } from '../schemas/dead-letter-schema.js';

/** Items the pipeline refused: read, replay, drop. */
export function registerDeadLetterRoutes(api: FastifyInstance, ctx: RouteContext): void {
  const tags = ['dead letters'];
  const service = () => ctx.app.deadLetters;

  api.get<{ Querystring: DeadLetterQueryString }>(
    '/api/deadletters',
    {
      schema: routeSchema({
        summary: "The workspace's items the pipeline refused, newest first, with stage and error",
        tags,
        querystring: deadLetterQuery,
        response: { 200: deadLetterPageResponse },
      }),
    },
    async (request) => service().list(scopeOf(request), request.query),
  );

  api.post<{ Body: DeadLetterIdsBody }>(
    '/api/deadletters/retry',
    {
      schema: routeSchema({
        summary: 'Hand items to the pipeline again; stored ones leave the dead letters',
        tags,
        body: deadLetterIdsBody,
        response: { 200: deadLetterRetryResponse },
      }),
    },
    async (request) => service().retry(scopeOf(request), request.body.ids),
  );

  api.post<{ Body: DeadLetterIdsBody }>(
    '/api/deadletters/drop',
    {
      schema: routeSchema({
        summary: 'Delete items from the dead letters for good',
        tags,
        body: deadLetterIdsBody,
        response: { 200: deadLetterDropResponse },
      }),
    },
    async (request) => ({ dropped: await service().drop(scopeOf(request), request.body.ids) }),
  );
}
