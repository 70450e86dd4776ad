import { LangngheError } from './errors.js';

/** A member's role in a workspace, from most to least powerful. */
export type Role = 'owner' | 'admin' | 'analyst' | 'viewer';

export const ROLES: readonly Role[] = ['owner', 'admin', 'analyst', 'viewer'];

/**
 * What a principal may do in a workspace. `pii:read` is not part of any role: it is granted to a
 * member (or a token) on its own, because seeing citizens' phone numbers is a duty, not a rank.
 */
export type Permission =
  | 'posts:read'
  | 'pii:read'
  | 'topics:read'
  | 'topics:write'
  | 'sources:read'
  | 'sources:write'
  | 'ingest:write'
  | 'members:read'
  | 'members:write'
  | 'tokens:write'
  | 'audit:read'
  | 'data:erase'
  | 'workspace:write';

const VIEWER: readonly Permission[] = ['posts:read', 'topics:read', 'sources:read'];
const ANALYST: readonly Permission[] = [...VIEWER, 'topics:write', 'members:read'];
const ADMIN: readonly Permission[] = [
  ...ANALYST,
  'sources:write',
  'ingest:write',
  'members:write',
  'tokens:write',
  'audit:read',
  'data:erase',
];
const OWNER: readonly Permission[] = [...ADMIN, 'workspace:write'];

/** The permissions each role carries (`pii:read` excepted: see `Permission`). */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  owner: new Set(OWNER),
  admin: new Set(ADMIN),
  analyst: new Set(ANALYST),
  viewer: new Set(VIEWER),
};

/** How much a role may do, to refuse granting a role above one's own. */
export function roleRank(role: Role): number {
  return ROLES.length - ROLES.indexOf(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A principal's place in one workspace. */
export interface Membership {
  workspaceId: string;
  role: Role;
  /** Granted `pii:read` in this workspace. */
  canReadPii: boolean;
}

/**
 * Who is acting: a logged-in user, an API token, or the local operator (the CLI and the server's
 * own jobs, which hold the database file and so every right). Built by the HTTP layer from a
 * session cookie or a bearer token, or by the CLI; services never build one.
 */
export interface Principal {
  kind: 'user' | 'token' | 'system';
  /** The user id (for a token: the user who created it; for the system: `system`). */
  id: string;
  /** For messages and the audit log: login, token name, or `system`. */
  name: string;
  /** The token's id when `kind` is `token`. */
  tokenId?: string;
  /** May create workspaces and manage every one (the install's first owner; the system). */
  isInstallAdmin: boolean;
  /** The workspaces this principal belongs to; a token has exactly one. */
  memberships: readonly Membership[];
  /** The client address, for the audit log. */
  address?: string;
}

/**
 * Who acts in which workspace: the first argument of every service function. There is no default
 * workspace: a scope always names one, and a service reads and changes only what belongs to it
 * (and the shared public corpus).
 */
export interface Scope {
  principal: Principal;
  workspaceId: string;
  role: Role;
  permissions: ReadonlySet<Permission>;
}

/**
 * The principal's scope in a workspace. `auth.forbidden` when it is not a member (an install
 * admin acts as owner everywhere, without `pii:read` unless granted).
 */
export function scopeFor(principal: Principal, workspaceId: string): Scope {
  const membership = principal.memberships.find((m) => m.workspaceId === workspaceId);
  if (membership === undefined && !principal.isInstallAdmin) {
    throw new LangngheError(
      'auth.forbidden',
      `Bạn không thuộc không gian làm việc "${workspaceId.slice(0, 80)}" / you are not a member of workspace "${workspaceId.slice(0, 80)}"`,
      { details: { workspaceId } },
    );
  }
  // An install admin can grant itself any role, so a lower membership would only pretend.
  const role = principal.isInstallAdmin ? 'owner' : (membership?.role ?? 'owner');
  const permissions = new Set(ROLE_PERMISSIONS[role]);
  if (membership?.canReadPii === true || principal.kind === 'system') permissions.add('pii:read');
  return { principal, workspaceId, role, permissions };
}

/** Throws `auth.forbidden` unless the scope carries the permission. */
export function requirePermission(scope: Scope, permission: Permission): void {
  if (!scope.permissions.has(permission)) {
    throw new LangngheError(
      'auth.forbidden',
      `Vai trò "${scope.role}" không có quyền ${permission} / role "${scope.role}" lacks ${permission} in workspace "${scope.workspaceId.slice(0, 80)}"`,
      { details: { permission, workspaceId: scope.workspaceId, role: scope.role } },
    );
  }
}

export function hasPermission(scope: Scope, permission: Permission): boolean {
  return scope.permissions.has(permission);
}

/** The local operator (CLI, scheduled jobs): every right in every workspace. */
export const SYSTEM_PRINCIPAL: Principal = {
  kind: 'system',
  id: 'system',
  name: 'system',
  isInstallAdmin: true,
  memberships: [],
};

/** The system's scope in a workspace (CLI commands and the server's own jobs). */
export function systemScope(workspaceId: string): Scope {
  return scopeFor(SYSTEM_PRINCIPAL, workspaceId);
}
