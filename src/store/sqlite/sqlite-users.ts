import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { LangngheError } from '../../core/errors.js';
import type { User, UserInput, UserPatch, UserRecord } from '../accounts.js';
import { normalizeIso } from '../iso-time.js';
import { requireText } from '../require-text.js';

interface UserRow {
  id: string;
  login: string;
  name: string;
  password_hash: string | null;
  is_install_admin: number;
  is_disabled: number;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'id, login, name, password_hash, is_install_admin, is_disabled, oidc_issuer, oidc_subject, failed_logins, locked_until, created_at, updated_at';

/**
 * The form logins are stored and compared in: NFC (a macOS keyboard sends decomposed Vietnamese
 * letters, Windows composed ones) and lower-cased by JavaScript's full Unicode rules.
 */
export function normalizeLogin(login: unknown): string {
  return requireText(login, 'login').normalize('NFC').toLowerCase();
}

function rowToUser(row: UserRow): User {
  const user: User = {
    id: row.id,
    login: row.login,
    name: row.name,
    isInstallAdmin: row.is_install_admin === 1,
    isDisabled: row.is_disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.oidc_issuer !== null && row.oidc_subject !== null) {
    user.oidc = { issuer: row.oidc_issuer, subject: row.oidc_subject };
  }
  return user;
}

function rowToRecord(row: UserRow): UserRecord {
  const record: UserRecord = { ...rowToUser(row), failedLogins: row.failed_logins };
  if (row.password_hash !== null) record.passwordHash = row.password_hash;
  if (row.locked_until !== null) record.lockedUntil = row.locked_until;
  return record;
}

function conflict(message: string, details: Record<string, unknown>): LangngheError {
  return new LangngheError('store.conflict', message, { details: { entity: 'user', ...details } });
}

function notFound(id: string): LangngheError {
  return new LangngheError('store.not_found', `User ${id} does not exist`, {
    details: { entity: 'user', id },
  });
}

const optionalText = (value: string | undefined, field: string): string | null =>
  value === undefined ? null : requireText(value, field);

/** Users of the SQLite store, synchronous. */
export function createSqliteUsers(db: Database, now: () => string) {
  const byId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
  const byLogin = db.prepare(`SELECT ${COLUMNS} FROM users WHERE login = ?`);
  const byOidc = db.prepare(
    `SELECT ${COLUMNS} FROM users WHERE oidc_issuer = ? AND oidc_subject = ?`,
  );
  const insert = db.prepare(`INSERT INTO users (${COLUMNS}) VALUES
    (?, ?, ?, ?, ?, 0, ?, ?, 0, NULL, ?, ?)`);
  const update = db.prepare(`UPDATE users SET name = ?, password_hash = ?, is_disabled = ?,
    is_install_admin = ?, updated_at = ? WHERE id = ?`);
  const fail = db.prepare(`UPDATE users SET failed_logins = failed_logins + 1,
    locked_until = COALESCE(?, locked_until) WHERE id = ? RETURNING failed_logins`);
  const succeed = db.prepare(
    'UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?',
  );
  const list = db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY login`);
  const count = db.prepare('SELECT COUNT(*) FROM users').pluck();

  const getUser = (id: string): UserRecord | undefined => {
    const row = byId.get(id) as UserRow | undefined;
    return row === undefined ? undefined : rowToRecord(row);
  };

  return {
    getUser,

    createUser: db.transaction((input: UserInput): User => {
      const id = input.id === undefined ? randomUUID() : requireText(input.id, 'id');
      const login = normalizeLogin(input.login);
      const name = requireText(input.name, 'name');
      const issuer =
        input.oidc === undefined ? null : requireText(input.oidc.issuer, 'oidc.issuer');
      const subject =
        input.oidc === undefined ? null : requireText(input.oidc.subject, 'oidc.subject');
      if (byId.get(id) !== undefined) throw conflict(`User ${id} already exists`, { id });
      if (byLogin.get(login) !== undefined) {
        throw conflict(`The login ${login} is taken`, { field: 'login' });
      }
      if (issuer !== null && byOidc.get(issuer, subject) !== undefined) {
        throw conflict('A user is already linked to this single sign-on account', {
          field: 'oidc',
        });
      }
      const time = now();
      const passwordHash = optionalText(input.passwordHash, 'passwordHash');
      const isAdmin = input.isInstallAdmin === true ? 1 : 0;
      insert.run(id, login, name, passwordHash, isAdmin, issuer, subject, time, time);
      return rowToUser(byId.get(id) as UserRow);
    }),

    findUserByLogin(login: string): UserRecord | undefined {
      if (typeof login !== 'string' || login.trim() === '') return undefined;
      const row = byLogin.get(normalizeLogin(login)) as UserRow | undefined;
      return row === undefined ? undefined : rowToRecord(row);
    },

    findUserByOidc(issuer: string, subject: string): UserRecord | undefined {
      const row = byOidc.get(issuer, subject) as UserRow | undefined;
      return row === undefined ? undefined : rowToRecord(row);
    },

    listUsers(): User[] {
      return (list.all() as UserRow[]).map(rowToUser);
    },

    countUsers(): number {
      return count.get() as number;
    },

    updateUser: db.transaction((id: string, patch: UserPatch): User => {
      const row = byId.get(id) as UserRow | undefined;
      if (row === undefined) throw notFound(id);
      update.run(
        patch.name === undefined ? row.name : requireText(patch.name, 'name'),
        patch.passwordHash === undefined
          ? row.password_hash
          : requireText(patch.passwordHash, 'passwordHash'),
        patch.isDisabled === undefined ? row.is_disabled : patch.isDisabled ? 1 : 0,
        patch.isInstallAdmin === undefined ? row.is_install_admin : patch.isInstallAdmin ? 1 : 0,
        now(),
        id,
      );
      return rowToUser(byId.get(id) as UserRow);
    }),

    recordLoginFailure(id: string, lockedUntil?: string): number {
      const until = lockedUntil === undefined ? null : normalizeIso(lockedUntil, 'lockedUntil');
      const row = fail.get(until, id) as { failed_logins: number } | undefined;
      if (row === undefined) throw notFound(id);
      return row.failed_logins;
    },

    recordLoginSuccess(id: string): void {
      if (succeed.run(id).changes === 0) throw notFound(id);
    },
  };
}

export type SqliteUsers = ReturnType<typeof createSqliteUsers>;
