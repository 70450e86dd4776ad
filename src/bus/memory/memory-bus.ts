import { LangngheError } from '../../core/errors.js';
import type { Bus, ConsumeOptions, Subscription } from '../bus.js';

interface Queue {
  items: unknown[];
  head: number;
  /** Items handed to the consumer and not yet acknowledged. */
  inFlight: number;
  spaceWaiters: (() => void)[];
  itemWaiters: (() => void)[];
  drainWaiters: (() => void)[];
}

const RETRY_PAUSE_MS = 50;

/** The embedded bus: one bounded in-process queue per subject. */
export function createMemoryBus(options: { capacity?: number } = {}): Bus {
  const capacity = options.capacity ?? 10_000;
  const queues = new Map<string, Queue>();
  const subscriptions = new Set<Subscription>();
  let isClosed = false;

  function queueOf(subject: string): Queue {
    let queue = queues.get(subject);
    if (queue === undefined) {
      queue = {
        items: [],
        head: 0,
        inFlight: 0,
        spaceWaiters: [],
        itemWaiters: [],
        drainWaiters: [],
      };
      queues.set(subject, queue);
    }
    return queue;
  }

  const waiting = (queue: Queue): number => queue.items.length - queue.head;
  const wake = (list: (() => void)[]): void => {
    for (const resolve of list.splice(0)) resolve();
  };

  function settle(queue: Queue): void {
    if (queue.head > 1024 && queue.head * 2 > queue.items.length) {
      queue.items = queue.items.slice(queue.head);
      queue.head = 0;
    }
    wake(queue.spaceWaiters);
    if (waiting(queue) === 0 && queue.inFlight === 0) wake(queue.drainWaiters);
  }

  async function publish(subject: string, items: readonly unknown[]): Promise<void> {
    const queue = queueOf(subject);
    let offset = 0;
    while (offset < items.length) {
      if (isClosed) throw new LangngheError('bus.closed', 'the bus is closed');
      const room = capacity - waiting(queue) - queue.inFlight;
      if (room <= 0) {
        await new Promise<void>((resolve) => queue.spaceWaiters.push(resolve));
        continue;
      }
      const chunk = items.slice(offset, offset + room);
      queue.items.push(...chunk);
      offset += chunk.length;
      wake(queue.itemWaiters);
    }
  }

  function consume(
    subject: string,
    handler: (items: unknown[]) => Promise<void>,
    consumeOptions: ConsumeOptions = {},
  ): Subscription {
    const queue = queueOf(subject);
    const batchSize = consumeOptions.batchSize ?? 500;
    const maxAttempts = consumeOptions.maxAttempts ?? 5;
    let isStopped = false;
    const loop = (async () => {
      while (!isStopped) {
        if (waiting(queue) === 0) {
          await new Promise<void>((resolve) => queue.itemWaiters.push(resolve));
          continue;
        }
        const batch = queue.items.slice(queue.head, queue.head + batchSize);
        queue.head += batch.length;
        queue.inFlight += batch.length;
        for (let attempt = 1; ; attempt++) {
          try {
            await handler(batch);
            break;
          } catch (error) {
            if (attempt >= maxAttempts) {
              consumeOptions.onDrop?.(batch, error);
              break;
            }
            await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS * attempt));
          }
        }
        queue.inFlight -= batch.length;
        settle(queue);
      }
    })();
    const subscription: Subscription = {
      async stop() {
        isStopped = true;
        wake(queue.itemWaiters);
        await loop;
        subscriptions.delete(subscription);
      },
    };
    subscriptions.add(subscription);
    return subscription;
  }

  return {
    capacity,
    publish,
    consume,
    depth: (subject) => {
      const queue = queues.get(subject);
      return queue === undefined ? 0 : waiting(queue) + queue.inFlight;
    },
    async drain(subject) {
      const queue = queueOf(subject);
      if (waiting(queue) === 0 && queue.inFlight === 0) return;
      await new Promise<void>((resolve) => queue.drainWaiters.push(resolve));
    },
    async close() {
      isClosed = true;
      await Promise.all([...subscriptions].map((s) => s.stop()));
      for (const queue of queues.values()) wake(queue.spaceWaiters);
    },
  };
}
