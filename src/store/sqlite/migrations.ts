import type { Database } from 'better-sqlite3';
import { DEFAULT_WORKSPACE_ID } from '../../core/types.js';

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
];
