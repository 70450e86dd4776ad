import type { Role } from '../core/scope.js';

/** A person who logs in. Password hashes never leave the store except through `UserRecord`. */
export interface User {
  id: string;
  /**
   * Unique, compared case-insensitively: stored in Unicode NFC and lower-cased (so a login typed
   * with decomposed Vietnamese letters finds the same user).
   */
  login: string;
  name: string;
  /** May create workspaces and manage every one (the install's first owner). */
  isInstallAdmin: boolean;
  /** A disabled user cannot log in, and its sessions and tokens stop working. */
  isDisabled: boolean;
  /** Set for a user created by single sign-on. */
  oidc?: { issuer: string; subject: string };
  createdAt: string;
  updatedAt: string;
}

/** A user with what login checks need. */
export interface UserRecord extends User {
  /** An argon2id PHC string; absent for single-sign-on-only users. */
  passwordHash?: string;
  /** Failed logins since the last success. */
  failedLogins: number;
  /** ISO time until which logins are refused (lockout). */
  lockedUntil?: string;
}

export interface UserInput {
  /** Chosen by the caller, or a `crypto.randomUUID()` when absent. */
  id?: string;
  login: string;
  name: string;
  passwordHash?: string;
  isInstallAdmin?: boolean;
  oidc?: { issuer: string; subject: string };
}

export interface UserPatch {
  name?: string;
  passwordHash?: string;
  isDisabled?: boolean;
  isInstallAdmin?: boolean;
}

/** A user's role in one workspace. */
export interface MembershipRow {
  userId: string;
  workspaceId: string;
  role: Role;
  canReadPii: boolean;
}

/** A dashboard login. The store keeps only the hash of the cookie value (`idHash`). */
export interface Session {
  idHash: string;
  userId: string;
  /** Sent back by the page in `x-csrf-token` on every change. */
  csrfToken: string;
  createdAt: string;
  /** Absolute end: the session is refused after it, whatever its use. */
  expiresAt: string;
  lastSeenAt: string;
  address?: string;
}

/** An API token for scripts and the CLI: scoped to one workspace and role, stored hashed. */
export interface ApiToken {
  id: string;
  name: string;
  /** The user who created it (or `system`). */
  userId: string;
  workspaceId: string;
  role: Role;
  canReadPii: boolean;
  createdAt: string;
  expiresAt?: string;
  revokedAt?: string;
  lastUsedAt?: string;
}

/**
 * Users, memberships, sessions and API tokens. Errors: `store.conflict` (a login, user id or token
 * id that exists; a user already linked to that OIDC subject), `store.not_found` (changing
 * something absent, a membership naming an unknown user or workspace), `store.invalid`.
 */
export interface AccountStore {
  createUser(input: UserInput): Promise<User>;
  getUser(id: string): Promise<UserRecord | undefined>;
  /** Case-insensitive (see `User.login`); an empty login finds nobody. */
  findUserByLogin(login: string): Promise<UserRecord | undefined>;
  findUserByOidc(issuer: string, subject: string): Promise<UserRecord | undefined>;
  /** All users by login, without password hashes or login counters. */
  listUsers(): Promise<User[]>;
  countUsers(): Promise<number>;
  /** Changes the given fields and `updatedAt`; `store.not_found` when absent. */
  updateUser(id: string, patch: UserPatch): Promise<User>;
  /**
   * Counts a failed login and sets the lock (or keeps the current one when `lockedUntil` is
   * absent); returns the failures since the last success. `store.not_found` when absent.
   */
  recordLoginFailure(id: string, lockedUntil?: string): Promise<number>;
  /** Resets the failure count and the lock; `store.not_found` when absent. */
  recordLoginSuccess(id: string): Promise<void>;

  /** Creates or changes a membership; `store.not_found` for an unknown user or workspace. */
  setMembership(membership: MembershipRow): Promise<void>;
  /** `store.not_found` when absent. */
  removeMembership(userId: string, workspaceId: string): Promise<void>;
  /** A user's memberships by workspace id. */
  listUserMemberships(userId: string): Promise<MembershipRow[]>;
  /** A workspace's members by user id. */
  listWorkspaceMembers(workspaceId: string): Promise<MembershipRow[]>;

  /** `store.conflict` for an existing `idHash`, `store.not_found` for an unknown user. */
  createSession(session: Session): Promise<void>;
  getSession(idHash: string): Promise<Session | undefined>;
  /** Records use (`lastSeenAt`); unknown ids are ignored. */
  touchSession(idHash: string, lastSeenAt: string): Promise<void>;
  /** Idempotent. */
  deleteSession(idHash: string): Promise<void>;
  /** Logs a user out everywhere (password change, disable); returns how many were removed. */
  deleteUserSessions(userId: string): Promise<number>;

  /**
   * `hash` is the SHA-256 (hex) of the token's secret; the secret itself is never stored.
   * `store.conflict` for an existing id or hash, `store.not_found` for an unknown workspace.
   */
  createToken(token: ApiToken, hash: string): Promise<void>;
  /** The token whose secret hashes to `hash`, revoked or expired ones included (callers check). */
  findTokenByHash(hash: string): Promise<ApiToken | undefined>;
  getToken(id: string): Promise<ApiToken | undefined>;
  /** A workspace's tokens, newest first (`createdAt`, then id, descending), revoked ones included. */
  listTokens(workspaceId: string): Promise<ApiToken[]>;
  /** Sets `revokedAt` (kept if already revoked); `store.not_found` when absent. */
  revokeToken(id: string, at: string): Promise<void>;
  /** Records use (`lastUsedAt`); unknown ids are ignored. */
  touchToken(id: string, at: string): Promise<void>;
}
