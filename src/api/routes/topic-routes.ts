import type { FastifyInstance } from 'fastify';
import { LangngheError } from '../../core/errors.js';
import { scopeOf } from '../authenticate.js';
import { toApiHit } from '../highlights.js';
import type { RouteContext } from '../route-context.js';
import { routeSchema } from '../route-schema.js';
import { idParams } from '../schemas/common-schema.js';
import type {
  BackfillBody,
  CreateTopicBody,
  TestTopicBody,
  UpdateTopicBody,
  VolumeQuery,
} from '../schemas/topic-schema.js';
import {
  backfillBody,
  backfillResponse,
  createTopicBody,
  testTopicBody,
  testTopicResponse,
  topicListResponse,
  topicSchema,
  updateTopicBody,
  volumeQuery,
  volumeResponse,
} from '../schemas/topic-schema.js';

const tags = ['topics'];
type IdParams = { id: string };

/** Topics: list with counts, create, read, change, delete, test a query, volume, back-fill. */
export function registerTopicRoutes(api: FastifyInstance, ctx: RouteContext): void {
  const { app } = ctx;

  api.get(
    '/api/topics',
    {
      schema: routeSchema({
        summary: 'Topics of the workspace with their match counts',
        tags,
        response: { 200: topicListResponse },
      }),
    },
    async (request) => ({ topics: await app.listTopics(scopeOf(request)) }),
  );

  api.post<{ Body: CreateTopicBody }>(
    '/api/topics',
    {
      schema: routeSchema({
        summary: 'Create a topic (its query is parsed first; 400 with the position if it does not)',
        tags,
        body: createTopicBody,
        response: { 201: topicSchema },
      }),
    },
    async (request, reply) =>
      reply.code(201).send(await app.createTopic(scopeOf(request), request.body)),
  );

  api.post<{ Body: TestTopicBody }>(
    '/api/topics/test',
    {
      schema: routeSchema({
        summary: 'Try a query on stored posts without saving it: count and highlighted sample',
        tags,
        body: testTopicBody,
        response: { 200: testTopicResponse },
      }),
    },
    async (request) => {
      const result = await app.testTopic(scopeOf(request), request.body);
      return { ...result, sample: result.sample.map(toApiHit) };
    },
  );

  api.get<{ Params: IdParams }>(
    '/api/topics/:id',
    {
      schema: routeSchema({
        summary: 'One topic',
        tags,
        params: idParams,
        response: { 200: topicSchema },
      }),
    },
    async (request) => {
      const topic = await app.getTopic(scopeOf(request), request.params.id);
      if (topic === undefined) throw notFound(request.params.id);
      return topic;
    },
  );

  api.patch<{ Params: IdParams; Body: UpdateTopicBody }>(
    '/api/topics/:id',
    {
      schema: routeSchema({
        summary: 'Rename a topic and/or change its query',
        tags,
        params: idParams,
        body: updateTopicBody,
        response: { 200: topicSchema },
      }),
    },
    async (request) => {
      const { name, query } = request.body;
      if (name === undefined && query === undefined) {
        throw new LangngheError('input.invalid', 'Give "name" and/or "query" to change', {
          details: { field: 'body' },
        });
      }
      return app.updateTopic(scopeOf(request), request.params.id, { name, query });
    },
  );

  api.delete<{ Params: IdParams }>(
    '/api/topics/:id',
    {
      schema: routeSchema({
        summary: 'Delete a topic and its matches',
        tags,
        params: idParams,
        response: { 204: null },
      }),
    },
    async (request, reply) => {
      await app.deleteTopic(scopeOf(request), request.params.id);
      return reply.code(204).send();
    },
  );

  api.get<{ Params: IdParams; Querystring: VolumeQuery }>(
    '/api/topics/:id/volume',
    {
      schema: routeSchema({
        summary: 'Matches per hour or day (every bucket listed, empty ones as 0)',
        tags,
        params: idParams,
        querystring: volumeQuery,
        response: { 200: volumeResponse },
      }),
    },
    async (request) => {
      const { id } = request.params;
      const { bucket, from, to } = request.query;
      const buckets = await app.topicVolume(scopeOf(request), { topicId: id, bucket, from, to });
      return { topicId: id, bucket, buckets };
    },
  );

  api.post<{ Params: IdParams; Body: BackfillBody }>(
    '/api/topics/:id/backfill',
    {
      // The body is optional: a bare POST back-fills the default range.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: routeSchema({
        summary: 'Match a topic again over stored posts of a time range',
        tags,
        params: idParams,
        body: backfillBody,
        response: { 200: backfillResponse },
      }),
    },
    async (request) => {
      const { from, to } = request.body;
      return app.backfillTopic(scopeOf(request), request.params.id, { from, to });
    },
  );
}

function notFound(id: string): LangngheError {
  return new LangngheError('store.not_found', `No topic ${id}`, { details: { topicId: id } });
}
