import type { Clock } from '../../core/clock.js';
import { readJsonLines } from '../files/read-records.js';

export interface ReplayOptions {
  /** A JSON-lines file of posts. */
  file: string;
  /** Items fed per second. */
  ratePerSecond: number;
  clock: Clock;
  /** Stores a batch (the pipeline's ingest door). */
  ingest: (items: unknown[]) => Promise<unknown>;
  /** Start over at the end of the file (ids get a round suffix so each round is new). */
  isLooping?: boolean;
  signal: AbortSignal;
  /** Waits between batches; tests pass a fast one. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const defaultSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    signal.addEventListener('abort', finish, { once: true });
  });

/**
 * Feeds a data file as if it were live: items in file order at `ratePerSecond`, each published
 * and collected "now". Used by the demo so the page keeps moving; stops when `signal` aborts.
 */
export async function runReplay(options: ReplayOptions): Promise<{ fed: number }> {
  const sleep = options.sleep ?? defaultSleep;
  const batchSize = Math.max(1, Math.round(options.ratePerSecond));
  let fed = 0;
  for (let round = 0; !options.signal.aborted; round++) {
    let batch: unknown[] = [];
    let sawAny = false;
    for await (const record of readJsonLines(options.file)) {
      if (options.signal.aborted) break;
      if (record.value === undefined || typeof record.value !== 'object' || record.value === null)
        continue;
      sawAny = true;
      const now = new Date(options.clock.now()).toISOString();
      const item: Record<string, unknown> = {
        ...(record.value as Record<string, unknown>),
        publishedAt: now,
        collectedAt: now,
      };
      if (round > 0 && item.id !== undefined) item.id = `${String(item.id)}~r${round}`;
      batch.push(item);
      if (batch.length >= batchSize) {
        await options.ingest(batch);
        fed += batch.length;
        batch = [];
        await sleep(1000, options.signal);
      }
    }
    if (batch.length > 0 && !options.signal.aborted) {
      await options.ingest(batch);
      fed += batch.length;
    }
    if (!options.isLooping || !sawAny) break;
  }
  return { fed };
}
