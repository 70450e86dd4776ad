import type { Subject } from './subject.js';

/** A running consumer; `stop` waits for the batch in hand to finish. */
export interface Subscription {
  stop(): Promise<void>;
}

export interface ConsumeOptions {
  /** Most items handed to the handler at once. Default 500. */
  batchSize?: number;
  /** Times a failing batch is handed again before it is dropped and reported. Default 5. */
  maxAttempts?: number;
  /**
   * Batches handed out at once (default 1): with 2, the handler may work on the next batch while
   * finishing this one (it must keep whatever order it needs itself).
   */
  concurrency?: number;
  /** Called when a batch is dropped after its last attempt. */
  onDrop?: (items: unknown[], error: unknown) => void;
}

/**
 * Moves items between the ingest doors and the pipeline. Delivery is at-least-once: a batch whose
 * handler throws is handed again (after a short pause); the store's idempotent upserts make
 * re-delivery harmless. Bounded: `publish` waits while the subject's queue is full, so a fast
 * source slows down instead of filling memory. Items must be plain JSON values.
 *
 * Implementations: `createMemoryBus` (embedded, in-process) and NATS JetStream (scaled out); both
 * pass `runBusContract`.
 */
export interface Bus {
  /** Resolves once every item is accepted by the bus (not yet handled). */
  publish<T>(subject: Subject<T>, items: readonly T[]): Promise<void>;
  /** Starts handing batches of the subject's items to `handler`, one batch at a time. */
  consume<T>(
    subject: Subject<T>,
    handler: (items: T[]) => Promise<void>,
    options?: ConsumeOptions,
  ): Subscription;
  /**
   * Hands `item` to every subscriber of a broadcast subject, in every process (a topic changed).
   * Not queued: a subscriber that joins later starts from what is stored.
   */
  broadcast<T>(subject: Subject<T>, item: T): Promise<void>;
  /** Calls `handler` with each item broadcast on the subject from now on, in order. */
  subscribe<T>(subject: Subject<T>, handler: (item: T) => void): Subscription;
  /** Items accepted and not yet handled (including the batch in hand). */
  depth(subject: Subject<unknown>): number;
  /** How many items a subject's queue holds before `publish` waits. */
  readonly capacity: number;
  /** Resolves when every item accepted so far on the subject has been handled or dropped. */
  drain(subject: Subject<unknown>): Promise<void>;
  /** Stops consumers after their current batch; later publishes fail with `bus.closed`. */
  close(): Promise<void>;
}
