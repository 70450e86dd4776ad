import type { Clock } from '../../core/clock.js';
import { LangngheError } from '../../core/errors.js';
import type { Database } from 'better-sqlite3';
import type { Store } from '../store.js';
import { openSqliteDatabase } from './open-sqlite-database.js';
import { createSqliteAccounts } from './sqlite-accounts.js';
import { createSqliteAudit } from './sqlite-audit.js';
import { createSqliteDeadLetters } from './sqlite-dead-letters.js';
import { toStoreError } from './sqlite-errors.js';
import { createSqliteHealth } from './sqlite-health.js';
import { createSqliteMatches } from './sqlite-matches.js';
import { createSqlitePostDeletion } from './sqlite-post-deletion.js';
import { createSqlitePosts } from './sqlite-posts.js';
import { createSqliteSources } from './sqlite-sources.js';
import { createSqliteTopics } from './sqlite-topics.js';
import { createSqliteWorkspaces } from './sqlite-workspaces.js';
import type { Runner } from './to-async.js';
import { toAsync } from './to-async.js';

export interface SqliteStoreOptions {
  /** Database file (created when absent), or `:memory:` for a private throw-away store. */
  path: string;
  /** Opens without writing anything (no migration); every write fails with `store.readonly`. */
  readonly?: boolean;
  /** Time for createdAt/updatedAt and source health windows; the system clock by default. */
  clock?: Clock;
  /**
   * Called with the open connection before the store is used: for operators' pragmas and for tests
   * that need SQLite itself (a full disk simulated with `max_page_count`).
   */
  onOpen?: (db: Database) => void;
}

const systemClock: Clock = { now: () => Date.now() };

/**
 * The embedded store: one SQLite file (better-sqlite3, WAL, FTS5). Synchronous factory: it opens
 * and migrates the database before returning, and throws `store.version` when the file is newer
 * than this code (or, read-only, older), `store.invalid` when it is not a database.
 *
 * better-sqlite3 is synchronous, so each call runs to completion on the calling thread; the async
 * surface is for the interface's sake (PostgreSQL needs it). Writes from several processes to one
 * file serialize on SQLite's lock (busy_timeout 5 s).
 */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const clock = options.clock ?? systemClock;
  const now = (): string => new Date(clock.now()).toISOString();
  const db = openSqliteDatabase({ path: options.path, readonly: options.readonly, now: now() });
  options.onOpen?.(db);
  const workspaces = createSqliteWorkspaces(db, now);
  const posts = createSqlitePosts(db);
  const topics = createSqliteTopics(db, now, workspaces);
  const matches = createSqliteMatches(db);
  const sources = createSqliteSources(db, now, workspaces);
  const health = createSqliteHealth(db, () => clock.now());
  const deletion = createSqlitePostDeletion(db);
  const accounts = createSqliteAccounts(db, now, workspaces);
  const audit = createSqliteAudit(db, now);
  const deadLetters = createSqliteDeadLetters(db, now);
  const salt = db.prepare('SELECT salt FROM install WHERE id = 1').pluck();
  let isClosed = false;

  const run: Runner = async (work) => {
    if (isClosed) throw new LangngheError('store.closed', 'The store is closed');
    try {
      return work();
    } catch (error) {
      throw toStoreError(error);
    }
  };

  return {
    accounts: toAsync(accounts, run),
    audit: toAsync(audit, run),
    deadLetters: toAsync(deadLetters, run),
    installSalt: () => run(() => salt.get() as string),
    deletePosts: (which) => run(() => deletion.deletePosts(which)),
    upsertPosts: (batch) => run(() => posts.upsertPosts(batch)),
    writePosts: (batch) => run(() => posts.writePosts(batch)),
    getPost: (id) => run(() => posts.getPost(id)),
    getPosts: (ids) => run(() => posts.getPosts(ids)),
    countPosts: (filter) => run(() => posts.countPosts(filter)),
    searchPosts: (params) => run(() => posts.searchPosts(params)),
    scanPosts: (params) => run(() => posts.scanPosts(params)),
    createWorkspace: (input) => run(() => workspaces.createWorkspace(input)),
    getWorkspace: (id) => run(() => workspaces.getWorkspace(id)),
    renameWorkspace: (id, name) => run(() => workspaces.renameWorkspace(id, name)),
    listWorkspaces: () => run(() => workspaces.listWorkspaces()),
    createTopic: (input) => run(() => topics.createTopic(input)),
    updateTopic: (id, patch) => run(() => topics.updateTopic(id, patch)),
    deleteTopic: (id) => run(() => topics.deleteTopic(id)),
    getTopic: (id) => run(() => topics.getTopic(id)),
    listTopics: (workspaceId) => run(() => topics.listTopics(workspaceId)),
    insertMatches: (list) => run(() => matches.insertMatches(list)),
    deleteMatches: (topicId, range) => run(() => matches.deleteMatches(topicId, range)),
    topicCounts: (workspaceId, range) => run(() => matches.topicCounts(workspaceId, range)),
    topicVolume: (query) => run(() => matches.topicVolume(query)),
    upsertSource: (input) => run(() => sources.upsertSource(input)),
    getSource: (id) => run(() => sources.getSource(id)),
    listSources: (workspaceId) => run(() => sources.listSources(workspaceId)),
    deleteSource: (id) => run(() => sources.deleteSource(id)),
    getCursor: (sourceId) => run(() => sources.getCursor(sourceId)),
    saveCursor: (sourceId, cursor) => run(() => sources.saveCursor(sourceId, cursor)),
    recordSourceRun: (sourceRun) => run(() => health.recordSourceRun(sourceRun)),
    getSourceHealth: (sourceId) => run(() => health.getSourceHealth(sourceId)),
    async close() {
      if (isClosed) return;
      isClosed = true;
      if (!db.readonly) db.pragma('optimize');
      db.close();
    },
  };
}
