import type { FastifyInstance } from 'fastify';
import { LangngheError } from '../../core/errors.js';
import { scopeOf } from '../authenticate.js';
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
import type { ScopedSources } from '../../services/sources.js';
import type { SourceInputBody } from '../../services/index.js';

const tags = ['sources'];
type IdParams = { id: string };

/**
 * Sources (connector instances) of the request's workspace: the list with health for its members;
 * adding, changing, running and removing for its admins. Credentials are never returned.
 */
export function registerSourceRoutes(api: FastifyInstance, ctx: RouteContext): void {
  api.get(
    '/api/sources',
    {
      schema: routeSchema({
        summary: 'Sources (connector instances) with their health and next run',
        description: 'Credentials are never returned (`***` or `env:NAME`).',
        tags,
        response: { 200: sourceListResponse },
      }),
    },
    async (request) => ({
      sources: ctx.sources === undefined ? [] : await ctx.sources.list(scopeOf(request)),
    }),
  );

  const service = (): ScopedSources => {
    if (ctx.sources === undefined)
      throw new LangngheError('app.unavailable', 'Source management is not available here');
    return ctx.sources;
  };

  api.get(
    '/api/sources/kinds',
    {
      schema: routeSchema({
        summary: 'The connector kinds, with their credential fields',
        tags,
        response: { 200: kindListResponse },
      }),
    },
    async (request) => ({ kinds: service().kinds(scopeOf(request)) }),
  );

  api.post<{ Body: SourceInputBody }>(
    '/api/sources',
    {
      schema: routeSchema({
        summary: 'Add a source',
        description:
          'Validates the config against the connector first. The server starts polling it at once.',
        tags,
        body: createSourceBody,
        response: { 201: sourceSchema },
      }),
    },
    async (request, reply) =>
      reply.code(201).send(await service().add(scopeOf(request), request.body)),
  );

  api.patch<{
    Params: IdParams;
    Body: { name?: string; config?: Record<string, unknown>; enabled?: boolean };
  }>(
    '/api/sources/:id',
    {
      schema: routeSchema({
        summary: 'Change, enable or disable a source',
        description: 'Credential fields left out of a new config keep their stored value.',
        tags,
        params: idParams,
        body: updateSourceBody,
        response: { 200: sourceSchema },
      }),
    },
    async (request) => service().update(scopeOf(request), request.params.id, request.body),
  );

  api.delete<{ Params: IdParams }>(
    '/api/sources/:id',
    {
      schema: routeSchema({
        summary: 'Remove a source with its cursor and health; its posts stay',
        tags,
        params: idParams,
        response: { 204: null },
      }),
    },
    async (request, reply) => {
      await service().remove(scopeOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  api.post<{ Params: IdParams }>(
    '/api/sources/:id/run',
    {
      schema: routeSchema({
        summary: 'Poll a source now and store what arrives',
        tags,
        params: idParams,
        response: { 200: runOutcomeResponse },
      }),
    },
    async (request) => service().run(scopeOf(request), request.params.id),
  );

  api.post<{ Params: IdParams }>(
    '/api/sources/:id/test',
    {
      schema: routeSchema({
        summary: 'Fetch the first items without storing them',
        tags,
        params: idParams,
        response: { 200: testSourceResponse },
      }),
    },
    async (request) => ({
      items: (await service().test(scopeOf(request), request.params.id)).items,
    }),
  );
}
