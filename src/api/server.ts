import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { App } from '../services/app.js';
import type { SourceService } from '../sources/source-service.js';
import type { ApiConfig } from './api-config.js';
import { DEFAULT_HEARTBEAT_MS } from './api-config.js';
import { toHttpError } from './http-error.js';
import { createHttpMetrics } from './http-metrics.js';
import type { RouteContext } from './route-context.js';
import { registerDocsRoutes } from './routes/docs-routes.js';
import { INGEST_ROUTE, registerIngestRoutes } from './routes/ingest-routes.js';
import { registerOpsRoutes } from './routes/ops-routes.js';
import { registerPageRoutes } from './routes/page-routes.js';
import { registerPostRoutes } from './routes/post-routes.js';
import { registerSourceRoutes } from './routes/source-routes.js';
import { registerWebhookRoutes } from './routes/webhook-routes.js';
import { STREAM_ROUTE, registerStreamRoutes } from './routes/stream-routes.js';
import { registerTopicRoutes } from './routes/topic-routes.js';
import { createStreamRegistry } from './stream-registry.js';
import { trackConnections } from './track-connections.js';
import { packageVersion } from './version.js';

/** Bodies of JSON routes other than ingest (topics, tests): small. */
const JSON_BODY_LIMIT = 64 * 1024;
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export interface ApiServerDeps {
  app: App;
  config: ApiConfig;
  /** Source management and webhook deliveries (`Runtime.sources`). */
  sources?: SourceService;
  /** Log requests and errors (pino, JSON lines on stdout). Off by default. */
  logger?: boolean;
}

function contextOf(deps: ApiServerDeps): RouteContext {
  const { config } = deps;
  return {
    app: deps.app,
    config: {
      demo: config.demo,
      bodyLimitBytes: config.bodyLimitBytes,
      maxStreams: config.maxStreams,
      heartbeatMs: config.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
      ingestToken: config.ingestToken,
      adminToken: config.adminToken,
      webRoot: config.webRoot,
      version: config.version ?? packageVersion(),
      mode: config.mode ?? 'embedded',
    },
    httpMetrics: createHttpMetrics(),
    streams: createStreamRegistry(config.maxStreams),
    sources: deps.sources,
  };
}

function installHooks(server: FastifyInstance, ctx: RouteContext): void {
  server.setErrorHandler((error, request, reply) => {
    const http = toHttpError(error, {
      bodyLimitBytes: request.routeOptions.bodyLimit ?? JSON_BODY_LIMIT,
      isIngest: request.routeOptions.url === INGEST_ROUTE,
    });
    if (http.isInternal) request.log.error({ err: error }, 'request failed');
    if (http.status === 503) reply.header('retry-after', '5');
    return reply
      .code(http.status)
      .headers(http.headers ?? {})
      .send(http.body);
  });
  server.setNotFoundHandler((request, reply) =>
    reply.code(404).send({
      error: {
        code: 'http.not_found',
        message: `No route ${request.method} ${request.url.split('?')[0]!.slice(0, 200)}`,
        details: {},
      },
    }),
  );
  server.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', API_CSP);
    }
    return payload;
  });
  server.addHook('onResponse', async (request, reply) => {
    // An open live stream is counted when it starts; it may end long after, or never "finish".
    if (request.routeOptions.url === STREAM_ROUTE && reply.statusCode === 200) return;
    ctx.httpMetrics.record(request.method, request.routeOptions.url, reply.statusCode);
  });
  const connections = trackConnections(server.server);
  server.addHook('preClose', async () => {
    ctx.streams.endAll();
    connections.closeUnused();
  });
}

/**
 * The HTTP API and the web page over the use cases of `app`. Returns the Fastify instance
 * unstarted: `await server.listen({ port, host })` to serve, or `server.inject` in tests. Closing
 * the server ends open live streams; it does not close `app` (its owner does).
 */
export function createApiServer(deps: ApiServerDeps): FastifyInstance {
  const ctx = contextOf(deps);
  const server = Fastify({
    logger: deps.logger === true ? { level: deps.config.logLevel ?? 'info' } : false,
    bodyLimit: JSON_BODY_LIMIT,
    requestTimeout: 120_000,
    ajv: { customOptions: { removeAdditional: false } },
  });
  installHooks(server, ctx);
  void server.register(swagger, {
    openapi: {
      info: {
        title: 'langnghe API',
        description: 'Lắng nghe mạng xã hội: social listening for Vietnamese cities.',
        version: ctx.config.version,
      },
    },
  });
  void server.register(async (api) => {
    registerOpsRoutes(api, ctx);
    registerPostRoutes(api, ctx);
    registerTopicRoutes(api, ctx);
    registerSourceRoutes(api, ctx);
    registerWebhookRoutes(api, ctx);
    registerIngestRoutes(api, ctx);
    registerStreamRoutes(api, ctx);
    registerPageRoutes(api, ctx);
    registerDocsRoutes(api);
  });
  return server;
}
