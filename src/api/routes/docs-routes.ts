import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { routeSchema } from '../route-schema.js';

/** GET /api/docs: the OpenAPI 3 document of every route, generated from the route schemas. */
export function registerDocsRoutes(api: FastifyInstance): void {
  api.get(
    '/api/docs',
    {
      schema: routeSchema({
        summary: 'OpenAPI 3 document',
        tags: ['operations'],
        hide: true,
        response: { 200: z.looseObject({}) },
      }),
    },
    async () => api.swagger(),
  );
}
