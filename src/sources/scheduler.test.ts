import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { LangngheError } from '../core/errors.js';
import { openSourceHarness } from '../../test/sources/harness.js';
import type { Connector, PollContext } from './connector.js';
import { createScheduler } from './scheduler.js';

async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function counting(
  kind: string,
  body: (ctx: PollContext<Record<string, never>>, run: number) => Promise<void>,
  mode: 'poll' | 'stream' = 'poll',
): Connector<Record<string, never>> & { runs: number } {
  const connector = {
    kind,
    platform: 'forum' as const,
    description: 'test',
    mode,
    configSchema: z.strictObject({}),
    secretFields: [],
    defaultIntervalSeconds: 0.02,
    runs: 0,
    async *poll(ctx: PollContext<Record<string, never>>) {
      const run = ++connector.runs;
      await body(ctx, run);
      yield {
        items: [
          {
            externalId: `${kind}-${run}`,
            platform: 'forum' as const,
            kind: 'post' as const,
            text: `run ${run}`,
          },
        ],
        cursor: String(run),
      };
    },
  };
  return connector;
}

describe('scheduler', () => {
  it('polls each enabled source again and again on its interval', async () => {
    const a = counting('a', async () => undefined);
    const h = await openSourceHarness([a]);
    await h.addSource('a', {}, 'a1');
    const scheduler = createScheduler(h.deps);
    await scheduler.start();
    await waitFor(() => a.runs >= 3);
    await scheduler.stop();
    const runs = a.runs;
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.equal(a.runs, runs, 'nothing runs after stop');
    assert.ok(Number(await h.cursor('a1')) >= 3);
    await h.close();
  });

  it('runs at most maxConcurrent polls at once, and one at a time per source', async () => {
    let active = 0;
    let peak = 0;
    const body = async (): Promise<void> => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 30));
      active--;
    };
    const a = counting('a', body);
    const h = await openSourceHarness([a]);
    for (const id of ['s1', 's2', 's3']) await h.addSource('a', {}, id);
    const scheduler = createScheduler(h.deps, { maxConcurrent: 2 });
    await scheduler.start();
    const manual = scheduler.runNow('s1');
    await waitFor(() => a.runs >= 8);
    await manual;
    await scheduler.stop();
    assert.equal(peak, 2);
    await h.close();
  });

  it('backs off after a failure, honouring a rate limit that asks for longer', async () => {
    const failing = counting('f', async () => {
      throw new LangngheError('source.rate_limited', 'slow down', {
        details: { retryAfterMs: 600_000 },
      });
    });
    const h = await openSourceHarness([failing]);
    await h.addSource('f', {}, 'f1');
    const scheduler = createScheduler(h.deps, { baseBackoffMs: 10, random: () => 0.5 });
    await scheduler.start();
    await waitFor(() => scheduler.schedule('f1')?.consecutiveFailures === 1);
    const next = Date.parse(scheduler.schedule('f1')!.nextRunAt!);
    assert.equal(next - h.clock.now(), 600_000);
    assert.equal(failing.runs, 1);
    const health = await h.store.getSourceHealth('f1');
    assert.equal(health.consecutiveFailures, 1);
    assert.match(health.lastError!.message, /slow down/);
    await scheduler.stop();
    await h.close();
  });

  it('keeps a stream connected until stopped, and stops it promptly', async () => {
    let isConnected = false;
    const stream = counting(
      's',
      (ctx) =>
        new Promise<void>((resolve) => {
          isConnected = true;
          ctx.signal.addEventListener('abort', () => resolve(), { once: true });
        }),
      'stream',
    );
    const h = await openSourceHarness([stream]);
    await h.addSource('s', {}, 'st');
    const scheduler = createScheduler(h.deps);
    await scheduler.start();
    await waitFor(() => isConnected);
    assert.equal(scheduler.schedule('st')?.isRunning, true);
    const started = Date.now();
    await scheduler.stop();
    assert.ok(Date.now() - started < 1000);
    assert.equal(stream.runs, 1);
    await h.close();
  });

  it('stops polling a source removed from the store, and starts one added', async () => {
    const a = counting('a', async () => undefined);
    const h = await openSourceHarness([a]);
    await h.addSource('a', { intervalSeconds: 3600 }, 'slow');
    const scheduler = createScheduler(h.deps);
    await scheduler.start();
    await waitFor(() => a.runs === 1);
    assert.ok(scheduler.schedule('slow')?.nextRunAt !== undefined);
    await h.store.deleteSource('slow');
    await scheduler.sync();
    assert.equal(scheduler.schedule('slow'), undefined);
    await h.addSource('a', { intervalSeconds: 3600 }, 'new');
    await scheduler.sync();
    await waitFor(() => a.runs === 2);
    await scheduler.stop();
    await h.close();
  });
});

describe('scheduler sync', () => {
  it('two syncs at once after a change leave one poller, which stop() ends', async () => {
    const a = counting('a', async () => undefined);
    const h = await openSourceHarness([a]);
    await h.addSource('a', { intervalSeconds: 3600 }, 'one');
    const scheduler = createScheduler(h.deps);
    await scheduler.start();
    await waitFor(() => a.runs === 1);
    await h.addSource('a', { intervalSeconds: 3601 }, 'one');
    await Promise.all([scheduler.sync(), scheduler.sync(), scheduler.sync()]);
    await waitFor(() => a.runs >= 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(a.runs, 2, 'the changed source starts once');
    await scheduler.stop();
    await h.close();
  });
});
