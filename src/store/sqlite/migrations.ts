import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { DEFAULT_WORKSPACE_ID } from '../../core/types.js';
import { indexPostsByTime } from './index-posts-by-time.js';

/** What a migration may need besides the database. */
export interface MigrationContext {
  /** ISO time of the migration, for rows it creates. */
  now: string;
}

/** One forward-only schema step; applied once, in a transaction, in version order. */
export interface SqliteMigration {
  version: number;
  name: string;
  up(db: Database, context: MigrationContext): void;
}

/*
 * posts_fts is a contentless FTS5 table (content='') filled by explicit inserts in upsertPosts,
 * keyed by posts.seq. Why not external content with triggers: the indexed text is a folded copy
 * (foldText turns đ into d, which unicode61 never does), so external content would need a stored
 * folded column, doubling the text on disk; and an UPDATE trigger would rewrite the index on every
 * engagement refresh. Contentless stores only the index; contentless_delete=1 (SQLite ≥ 3.43)
 * keeps DELETE possible for retention. Columns: body (title + text) and author (name), both folded.
 * remove_diacritics 0: the text is already folded by the project's own rules. automerge 16 (the
 * most FTS5 allows, default 4) merges index segments less often: inserts were ≈ 15 % faster in
 * bench/store-write.ts, at the price of a few more segments for a query to visit.
 */
const SCHEMA_V1 = `
CREATE TABLE workspaces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE posts (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  platform TEXT NOT NULL,
  kind TEXT NOT NULL,
  url TEXT,
  title TEXT,
  text TEXT NOT NULL,
  lang TEXT,
  published_at TEXT NOT NULL,
  collected_at TEXT NOT NULL,
  author_id TEXT,
  author_name TEXT,
  author_followers INTEGER,
  author_is_press INTEGER,
  parent_id TEXT,
  likes INTEGER,
  comments INTEGER,
  shares INTEGER,
  views INTEGER,
  source_id TEXT NOT NULL,
  labels TEXT,
  enrichment TEXT,
  truncated INTEGER NOT NULL DEFAULT 0,
  duplicate_of TEXT
);
CREATE INDEX posts_published ON posts (published_at, id);
CREATE VIRTUAL TABLE posts_fts USING fts5 (
  body, author,
  content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 0'
);
INSERT INTO posts_fts (posts_fts, rank) VALUES ('automerge', 16);
CREATE TABLE topics (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id),
  name TEXT NOT NULL,
  query TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX topics_workspace ON topics (workspace_id, name);
CREATE TABLE matches (
  topic_id TEXT NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
  post_id TEXT NOT NULL,
  published_at TEXT NOT NULL,
  PRIMARY KEY (topic_id, post_id)
) WITHOUT ROWID;
CREATE INDEX matches_topic_time ON matches (topic_id, published_at);
CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id),
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  config TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX sources_workspace ON sources (workspace_id);
CREATE TABLE source_cursors (
  source_id TEXT PRIMARY KEY,
  cursor TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE source_health (
  source_id TEXT PRIMARY KEY,
  last_run_at TEXT,
  last_success_at TEXT,
  last_error_at TEXT,
  last_error TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE source_runs (
  source_id TEXT NOT NULL,
  at TEXT NOT NULL,
  ok INTEGER NOT NULL,
  items INTEGER NOT NULL
);
CREATE INDEX source_runs_source_at ON source_runs (source_id, at);
`;

/*
 * Accounts and the audit log. Logins are stored lower-cased by the store (SQLite's lower() folds
 * ASCII only, so no CHECK can say it). api_tokens.user_id has no foreign key: a token made by the
 * system names `system`. audit_log has none either: an entry must outlive what it names. Its
 * triggers make the table append-only for every connection, not only for this code; the hash
 * chain (audit-chain.ts) catches what happens with the triggers dropped. matches_post serves
 * deletePosts, which removes a post's matches by post id.
 */
const SCHEMA_V2 = `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT,
  is_install_admin INTEGER NOT NULL DEFAULT 0,
  is_disabled INTEGER NOT NULL DEFAULT 0,
  oidc_issuer TEXT,
  oidc_subject TEXT,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL))
);
CREATE UNIQUE INDEX users_oidc ON users (oidc_issuer, oidc_subject) WHERE oidc_issuer IS NOT NULL;
CREATE TABLE memberships (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'analyst', 'viewer')),
  can_read_pii INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, workspace_id)
) WITHOUT ROWID;
CREATE INDEX memberships_workspace ON memberships (workspace_id, user_id);
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  address TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  user_id TEXT NOT NULL,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'analyst', 'viewer')),
  can_read_pii INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT,
  last_used_at TEXT
);
CREATE INDEX api_tokens_workspace ON api_tokens (workspace_id, created_at);
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_kind TEXT NOT NULL CHECK (actor_kind IN ('user', 'token', 'system', 'anonymous')),
  actor_id TEXT NOT NULL,
  actor_name TEXT,
  workspace_id TEXT,
  action TEXT NOT NULL,
  target TEXT,
  address TEXT,
  details TEXT NOT NULL CHECK (json_valid(details)),
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_workspace ON audit_log (workspace_id, seq);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_action ON audit_log (action, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TABLE install (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  salt TEXT NOT NULL,
  created_at TEXT NOT NULL
);
ALTER TABLE posts ADD COLUMN private_to TEXT;
CREATE INDEX posts_author ON posts (platform, author_id);
CREATE INDEX matches_post ON matches (post_id);
`;

/*
 * Search newest first without reading every hit: posts_text replaces posts_fts with the same
 * columns, tokenizer and automerge, keyed by posts.time_key (publication millisecond, then a
 * counter: time-key.ts) instead of posts.seq, so FTS5's rowid order is time order and a search
 * reads the index backwards only as far as its page. The unique index is built after the keys
 * are filled (one sort instead of 10 million random inserts).
 */
const SCHEMA_V3_BEFORE = `
ALTER TABLE posts ADD COLUMN time_key INTEGER;
CREATE VIRTUAL TABLE posts_text USING fts5 (
  body, author,
  content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 0'
);
INSERT INTO posts_text (posts_text, rank) VALUES ('automerge', 16);
`;
const SCHEMA_V3_AFTER = `
CREATE UNIQUE INDEX posts_time_key ON posts (time_key);
DROP TABLE posts_fts;
`;

/*
 * dead_letters: items the pipeline refused, with their stage and error, for replay (one row per
 * item id and stage; a repeated failure counts up `attempts`). near_duplicates: recent first
 * occurrences' SimHashes, one row each with its 4 bands of 16 bits indexed (two hashes within 3
 * bits share one band), so
 * near-duplicate links survive a restart and are shared by every process writing to the store;
 * `visibility` keeps private posts apart from the shared corpus ('' = shared).
 */
const SCHEMA_V4 = `
CREATE TABLE dead_letters (
  id INTEGER PRIMARY KEY,
  item_id TEXT NOT NULL,
  stage TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  workspace_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1,
  first_failed_at TEXT NOT NULL,
  last_failed_at TEXT NOT NULL,
  UNIQUE (item_id, stage)
);
CREATE INDEX dead_letters_by_workspace ON dead_letters (workspace_id, id);
CREATE TABLE near_duplicates (
  seq INTEGER PRIMARY KEY,
  b0 INTEGER NOT NULL,
  b1 INTEGER NOT NULL,
  b2 INTEGER NOT NULL,
  b3 INTEGER NOT NULL,
  visibility TEXT NOT NULL,
  post_id TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX near_duplicates_b0 ON near_duplicates (b0);
CREATE INDEX near_duplicates_b1 ON near_duplicates (b1);
CREATE INDEX near_duplicates_b2 ON near_duplicates (b2);
CREATE INDEX near_duplicates_b3 ON near_duplicates (b3);
CREATE INDEX near_duplicates_by_post ON near_duplicates (post_id);
`;

/** The SQLite schema's history. Append only: never edit or reorder a released migration. */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'initial schema: workspaces, posts + FTS5, topics, matches, sources',
    up(db, { now }) {
      db.exec(SCHEMA_V1);
      db.prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)').run(
        DEFAULT_WORKSPACE_ID,
        'Default',
        now,
      );
    },
  },
  {
    version: 2,
    name: 'accounts, sessions, API tokens, audit log, install salt; private posts and erasure',
    up(db, { now }) {
      db.exec(SCHEMA_V2);
      db.prepare('INSERT INTO install (id, salt, created_at) VALUES (1, ?, ?)').run(
        randomBytes(32).toString('hex'),
        now,
      );
    },
  },
  {
    version: 3,
    name: 'full-text index keyed by publication time (posts_text, posts.time_key)',
    up(db) {
      db.exec(SCHEMA_V3_BEFORE);
      indexPostsByTime(db);
      db.exec(SCHEMA_V3_AFTER);
    },
  },
  {
    version: 4,
    name: 'dead letters; near-duplicate SimHash bands',
    up(db) {
      db.exec(SCHEMA_V4);
    },
  },
];
