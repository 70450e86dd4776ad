import type { Clock } from '../core/clock.js';
import { LangngheError } from '../core/errors.js';
import type { Principal, Role } from '../core/scope.js';
import { SYSTEM_PRINCIPAL, isRole } from '../core/scope.js';
import { foldText } from '../nlp/fold.js';
import type { Store, User, UserRecord } from '../store/index.js';
import { decoyHash, randomSecret, secretHash, verifyPassword } from '../auth/index.js';
import type { ClientInfo } from './app.js';
import type { AuditService } from './audit.js';

/** How long sessions last and when logins lock. */
export interface SessionSettings {
  /** A session ends this long after login, however it is used (default 12 h). */
  sessionHours: number;
  /** Failed logins in a row that lock the account (default 5). */
  maxFailedLogins: number;
  /** How long the first lock lasts; each further failure while locked doubles it, up to a day. */
  lockMinutes: number;
  /**
   * Where a user created by single sign-on starts: `workspace:role` (e.g. `default:viewer`), or
   * empty for no workspace until an admin adds them.
   */
  oidcDefaultMembership: string;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  sessionHours: 12,
  maxFailedLogins: 5,
  lockMinutes: 15,
  oidcDefaultMembership: '',
};

/** A new session: the cookie value (shown to the browser only) and its CSRF token. */
export interface LoginResult {
  sessionSecret: string;
  csrfToken: string;
  expiresAt: string;
  user: User;
}

/** Who the identity provider says logged in. */
export interface OidcIdentityInput {
  issuer: string;
  subject: string;
  email?: string;
  name?: string;
  preferredUsername?: string;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Writing `lastSeenAt` on every request would turn every read into a write. */
const TOUCH_EVERY_MS = MINUTE_MS;

function refused(): LangngheError {
  return new LangngheError(
    'auth.invalid',
    'Sai tên đăng nhập hoặc mật khẩu / wrong login or password',
  );
}

/** Only the `User` fields: a `UserRecord` read for the login check also carries the password hash. */
function withoutSecrets(user: User): User {
  const { id, login, name, isInstallAdmin, isDisabled, oidc, createdAt, updatedAt } = user;
  const shown: User = { id, login, name, isInstallAdmin, isDisabled, createdAt, updatedAt };
  if (oidc !== undefined) shown.oidc = { issuer: oidc.issuer, subject: oidc.subject };
  return shown;
}

function oidcLogin(identity: OidcIdentityInput): string {
  const base = foldText(identity.preferredUsername ?? identity.email ?? `sso-${identity.subject}`)
    .replace(/[^a-z0-9._@-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 56);
  return base.length >= 2 ? base : `sso-${base}x`;
}

export function createSessions(deps: {
  store: Store;
  clock: Clock;
  audit: AuditService;
  settings?: Partial<SessionSettings>;
}) {
  const { store, clock, audit } = deps;
  const settings = { ...DEFAULT_SESSION_SETTINGS, ...deps.settings };
  const iso = (ms = clock.now()): string => new Date(ms).toISOString();

  async function principalOf(user: User, address?: string): Promise<Principal> {
    const rows = await store.accounts.listUserMemberships(user.id);
    return {
      kind: 'user',
      id: user.id,
      name: user.login,
      isInstallAdmin: user.isInstallAdmin,
      memberships: rows.map((r) => ({
        workspaceId: r.workspaceId,
        role: r.role,
        canReadPii: r.canReadPii,
      })),
      address,
    };
  }

  async function openSession(user: User, client: ClientInfo, method: string): Promise<LoginResult> {
    // A fresh random id at every login: a session id planted before login is never promoted.
    const sessionSecret = randomSecret();
    const now = clock.now();
    const result: LoginResult = {
      sessionSecret,
      csrfToken: randomSecret(),
      expiresAt: iso(now + settings.sessionHours * HOUR_MS),
      user: withoutSecrets(user),
    };
    await store.accounts.createSession({
      idHash: secretHash(sessionSecret),
      userId: user.id,
      csrfToken: result.csrfToken,
      createdAt: iso(now),
      expiresAt: result.expiresAt,
      lastSeenAt: iso(now),
      address: client.address,
    });
    await audit.record(await principalOf(user, client.address), {
      action: 'auth.login',
      target: user.id,
      details: { method },
    });
    return result;
  }

  async function fail(
    user: UserRecord | undefined,
    login: string,
    client: ClientInfo,
    why: string,
  ) {
    let lockedUntil: string | undefined;
    if (user !== undefined) {
      const isLocked = user.lockedUntil !== undefined && Date.parse(user.lockedUntil) > clock.now();
      const failures = user.failedLogins + 1;
      if (failures >= settings.maxFailedLogins) {
        const doublings = Math.min(failures - settings.maxFailedLogins, 10);
        const lockMs = Math.min(settings.lockMinutes * MINUTE_MS * 2 ** doublings, 24 * HOUR_MS);
        lockedUntil = iso(clock.now() + lockMs);
      } else if (isLocked) lockedUntil = user.lockedUntil;
      await store.accounts.recordLoginFailure(user.id, lockedUntil);
    }
    await audit.record(
      { anonymous: login, address: client.address },
      { action: 'auth.login_failed', target: user?.id, details: { reason: why } },
    );
  }

  function lockedError(until: string): LangngheError {
    const seconds = Math.max(1, Math.ceil((Date.parse(until) - clock.now()) / 1000));
    return new LangngheError(
      'auth.locked',
      `Tài khoản tạm khoá do đăng nhập sai nhiều lần; thử lại sau ${Math.ceil(seconds / 60)} phút / too many failed logins: try again in ${Math.ceil(seconds / 60)} min`,
      { details: { retryAfterSeconds: seconds } },
    );
  }

  async function joinDefault(user: User): Promise<void> {
    const [workspaceId, role] = settings.oidcDefaultMembership.split(':');
    if (workspaceId === undefined || workspaceId === '' || !isRole(role)) return;
    if ((await store.getWorkspace(workspaceId)) === undefined) return;
    await store.accounts.setMembership({
      userId: user.id,
      workspaceId,
      role: role as Role,
      canReadPii: false,
    });
  }

  return {
    principalOf,

    async login(input: { login: string; password: string }, client: ClientInfo) {
      const login = input.login.normalize('NFC').trim().toLowerCase().slice(0, 200);
      const user = await store.accounts.findUserByLogin(login);
      if (user?.lockedUntil !== undefined && Date.parse(user.lockedUntil) > clock.now()) {
        await fail(user, login, client, 'locked');
        throw lockedError((await store.accounts.getUser(user.id))?.lockedUntil ?? user.lockedUntil);
      }
      const isRight = await verifyPassword(
        user?.passwordHash ?? (await decoyHash()),
        input.password,
      );
      if (user === undefined || user.passwordHash === undefined || !isRight || user.isDisabled) {
        await fail(user, login, client, user?.isDisabled === true ? 'disabled' : 'password');
        const after = user === undefined ? undefined : await store.accounts.getUser(user.id);
        if (after?.lockedUntil !== undefined && Date.parse(after.lockedUntil) > clock.now())
          throw lockedError(after.lockedUntil);
        throw refused();
      }
      await store.accounts.recordLoginSuccess(user.id);
      return openSession(user, client, 'password');
    },

    async loginWithOidc(identity: OidcIdentityInput, client: ClientInfo) {
      let user: User | undefined = await store.accounts.findUserByOidc(
        identity.issuer,
        identity.subject,
      );
      if (user === undefined) {
        let login = oidcLogin(identity);
        if ((await store.accounts.findUserByLogin(login)) !== undefined)
          login = `${login.slice(0, 50)}-${randomSecret(4)
            .toLowerCase()
            .replace(/[^a-z0-9]/g, 'x')}`;
        user = await store.accounts.createUser({
          login,
          name: (identity.name ?? login).slice(0, 200),
          oidc: { issuer: identity.issuer, subject: identity.subject },
        });
        await joinDefault(user);
        await audit.record(SYSTEM_PRINCIPAL, {
          action: 'user.create',
          target: user.id,
          details: { login, method: 'oidc' },
        });
      }
      if (user.isDisabled) {
        await fail(undefined, user.login, client, 'disabled');
        throw refused();
      }
      return openSession(user, client, 'oidc');
    },

    async logout(sessionSecret: string, client: ClientInfo) {
      const idHash = secretHash(sessionSecret);
      const session = await store.accounts.getSession(idHash);
      await store.accounts.deleteSession(idHash);
      if (session === undefined) return;
      const user = await store.accounts.getUser(session.userId);
      if (user !== undefined)
        await audit.record(await principalOf(user, client.address), {
          action: 'auth.logout',
          target: user.id,
        });
    },

    async authenticateSession(sessionSecret: string, client: ClientInfo) {
      const idHash = secretHash(sessionSecret);
      const session = await store.accounts.getSession(idHash);
      if (session === undefined) return undefined;
      const now = clock.now();
      if (Date.parse(session.expiresAt) <= now) {
        await store.accounts.deleteSession(idHash);
        return undefined;
      }
      const user = await store.accounts.getUser(session.userId);
      if (user === undefined || user.isDisabled) return undefined;
      if (now - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS)
        await store.accounts.touchSession(idHash, iso(now));
      return {
        principal: await principalOf(user, client.address),
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      };
    },

    async authenticateToken(secret: string, client: ClientInfo): Promise<Principal | undefined> {
      const token = await store.accounts.findTokenByHash(secretHash(secret));
      const now = clock.now();
      if (token === undefined || token.revokedAt !== undefined) return undefined;
      if (token.expiresAt !== undefined && Date.parse(token.expiresAt) <= now) return undefined;
      if (token.userId !== 'system') {
        const creator = await store.accounts.getUser(token.userId);
        if (creator === undefined || creator.isDisabled) return undefined;
      }
      if (token.lastUsedAt === undefined || now - Date.parse(token.lastUsedAt) > TOUCH_EVERY_MS)
        await store.accounts.touchToken(token.id, iso(now));
      return {
        kind: 'token',
        id: token.userId,
        tokenId: token.id,
        name: token.name,
        isInstallAdmin: false,
        memberships: [
          { workspaceId: token.workspaceId, role: token.role, canReadPii: token.canReadPii },
        ],
        address: client.address,
      };
    },
  };
}
