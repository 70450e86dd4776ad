import type { Database } from 'better-sqlite3';
import { createSqliteMemberships } from './sqlite-memberships.js';
import { createSqliteSessions } from './sqlite-sessions.js';
import { createSqliteTokens } from './sqlite-tokens.js';
import { createSqliteUsers } from './sqlite-users.js';
import type { SqliteWorkspaces } from './sqlite-workspaces.js';

/** Users, memberships, sessions and API tokens of the SQLite store, synchronous. */
export function createSqliteAccounts(
  db: Database,
  now: () => string,
  workspaces: SqliteWorkspaces,
) {
  return {
    ...createSqliteUsers(db, now),
    ...createSqliteMemberships(db, workspaces),
    ...createSqliteSessions(db),
    ...createSqliteTokens(db, workspaces),
  };
}
