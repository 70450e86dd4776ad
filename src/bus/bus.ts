/** A running consumer; `stop` waits for the batch in hand to finish. */
export interface Subscription {
  stop(): Promise<void>;
}

export interface ConsumeOptions {
  /** Most items handed to the handler at once. Default 500. */
  batchSize?: number;
  /** Times a failing batch is handed again before it is dropped and reported. Default 5. */
  maxAttempts?: number;
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
  publish(subject: string, items: readonly unknown[]): Promise<void>;
  /** Starts handing batches of the subject's items to `handler`, one batch at a time. */
  consume(
    subject: string,
    handler: (items: unknown[]) => Promise<void>,
    options?: ConsumeOptions,
  ): Subscription;
  /** Items accepted and not yet handled (including the batch in hand). */
  depth(subject: string): number;
  /** How many items a subject's queue holds before `publish` waits. */
  readonly capacity: number;
  /** Resolves when every item accepted so far on the subject has been handled or dropped. */
  drain(subject: string): Promise<void>;
  /** Stops consumers after their current batch; later publishes fail with `bus.closed`. */
  close(): Promise<void>;
}
