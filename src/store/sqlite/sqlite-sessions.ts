import type { Database } from 'better-sqlite3';
import { LangngheError } from '../../core/errors.js';
import type { Session } from '../accounts.js';
import { normalizeIso } from '../iso-time.js';
import { requireText } from '../require-text.js';

interface SessionRow {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  address: string | null;
}

const COLUMNS = 'id_hash, user_id, csrf_token, created_at, expires_at, last_seen_at, address';

function rowToSession(row: SessionRow): Session {
  const session: Session = {
    idHash: row.id_hash,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
  };
  if (row.address !== null) session.address = row.address;
  return session;
}

/** Dashboard sessions of the SQLite store, synchronous. */
export function createSqliteSessions(db: Database) {
  const userExists = db.prepare('SELECT 1 FROM users WHERE id = ?');
  const insert = db.prepare(`INSERT INTO sessions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const select = db.prepare(`SELECT ${COLUMNS} FROM sessions WHERE id_hash = ?`);
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const removeOfUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');

  return {
    createSession: db.transaction((session: Session): void => {
      const userId = requireText(session.userId, 'userId');
      if (userExists.get(userId) === undefined) {
        throw new LangngheError('store.not_found', `User ${userId} does not exist`, {
          details: { entity: 'user', id: userId },
        });
      }
      if (session.address !== undefined && typeof session.address !== 'string') {
        throw new LangngheError('store.invalid', 'address must be a string', {
          details: { field: 'address' },
        });
      }
      insert.run(
        requireText(session.idHash, 'idHash'),
        userId,
        requireText(session.csrfToken, 'csrfToken'),
        normalizeIso(session.createdAt, 'createdAt'),
        normalizeIso(session.expiresAt, 'expiresAt'),
        normalizeIso(session.lastSeenAt, 'lastSeenAt'),
        session.address ?? null,
      );
    }),

    getSession(idHash: string): Session | undefined {
      const row = select.get(idHash) as SessionRow | undefined;
      return row === undefined ? undefined : rowToSession(row);
    },

    touchSession(idHash: string, lastSeenAt: string): void {
      touch.run(normalizeIso(lastSeenAt, 'lastSeenAt'), idHash);
    },

    deleteSession(idHash: string): void {
      remove.run(idHash);
    },

    deleteUserSessions(userId: string): number {
      return removeOfUser.run(userId).changes;
    },
  };
}
