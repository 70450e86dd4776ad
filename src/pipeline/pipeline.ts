import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../core/clock.js';
import { LangngheError, isLangngheError } from '../core/errors.js';
import { DEFAULT_WORKSPACE_ID } from '../core/types.js';
import { explainMatch, prepareDoc } from '../query/index.js';
import type { Explanation } from '../query/index.js';
import type { Bus, Subject, Subscription } from '../bus/index.js';
import type { DeadLetterInput, Store, StoredPost } from '../store/index.js';
import { isTransientStoreError } from '../store/index.js';
import type { Enricher, MatchedItem, PipelineMessage } from './pipeline-message.js';
import type { Stage, StageName, StageResult } from './stage.js';
import { dedupeStage } from './stages/dedupe-stage.js';
import { enrichStage } from './stages/enrich-stage.js';
import { matchStage } from './stages/match-stage.js';
import { asRead, storeStage } from './stages/store-stage.js';
import type { WrittenItem } from './stages/store-stage.js';
import { POSTS_INGEST } from './subjects.js';
import type { TopicRegistry } from './topic-registry.js';

export type { Enricher, Enrichment, PipelineMessage } from './pipeline-message.js';

export interface ItemFailure {
  id: string;
  code: string;
  message: string;
  /** The stage that refused it; the item is kept in the dead letters. */
  stage: StageName | 'pipeline';
}

export interface ItemOutcome {
  inserted: number;
  updated: number;
  matched: number;
  failed: ItemFailure[];
}

export interface MatchedPost {
  post: StoredPost;
  topicIds: string[];
  explain(topicId: string): Explanation | undefined;
}

/** Running totals since the process started. */
export interface PipelineCounters {
  postsIngested: number;
  postsStored: number;
  postsUpdated: number;
  matches: number;
  itemErrors: number;
  batchErrors: number;
  /** Items kept in the dead letters. */
  deadLettered: number;
  /** Batches written again after a transient store error. */
  storeRetries: number;
  /** Seconds between collection and storage of the last stored post. */
  lagSeconds: number;
}

/** Whether the pipeline can take posts now. */
export interface PipelineHealth {
  /** `degraded`: the store refuses writes for now (full disk, lock, I/O); batches wait and retry. */
  status: 'ok' | 'degraded';
  /** Since when it is degraded, ISO. */
  since?: string;
  /** The store's error. */
  error?: { code: string; message: string };
  /** Seconds a sender should wait before trying again. */
  retryAfterSeconds?: number;
}

/**
 * The enrich and match stages together, run in this thread or in worker threads
 * (`createWorkerAnalysis`): one `analyze` per batch, one output or failure per input.
 */
export interface Analysis {
  analyze(messages: readonly PipelineMessage[]): Promise<StageResult<MatchedItem>>;
  close?(): Promise<void>;
}

/**
 * The one path every item takes: bus → dedupe (exact id) → enrich → match → store (posts, matches
 * and near-duplicate links in one transaction) → notify. Embedded and scaled-out modes differ
 * only in the `Store` and `Bus` handed in. Nothing is dropped: an item a stage refuses goes to the
 * dead letters with its error while the rest of its batch is stored; a store that refuses writes
 * for now (full disk, lock, I/O) is retried with growing back-off while the bus holds the rest.
 */
export interface Pipeline {
  /** Starts consuming the bus. */
  start(): void;
  /**
   * Publishes posts and, in this process, resolves when they have been processed. With `timeoutMs`,
   * rejects with `pipeline.unavailable` when they are not processed by then (they stay queued).
   * With `isWaiting: false`, resolves (all counts 0) once the bus has accepted them.
   */
  submit(
    messages: readonly Omit<PipelineMessage, 'ticket'>[],
    options?: { timeoutMs?: number; isWaiting?: boolean },
  ): Promise<ItemOutcome>;
  /** Runs the stages over one batch (what the bus consumer calls). */
  process(messages: readonly PipelineMessage[]): Promise<void>;
  onMatched(listener: (event: MatchedPost) => void): () => void;
  counters(): PipelineCounters;
  health(): PipelineHealth;
  readonly subject: Subject<PipelineMessage>;
  /** Waits for accepted items, then stops consuming. */
  stop(): Promise<void>;
}

export interface PipelineDeps {
  store: Store;
  bus: Bus;
  clock: Clock;
  registry: TopicRegistry;
  enrich?: Enricher;
  /** Where enrichment and matching run; default: in this thread, with `enrich` and `registry`. */
  analysis?: Analysis;
  batchSize?: number;
  subject?: Subject<PipelineMessage>;
  /** First pause after a transient store error (doubling up to `maxRetryDelayMs`); default 100. */
  retryDelayMs?: number;
  /** Longest pause between retries; default 5,000. */
  maxRetryDelayMs?: number;
  /**
   * Batches in the pipeline at once (default 1). With 2, the next batch is enriched and matched
   * (in workers) while this one is written; writes still happen one batch at a time, in order.
   */
  concurrency?: number;
}

interface Ticket extends ItemOutcome {
  remaining: number;
  resolve: (outcome: ItemOutcome) => void;
}

/** Enrichment and matching in this thread. */
export function createLocalAnalysis(registry: TopicRegistry, enrich?: Enricher): Analysis {
  const enrichment = enrichStage(enrich);
  const matching = matchStage(registry);
  return {
    async analyze(messages) {
      return then(await enrichment.run(messages), matching);
    },
  };
}

/** Runs `next` over what `first` passed, keeping indexes into `first`'s input. */
async function then<A, B>(first: StageResult<A>, next: Stage<A, B>): Promise<StageResult<B>> {
  const second = await next.run(first.passed.map((p) => p.value));
  const origin = (index: number): number => first.passed[index]!.index;
  return {
    passed: second.passed.map((p) => ({ index: origin(p.index), value: p.value })),
    failed: [...first.failed, ...second.failed.map((f) => ({ ...f, index: origin(f.index) }))],
  };
}

export function createPipeline(deps: PipelineDeps): Pipeline {
  const subject = deps.subject ?? POSTS_INGEST;
  const analysis = deps.analysis ?? createLocalAnalysis(deps.registry, deps.enrich);
  const storing = storeStage(deps.store);
  const firstDelay = deps.retryDelayMs ?? 100;
  const maxDelay = deps.maxRetryDelayMs ?? 5_000;
  const tickets = new Map<string, Ticket>();
  const listeners = new Set<(event: MatchedPost) => void>();
  const counters: PipelineCounters = {
    postsIngested: 0,
    postsStored: 0,
    postsUpdated: 0,
    matches: 0,
    itemErrors: 0,
    batchErrors: 0,
    deadLettered: 0,
    storeRetries: 0,
    lagSeconds: 0,
  };
  let health: PipelineHealth = { status: 'ok' };
  let isStopping = false;
  let subscription: Subscription | undefined;
  /** The last batch's write: the next one waits for it, so batches are written in order. */
  let lastWrite: Promise<unknown> = Promise.resolve();

  function settle(message: PipelineMessage, apply: (ticket: Ticket) => void): void {
    if (message.ticket === undefined) return;
    const ticket = tickets.get(message.ticket);
    if (ticket === undefined) return;
    apply(ticket);
    ticket.remaining--;
    if (ticket.remaining === 0) {
      tickets.delete(message.ticket);
      ticket.resolve({
        inserted: ticket.inserted,
        updated: ticket.updated,
        matched: ticket.matched,
        failed: ticket.failed,
      });
    }
  }

  /** Runs `work` until the store takes it, pausing longer after each transient error. */
  async function retrying<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await work();
        health = { status: 'ok' };
        return result;
      } catch (error) {
        if (!isTransientStoreError(error) || isStopping) throw error;
        const delay = Math.min(maxDelay, firstDelay * 2 ** Math.min(attempt, 20));
        const { code, message } = error as LangngheError;
        if (health.status === 'ok')
          health = { status: 'degraded', since: new Date(deps.clock.now()).toISOString() };
        health = {
          ...health,
          error: { code, message },
          retryAfterSeconds: Math.max(1, Math.ceil(maxDelay / 1000)),
        };
        counters.storeRetries++;
        await sleep(delay);
      }
    }
  }

  async function deadLetter(
    failures: { message: PipelineMessage; stage: ItemFailure['stage']; error: LangngheError }[],
  ): Promise<void> {
    if (failures.length === 0) return;
    const letters: DeadLetterInput[] = failures.map(({ message, stage, error }) => {
      const { ticket: _ticket, ...payload } = message;
      return {
        itemId: typeof message.post?.id === 'string' ? message.post.id : 'unknown',
        stage,
        code: error.code,
        message: error.message,
        workspaceId: message.workspaceId ?? DEFAULT_WORKSPACE_ID,
        payload,
      };
    });
    await retrying(() => deps.store.deadLetters.add(letters));
    counters.deadLettered += letters.length;
    counters.itemErrors += letters.length;
    for (const { message, stage, error } of failures)
      settle(message, (t) =>
        t.failed.push({ id: message.post.id, code: error.code, message: error.message, stage }),
      );
  }

  function notify(post: StoredPost, topicIds: string[]): void {
    // Explained once per event, however many live listeners ask; the document is read once too.
    const explained = new Map<string, Explanation | undefined>();
    let doc: ReturnType<typeof prepareDoc> | undefined;
    const event: MatchedPost = {
      post,
      topicIds,
      explain(topicId) {
        if (explained.has(topicId)) return explained.get(topicId);
        const live = deps.registry.get(topicId);
        doc ??= prepareDoc(post);
        const explanation =
          live === undefined
            ? undefined
            : explainMatch(live.parsed.ast, live.topic.query, doc, true);
        explained.set(topicId, explanation);
        return explanation;
      },
    };
    for (const listener of listeners) listener(event);
  }

  async function process(batch: readonly PipelineMessage[]): Promise<void> {
    const deduped = await dedupeStage.run(batch);
    const kept = new Set(deduped.passed.map((p) => p.index));
    const messages = deduped.passed.map((p) => p.value);
    // Taken before the analysis, so batches are written in the order they arrived.
    const previous = lastWrite;
    let release!: () => void;
    lastWrite = new Promise<void>((resolve) => (release = resolve));
    try {
      const analyzed = await analysis.analyze(messages);
      await previous;
      await finish(batch, kept, messages, analyzed);
    } finally {
      release();
    }
  }

  async function finish(
    batch: readonly PipelineMessage[],
    kept: ReadonlySet<number>,
    messages: readonly PipelineMessage[],
    analyzed: StageResult<MatchedItem>,
  ): Promise<void> {
    const written = await retrying(() => storing.run(analyzed.passed.map((p) => p.value)));
    // A batch the store refused and wrote post by post.
    if (written.failed.length > 0) counters.batchErrors++;
    const failures = [
      ...analyzed.failed.map((f) => ({
        message: messages[f.index]!,
        stage: f.stage,
        error: f.error,
      })),
      ...written.failed.map((f) => ({
        message: analyzed.passed[f.index]!.value.message,
        stage: 'store' as const,
        error: f.error,
      })),
    ];
    await deadLetter(failures);
    const toNotify: WrittenItem[] = [];
    for (const { value } of written.passed) {
      const { item, isNew } = value;
      if (isNew) {
        counters.postsStored++;
        counters.matches += item.topicIds.length;
        if (item.topicIds.length > 0 && listeners.size > 0) toNotify.push(value);
      } else counters.postsUpdated++;
      settle(item.message, (t) => {
        if (isNew) {
          t.inserted++;
          t.matched += item.topicIds.length;
        } else t.updated++;
      });
    }
    const last = written.passed.at(-1)?.value.post;
    if (last !== undefined)
      counters.lagSeconds = Math.max(0, (deps.clock.now() - Date.parse(last.collectedAt)) / 1000);
    // Copies removed by dedupe still count as handled for their ticket.
    batch.forEach((message, index) => {
      if (!kept.has(index)) settle(message, (t) => t.updated++);
    });
    for (const { post, item } of toNotify) notify(asRead(post), item.topicIds);
  }

  return {
    subject,
    start() {
      isStopping = false;
      subscription ??= deps.bus.consume(subject, (items) => process(items), {
        batchSize: deps.batchSize ?? 500,
        concurrency: deps.concurrency ?? 1,
        onDrop: (items, error) => {
          // Only a bug or a closing store gets here: keep the items rather than lose them.
          counters.batchErrors++;
          const failure = isLangngheError(error)
            ? error
            : new LangngheError('pipeline.failed', String(error), { cause: error });
          void deadLetter(
            (items as PipelineMessage[]).map((message) => ({
              message,
              stage: 'pipeline' as const,
              error: failure,
            })),
          ).catch(() => {
            for (const item of items as PipelineMessage[])
              settle(item, (t) =>
                t.failed.push({
                  id: item.post.id,
                  code: failure.code,
                  message: failure.message,
                  stage: 'pipeline',
                }),
              );
          });
        },
      });
    },
    async submit(messages, options = {}) {
      if (messages.length === 0) return { inserted: 0, updated: 0, matched: 0, failed: [] };
      if (options.isWaiting === false) {
        counters.postsIngested += messages.length;
        await deps.bus.publish(subject, messages);
        return { inserted: 0, updated: 0, matched: 0, failed: [] };
      }
      const ticket = randomUUID();
      const done = new Promise<ItemOutcome>((resolve) => {
        tickets.set(ticket, {
          inserted: 0,
          updated: 0,
          matched: 0,
          failed: [],
          remaining: messages.length,
          resolve,
        });
      });
      counters.postsIngested += messages.length;
      await deps.bus.publish(
        subject,
        messages.map((m) => ({ ...m, ticket })),
      );
      if (options.timeoutMs === undefined) return done;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          // The items stay queued and are stored when the store takes writes again.
          tickets.delete(ticket);
          reject(unavailable(health));
        }, options.timeoutMs);
      });
      try {
        return await Promise.race([done, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    process,
    onMatched(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    counters: () => ({ ...counters }),
    health: () => ({ ...health }),
    async stop() {
      // A store that refuses writes now gives up its retries, so stopping never hangs.
      isStopping = true;
      await deps.bus.drain(subject);
      await subscription?.stop();
      subscription = undefined;
      await analysis.close?.();
    },
  };
}

/** The error a sender gets while the store refuses writes (HTTP 503 with Retry-After). */
export function unavailable(health: PipelineHealth): LangngheError {
  const reason = health.error === undefined ? 'busy' : health.error.code;
  return new LangngheError(
    'pipeline.unavailable',
    `The store cannot take posts right now (${reason}); nothing was lost, send them again later`,
    { details: { retryAfterSeconds: health.retryAfterSeconds ?? 5 } },
  );
}
