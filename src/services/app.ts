import type { Clock } from '../core/clock.js';
import type { Platform, Topic } from '../core/types.js';
import type { Explanation } from '../query/index.js';
import type { PipelineCounters } from '../pipeline/pipeline.js';
import type { QueryWarning } from '../query/ast.js';
import type {
  Source,
  SourceHealth,
  Store,
  StoredPost,
  TimeRange,
  VolumeBucket,
  VolumeBucketSize,
} from '../store/index.js';

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
  queueDepth: number;
  queueCapacity: number;
}

export interface SearchParams extends TimeRange {
  workspaceId?: string;
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

/**
 * The use cases every door (HTTP API, CLI, scheduler) calls. Errors are `LangngheError`s:
 * `query.syntax` / `query.limit` (a query that does not parse; details carry the offset),
 * `input.invalid` (a bad body or parameter), `store.not_found`, `store.conflict`.
 */
export interface App {
  readonly store: Store;
  readonly clock: Clock;
  /** Validates raw items (unknown JSON), stores the good ones, reports each bad one. */
  ingest(
    items: readonly unknown[],
    options?: {
      sourceId?: string;
      unit?: 'index' | 'line';
      firstIndex?: number;
      /** Reject fields a post does not have (default true); false ignores them. */
      isStrict?: boolean;
    },
  ): Promise<IngestResult>;
  search(params: SearchParams): Promise<SearchResult>;
  listTopics(workspaceId?: string): Promise<TopicWithCount[]>;
  getTopic(id: string): Promise<Topic | undefined>;
  /** Parses the query first; back-fills the last `backfillDays` (default 7) of stored posts. */
  createTopic(input: {
    workspaceId?: string;
    name: string;
    query: string;
    id?: string;
  }): Promise<Topic>;
  updateTopic(id: string, patch: { name?: string; query?: string }): Promise<Topic>;
  deleteTopic(id: string): Promise<void>;
  /** Runs a query over stored posts without saving it: count and a highlighted sample. */
  testTopic(
    input: { query: string; workspaceId?: string } & TimeRange & { sampleSize?: number },
  ): Promise<TopicTestResult>;
  topicVolume(
    input: { topicId: string; bucket: VolumeBucketSize } & TimeRange,
  ): Promise<VolumeBucket[]>;
  backfillTopic(topicId: string, range?: TimeRange): Promise<BackfillResult>;
  listSources(workspaceId?: string): Promise<Array<Source & { health: SourceHealth }>>;
  /** Subscribes to newly matched posts (of one topic, or all); returns the unsubscribe function. */
  onMatched(listener: (event: MatchedEvent) => void, topicId?: string): () => void;
  metrics(): PipelineMetrics;
  /** True once the store is open and the pipeline runs (for /readyz). */
  isReady(): boolean;
  /** Stops the pipeline after draining what was accepted, then closes the store. */
  close(): Promise<void>;
}
