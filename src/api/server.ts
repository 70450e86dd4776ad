import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { OidcLogin } from '../auth/oidc.js';
import type { App } from '../services/app.js';
import type { ScopedSources } from '../services/sources.js';
import type { ApiConfig } from './api-config.js';
import {
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_LOGIN_RATE_LIMIT,
  DEFAULT_RATE_LIMIT,
  DEFAULT_STREAMS_PER_PRINCIPAL,
} from './api-config.js';
import { installAuthentication } from './authenticate.js';
import { allowedHostsOf, installHostCheck } from './host-check.js';
import { loggerOptions, rateLimitKey } from './server-options.js';
import { registerAccountRoutes } from './routes/account-routes.js';
import { registerAuditRoutes } from './routes/audit-routes.js';
import { registerDeadLetterRoutes } from './routes/dead-letter-routes.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
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
  /** Source management and webhook deliveries. */
  sources?: ScopedSources;
  /** Single sign-on, when configured. */
  oidc?: OidcLogin;
  /**
   * Log requests and errors (pino, JSON lines on stdout; credentials redacted). Off by default
   * for tests; `serve` turns it on. Errors with status 500 are logged either way (stderr).
   */
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
      webRoot: config.webRoot,
      version: config.version ?? packageVersion(),
      mode: config.mode ?? 'embedded',
      cookieSecure: config.cookieSecure ?? false,
      loginRateLimitPerMinute: config.loginRateLimitPerMinute ?? DEFAULT_LOGIN_RATE_LIMIT,
    },
    httpMetrics: createHttpMetrics(),
    streams: createStreamRegistry(
      config.maxStreams,
      config.maxStreamsPerPrincipal ?? DEFAULT_STREAMS_PER_PRINCIPAL,
    ),
    sources: deps.sources,
    oidc: deps.oidc,
  };
}

function installHooks(server: FastifyInstance, ctx: RouteContext, isLogging: boolean): void {
  server.setErrorHandler((error, request, reply) => {
    const http = toHttpError(error, {
      bodyLimitBytes: request.routeOptions.bodyLimit ?? JSON_BODY_LIMIT,
      isIngest: request.routeOptions.url === INGEST_ROUTE,
    });
    if (http.isInternal) {
      request.log.error({ err: error }, 'request failed');
      // Without a logger (tests, embedding) a 500 must still leave a trace.
      if (!isLogging)
        console.error(
          `langnghe: ${request.method} ${request.routeOptions.url ?? '-'} failed:`,
          error,
        );
    }
    const retryAfter = http.body.error.details.retryAfterSeconds;
    if (http.status === 503) reply.header('retry-after', '5');
    if ((http.status === 429 || http.status === 503) && typeof retryAfter === 'number')
      reply.header('retry-after', String(retryAfter));
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
  const isLogging = deps.logger === true;
  const server = Fastify({
    logger: isLogging ? loggerOptions(deps.config.logLevel ?? 'info') : false,
    bodyLimit: JSON_BODY_LIMIT,
    requestTimeout: 120_000,
    ajv: { customOptions: { removeAdditional: false } },
    // A malformed URL or an over-long path parameter fails in the router, where no hook and no
    // error handler run: answered here in the one error shape, with the security headers.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const http = toHttpError(error, { bodyLimitBytes: JSON_BODY_LIMIT });
      return reply
        .code(http.status)
        .headers({ 'x-content-type-options': 'nosniff', 'content-security-policy': API_CSP })
        .send(http.body);
    },
  });
  installHostCheck(server, allowedHostsOf(deps.config.bindHost, deps.config.allowedHosts ?? []));
  installHooks(server, ctx, isLogging);
  void server.register(rateLimit, {
    max: deps.config.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT,
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    // Counted before authentication (which runs at preParsing), so a flood costs no lookups.
    hook: 'onRequest',
  });
  installAuthentication(server, deps.app);
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
    registerAuthRoutes(api, ctx);
    registerAccountRoutes(api, ctx);
    registerAuditRoutes(api, ctx);
    registerDeadLetterRoutes(api, ctx);
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
