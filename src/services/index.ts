export type {
  App,
  BackfillResult,
  ClientInfo,
  IngestItemError,
  IngestResult,
  MatchedEvent,
  PipelineMetrics,
  SearchHit,
  SearchParams,
  SearchResult,
  TopicTestResult,
  TopicWithCount,
} from './app.js';
export type { AccountService, CreatedToken, LoginResult, MemberView } from './accounts.js';
export type { AuditService } from './audit.js';
export type { DeadLetterPage, DeadLetterRetry, DeadLetterService } from './dead-letters.js';
export { MAX_DEAD_LETTER_LIMIT } from '../store/index.js';
export { AUDIT_CSV_COLUMNS, auditCsv, auditCsvRow, csvCell } from './audit-csv.js';
export type { PrivacyService, RetentionPolicy } from './privacy.js';
export { parseRetention } from './privacy.js';
export type { KindInfo, ScopedSources, SourceView, TestResult } from './sources.js';
export { createScopedSources } from './sources.js';
export { createApp } from './create-app.js';
export type { AppDeps } from './create-app.js';
/** Types of what services return, for the doors that show them. */
export type { AuditEntry, StoredPost } from '../store/index.js';
export type { SourceInputBody } from '../sources/source-service.js';
export { MAX_WEBHOOK_BYTES } from '../sources/run-webhook.js';
