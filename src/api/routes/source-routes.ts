import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LangngheError } from '../../core/errors.js';
import { ADMIN, checkBearer } from '../bearer-auth.js';
import type { RouteContext } from '../route-context.js';
import { routeSchema } from '../route-schema.js';
import { idParams } from '../schemas/common-schema.js';
import {
  createSourceBody,
  kindListResponse,
  runOutcomeResponse,
  sourceListResponse,
  sourceSchema,
  testSourceResponse,
  updateSourceBody,
} from '../schemas/ops-schema.js';
import { workspaceQuery } from '../schemas/topic-schema.js';
import type { SourceInputBody, SourceService } from '../../sources/source-service.js';

const tags = ['sources'];
type IdParams = { id: string };

/**
 * Sources (connector instances): the list with health for everyone; adding, changing, running and
 * removing behind the admin token. A source's configuration is never returned.
 */
export function registerSourceRoutes(api: FastifyInstance, ctx: RouteContext): void {
  api.get<{ Querystring: { workspaceId?: string } }>(
    '/api/sources',
    {
      schema: routeSchema({
        summary: 'Sources (connector instances) with their health and next run',
        description: "A source's own configuration (which may hold API keys) is never returned.",
        tags,
        querystring: workspaceQuery,
        response: { 200: sourceListResponse },
      }),
    },
    async (request) => ({
      sources:
        ctx.sources === undefined
          ? await ctx.app.listSources(request.query.workspaceId)
          : await ctx.sources.list(request.query.workspaceId),
    }),
  );

  const service = (): SourceService => {
    if (ctx.sources === undefined)
      throw new LangngheError('app.unavailable', 'Source management is not available here');
    return ctx.sources;
  };
  const admin = async (request: FastifyRequest): Promise<void> =>
    checkBearer(request.headers.authorization, ctx.config.adminToken, ADMIN);

  api.get(
    '/api/sources/kinds',
    {
      schema: routeSchema({
        summary: 'The connector kinds, with their credential fields',
        tags,
        response: { 200: kindListResponse },
      }),
    },
    async () => ({ kinds: service().kinds() }),
  );

  api.post<{ Body: SourceInputBody }>(
    '/api/sources',
    {
      onRequest: admin,
      schema: routeSchema({
        summary: 'Add a source (admin token)',
        description:
          'Validates the config against the connector first. The server starts polling it at once.',
        tags,
        body: createSourceBody,
        response: { 201: sourceSchema },
      }),
    },
    async (request, reply) => reply.code(201).send(await service().add(request.body)),
  );

  api.patch<{
    Params: IdParams;
    Body: { name?: string; config?: Record<string, unknown>; enabled?: boolean };
  }>(
    '/api/sources/:id',
    {
      onRequest: admin,
      schema: routeSchema({
        summary: 'Change, enable or disable a source (admin token)',
        description: 'Credential fields left out of a new config keep their stored value.',
        tags,
        params: idParams,
        body: updateSourceBody,
        response: { 200: sourceSchema },
      }),
    },
    async (request) => service().update(request.params.id, request.body),
  );

  api.delete<{ Params: IdParams }>(
    '/api/sources/:id',
    {
      onRequest: admin,
      schema: routeSchema({
        summary: 'Remove a source with its cursor and health; its posts stay (admin token)',
        tags,
        params: idParams,
        response: { 204: null },
      }),
    },
    async (request, reply) => {
      await service().remove(request.params.id);
      return reply.code(204).send();
    },
  );

  api.post<{ Params: IdParams }>(
    '/api/sources/:id/run',
    {
      onRequest: admin,
      schema: routeSchema({
        summary: 'Poll a source now and store what arrives (admin token)',
        tags,
        params: idParams,
        response: { 200: runOutcomeResponse },
      }),
    },
    async (request) => service().run(request.params.id),
  );

  api.post<{ Params: IdParams }>(
    '/api/sources/:id/test',
    {
      onRequest: admin,
      schema: routeSchema({
        summary: 'Fetch the first items without storing them (admin token)',
        tags,
        params: idParams,
        response: { 200: testSourceResponse },
      }),
    },
    async (request) => ({ items: (await service().test(request.params.id)).items }),
  );
}
