import type { Database } from 'better-sqlite3';
import { LangngheError } from '../../core/errors.js';
import type { Role } from '../../core/scope.js';
import type { ApiToken } from '../accounts.js';
import { normalizeIso } from '../iso-time.js';
import { requireText } from '../require-text.js';
import { requireRole } from './sqlite-memberships.js';
import type { SqliteWorkspaces } from './sqlite-workspaces.js';

interface TokenRow {
  id: string;
  name: string;
  user_id: string;
  workspace_id: string;
  role: Role;
  can_read_pii: number;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

const COLUMNS =
  'id, name, user_id, workspace_id, role, can_read_pii, created_at, expires_at, revoked_at, last_used_at';

function rowToToken(row: TokenRow): ApiToken {
  const token: ApiToken = {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    workspaceId: row.workspace_id,
    role: row.role,
    canReadPii: row.can_read_pii === 1,
    createdAt: row.created_at,
  };
  if (row.expires_at !== null) token.expiresAt = row.expires_at;
  if (row.revoked_at !== null) token.revokedAt = row.revoked_at;
  if (row.last_used_at !== null) token.lastUsedAt = row.last_used_at;
  return token;
}

const optionalIso = (value: string | undefined, field: string): string | null =>
  value === undefined ? null : normalizeIso(value, field);

/** API tokens of the SQLite store, synchronous. */
export function createSqliteTokens(db: Database, workspaces: SqliteWorkspaces) {
  const insert = db.prepare(
    `INSERT INTO api_tokens (hash, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE id = ?`);
  const byHash = db.prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE hash = ?`);
  const ofWorkspace = db.prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE workspace_id = ?
    ORDER BY created_at DESC, id DESC`);
  const revoke = db.prepare(
    'UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?',
  );
  const touch = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');

  const find = (row: unknown): ApiToken | undefined =>
    row === undefined ? undefined : rowToToken(row as TokenRow);

  return {
    createToken: db.transaction((token: ApiToken, hash: string): void => {
      const id = requireText(token.id, 'id');
      const workspaceId = requireText(token.workspaceId, 'workspaceId');
      workspaces.assertWorkspace(workspaceId);
      if (byId.get(id) !== undefined) {
        throw new LangngheError('store.conflict', `Token ${id} already exists`, {
          details: { entity: 'token', id },
        });
      }
      insert.run(
        requireText(hash, 'hash'),
        id,
        requireText(token.name, 'name'),
        requireText(token.userId, 'userId'),
        workspaceId,
        requireRole(token.role),
        token.canReadPii === true ? 1 : 0,
        normalizeIso(token.createdAt, 'createdAt'),
        optionalIso(token.expiresAt, 'expiresAt'),
        optionalIso(token.revokedAt, 'revokedAt'),
        optionalIso(token.lastUsedAt, 'lastUsedAt'),
      );
    }),

    findTokenByHash: (hash: string): ApiToken | undefined => find(byHash.get(hash)),

    getToken: (id: string): ApiToken | undefined => find(byId.get(id)),

    listTokens(workspaceId: string): ApiToken[] {
      return (ofWorkspace.all(workspaceId) as TokenRow[]).map(rowToToken);
    },

    revokeToken(id: string, at: string): void {
      if (revoke.run(normalizeIso(at, 'at'), id).changes === 0) {
        throw new LangngheError('store.not_found', `Token ${id} does not exist`, {
          details: { entity: 'token', id },
        });
      }
    },

    touchToken(id: string, at: string): void {
      touch.run(normalizeIso(at, 'at'), id);
    },
  };
}
