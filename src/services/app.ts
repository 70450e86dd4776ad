import type { Scope } from '../core/scope.js';
import type { Platform, Topic } from '../core/types.js';
import type { Explanation } from '../query/index.js';
import type { PipelineCounters } from '../pipeline/pipeline.js';
import type { QueryWarning } from '../query/ast.js';
import type { AccountService } from './accounts.js';
import type { AuditService } from './audit.js';
import type { DeadLetterService } from './dead-letters.js';
import type { PrivacyService } from './privacy.js';
import type { StoredPost, TimeRange, VolumeBucket, VolumeBucketSize } from '../store/index.js';

/** One item's failure in an ingest batch; the rest of the batch is still stored. */
export interface IngestItemError {
  /** 0-based index in the batch (or 1-based line number for files and NDJSON bodies). */
  index: number;
  /** `line` when `index` is a line number. */
  unit: 'index' | 'line';
  code: string;
  message: string;
}

export interface IngestResult {
  accepted: number;
  inserted: number;
  updated: number;
  matched: number;
  /** With `isWaiting: false`: items the bus accepted, not yet stored. */
  queued?: number;
  errors: IngestItemError[];
}

/** A newly stored post and the topics it matched: what the live stream sends. */
export interface MatchedEvent {
  post: StoredPost;
  topicIds: string[];
  /** Highlights per topic id. */
  explanations: Record<string, Explanation>;
}

/** The pipeline's counters plus the state of the queue in front of it. */
export interface PipelineMetrics extends PipelineCounters {
  /** `degraded` while the store refuses writes (full disk, lock, I/O) and batches wait. */
  storeStatus: 'ok' | 'degraded';
  queueDepth: number;
  queueCapacity: number;
}

export interface SearchParams extends TimeRange {
  /** A query in the topic query language; parse errors are `query.syntax` with the position. */
  q?: string;
  topicId?: string;
  platforms?: Platform[];
  cursor?: string;
  limit?: number;
}

export interface SearchHit {
  post: StoredPost;
  /** Where `q` (or the topic's query) matched, for highlighting; absent without a query. */
  explanation?: Explanation;
}

export interface SearchResult {
  hits: SearchHit[];
  nextCursor?: string;
  warnings: QueryWarning[];
}

export interface TopicTestResult {
  /** Matching posts among those examined. */
  count: number;
  /** Posts the full-text prefilter let through and the matcher checked (capped). */
  examined: number;
  /** True when the examination stopped at its cap before the end of the range. */
  isCapped: boolean;
  sample: SearchHit[];
  warnings: QueryWarning[];
}

export interface TopicWithCount extends Topic {
  count: number;
}

export interface BackfillResult {
  topicId: string;
  scanned: number;
  matched: number;
}

/** Where a sign-in comes from, for throttling and the audit log. */
export interface ClientInfo {
  address?: string;
}

/**
 * The use cases every door (HTTP API, CLI, scheduler) calls. Each takes the caller's `Scope`
 * first (who, in which workspace; see `src/core/scope.ts`) and reads or changes only what that
 * workspace owns and the shared corpus. Errors are `LangngheError`s: `auth.forbidden` (the scope
 * lacks the permission), `query.syntax` / `query.limit` (a query that does not parse; details
 * carry the offset), `input.invalid` (a bad body or parameter), `store.not_found` (also for
 * another workspace's things: their existence is not revealed), `store.conflict`.
 */
export interface App {
  /** Validates raw items (unknown JSON), stores the good ones, reports each bad one. */
  ingest(
    scope: Scope,
    items: readonly unknown[],
    options?: {
      sourceId?: string;
      unit?: 'index' | 'line';
      firstIndex?: number;
      /** Reject fields a post does not have (default true); false ignores them. */
      isStrict?: boolean;
      /**
       * Default true: resolves once the items are stored (or refused). False: once the bus has
       * accepted them; what becomes of each shows in the store and the dead letters.
       */
      isWaiting?: boolean;
    },
  ): Promise<IngestResult>;
  search(scope: Scope, params: SearchParams): Promise<SearchResult>;
  listTopics(scope: Scope): Promise<TopicWithCount[]>;
  /** The scope's topic; undefined for an unknown id or another workspace's topic. */
  getTopic(scope: Scope, id: string): Promise<Topic | undefined>;
  /** Parses the query first; back-fills the last `backfillDays` (default 7) of stored posts. */
  createTopic(scope: Scope, input: { name: string; query: string; id?: string }): Promise<Topic>;
  updateTopic(scope: Scope, id: string, patch: { name?: string; query?: string }): Promise<Topic>;
  deleteTopic(scope: Scope, id: string): Promise<void>;
  /** Runs a query over stored posts without saving it: count and a highlighted sample. */
  testTopic(
    scope: Scope,
    input: { query: string } & TimeRange & { sampleSize?: number },
  ): Promise<TopicTestResult>;
  topicVolume(
    scope: Scope,
    input: { topicId: string; bucket: VolumeBucketSize } & TimeRange,
  ): Promise<VolumeBucket[]>;
  backfillTopic(scope: Scope, topicId: string, range?: TimeRange): Promise<BackfillResult>;
  /**
   * Subscribes to newly matched posts of the scope's topics (one topic, or all); posts come
   * masked unless the scope may read personal data. Returns the unsubscribe function.
   */
  onMatched(scope: Scope, listener: (event: MatchedEvent) => void, topicId?: string): () => void;
  /** Accounts, sessions, tokens, workspaces and members. */
  readonly accounts: AccountService;
  /** The audit log. */
  readonly audit: AuditService;
  /** Retention and erasure of personal data. */
  readonly privacy: PrivacyService;
  /** Items the pipeline refused, to read, replay or drop. */
  readonly deadLetters: DeadLetterService;
  metrics(): PipelineMetrics;
  /** True once the store is open and the pipeline runs (for /readyz). */
  isReady(): boolean;
  /** Stops the pipeline after draining what was accepted, then closes the store. */
  close(): Promise<void>;
}
