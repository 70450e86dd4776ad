import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scopeFor, systemScope } from '../core/scope.js';
import { secretHash } from '../auth/index.js';
import { PASSWORD, addWorkspace, memberScope, openApp } from '../../test/services/harness.js';
import type { AppHarness } from '../../test/services/harness.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WRONG = 'không phải mật khẩu';

async function withApp(
  run: (h: AppHarness) => Promise<void>,
  options?: Parameters<typeof openApp>[0],
): Promise<void> {
  const h = await openApp(options);
  try {
    await run(h);
  } finally {
    await h.close();
  }
}

async function addUser(
  h: AppHarness,
  login: string,
  role: 'owner' | 'admin' | 'viewer' = 'viewer',
) {
  return h.app.accounts.setMember(h.system, { login, password: PASSWORD, role });
}

async function principalOf(h: AppHarness, sessionSecret: string) {
  const session = await h.app.accounts.authenticateSession(sessionSecret, {});
  assert.ok(session, 'expected a live session');
  return session.principal;
}

const loginAs = (h: AppHarness, login: string, password = PASSWORD) =>
  h.app.accounts.login({ login, password }, { address: '203.0.113.7' });

describe('bootstrap', () => {
  it('creates the owner once, install admin and owner of every workspace with pii:read', () =>
    withApp(async (h) => {
      await addWorkspace(h, 'q7');
      const first = await h.app.accounts.bootstrap();
      assert.equal(first?.login, 'owner');
      assert.equal(first?.password.length, 20);
      assert.equal(await h.app.accounts.bootstrap(), undefined);
      assert.equal(await h.store.accounts.countUsers(), 1);
      const principal = await principalOf(
        h,
        (await loginAs(h, 'owner', first.password)).sessionSecret,
      );
      assert.equal(principal.isInstallAdmin, true);
      assert.deepEqual(
        principal.memberships.map((m) => [m.workspaceId, m.role, m.canReadPii]),
        [
          ['default', 'owner', true],
          ['q7', 'owner', true],
        ],
      );
      const log = JSON.stringify((await h.store.audit.search()).entries);
      assert.match(log, /user\.bootstrap/);
      assert.ok(!log.includes(first.password), 'the password is in the audit log');
    }));

  it('creates nobody on an install that has users', () =>
    withApp(async (h) => {
      await addUser(h, 'lan');
      assert.equal(await h.app.accounts.bootstrap(), undefined);
      assert.equal(await h.store.accounts.findUserByLogin('owner'), undefined);
    }));
});

describe('login', () => {
  it('opens a session for the right password and refuses a wrong one or an unknown login', () =>
    withApp(async (h) => {
      await addUser(h, 'lan');
      const result = await loginAs(h, 'LAN');
      assert.equal(result.user.login, 'lan');
      assert.ok(
        !JSON.stringify(result.user).includes('$argon2id$'),
        'the password hash is returned',
      );
      assert.ok(!('failedLogins' in result.user));
      assert.equal(result.expiresAt, new Date(h.clock.now() + 12 * HOUR).toISOString());
      const session = await h.app.accounts.authenticateSession(result.sessionSecret, {});
      assert.equal(session?.principal.name, 'lan');
      assert.equal(session?.csrfToken, result.csrfToken);
      const refused = { code: 'auth.invalid', message: /wrong login or password/ };
      await assert.rejects(loginAs(h, 'lan', WRONG), refused);
      await assert.rejects(loginAs(h, 'nobody'), refused);
      const failures = (await h.store.audit.search({ action: 'auth.login_failed' })).entries;
      assert.deepEqual(
        failures.map((e) => [e.actor.id, e.address]),
        [
          ['nobody', '203.0.113.7'],
          ['lan', '203.0.113.7'],
        ],
      );
    }));

  it('locks after 5 failures, longer at each failure while locked, and resets on success', () =>
    withApp(async (h) => {
      await addUser(h, 'lan');
      for (let i = 0; i < 4; i++)
        await assert.rejects(loginAs(h, 'lan', WRONG), { code: 'auth.invalid' });
      await assert.rejects(loginAs(h, 'lan', WRONG), {
        code: 'auth.locked',
        details: { retryAfterSeconds: 15 * 60 },
      });
      // While locked, even the right password is refused and the lock doubles.
      await assert.rejects(loginAs(h, 'lan'), {
        code: 'auth.locked',
        details: { retryAfterSeconds: 30 * 60 },
      });
      h.clock.advance(29 * MINUTE);
      await assert.rejects(loginAs(h, 'lan'), {
        code: 'auth.locked',
        details: { retryAfterSeconds: 60 * 60 },
      });
      h.clock.advance(60 * MINUTE);
      await loginAs(h, 'lan');
      const user = await h.store.accounts.findUserByLogin('lan');
      assert.equal(user?.failedLogins, 0);
      assert.equal(user?.lockedUntil, undefined);
      for (let i = 0; i < 4; i++)
        await assert.rejects(loginAs(h, 'lan', WRONG), { code: 'auth.invalid' });
    }));

  it('refuses a disabled user and ends its sessions', () =>
    withApp(async (h) => {
      const member = await addUser(h, 'lan');
      const { sessionSecret } = await loginAs(h, 'lan');
      await h.store.accounts.updateUser(member.user.id, { isDisabled: true });
      await assert.rejects(loginAs(h, 'lan'), { code: 'auth.invalid' });
      assert.equal(await h.app.accounts.authenticateSession(sessionSecret, {}), undefined);
    }));

  it('ends a session sessionHours after login, however it is used', () =>
    withApp(
      async (h) => {
        await addUser(h, 'lan');
        const { sessionSecret, expiresAt } = await loginAs(h, 'lan');
        assert.equal(expiresAt, new Date(h.clock.now() + 2 * HOUR).toISOString());
        h.clock.advance(2 * HOUR - 1);
        assert.ok(await h.app.accounts.authenticateSession(sessionSecret, {}));
        h.clock.advance(1);
        assert.equal(await h.app.accounts.authenticateSession(sessionSecret, {}), undefined);
      },
      { sessions: { sessionHours: 2 } },
    ));

  it('ends the session at logout', () =>
    withApp(async (h) => {
      await addUser(h, 'lan');
      const { sessionSecret } = await loginAs(h, 'lan');
      await h.app.accounts.logout(sessionSecret, {});
      assert.equal(await h.app.accounts.authenticateSession(sessionSecret, {}), undefined);
      assert.equal((await h.store.audit.search({ action: 'auth.logout' })).entries.length, 1);
    }));
});

describe('changePassword', () => {
  it('needs the current password, then logs every session out', () =>
    withApp(async (h) => {
      await addUser(h, 'lan');
      const one = await loginAs(h, 'lan');
      const two = await loginAs(h, 'lan');
      const principal = await principalOf(h, one.sessionSecret);
      const next = 'một mật khẩu mới hơn';
      await assert.rejects(h.app.accounts.changePassword(principal, { current: WRONG, next }), {
        code: 'auth.invalid',
      });
      await assert.rejects(
        h.app.accounts.changePassword(principal, { current: PASSWORD, next: 'short' }),
        { code: 'input.invalid' },
      );
      assert.ok(await h.app.accounts.authenticateSession(two.sessionSecret, {}));
      await h.app.accounts.changePassword(principal, { current: PASSWORD, next });
      assert.equal(await h.app.accounts.authenticateSession(one.sessionSecret, {}), undefined);
      assert.equal(await h.app.accounts.authenticateSession(two.sessionSecret, {}), undefined);
      await assert.rejects(loginAs(h, 'lan'), { code: 'auth.invalid' });
      await loginAs(h, 'lan', next);
    }));
});

describe('members', () => {
  it('refuses granting a role above one’s own, or pii:read without holding it', () =>
    withApp(async (h) => {
      const admin = await memberScope(h, { login: 'lan', workspaceId: 'default', role: 'admin' });
      await assert.rejects(
        h.app.accounts.setMember(admin, { login: 'minh', password: PASSWORD, role: 'owner' }),
        { code: 'auth.forbidden', message: /cannot grant "owner" above your own role "admin"/ },
      );
      await assert.rejects(
        h.app.accounts.setMember(admin, {
          login: 'minh',
          password: PASSWORD,
          role: 'viewer',
          canReadPii: true,
        }),
        { code: 'auth.forbidden', message: /cannot grant pii:read without holding it/ },
      );
      assert.equal(await h.store.accounts.findUserByLogin('minh'), undefined);
      const added = await h.app.accounts.setMember(admin, {
        login: 'minh',
        password: PASSWORD,
        role: 'admin',
      });
      assert.deepEqual([added.role, added.canReadPii], ['admin', false]);
      const viewer = await memberScope(h, { login: 'hoa', workspaceId: 'default', role: 'viewer' });
      await assert.rejects(h.app.accounts.setMember(viewer, { login: 'minh', role: 'viewer' }), {
        code: 'auth.forbidden',
      });
    }));

  it('lets a holder of pii:read grant it, and an admin not touch an owner', () =>
    withApp(async (h) => {
      const admin = await memberScope(h, {
        login: 'lan',
        workspaceId: 'default',
        role: 'admin',
        canReadPii: true,
      });
      const viewer = await h.app.accounts.setMember(admin, {
        login: 'minh',
        password: PASSWORD,
        role: 'viewer',
        canReadPii: true,
      });
      assert.equal(viewer.canReadPii, true);
      const owner = await addUser(h, 'hoa', 'owner');
      await assert.rejects(h.app.accounts.setMember(admin, { login: 'hoa', role: 'viewer' }), {
        code: 'auth.forbidden',
      });
      await assert.rejects(h.app.accounts.removeMember(admin, owner.user.id), {
        code: 'auth.forbidden',
      });
    }));

  it('keeps the last owner: it can be neither removed nor demoted', () =>
    withApp(async (h) => {
      const first = await addUser(h, 'lan', 'owner');
      const lastOwner = { code: 'input.invalid', message: /keeps at least one owner/ };
      await assert.rejects(h.app.accounts.removeMember(h.system, first.user.id), lastOwner);
      await assert.rejects(
        h.app.accounts.setMember(h.system, { login: 'lan', role: 'admin' }),
        lastOwner,
      );
      const second = await addUser(h, 'minh', 'owner');
      await h.app.accounts.setMember(h.system, { login: 'lan', role: 'admin' });
      await assert.rejects(h.app.accounts.removeMember(h.system, second.user.id), lastOwner);
      const members = await h.app.accounts.listMembers(h.system);
      assert.deepEqual(members.map((m) => [m.user.login, m.role]).sort(), [
        ['lan', 'admin'],
        ['minh', 'owner'],
      ]);
    }));
});

describe('API tokens', () => {
  it('shows the secret once and stores only its hash', () =>
    withApp(async (h) => {
      const admin = await memberScope(h, { login: 'lan', workspaceId: 'default', role: 'admin' });
      const created = await h.app.accounts.createToken(admin, {
        name: 'importer',
        role: 'analyst',
      });
      assert.match(created.secret, /^lng_/);
      assert.ok(!('secret' in created.token));
      const stored = await h.store.accounts.getToken(created.token.id);
      assert.equal(stored?.name, 'importer');
      assert.equal(stored?.userId, admin.principal.id);
      assert.equal(stored?.expiresAt, new Date(h.clock.now() + 90 * DAY).toISOString());
      assert.deepEqual(await h.store.accounts.findTokenByHash(secretHash(created.secret)), stored);
      const listed = await h.app.accounts.listTokens(admin);
      const everything = JSON.stringify([stored, listed, (await h.store.audit.search()).entries]);
      assert.ok(!everything.includes(created.secret), 'the secret was kept');
      assert.ok(!everything.includes(created.secret.slice(4)), 'the secret was kept');
    }));

  it('refuses a token above the creator’s role or with pii:read it does not hold', () =>
    withApp(async (h) => {
      const admin = await memberScope(h, { login: 'lan', workspaceId: 'default', role: 'admin' });
      await assert.rejects(h.app.accounts.createToken(admin, { name: 't', role: 'owner' }), {
        code: 'auth.forbidden',
      });
      await assert.rejects(
        h.app.accounts.createToken(admin, { name: 't', role: 'viewer', canReadPii: true }),
        { code: 'auth.forbidden' },
      );
      await assert.rejects(
        h.app.accounts.createToken(admin, { name: 't', role: 'viewer', expiresInDays: 367 }),
        { code: 'input.invalid' },
      );
    }));

  it('stops authenticating once expired or revoked', () =>
    withApp(async (h) => {
      const { secret } = await h.app.accounts.createToken(h.system, {
        name: 'short-lived',
        role: 'viewer',
        expiresInDays: 1,
      });
      const revoked = await h.app.accounts.createToken(h.system, { name: 'r', role: 'viewer' });
      assert.ok(await h.app.accounts.authenticateToken(secret, {}));
      assert.ok(await h.app.accounts.authenticateToken(revoked.secret, {}));
      await h.app.accounts.revokeToken(h.system, revoked.token.id);
      assert.equal(await h.app.accounts.authenticateToken(revoked.secret, {}), undefined);
      h.clock.advance(DAY - 1);
      assert.ok(await h.app.accounts.authenticateToken(secret, {}));
      h.clock.advance(1);
      assert.equal(await h.app.accounts.authenticateToken(secret, {}), undefined);
      assert.equal(await h.app.accounts.authenticateToken(`${secret}x`, {}), undefined);
    }));

  it('scopes a token to its workspace only', () =>
    withApp(async (h) => {
      await addWorkspace(h, 'thu-duc');
      const { secret, token } = await h.app.accounts.createToken(systemScope('default'), {
        name: 'a-importer',
        role: 'admin',
      });
      const principal = await h.app.accounts.authenticateToken(secret, { address: '198.51.100.2' });
      assert.ok(principal);
      assert.deepEqual(
        [principal.kind, principal.tokenId, principal.isInstallAdmin, principal.address],
        ['token', token.id, false, '198.51.100.2'],
      );
      assert.deepEqual(principal.memberships, [
        { workspaceId: 'default', role: 'admin', canReadPii: false },
      ]);
      assert.equal(scopeFor(principal, 'default').role, 'admin');
      assert.throws(() => scopeFor(principal, 'thu-duc'), { code: 'auth.forbidden' });
      await assert.rejects(h.app.accounts.revokeToken(systemScope('thu-duc'), token.id), {
        code: 'store.not_found',
      });
    }));
});

describe('loginWithOidc', () => {
  const identity = {
    issuer: 'https://sso.example.gov.vn',
    subject: 'sub-42',
    email: 'Trần.Lan@example.gov.vn',
    name: 'Trần Lan',
  };

  it('creates the user once and starts it in oidcDefaultMembership', () =>
    withApp(
      async (h) => {
        const first = await h.app.accounts.loginWithOidc(identity, {});
        const second = await h.app.accounts.loginWithOidc({ ...identity, name: 'changed' }, {});
        assert.equal(second.user.id, first.user.id);
        assert.equal(first.user.login, 'tran.lan@example.gov.vn');
        assert.equal(await h.store.accounts.countUsers(), 1);
        const principal = await principalOf(h, second.sessionSecret);
        assert.deepEqual(principal.memberships, [
          { workspaceId: 'default', role: 'viewer', canReadPii: false },
        ]);
        const created = await h.store.audit.search({ action: 'user.create' });
        assert.equal(created.entries.length, 1);
      },
      { sessions: { oidcDefaultMembership: 'default:viewer' } },
    ));

  it('starts the user in no workspace without a default membership', () =>
    withApp(async (h) => {
      const result = await h.app.accounts.loginWithOidc(identity, {});
      assert.deepEqual((await principalOf(h, result.sessionSecret)).memberships, []);
    }));
});
