import type { Database } from 'better-sqlite3';
import { LangngheError } from '../../core/errors.js';
import type { Role } from '../../core/scope.js';
import { isRole } from '../../core/scope.js';
import type { MembershipRow } from '../accounts.js';
import { requireText } from '../require-text.js';
import type { SqliteWorkspaces } from './sqlite-workspaces.js';

interface Row {
  user_id: string;
  workspace_id: string;
  role: Role;
  can_read_pii: number;
}

const COLUMNS = 'user_id, workspace_id, role, can_read_pii';

function toMembership(row: Row): MembershipRow {
  return {
    userId: row.user_id,
    workspaceId: row.workspace_id,
    role: row.role,
    canReadPii: row.can_read_pii === 1,
  };
}

/** Throws `store.invalid` unless `role` is one of the four roles. */
export function requireRole(role: unknown): Role {
  if (!isRole(role)) {
    throw new LangngheError('store.invalid', 'role must be owner, admin, analyst or viewer', {
      details: { field: 'role' },
    });
  }
  return role;
}

/** Workspace memberships of the SQLite store, synchronous. */
export function createSqliteMemberships(db: Database, workspaces: SqliteWorkspaces) {
  const userExists = db.prepare('SELECT 1 FROM users WHERE id = ?');
  const upsert = db.prepare(`INSERT INTO memberships (${COLUMNS}) VALUES (?, ?, ?, ?)
    ON CONFLICT (user_id, workspace_id) DO UPDATE SET role = excluded.role,
      can_read_pii = excluded.can_read_pii`);
  const remove = db.prepare('DELETE FROM memberships WHERE user_id = ? AND workspace_id = ?');
  const ofUser = db.prepare(`SELECT ${COLUMNS} FROM memberships WHERE user_id = ?
    ORDER BY workspace_id`);
  const ofWorkspace = db.prepare(`SELECT ${COLUMNS} FROM memberships WHERE workspace_id = ?
    ORDER BY user_id`);

  return {
    setMembership: db.transaction((membership: MembershipRow): void => {
      const userId = requireText(membership.userId, 'userId');
      const workspaceId = requireText(membership.workspaceId, 'workspaceId');
      const role = requireRole(membership.role);
      if (userExists.get(userId) === undefined) {
        throw new LangngheError('store.not_found', `User ${userId} does not exist`, {
          details: { entity: 'user', id: userId },
        });
      }
      workspaces.assertWorkspace(workspaceId);
      upsert.run(userId, workspaceId, role, membership.canReadPii === true ? 1 : 0);
    }),

    removeMembership(userId: string, workspaceId: string): void {
      if (remove.run(userId, workspaceId).changes === 0) {
        throw new LangngheError(
          'store.not_found',
          `User ${userId} is not a member of workspace ${workspaceId}`,
          { details: { entity: 'membership', userId, workspaceId } },
        );
      }
    },

    listUserMemberships(userId: string): MembershipRow[] {
      return (ofUser.all(userId) as Row[]).map(toMembership);
    },

    listWorkspaceMembers(workspaceId: string): MembershipRow[] {
      return (ofWorkspace.all(workspaceId) as Row[]).map(toMembership);
    },
  };
}
