import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { isLangngheError } from '../core/errors.js';
import type { Post, PostLabels } from '../core/types.js';
import { foldText } from '../nlp/fold.js';
import { createSimhashIndex } from '../nlp/simhash.js';
import { explainMatch, prepareDoc } from '../query/index.js';
import type { Explanation } from '../query/index.js';
import type { Bus, Subscription } from '../bus/index.js';
import type { Store, StoredPost, TopicMatch } from '../store/index.js';
import type { TopicRegistry } from './topic-registry.js';

/** What the enrichment stage adds to a post (issue-specific labels, all optional). */
export interface Enrichment {
  labels?: PostLabels;
  enrichment?: Record<string, unknown>;
  lang?: string;
  /** 64-bit SimHash (16 hex digits) of the text, for linking near-duplicates. */
  simhash?: string;
}

/** The enrichment stage: pure, fast, never throws for any text. */
export type Enricher = (post: Post) => Enrichment;

/** A post on its way through the bus. */
export interface PipelineMessage {
  post: Post;
  truncated: boolean;
  /** The workspace that alone may see the post (a private channel); absent: the shared corpus. */
  privateTo?: string;
  /** Set by `submit` so the caller can learn what became of its items (embedded mode). */
  ticket?: string;
}

export interface ItemOutcome {
  inserted: number;
  updated: number;
  matched: number;
  failed: { id: string; code: string; message: string }[];
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
  /** Seconds between collection and storage of the last stored post. */
  lagSeconds: number;
}

/**
 * The one path every item takes: bus → dedupe (exact id) → enrich → store → match → notify.
 * Embedded and scaled-out modes differ only in the `Store` and `Bus` handed in.
 */
export interface Pipeline {
  /** Starts consuming the bus. */
  start(): void;
  /** Publishes posts and, in this process, resolves when they have been processed. */
  submit(messages: readonly Omit<PipelineMessage, 'ticket'>[]): Promise<ItemOutcome>;
  /** Runs the stages over one batch (what the bus consumer calls). */
  process(messages: readonly PipelineMessage[]): Promise<void>;
  onMatched(listener: (event: MatchedPost) => void): () => void;
  counters(): PipelineCounters;
  readonly subject: string;
  /** Waits for accepted items, then stops consuming. */
  stop(): Promise<void>;
}

export interface PipelineDeps {
  store: Store;
  bus: Bus;
  clock: Clock;
  registry: TopicRegistry;
  enrich?: Enricher;
  batchSize?: number;
  subject?: string;
}

interface Ticket extends ItemOutcome {
  remaining: number;
  resolve: (outcome: ItemOutcome) => void;
}

/** Near-duplicate links need enough words: short texts ("ok", "+1") collide by nature. */
const MIN_WORDS_FOR_DUPLICATE = 8;

function isLongEnough(text: string): boolean {
  let words = 0;
  for (const _ of text.matchAll(/\S+/g)) if (++words >= MIN_WORDS_FOR_DUPLICATE) return true;
  return false;
}

/** Keeps the last occurrence of each id in a batch (a later copy has fresher counts). */
function dedupe(messages: readonly PipelineMessage[]): PipelineMessage[] {
  const byId = new Map<string, PipelineMessage>();
  for (const message of messages) {
    byId.delete(message.post.id);
    byId.set(message.post.id, message);
  }
  return [...byId.values()];
}

export function createPipeline(deps: PipelineDeps): Pipeline {
  const subject = deps.subject ?? 'posts.ingest';
  const tickets = new Map<string, Ticket>();
  const listeners = new Set<(event: MatchedPost) => void>();
  const counters: PipelineCounters = {
    postsIngested: 0,
    postsStored: 0,
    postsUpdated: 0,
    matches: 0,
    itemErrors: 0,
    batchErrors: 0,
    lagSeconds: 0,
  };
  let subscription: Subscription | undefined;
  // Recent posts' SimHashes, to link reposts and copied articles to their first occurrence.
  const nearDuplicates = createSimhashIndex({ maxDistance: 3, maxSize: 100_000 });

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

  function toStored(message: PipelineMessage): StoredPost {
    const { post } = message;
    const added = deps.enrich?.(post) ?? {};
    const stored: StoredPost = { ...post, folded: foldText(`${post.title ?? ''}\n${post.text}`) };
    if (message.truncated) stored.truncated = true;
    if (message.privateTo !== undefined) stored.privateTo = message.privateTo;
    if (added.labels !== undefined) stored.labels = added.labels;
    if (added.enrichment !== undefined) stored.enrichment = added.enrichment;
    if (stored.lang === undefined && added.lang !== undefined) stored.lang = added.lang;
    if (added.simhash !== undefined && isLongEnough(post.text)) {
      const near = nearDuplicates.findNear(added.simhash);
      if (near !== undefined && near.id !== post.id) stored.duplicateOf = near.id;
      else if (near === undefined) nearDuplicates.add(post.id, added.simhash);
    }
    return stored;
  }

  /** Stores a batch; a batch refused for one bad post is retried post by post. */
  async function store(
    posts: StoredPost[],
    messages: PipelineMessage[],
  ): Promise<{ inserted: Set<string>; failed: Set<string> }> {
    const failed = new Set<string>();
    try {
      return { inserted: new Set((await deps.store.upsertPosts(posts)).inserted), failed };
    } catch (error) {
      if (!isLangngheError(error) || error.code !== 'store.invalid' || posts.length === 1)
        throw error;
      counters.batchErrors++;
    }
    const inserted = new Set<string>();
    for (const [i, post] of posts.entries()) {
      try {
        for (const id of (await deps.store.upsertPosts([post])).inserted) inserted.add(id);
      } catch (error) {
        if (!isLangngheError(error) || error.code !== 'store.invalid') throw error;
        counters.itemErrors++;
        failed.add(post.id);
        settle(messages[i]!, (t) =>
          t.failed.push({ id: post.id, code: error.code, message: error.message }),
        );
      }
    }
    return { inserted, failed };
  }

  function notify(post: StoredPost, topicIds: string[], doc: ReturnType<typeof prepareDoc>): void {
    // Explained once per event, however many live listeners ask.
    const explained = new Map<string, Explanation | undefined>();
    const event: MatchedPost = {
      post,
      topicIds,
      explain(topicId) {
        if (explained.has(topicId)) return explained.get(topicId);
        const live = deps.registry.get(topicId);
        const explanation =
          live === undefined ? undefined : explainMatch(live.parsed.ast, live.topic.query, doc);
        explained.set(topicId, explanation);
        return explanation;
      },
    };
    for (const listener of listeners) listener(event);
  }

  async function process(batch: readonly PipelineMessage[]): Promise<void> {
    const messages = dedupe(batch);
    const posts = messages.map(toStored);
    const { inserted, failed } = await store(posts, messages);
    const matches: TopicMatch[] = [];
    const perPost: number[] = [];
    const toNotify: [StoredPost, string[], ReturnType<typeof prepareDoc>][] = [];
    for (const post of posts) {
      if (!inserted.has(post.id)) {
        perPost.push(0);
        continue;
      }
      const doc = prepareDoc(post);
      const topicIds = deps.registry.match(doc, post.privateTo);
      for (const topicId of topicIds)
        matches.push({ postId: post.id, topicId, publishedAt: post.publishedAt });
      perPost.push(topicIds.length);
      if (topicIds.length > 0 && listeners.size > 0) toNotify.push([post, topicIds, doc]);
    }
    if (matches.length > 0) await deps.store.insertMatches(matches);
    counters.postsStored += inserted.size;
    counters.matches += matches.length;
    const last = posts.at(-1);
    if (last !== undefined)
      counters.lagSeconds = Math.max(0, (deps.clock.now() - Date.parse(last.collectedAt)) / 1000);
    for (const [i, message] of messages.entries()) {
      if (failed.has(message.post.id)) continue;
      const isNew = inserted.has(message.post.id);
      if (!isNew) counters.postsUpdated++;
      settle(message, (t) => {
        if (isNew) t.inserted++;
        else t.updated++;
        t.matched += perPost[i]!;
      });
    }
    // Copies removed by dedupe still count as handled for their ticket.
    const kept = new Set(messages);
    for (const message of batch) if (!kept.has(message)) settle(message, (t) => t.updated++);
    for (const [post, topicIds, doc] of toNotify) notify(post, topicIds, doc);
  }

  return {
    subject,
    start() {
      subscription ??= deps.bus.consume(subject, (items) => process(items as PipelineMessage[]), {
        batchSize: deps.batchSize ?? 500,
        onDrop: (items, error) => {
          counters.batchErrors++;
          const message = error instanceof Error ? error.message : String(error);
          for (const item of items as PipelineMessage[]) {
            counters.itemErrors++;
            settle(item, (t) =>
              t.failed.push({ id: item.post.id, code: 'pipeline.failed', message }),
            );
          }
        },
      });
    },
    async submit(messages) {
      if (messages.length === 0) return { inserted: 0, updated: 0, matched: 0, failed: [] };
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
      return done;
    },
    process,
    onMatched(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    counters: () => ({ ...counters }),
    async stop() {
      await deps.bus.drain(subject);
      await subscription?.stop();
      subscription = undefined;
    },
  };
}
