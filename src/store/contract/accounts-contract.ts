import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_WORKSPACE_ID } from '../../core/types.js';
import type { UserInput } from '../accounts.js';
import type { MakeStore } from './contract-kit.js';
import { T0, rejectsWithCode, storeRunner } from './contract-kit.js';

const AT = new Date(T0).toISOString();
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
const lan: UserInput = {
  id: 'u-lan',
  login: 'Lan.Nguyen',
  name: 'Nguyễn Thị Lan',
  passwordHash: HASH,
};
const sso: UserInput = {
  id: 'u-minh',
  login: 'minh@hcmc.gov.vn',
  name: 'Trần Minh',
  oidc: { issuer: 'https://sso.hcmc.gov.vn', subject: 'sub-1' },
};

/** Users, logins and memberships. */
export function accountsContract(makeStore: MakeStore): void {
  const withStore = storeRunner(makeStore);

  describe('accounts: users', () => {
    it('creates a user, lower-casing the login, and keeps the password hash to the record', () =>
      withStore(async (store) => {
        const user = await store.accounts.createUser({ ...lan, isInstallAdmin: true });
        assert.deepEqual(user, {
          id: 'u-lan',
          login: 'lan.nguyen',
          name: 'Nguyễn Thị Lan',
          isInstallAdmin: true,
          isDisabled: false,
          createdAt: AT,
          updatedAt: AT,
        });
        const record = await store.accounts.getUser('u-lan');
        assert.deepEqual(record, { ...user, passwordHash: HASH, failedLogins: 0 });
        assert.deepEqual(await store.accounts.listUsers(), [user]);
        assert.equal(await store.accounts.countUsers(), 1);
        assert.equal(await store.accounts.getUser('u-none'), undefined);
      }));

    it('gives a user without an id a fresh one and lists users by login', () =>
      withStore(async (store) => {
        const b = await store.accounts.createUser({ login: 'b', name: 'B' });
        const a = await store.accounts.createUser({ login: 'a', name: 'A' });
        assert.notEqual(a.id, b.id);
        assert.deepEqual(
          (await store.accounts.listUsers()).map((u) => u.login),
          ['a', 'b'],
        );
        const listed = await store.accounts.listUsers();
        assert.equal(
          listed.some((u) => 'passwordHash' in u || 'failedLogins' in u),
          false,
        );
      }));

    it('finds a user by login whatever its case and refuses a login taken in another case', () =>
      withStore(async (store) => {
        await store.accounts.createUser(lan);
        assert.equal((await store.accounts.findUserByLogin('LAN.NGUYEN'))?.id, 'u-lan');
        assert.equal((await store.accounts.findUserByLogin('lan.nguyen'))?.passwordHash, HASH);
        assert.equal(await store.accounts.findUserByLogin('lan'), undefined);
        assert.equal(await store.accounts.findUserByLogin(''), undefined);
        await rejectsWithCode(
          store.accounts.createUser({ login: 'LAN.nguyen', name: 'Imposter' }),
          'store.conflict',
        );
        await rejectsWithCode(
          store.accounts.createUser({ id: 'u-lan', login: 'other', name: 'X' }),
          'store.conflict',
        );
        assert.equal(await store.accounts.countUsers(), 1);
      }));

    it('finds a single-sign-on user by issuer and subject; one subject links one user', () =>
      withStore(async (store) => {
        const user = await store.accounts.createUser(sso);
        assert.deepEqual(user.oidc, sso.oidc);
        const found = await store.accounts.findUserByOidc('https://sso.hcmc.gov.vn', 'sub-1');
        assert.equal(found?.id, 'u-minh');
        assert.equal(found?.passwordHash, undefined);
        assert.equal(await store.accounts.findUserByOidc('https://other.vn', 'sub-1'), undefined);
        assert.equal(
          await store.accounts.findUserByOidc('https://sso.hcmc.gov.vn', 'sub-2'),
          undefined,
        );
        await rejectsWithCode(
          store.accounts.createUser({ login: 'minh2', name: 'M', oidc: sso.oidc }),
          'store.conflict',
        );
      }));

    it('updates a user and its updatedAt; an unknown user is not_found', () =>
      withStore(async (store, clock) => {
        await store.accounts.createUser(lan);
        clock.advance(60_000);
        const updated = await store.accounts.updateUser('u-lan', {
          name: 'Lan N.',
          isDisabled: true,
          passwordHash: 'new-hash',
        });
        assert.equal(updated.name, 'Lan N.');
        assert.equal(updated.isDisabled, true);
        assert.equal(updated.isInstallAdmin, false);
        assert.equal(updated.createdAt, AT);
        assert.equal(updated.updatedAt, new Date(T0 + 60_000).toISOString());
        const record = await store.accounts.getUser('u-lan');
        assert.equal(record?.passwordHash, 'new-hash');
        assert.equal(
          (await store.accounts.updateUser('u-lan', { isDisabled: false })).name,
          'Lan N.',
        );
        await rejectsWithCode(
          store.accounts.updateUser('u-none', { name: 'x' }),
          'store.not_found',
        );
        await rejectsWithCode(
          store.accounts.createUser({ login: ' ', name: 'x' }),
          'store.invalid',
        );
      }));

    it('counts failed logins, keeps a lock until a success resets both', () =>
      withStore(async (store) => {
        await store.accounts.createUser(lan);
        assert.equal(await store.accounts.recordLoginFailure('u-lan'), 1);
        const until = new Date(T0 + 15 * 60_000).toISOString();
        assert.equal(await store.accounts.recordLoginFailure('u-lan', until), 2);
        assert.equal(await store.accounts.recordLoginFailure('u-lan'), 3);
        let record = await store.accounts.getUser('u-lan');
        assert.equal(record?.failedLogins, 3);
        assert.equal(record?.lockedUntil, until);
        await store.accounts.recordLoginSuccess('u-lan');
        record = await store.accounts.getUser('u-lan');
        assert.equal(record?.failedLogins, 0);
        assert.equal(record?.lockedUntil, undefined);
        await rejectsWithCode(store.accounts.recordLoginFailure('u-none'), 'store.not_found');
        await rejectsWithCode(store.accounts.recordLoginSuccess('u-none'), 'store.not_found');
      }));
  });

  describe('accounts: memberships', () => {
    it('sets, replaces, lists and removes memberships', () =>
      withStore(async (store) => {
        await store.createWorkspace({ id: 'ubnd-q1', name: 'UBND Quận 1' });
        await store.accounts.createUser(lan);
        await store.accounts.createUser(sso);
        const m = {
          userId: 'u-lan',
          workspaceId: 'ubnd-q1',
          role: 'viewer',
          canReadPii: false,
        } as const;
        await store.accounts.setMembership(m);
        await store.accounts.setMembership({ ...m, role: 'admin', canReadPii: true });
        await store.accounts.setMembership({ ...m, workspaceId: DEFAULT_WORKSPACE_ID });
        await store.accounts.setMembership({ ...m, userId: 'u-minh', role: 'owner' });
        assert.deepEqual(await store.accounts.listUserMemberships('u-lan'), [
          { ...m, workspaceId: DEFAULT_WORKSPACE_ID },
          { ...m, role: 'admin', canReadPii: true },
        ]);
        assert.deepEqual(
          (await store.accounts.listWorkspaceMembers('ubnd-q1')).map((r) => [r.userId, r.role]),
          [
            ['u-lan', 'admin'],
            ['u-minh', 'owner'],
          ],
        );
        await store.accounts.removeMembership('u-lan', 'ubnd-q1');
        assert.deepEqual(
          (await store.accounts.listUserMemberships('u-lan')).map((r) => r.workspaceId),
          [DEFAULT_WORKSPACE_ID],
        );
        await rejectsWithCode(
          store.accounts.removeMembership('u-lan', 'ubnd-q1'),
          'store.not_found',
        );
        assert.deepEqual(await store.accounts.listWorkspaceMembers('nowhere'), []);
      }));

    it('refuses a membership naming an unknown user or workspace, or an unknown role', () =>
      withStore(async (store) => {
        await store.accounts.createUser(lan);
        const m = { userId: 'u-lan', workspaceId: DEFAULT_WORKSPACE_ID, canReadPii: false };
        await rejectsWithCode(
          store.accounts.setMembership({ ...m, userId: 'u-none', role: 'viewer' }),
          'store.not_found',
        );
        await rejectsWithCode(
          store.accounts.setMembership({ ...m, workspaceId: 'nowhere', role: 'viewer' }),
          'store.not_found',
        );
        const superuser = { ...m, role: 'root' } as unknown as Parameters<
          typeof store.accounts.setMembership
        >[0];
        await rejectsWithCode(store.accounts.setMembership(superuser), 'store.invalid');
        assert.deepEqual(await store.accounts.listUserMemberships('u-lan'), []);
      }));
  });
}
