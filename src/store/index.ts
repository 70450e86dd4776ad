export type {
  AccountStore,
  ApiToken,
  MembershipRow,
  Session,
  User,
  UserInput,
  UserPatch,
  UserRecord,
} from './accounts.js';
export type {
  AuditActor,
  AuditEntry,
  AuditInput,
  AuditPage,
  AuditQuery,
  AuditStore,
  AuditVerification,
} from './audit.js';
export type {
  DeadLetter,
  DeadLetterInput,
  DeadLetterQuery,
  DeadLetterStore,
} from './dead-letters.js';
export { MAX_DEAD_LETTER_LIMIT } from './dead-letters.js';
export { isTransientStoreError } from './transient.js';
export type {
  PostDeletion,
  PostFilter,
  PostPage,
  PostScan,
  PostSearch,
  PostWrite,
  Source,
  SourceHealth,
  SourceInput,
  SourceRun,
  Store,
  StoredPost,
  TimeRange,
  TopicCount,
  TopicInput,
  TopicMatch,
  TopicPatch,
  TopicVolumeQuery,
  UpsertResult,
  VolumeBucket,
  VolumeBucketSize,
  WriteResult,
  Workspace,
  WorkspaceInput,
} from './store.js';
export {
  DEFAULT_DELETE_LIMIT,
  DEFAULT_SCAN_LIMIT,
  DEFAULT_SEARCH_LIMIT,
  MAX_DELETE_LIMIT,
  MAX_SCAN_LIMIT,
  MAX_SEARCH_LIMIT,
  MAX_VOLUME_BUCKETS,
} from './store.js';
export type { SimplePrefilter, TextPrefilter } from './text-prefilter.js';
export { simplifyPrefilter } from './text-prefilter.js';
export { createSqliteStore } from './sqlite/index.js';
export type { SqliteStoreOptions } from './sqlite/index.js';
export { encodePageCursor } from './page-cursor.js';
export type { PageKey } from './page-cursor.js';
