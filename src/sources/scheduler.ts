import { LangngheError } from '../core/errors.js';
import type { Source } from '../store/index.js';
import { backoffDelay, sleep as defaultSleep } from './backoff.js';
import { intervalOf, runSourceOnce } from './run-source.js';
import type { RunOutcome, SourceRunDeps } from './run-source.js';

export interface SchedulerOptions {
  /** Polls running at once, all sources together (default 4). Streams do not count. */
  maxConcurrent?: number;
  /** The first wait after a failure (default 30 s), doubled per failure up to `maxBackoffMs`. */
  baseBackoffMs?: number;
  /** Default 1 h. */
  maxBackoffMs?: number;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface SourceSchedule {
  sourceId: string;
  isRunning: boolean;
  /** ISO time of the next poll; absent while a stream is connected or the source is disabled. */
  nextRunAt?: string;
  consecutiveFailures: number;
}

export interface Scheduler {
  /** Reads the enabled sources and starts polling them. */
  start(): Promise<void>;
  /** Re-reads the sources: new ones start, removed or disabled ones stop, changed ones restart. */
  sync(): Promise<void>;
  /** Polls a source now (waiting for a run already under way to end first). */
  runNow(sourceId: string): Promise<RunOutcome>;
  schedule(sourceId: string): SourceSchedule | undefined;
  /** Stops every poll and stream (aborting them) and waits for them to end. */
  stop(): Promise<void>;
}

interface Slot {
  source: Source;
  /** The JSON of the source when it was scheduled, to notice a changed config. */
  signature: string;
  controller: AbortController;
  timer?: NodeJS.Timeout;
  running?: Promise<RunOutcome>;
  nextRunAt?: number;
  failures: number;
}

/**
 * Runs each enabled source on its interval: one run at a time per source, at most
 * `maxConcurrent` polls at once overall, exponential backoff with jitter after failures (a
 * rate-limit answer's wait is honoured when longer), streams reconnected with backoff.
 */
export function createScheduler(deps: SourceRunDeps, options: SchedulerOptions = {}): Scheduler {
  const maxConcurrent = Math.max(1, options.maxConcurrent ?? 4);
  const baseBackoffMs = options.baseBackoffMs ?? 30_000;
  const maxBackoffMs = options.maxBackoffMs ?? 60 * 60_000;
  const random = options.random ?? Math.random;
  const wait = options.sleep ?? defaultSleep;
  const slots = new Map<string, Slot>();
  let active = 0;
  const queue: Array<() => void> = [];
  let isStopped = false;

  async function acquire(): Promise<void> {
    if (active < maxConcurrent) {
      active++;
      return;
    }
    await new Promise<void>((resolve) => queue.push(resolve));
  }

  function release(): void {
    const next = queue.shift();
    if (next === undefined) active--;
    else next();
  }

  function signatureOf(source: Source): string {
    return JSON.stringify([source.kind, source.config, source.enabled]);
  }

  function isStream(source: Source): boolean {
    return deps.registry.get(source.kind)?.mode === 'stream';
  }

  function planNext(slot: Slot, outcome: RunOutcome | undefined): void {
    if (isStopped || slot.controller.signal.aborted) return;
    const connector = deps.registry.get(slot.source.kind);
    if (connector === undefined || connector.mode === 'webhook') return;
    let delay: number;
    if (outcome === undefined || outcome.ok) {
      slot.failures = 0;
      delay = outcome === undefined ? 0 : intervalOf(slot.source, connector) * 1000;
    } else {
      slot.failures++;
      delay = Math.max(
        backoffDelay(slot.failures - 1, { baseMs: baseBackoffMs, maxMs: maxBackoffMs, random }),
        outcome.error?.retryAfterMs ?? 0,
      );
    }
    slot.nextRunAt = deps.clock.now() + delay;
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      void execute(slot).then((result) => planNext(slot, result));
    }, delay);
    slot.timer.unref?.();
  }

  async function execute(slot: Slot): Promise<RunOutcome> {
    while (slot.running !== undefined) await slot.running.catch(() => undefined);
    const stream = isStream(slot.source);
    const run = (async () => {
      if (!stream) await acquire();
      slot.nextRunAt = undefined;
      try {
        return await runSourceOnce(deps, slot.source, slot.controller.signal);
      } finally {
        if (!stream) release();
      }
    })();
    slot.running = run;
    try {
      return await run;
    } finally {
      if (slot.running === run) slot.running = undefined;
    }
  }

  async function runStream(slot: Slot): Promise<void> {
    // A stream stays connected; when it drops it reconnects, backing off while it keeps failing.
    while (!isStopped && !slot.controller.signal.aborted) {
      const startedAt = deps.clock.now();
      const outcome = await execute(slot);
      if (isStopped || slot.controller.signal.aborted) return;
      const isHealthy = outcome.ok && (outcome.items > 0 || deps.clock.now() - startedAt > 60_000);
      slot.failures = isHealthy ? 0 : slot.failures + 1;
      const delay = Math.max(
        backoffDelay(Math.max(0, slot.failures - 1), { baseMs: 1000, maxMs: 5 * 60_000, random }),
        outcome.error?.retryAfterMs ?? 0,
      );
      slot.nextRunAt = deps.clock.now() + delay;
      await wait(delay, slot.controller.signal);
    }
  }

  function begin(source: Source): void {
    const slot: Slot = {
      source,
      signature: signatureOf(source),
      controller: new AbortController(),
      failures: 0,
    };
    slots.set(source.id, slot);
    if (!source.enabled) return;
    if (isStream(source)) void runStream(slot);
    else planNext(slot, undefined);
  }

  async function end(slot: Slot): Promise<void> {
    slots.delete(slot.source.id);
    slot.controller.abort();
    if (slot.timer !== undefined) clearTimeout(slot.timer);
    await slot.running?.catch(() => undefined);
  }

  let syncing: Promise<void> = Promise.resolve();

  async function syncOnce(): Promise<void> {
    const sources = await deps.store.listSources();
    const seen = new Set<string>();
    for (const source of sources) {
      seen.add(source.id);
      const slot = slots.get(source.id);
      if (slot !== undefined && slot.signature === signatureOf(source)) continue;
      if (slot !== undefined) await end(slot);
      if (!isStopped) begin(source);
    }
    for (const slot of [...slots.values()]) if (!seen.has(slot.source.id)) await end(slot);
  }

  const scheduler: Scheduler = {
    async start() {
      isStopped = false;
      await scheduler.sync();
    },
    sync() {
      // One sync at a time: two at once could both start a changed source and orphan a slot.
      const next = syncing.then(syncOnce, syncOnce);
      syncing = next.catch(() => undefined);
      return next;
    },
    async runNow(sourceId) {
      let slot = slots.get(sourceId);
      if (slot === undefined) {
        const source = await deps.store.getSource(sourceId);
        if (source === undefined)
          throw new LangngheError('store.not_found', `No source "${sourceId}"`);
        slot = { source, signature: '', controller: new AbortController(), failures: 0 };
      }
      if (isStream(slot.source))
        throw new LangngheError(
          'source.stream',
          `Source "${sourceId}" is a stream: it stays connected while langnghe serve runs; use "sources test" to check it`,
        );
      return execute(slot);
    },
    schedule(sourceId) {
      const slot = slots.get(sourceId);
      if (slot === undefined) return undefined;
      return {
        sourceId,
        isRunning: slot.running !== undefined,
        nextRunAt:
          slot.nextRunAt === undefined ? undefined : new Date(slot.nextRunAt).toISOString(),
        consecutiveFailures: slot.failures,
      };
    },
    async stop() {
      isStopped = true;
      await Promise.all([...slots.values()].map((slot) => end(slot)));
    },
  };
  return scheduler;
}
