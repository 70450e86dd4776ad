import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../route-context.js';
import { routeSchema } from '../route-schema.js';
import { sourceListResponse } from '../schemas/ops-schema.js';
import { workspaceQuery } from '../schemas/topic-schema.js';

/** GET /api/sources: the configured connectors and their health (never their secrets). */
export function registerSourceRoutes(api: FastifyInstance, ctx: RouteContext): void {
  api.get<{ Querystring: { workspaceId?: string } }>(
    '/api/sources',
    {
      schema: routeSchema({
        summary: 'Sources (connector instances) with their health',
        description: "A source's own configuration (which may hold API keys) is never returned.",
        tags: ['sources'],
        querystring: workspaceQuery,
        response: { 200: sourceListResponse },
      }),
    },
    async (request) => ({ sources: await ctx.app.listSources(request.query.workspaceId) }),
  );
}
