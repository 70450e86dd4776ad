import { LangngheError } from '../../core/errors.js';
import type { Bus, ConsumeOptions, Subscription } from '../bus.js';
import type { Subject } from '../subject.js';

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
  const listeners = new Map<string, Set<(item: unknown) => void>>();
  let isClosed = false;

  function queueOf({ name: subject }: Subject<unknown>): Queue {
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

  async function publish<T>(subject: Subject<T>, items: readonly T[]): Promise<void> {
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

  function consume<T>(
    subject: Subject<T>,
    handler: (items: T[]) => Promise<void>,
    consumeOptions: ConsumeOptions = {},
  ): Subscription {
    const queue = queueOf(subject);
    const batchSize = consumeOptions.batchSize ?? 500;
    const maxAttempts = consumeOptions.maxAttempts ?? 5;
    let isStopped = false;
    const lane = async (): Promise<void> => {
      while (!isStopped) {
        if (waiting(queue) === 0) {
          await new Promise<void>((resolve) => queue.itemWaiters.push(resolve));
          continue;
        }
        const batch = queue.items.slice(queue.head, queue.head + batchSize) as T[];
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
    };
    const lanes = Math.max(1, consumeOptions.concurrency ?? 1);
    const loop = Promise.all(Array.from({ length: lanes }, () => lane()));
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
    async broadcast(subject, item) {
      if (isClosed) throw new LangngheError('bus.closed', 'the bus is closed');
      // A copy per subscriber, as another process would get: no one shares the sender's object.
      for (const listener of listeners.get(subject.name) ?? []) listener(structuredClone(item));
    },
    subscribe<T>(subject: Subject<T>, handler: (item: T) => void) {
      let set = listeners.get(subject.name);
      if (set === undefined) listeners.set(subject.name, (set = new Set()));
      const listener = handler as (item: unknown) => void;
      set.add(listener);
      return {
        async stop() {
          set.delete(listener);
        },
      };
    },
    depth: (subject) => {
      const queue = queues.get(subject.name);
      return queue === undefined ? 0 : waiting(queue) + queue.inFlight;
    },
    async drain(subject) {
      const queue = queueOf(subject);
      if (waiting(queue) === 0 && queue.inFlight === 0) return;
      await new Promise<void>((resolve) => queue.drainWaiters.push(resolve));
    },
    async close() {
      isClosed = true;
      listeners.clear();
      await Promise.all([...subscriptions].map((s) => s.stop()));
      for (const queue of queues.values()) wake(queue.spaceWaiters);
    },
  };
}
