import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApiServer } from '../../api/index.js';
import { systemScope } from '../../core/scope.js';
import { DEFAULT_WORKSPACE_ID } from '../../core/types.js';
import { parseRetention } from '../../services/privacy.js';
import { defaultEnricher } from '../../pipeline/default-enricher.js';
import { runReplay } from '../../sources/replay/replay-source.js';
import type { CliIo } from '../io.js';
import { writeLine } from '../io.js';
import { createProgress } from '../progress.js';
import { openRuntime, readConfig, systemClock } from '../runtime.js';
import { seedDemo, DEMO_POSTS } from '../demo-seed.js';

export const serveHelp = `langnghe serve [--port N] [--host H] [--data-dir DIR] [--no-demo] [--config FILE]

Runs langnghe on this machine: the embedded store (SQLite in the data folder), the pipeline and
the web page with its HTTP API. On the first start with demo on (the default), loads the demo
data set (generated SAMPLE posts about HCMC) and default topics, then feeds sample posts live.
Sources added with "langnghe sources add" are polled on their schedules (LANGNGHE_COLLECT=false
turns that off); webhooks arrive at /api/webhooks/<sourceId>.
Settings: docs/config.md (flags, LANGNGHE_* variables, langnghe.config.json).`;

export async function runServe(
  args: string[],
  io: CliIo,
  options: { signal?: AbortSignal } = {},
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-demo': { type: 'boolean', default: false },
      config: { type: 'string' },
    },
  });
  const config = readConfig(io, {
    port: values.port,
    host: values.host,
    dataDir: values['data-dir'],
    demo: values['no-demo'] ? 'false' : undefined,
    config: values.config,
  });
  const runtime = await openRuntime(config, {
    enrich: defaultEnricher,
    env: io.env,
    log: (event) => {
      if (event.level === 'warn' || event.level === 'error')
        io.stderr.write(
          `${new Date().toISOString()} source ${event.sourceId ?? '-'} ${event.level}: ${event.message}\n`,
        );
    },
  });
  const stop = new AbortController();
  const retention = parseRetention(config.retention);
  const server = createApiServer({
    app: runtime.app,
    sources: runtime.sources,
    oidc: runtime.oidc,
    logger: true,
    config: {
      demo: config.demo,
      bodyLimitBytes: config.bodyLimitBytes,
      maxStreams: config.maxStreams,
      maxStreamsPerPrincipal: config.maxStreamsPerPrincipal,
      logLevel: config.logLevel,
      bindHost: config.host,
      allowedHosts: config.allowedHosts.split(','),
      rateLimitPerMinute: config.rateLimitPerMinute,
      loginRateLimitPerMinute: config.loginRateLimitPerMinute,
      cookieSecure: config.cookieSecure,
    },
  });
  const shutdown = async (): Promise<void> => {
    stop.abort();
    await server.close();
    await runtime.close();
  };
  try {
    const replayFile = join(config.dataDir, 'demo-live.jsonl');
    if (config.demo) {
      const progress = createProgress({
        stream: io.stderr,
        isTty: io.isTty,
        total: DEMO_POSTS,
        label: 'demo data',
      });
      await seedDemo(runtime, { now: systemClock.now(), replayFile, progress });
    }
    const owner = await runtime.app.accounts.bootstrap();
    if (owner !== undefined) {
      await writeLine(
        io.stdout,
        `Tài khoản quản trị / owner account created — login: ${owner.login}  password: ${owner.password}\n` +
          '  (shown only this once; sign in at the address below and change it. Lost it? langnghe users reset-password owner)',
      );
    }
    if (config.host === '0.0.0.0' || config.host === '::') {
      await writeLine(
        io.stderr,
        'langnghe: warning: listening on every interface. Put TLS in front (LANGNGHE_COOKIE_SECURE=true) and name the public host in LANGNGHE_ALLOWED_HOSTS.',
      );
    }
    await server.listen({ port: config.port, host: config.host });
    await writeLine(
      io.stdout,
      `langnghe listening on http://${config.host}:${config.port}/ (data: ${config.dataDir}${config.demo ? ', demo: SAMPLE data' : ''})`,
    );
    let sync: NodeJS.Timeout | undefined;
    if (config.collect) {
      await runtime.scheduler.start();
      // Sources added by `langnghe sources add` in another process are picked up here.
      sync = setInterval(() => void runtime.scheduler.sync().catch(() => undefined), 30_000);
      sync.unref();
    }
    const housekeeping = startRetention(runtime, retention, io);
    const replay =
      config.demo && existsSync(replayFile)
        ? runReplay({
            file: replayFile,
            ratePerSecond: config.replayRatePerSecond,
            clock: systemClock,
            ingest: (items) =>
              runtime.app.ingest(systemScope(DEFAULT_WORKSPACE_ID), items, {
                sourceId: 'demo:live',
              }),
            isLooping: true,
            signal: stop.signal,
          })
        : Promise.resolve({ fed: 0 });
    await new Promise<void>((resolve) => {
      const done = (): void => resolve();
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
      options.signal?.addEventListener('abort', done, { once: true });
    });
    await writeLine(io.stderr, 'langnghe: stopping…');
    stop.abort();
    if (sync !== undefined) clearInterval(sync);
    clearInterval(housekeeping);
    await replay;
    return 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      await writeLine(
        io.stderr,
        `langnghe serve: port ${config.port} on ${config.host} is in use; choose another with --port or LANGNGHE_PORT`,
      );
      return 1;
    }
    throw error;
  } finally {
    await shutdown();
  }
}

const HOUR_MS = 3_600_000;

/** Deletes posts past the retention policy now and every hour (each deletion is audited). */
function startRetention(
  runtime: Awaited<ReturnType<typeof openRuntime>>,
  policy: ReturnType<typeof parseRetention>,
  io: CliIo,
): NodeJS.Timeout {
  const run = (): void => {
    if (Object.keys(policy).length === 0) return;
    runtime.app.privacy.applyRetention(systemScope(DEFAULT_WORKSPACE_ID), policy).then(
      ({ deleted }) => {
        const total = Object.values(deleted).reduce((a, b) => a + (b ?? 0), 0);
        if (total > 0) io.stderr.write(`langnghe: retention deleted ${total} posts\n`);
      },
      (error: unknown) => io.stderr.write(`langnghe: retention failed: ${String(error)}\n`),
    );
  };
  run();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return timer;
}
