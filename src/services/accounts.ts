import type { Clock } from '../core/clock.js';
import { LangngheError } from '../core/errors.js';
import type { Principal, Role, Scope } from '../core/scope.js';
import { SYSTEM_PRINCIPAL, requirePermission, roleRank } from '../core/scope.js';
import { cleanLabel } from '../core/clean-text.js';
import type { ApiToken, Store, User, Workspace } from '../store/index.js';
import {
  checkPasswordPolicy,
  generatePassword,
  hashPassword,
  newApiTokenSecret,
  randomSecret,
  secretHash,
  verifyPassword,
} from '../auth/index.js';
import type { ClientInfo } from './app.js';
import type { AuditService } from './audit.js';
import { checkLogin, checkWorkspaceId } from './account-input.js';
import { createSessions } from './sessions.js';
import type { LoginResult, OidcIdentityInput, SessionSettings } from './sessions.js';

export type { LoginResult, OidcIdentityInput, SessionSettings } from './sessions.js';

export interface MemberView {
  user: Pick<User, 'id' | 'login' | 'name' | 'isDisabled'>;
  role: Role;
  canReadPii: boolean;
}

/** A new token and its secret, which is shown this once and never stored. */
export interface CreatedToken {
  token: ApiToken;
  secret: string;
}

/**
 * Accounts: sign-in (password or single sign-on), sessions, API tokens, workspaces and their
 * members. Sign-in and authentication take no scope (they make one); everything else does.
 * Errors: `auth.invalid` (wrong login or password, unknown or expired session or token),
 * `auth.locked` (too many failed logins; `details.retryAfterSeconds`), `auth.forbidden`,
 * `input.invalid`, `store.conflict`, `store.not_found`.
 */
export interface AccountService {
  /**
   * On an install with no user: creates the owner (install admin, owner of every workspace there
   * is) with a random password, and returns it to be shown once. Afterwards returns undefined.
   */
  bootstrap(): Promise<{ login: string; password: string } | undefined>;
  login(input: { login: string; password: string }, client: ClientInfo): Promise<LoginResult>;
  loginWithOidc(identity: OidcIdentityInput, client: ClientInfo): Promise<LoginResult>;
  logout(sessionSecret: string, client: ClientInfo): Promise<void>;
  /** The principal behind a session cookie, or undefined (unknown, expired, user disabled). */
  authenticateSession(
    sessionSecret: string,
    client: ClientInfo,
  ): Promise<{ principal: Principal; csrfToken: string; expiresAt: string } | undefined>;
  /** The principal behind an API token, or undefined (unknown, expired, revoked). */
  authenticateToken(secret: string, client: ClientInfo): Promise<Principal | undefined>;
  /** Changes one's own password (the current one is required); ends every session of the user. */
  changePassword(principal: Principal, input: { current: string; next: string }): Promise<void>;

  /** The workspaces a principal may enter (every one for an install admin). */
  listWorkspaces(principal: Principal): Promise<Workspace[]>;
  /** Install admins only; the creator becomes its owner. */
  createWorkspace(principal: Principal, input: { id?: string; name: string }): Promise<Workspace>;
  renameWorkspace(scope: Scope, name: string): Promise<Workspace>;

  listMembers(scope: Scope): Promise<MemberView[]>;
  /**
   * Adds a member (creating the user with a password when the login is new) or changes one's
   * role. Nobody grants a role above their own, nor `pii:read` without holding it.
   */
  setMember(
    scope: Scope,
    input: { login: string; name?: string; password?: string; role: Role; canReadPii?: boolean },
  ): Promise<MemberView>;
  removeMember(scope: Scope, userId: string): Promise<void>;

  createToken(
    scope: Scope,
    input: { name: string; role: Role; canReadPii?: boolean; expiresInDays?: number },
  ): Promise<CreatedToken>;
  listTokens(scope: Scope): Promise<ApiToken[]>;
  revokeToken(scope: Scope, tokenId: string): Promise<void>;
}

export interface AccountDeps {
  store: Store;
  clock: Clock;
  audit: AuditService;
  settings?: Partial<SessionSettings>;
}

const DAY_MS = 86_400_000;
export const MAX_TOKEN_DAYS = 366;
export const DEFAULT_TOKEN_DAYS = 90;

function forbidden(message: string, details: Record<string, unknown> = {}): LangngheError {
  return new LangngheError('auth.forbidden', message, { details });
}

export function createAccountService(deps: AccountDeps): AccountService {
  const { store, clock, audit } = deps;
  const iso = (ms = clock.now()): string => new Date(ms).toISOString();
  const sessions = createSessions(deps);

  async function memberView(userId: string, workspaceId: string): Promise<MemberView> {
    const user = await store.accounts.getUser(userId);
    const row = (await store.accounts.listUserMemberships(userId)).find(
      (m) => m.workspaceId === workspaceId,
    );
    if (user === undefined || row === undefined)
      throw new LangngheError('store.not_found', `No member ${userId}`);
    return {
      user: { id: user.id, login: user.login, name: user.name, isDisabled: user.isDisabled },
      role: row.role,
      canReadPii: row.canReadPii,
    };
  }

  function checkGrant(scope: Scope, role: Role, canReadPii: boolean): void {
    if (roleRank(role) > roleRank(scope.role))
      throw forbidden(
        `Không thể cấp vai trò cao hơn của bạn / cannot grant "${role}" above your own role "${scope.role}"`,
      );
    if (canReadPii && !scope.permissions.has('pii:read'))
      throw forbidden(
        'Không thể cấp quyền xem dữ liệu cá nhân / cannot grant pii:read without holding it',
      );
  }

  async function ownersLeft(workspaceId: string, exceptUserId: string): Promise<number> {
    const members = await store.accounts.listWorkspaceMembers(workspaceId);
    return members.filter((m) => m.role === 'owner' && m.userId !== exceptUserId).length;
  }

  return {
    async bootstrap() {
      if ((await store.accounts.countUsers()) > 0) return undefined;
      const password = generatePassword();
      const user = await store.accounts.createUser({
        login: 'owner',
        name: 'Owner',
        passwordHash: await hashPassword(password),
        isInstallAdmin: true,
      });
      for (const workspace of await store.listWorkspaces()) {
        await store.accounts.setMembership({
          userId: user.id,
          workspaceId: workspace.id,
          role: 'owner',
          canReadPii: true,
        });
      }
      await audit.record(SYSTEM_PRINCIPAL, {
        action: 'user.bootstrap',
        target: user.id,
        details: { login: user.login },
      });
      return { login: user.login, password };
    },

    login: (input, client) => sessions.login(input, client),
    loginWithOidc: (identity, client) => sessions.loginWithOidc(identity, client),
    logout: (secret, client) => sessions.logout(secret, client),
    authenticateSession: (secret, client) => sessions.authenticateSession(secret, client),
    authenticateToken: (secret, client) => sessions.authenticateToken(secret, client),

    async changePassword(principal, input) {
      if (principal.kind !== 'user') throw forbidden('Only a signed-in user changes a password');
      const user = await store.accounts.getUser(principal.id);
      const isRight =
        user?.passwordHash !== undefined &&
        (await verifyPassword(user.passwordHash, input.current));
      if (!isRight) {
        await audit.record(principal, {
          action: 'auth.password_change_failed',
          target: principal.id,
        });
        throw new LangngheError(
          'auth.invalid',
          'Mật khẩu hiện tại không đúng / the current password is wrong',
        );
      }
      checkPasswordPolicy(input.next);
      await store.accounts.updateUser(principal.id, {
        passwordHash: await hashPassword(input.next),
      });
      await store.accounts.deleteUserSessions(principal.id);
      await audit.record(principal, { action: 'auth.password_change', target: principal.id });
    },

    async listWorkspaces(principal) {
      const all = await store.listWorkspaces();
      if (principal.isInstallAdmin) return all;
      const mine = new Set(principal.memberships.map((m) => m.workspaceId));
      return all.filter((w) => mine.has(w.id));
    },

    async createWorkspace(principal, input) {
      if (!principal.isInstallAdmin)
        throw forbidden(
          'Chỉ quản trị hệ thống tạo được không gian làm việc / only install admins create workspaces',
        );
      const workspace = await store.createWorkspace({
        id: input.id === undefined ? undefined : checkWorkspaceId(input.id),
        name: cleanLabel(input.name, { maxLength: 200 }),
      });
      if (principal.kind === 'user') {
        await store.accounts.setMembership({
          userId: principal.id,
          workspaceId: workspace.id,
          role: 'owner',
          canReadPii: true,
        });
      }
      await audit.record(principal, {
        action: 'workspace.create',
        workspaceId: workspace.id,
        target: workspace.id,
        details: { name: workspace.name },
      });
      return workspace;
    },

    async renameWorkspace(scope, name) {
      requirePermission(scope, 'workspace:write');
      const workspace = await store.renameWorkspace(
        scope.workspaceId,
        cleanLabel(name, { maxLength: 200 }),
      );
      await audit.record(scope.principal, {
        action: 'workspace.rename',
        workspaceId: scope.workspaceId,
        target: scope.workspaceId,
        details: { name: workspace.name },
      });
      return workspace;
    },

    async listMembers(scope) {
      requirePermission(scope, 'members:read');
      const rows = await store.accounts.listWorkspaceMembers(scope.workspaceId);
      return Promise.all(rows.map((row) => memberView(row.userId, scope.workspaceId)));
    },

    async setMember(scope, input) {
      requirePermission(scope, 'members:write');
      const canReadPii = input.canReadPii ?? false;
      checkGrant(scope, input.role, canReadPii);
      const login = checkLogin(input.login);
      let user = await store.accounts.findUserByLogin(login);
      if (user === undefined) {
        if (input.password === undefined) {
          throw new LangngheError(
            'input.invalid',
            `No user "${login}": give a password to create one`,
            {
              details: { field: 'password' },
            },
          );
        }
        checkPasswordPolicy(input.password);
        const created = await store.accounts.createUser({
          login,
          name: cleanLabel(input.name ?? login, { maxLength: 200 }),
          passwordHash: await hashPassword(input.password),
        });
        user = await store.accounts.getUser(created.id);
        await audit.record(scope.principal, {
          action: 'user.create',
          workspaceId: scope.workspaceId,
          target: created.id,
          details: { login },
        });
      }
      if (user === undefined) throw new LangngheError('store.not_found', `No user ${login}`);
      const existing = (await store.accounts.listUserMemberships(user.id)).find(
        (m) => m.workspaceId === scope.workspaceId,
      );
      if (existing !== undefined) checkGrant(scope, existing.role, false);
      if (
        existing?.role === 'owner' &&
        input.role !== 'owner' &&
        (await ownersLeft(scope.workspaceId, user.id)) === 0
      )
        throw new LangngheError('input.invalid', 'A workspace keeps at least one owner');
      await store.accounts.setMembership({
        userId: user.id,
        workspaceId: scope.workspaceId,
        role: input.role,
        canReadPii,
      });
      await audit.record(scope.principal, {
        action: existing === undefined ? 'member.add' : 'member.change',
        workspaceId: scope.workspaceId,
        target: user.id,
        details: { login: user.login, role: input.role, canReadPii, before: existing?.role },
      });
      return memberView(user.id, scope.workspaceId);
    },

    async removeMember(scope, userId) {
      requirePermission(scope, 'members:write');
      const member = await memberView(userId, scope.workspaceId);
      checkGrant(scope, member.role, false);
      if (member.role === 'owner' && (await ownersLeft(scope.workspaceId, userId)) === 0)
        throw new LangngheError('input.invalid', 'A workspace keeps at least one owner');
      await store.accounts.removeMembership(userId, scope.workspaceId);
      await audit.record(scope.principal, {
        action: 'member.remove',
        workspaceId: scope.workspaceId,
        target: userId,
        details: { login: member.user.login, role: member.role },
      });
    },

    async createToken(scope, input) {
      requirePermission(scope, 'tokens:write');
      const canReadPii = input.canReadPii ?? false;
      checkGrant(scope, input.role, canReadPii);
      const days = input.expiresInDays ?? DEFAULT_TOKEN_DAYS;
      if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
        throw new LangngheError('input.invalid', `expiresInDays: 1–${MAX_TOKEN_DAYS}`, {
          details: { field: 'expiresInDays' },
        });
      }
      const secret = newApiTokenSecret();
      const now = clock.now();
      const token: ApiToken = {
        id: `tok_${randomSecret(9)}`,
        name: cleanLabel(input.name, { maxLength: 100 }),
        userId: scope.principal.id,
        workspaceId: scope.workspaceId,
        role: input.role,
        canReadPii,
        createdAt: iso(now),
        expiresAt: iso(now + days * DAY_MS),
      };
      await store.accounts.createToken(token, secretHash(secret));
      await audit.record(scope.principal, {
        action: 'token.create',
        workspaceId: scope.workspaceId,
        target: token.id,
        details: { name: token.name, role: token.role, canReadPii, expiresAt: token.expiresAt },
      });
      return { token, secret };
    },

    async listTokens(scope) {
      requirePermission(scope, 'tokens:write');
      return store.accounts.listTokens(scope.workspaceId);
    },

    async revokeToken(scope, tokenId) {
      requirePermission(scope, 'tokens:write');
      const token = await store.accounts.getToken(tokenId);
      if (token === undefined || token.workspaceId !== scope.workspaceId)
        throw new LangngheError('store.not_found', `No token ${tokenId.slice(0, 80)}`);
      await store.accounts.revokeToken(tokenId, iso());
      await audit.record(scope.principal, {
        action: 'token.revoke',
        workspaceId: scope.workspaceId,
        target: tokenId,
        details: { name: token.name },
      });
    },
  };
}
