import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { PipelineMetrics } from '../../services/app.js';
import type { MetricFamily } from '../prometheus.js';
import { PROMETHEUS_CONTENT_TYPE, renderPrometheus } from '../prometheus.js';
import type { RouteContext } from '../route-context.js';
import { routeSchema } from '../route-schema.js';
import { healthResponse, infoResponse } from '../schemas/ops-schema.js';

const PIPELINE_FAMILIES: readonly [
  Exclude<keyof PipelineMetrics, 'storeStatus'>,
  string,
  'counter' | 'gauge',
  string,
][] = [
  ['postsIngested', 'langnghe_posts_ingested_total', 'counter', 'Posts received for the pipeline.'],
  ['postsStored', 'langnghe_posts_stored_total', 'counter', 'Posts stored for the first time.'],
  [
    'postsUpdated',
    'langnghe_posts_updated_total',
    'counter',
    'Posts stored again (engagement refreshed).',
  ],
  ['matches', 'langnghe_matches_total', 'counter', 'New (post, topic) matches recorded.'],
  [
    'itemErrors',
    'langnghe_item_errors_total',
    'counter',
    'Items rejected one by one (invalid, too large).',
  ],
  [
    'batchErrors',
    'langnghe_batch_errors_total',
    'counter',
    'Pipeline batches that failed as a whole.',
  ],
  [
    'deadLettered',
    'langnghe_dead_letters_total',
    'counter',
    'Items a stage refused, kept in the dead letters for replay.',
  ],
  [
    'storeRetries',
    'langnghe_store_retries_total',
    'counter',
    'Batches written again after a transient store error (full disk, lock, I/O).',
  ],
  ['queueDepth', 'langnghe_queue_depth', 'gauge', 'Items waiting in the pipeline queue.'],
  ['queueCapacity', 'langnghe_queue_capacity', 'gauge', 'Most items the pipeline queue holds.'],
  [
    'lagSeconds',
    'langnghe_pipeline_lag_seconds',
    'gauge',
    'Seconds between collection and storage of the last stored post.',
  ],
];

function metricFamilies(ctx: RouteContext): MetricFamily[] {
  const pipeline = ctx.app.metrics();
  return [
    ...PIPELINE_FAMILIES.map(([key, name, type, help]) => ({
      name,
      help,
      type,
      samples: [{ value: pipeline[key] }],
    })),
    {
      name: 'langnghe_store_degraded',
      help: '1 while the store refuses writes (full disk, lock, I/O) and batches wait to retry.',
      type: 'gauge',
      samples: [{ value: pipeline.storeStatus === 'degraded' ? 1 : 0 }],
    },
    ...ctx.httpMetrics.families(),
    {
      name: 'langnghe_live_streams',
      help: 'Live streams (GET /api/stream) open now.',
      type: 'gauge',
      samples: [{ value: ctx.streams.size }],
    },
    {
      name: 'process_resident_memory_bytes',
      help: 'Resident memory size in bytes.',
      type: 'gauge',
      samples: [{ value: process.memoryUsage.rss() }],
    },
  ];
}

/** Liveness, readiness, metrics, the instance's info and its sources. */
export function registerOpsRoutes(api: FastifyInstance, ctx: RouteContext): void {
  api.get(
    '/healthz',
    {
      schema: routeSchema({
        summary: 'Liveness: the process answers',
        tags: ['operations'],
        response: { 200: healthResponse },
      }),
    },
    async () => ({ status: 'ok' }),
  );

  api.get(
    '/readyz',
    {
      schema: routeSchema({
        summary:
          'Readiness: the store is open and takes writes, and the pipeline runs (503 otherwise)',
        tags: ['operations'],
        response: { 200: healthResponse, 503: healthResponse },
      }),
    },
    async (_request, reply) => {
      const isReady = ctx.app.isReady();
      const isDegraded = ctx.app.metrics().storeStatus === 'degraded';
      const status = !isReady ? 'unavailable' : isDegraded ? 'degraded' : 'ok';
      return reply.code(status === 'ok' ? 200 : 503).send({ status });
    },
  );

  api.get(
    '/metrics',
    {
      schema: routeSchema({
        summary: 'Prometheus metrics (text exposition format 0.0.4)',
        tags: ['operations'],
        response: { 200: z.string() },
      }),
    },
    async (_request, reply) =>
      reply.type(PROMETHEUS_CONTENT_TYPE).send(renderPrometheus(metricFamilies(ctx))),
  );

  api.get(
    '/api/info',
    {
      schema: routeSchema({
        summary: 'Version, and whether the data shown is the demo SAMPLE data',
        tags: ['operations'],
        response: { 200: infoResponse },
      }),
    },
    async () => ({
      version: ctx.config.version,
      demo: ctx.config.demo,
      mode: ctx.config.mode,
      isSsoEnabled: ctx.oidc !== undefined,
    }),
  );
}
