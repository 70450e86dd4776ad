import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApiServer } from '../../api/index.js';
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
  const server = createApiServer({
    app: runtime.app,
    sources: runtime.sources,
    config: {
      demo: config.demo,
      bodyLimitBytes: config.bodyLimitBytes,
      maxStreams: config.maxStreams,
      ingestToken: config.ingestToken,
      adminToken: config.adminToken,
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
      await seedDemo(runtime.app, { now: systemClock.now(), replayFile, progress });
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
    const replay =
      config.demo && existsSync(replayFile)
        ? runReplay({
            file: replayFile,
            ratePerSecond: config.replayRatePerSecond,
            clock: systemClock,
            ingest: (items) => runtime.app.ingest(items, { sourceId: 'demo:live' }),
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
