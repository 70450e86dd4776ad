import type { Platform, Post, PostLabels, Topic } from '../core/types.js';
import type { AccountStore } from './accounts.js';
import type { AuditStore } from './audit.js';
import type { DeadLetterStore } from './dead-letters.js';
import type { TextPrefilter } from './text-prefilter.js';

/**
 * A post as the store keeps it: the neutral `Post` plus what the pipeline adds. Timestamps come
 * back normalized to `Date.prototype.toISOString()` form (`2025-06-01T07:30:00.000Z`).
 */
export interface StoredPost extends Post {
  /** Keys the query language's `area:`, `category:` and `sentiment:` fields match. */
  labels?: PostLabels;
  /** Free JSON object from the enrichment stage (areas, sentiment, toxicity, pii, simhash, …). */
  enrichment?: Readonly<Record<string, unknown>>;
  /** True when the pipeline cut the text to its size cap; reads return it only when true. */
  truncated?: boolean;
  /** Id of the first occurrence when this post is a near-duplicate of it. */
  duplicateOf?: string;
  /**
   * Write-only hint: `foldText` of the title and text (title, line break, text) when the pipeline
   * already computed it, so the store does not fold again. Reads never return it. Absent: the store
   * folds the post itself.
   */
  folded?: string;
  /**
   * Write-only hint: `enrichment` already serialized to a JSON object by the pipeline (in the
   * worker that computed it), written as is; takes the place of `enrichment`. Reads return
   * `enrichment`.
   */
  enrichmentJson?: string;
  /**
   * The workspace that alone may see this post: set for private channels (Zalo OA messages, page
   * inboxes: citizens writing to one agency). Absent: the post is part of the shared corpus.
   */
  privateTo?: string;
}

export interface UpsertResult {
  /** Ids stored for the first time by this call, in batch order. */
  inserted: string[];
  /**
   * Ids that already existed: only their engagement counts and `collectedAt` were refreshed, and
   * only when the new observation is not older than the stored one.
   */
  updated: string[];
}

/** One post on its way into the store, with what the pipeline found for it. */
export interface PostWrite {
  post: StoredPost;
  /** Topics the post matched; recorded only when the post is new. */
  topicIds?: readonly string[];
  /**
   * SimHash (16 hex digits) to look for near-duplicates with: a new post within 3 bits of a recent
   * first occurrence gets `duplicateOf`; one with no such neighbour becomes a first occurrence.
   * Absent: no lookup (short texts collide by nature).
   */
  simhash?: string;
}

export interface WriteResult extends UpsertResult {
  /** Matches recorded (new posts' topics that still exist). */
  matches: number;
  /** `duplicateOf` given to new posts, by post id. */
  duplicateOf: Record<string, string>;
}

/** A half-open interval on `publishedAt`: `from` inclusive, `to` exclusive; both ISO 8601. */
export interface TimeRange {
  from?: string;
  to?: string;
}

/** Which posts to count or search. Every given criterion must hold. */
export interface PostFilter extends TimeRange {
  /**
   * Only posts this workspace may see: the shared corpus and the posts private to it. Absent: every
   * post (only the system's own jobs leave it out).
   */
  visibleTo?: string;
  /** A superset text filter over title, text and author name; see `TextPrefilter`. */
  text?: TextPrefilter;
  /** Only posts matched to this topic. */
  topicId?: string;
  /** Only posts of these platforms; an empty list does not filter. */
  platforms?: readonly Platform[];
}

export interface PostSearch extends PostFilter {
  /** `nextCursor` of the previous page. Opaque; invalid → `store.invalid`. */
  cursor?: string;
  /** Page size: default 50, at most 500 (larger values are clamped), at least 1. */
  limit?: number;
}

/** Parameters of a back-fill scan: every stored post of a time range, oldest first. */
export interface PostScan extends TimeRange {
  cursor?: string;
  /** Page size: default 500, at most 5,000, at least 1. */
  limit?: number;
}

/** Which posts to delete: every given criterion must hold; at least one must be given. */
export interface PostDeletion {
  /** Posts published before this ISO time (retention). */
  publishedBefore?: string;
  platform?: Platform;
  /** Posts by this author id on `platform` (erasure on request); needs `platform`. */
  authorId?: string;
  /**
   * Only posts this workspace may see (the shared corpus and its own private posts): another
   * workspace's private channel is never touched. Not a criterion on its own.
   */
  visibleTo?: string;
  /**
   * Most posts deleted by one call (default 5,000, at most 50,000), so one transaction stays short:
   * call again until it returns 0.
   */
  limit?: number;
}

/** One page of posts; `nextCursor` is absent on the last page. */
export interface PostPage {
  posts: StoredPost[];
  nextCursor?: string;
}

export interface Workspace {
  id: string;
  name: string;
  createdAt: string;
}

export interface WorkspaceInput {
  /** Chosen by the caller, or a `crypto.randomUUID()` when absent. */
  id?: string;
  name: string;
}

export interface TopicInput {
  /** Chosen by the caller, or a `crypto.randomUUID()` when absent. */
  id?: string;
  workspaceId: string;
  name: string;
  query: string;
}

export interface TopicPatch {
  name?: string;
  query?: string;
}

/** A post matched to a topic; `publishedAt` is the post's, kept for time-ranged counts. */
export interface TopicMatch {
  postId: string;
  topicId: string;
  publishedAt: string;
}

export interface TopicCount {
  topicId: string;
  count: number;
}

export type VolumeBucketSize = 'hour' | 'day';

export interface TopicVolumeQuery {
  topicId: string;
  bucket: VolumeBucketSize;
  /** Start of the first bucket is `from` rounded down to the bucket size (UTC). */
  from: string;
  /** Exclusive. */
  to: string;
}

export interface VolumeBucket {
  /** ISO start of the bucket, UTC. */
  bucket: string;
  count: number;
}

/** A configured connector instance. */
export interface Source {
  id: string;
  workspaceId: string;
  /** The connector kind (`rss`, `youtube`, …). */
  kind: string;
  name: string;
  /** The connector's own configuration, validated by the connector, stored as JSON. */
  config: Readonly<Record<string, unknown>>;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export type SourceInput = Omit<Source, 'createdAt' | 'updatedAt'>;

/** The outcome of one connector poll or webhook delivery. */
export interface SourceRun {
  sourceId: string;
  ok: boolean;
  /** Why the run failed; ignored when `ok`. */
  error?: string;
  /** Posts the run delivered. */
  items: number;
  /** When the run ended, ISO 8601. */
  at: string;
}

export interface SourceHealth {
  sourceId: string;
  lastRunAt?: string;
  lastSuccessAt?: string;
  lastError?: { at: string; message: string };
  /** Failed runs since the last success. */
  consecutiveFailures: number;
  /** Posts delivered by runs in the hour before the store's clock. */
  itemsLastHour: number;
  runsLastHour: number;
}

/**
 * Everything langnghe persists. Implementations: SQLite (`createSqliteStore`, embedded) and
 * PostgreSQL (scaled out); both pass `runStoreContract`, so callers never know which one runs.
 *
 * Every method is async and dialect-neutral. Errors are `LangngheError`s: `store.invalid` (bad
 * input: a malformed timestamp, cursor or id), `store.not_found` (updating or deleting something
 * absent, referencing an unknown workspace), `store.conflict` (creating an id that exists),
 * `store.version` (the database is newer than this code, or a read-only store needs migrating),
 * `store.readonly` (writing through a read-only store), `store.closed`, `store.internal`; and the
 * transient ones, worth retrying later (`isTransientStoreError`): `store.busy` (the write lock held
 * too long), `store.full` (no space left), `store.io` (an I/O error).
 */
export interface Store {
  /** Users, memberships, sessions, API tokens. */
  readonly accounts: AccountStore;
  /** The append-only audit log. */
  readonly audit: AuditStore;
  /** Items the pipeline could not process, kept for replay. */
  readonly deadLetters: DeadLetterStore;
  /**
   * A random value made once per install (hex, 32 bytes) and kept in the database: the salt of
   * the passphrase key for sealed credentials.
   */
  installSalt(): Promise<string>;
  /**
   * Deletes posts with their matches and index entries, in one transaction; returns how many.
   * `store.invalid` when no criterion is given, or `authorId` without `platform`.
   */
  deletePosts(which: PostDeletion): Promise<number>;
  /**
   * Stores a batch in one transaction. A new id inserts the whole post and indexes its text; an
   * existing id refreshes only engagement counts (absent counts keep their value) and
   * `collectedAt`, never anything else, and never indexes the text twice. An invalid post fails
   * the whole batch with `store.invalid` (details: `index`, `id`).
   */
  upsertPosts(posts: readonly StoredPost[]): Promise<UpsertResult>;
  /**
   * What the pipeline calls: `upsertPosts`, plus each new post's matches and its near-duplicate
   * link, all in one transaction, so a crash never leaves a stored post without its matches.
   */
  writePosts(batch: readonly PostWrite[]): Promise<WriteResult>;
  getPost(id: string): Promise<StoredPost | undefined>;
  /** The posts found, in the order of `ids`; unknown ids are skipped, repeated ones returned once. */
  getPosts(ids: readonly string[]): Promise<StoredPost[]>;
  countPosts(filter?: PostFilter): Promise<number>;
  /**
   * Posts matching the filter, newest first (`publishedAt` desc, then `id` desc). Paging is keyset,
   * so pages never repeat or skip a post, even when posts arrive between calls.
   */
  searchPosts(params: PostSearch): Promise<PostPage>;
  /** All posts of a time range, oldest first (`publishedAt`, then `id`), in pages: for back-fill. */
  scanPosts(params: PostScan): Promise<PostPage>;

  /** Creates a workspace; an existing id is `store.conflict`. */
  createWorkspace(input: WorkspaceInput): Promise<Workspace>;
  getWorkspace(id: string): Promise<Workspace | undefined>;
  /** Renames a workspace; `store.not_found` when absent. */
  renameWorkspace(id: string, name: string): Promise<Workspace>;
  /** All workspaces by id; the default workspace always exists. */
  listWorkspaces(): Promise<Workspace[]>;

  /** `store.conflict` for an existing id, `store.not_found` for an unknown workspace. */
  createTopic(input: TopicInput): Promise<Topic>;
  /** Changes name and/or query and `updatedAt`; `store.not_found` when absent. */
  updateTopic(id: string, patch: TopicPatch): Promise<Topic>;
  /** Deletes the topic and all its matches; `store.not_found` when absent. */
  deleteTopic(id: string): Promise<void>;
  getTopic(id: string): Promise<Topic | undefined>;
  /** The workspace's topics by name, then id. */
  listTopics(workspaceId: string): Promise<Topic[]>;

  /**
   * Records matches; idempotent on (post, topic). Matches naming an unknown topic or post are
   * skipped (a topic deleted while the pipeline matched). Returns how many were new.
   */
  insertMatches(matches: readonly TopicMatch[]): Promise<number>;
  /** Removes a topic's matches (in a range of `publishedAt`) before a back-fill; returns how many. */
  deleteMatches(topicId: string, range?: TimeRange): Promise<number>;
  /** Matches per topic of the workspace, every topic listed (0 included), most first, then id. */
  topicCounts(workspaceId: string, range?: TimeRange): Promise<TopicCount[]>;
  /**
   * Matches per UTC hour or day, every bucket from `from` (rounded down) to `to` listed, empty
   * ones as 0 (all of them for an unknown topic). More than `MAX_VOLUME_BUCKETS` buckets is
   * `store.invalid`.
   */
  topicVolume(query: TopicVolumeQuery): Promise<VolumeBucket[]>;

  /** Creates or replaces a source (keeping `createdAt`); `store.not_found` for an unknown workspace. */
  upsertSource(input: SourceInput): Promise<Source>;
  getSource(id: string): Promise<Source | undefined>;
  /** Sources by id, of one workspace or of all. */
  listSources(workspaceId?: string): Promise<Source[]>;
  /** Deletes a source with its cursor and health; `store.not_found` when absent. Posts stay. */
  deleteSource(id: string): Promise<void>;
  /** The checkpoint saved last for a source id (registered or not). */
  getCursor(sourceId: string): Promise<string | undefined>;
  /** Saves a checkpoint; call only after the posts it covers are stored. */
  saveCursor(sourceId: string, cursor: string): Promise<void>;
  recordSourceRun(run: SourceRun): Promise<void>;
  /** Health of a source id; a source with no runs has zero counts and no dates. */
  getSourceHealth(sourceId: string): Promise<SourceHealth>;

  /** Releases the database; any later call fails with `store.closed`. Closing twice is a no-op. */
  close(): Promise<void>;
}

/** The most buckets `topicVolume` returns in one call. */
export const MAX_VOLUME_BUCKETS = 10_000;
export const DEFAULT_SEARCH_LIMIT = 50;
export const MAX_SEARCH_LIMIT = 500;
export const DEFAULT_SCAN_LIMIT = 500;
export const MAX_SCAN_LIMIT = 5_000;
export const DEFAULT_DELETE_LIMIT = 5_000;
export const MAX_DELETE_LIMIT = 50_000;
