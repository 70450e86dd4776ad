import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Session } from '../accounts.js';
import type { MakeStore } from './contract-kit.js';
import { T0, rejectsWithCode, storeRunner } from './contract-kit.js';

const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function session(idHash: string, userId = 'u-lan'): Session {
  return {
    idHash,
    userId,
    csrfToken: `csrf-${idHash}`,
    createdAt: iso(0),
    expiresAt: iso(12 * 60),
    lastSeenAt: iso(0),
    address: '203.113.1.7',
  };
}

/** Dashboard sessions: stored by the hash of the cookie value. */
export function sessionsContract(makeStore: MakeStore): void {
  const withStore = storeRunner(makeStore);

  describe('accounts: sessions', () => {
    it('creates, reads, touches and deletes a session', () =>
      withStore(async (store) => {
        await store.accounts.createUser({ id: 'u-lan', login: 'lan', name: 'Lan' });
        await store.accounts.createSession(session('h1'));
        assert.deepEqual(await store.accounts.getSession('h1'), session('h1'));
        await store.accounts.touchSession('h1', '2025-06-01T15:30:00+07:00');
        assert.equal((await store.accounts.getSession('h1'))?.lastSeenAt, iso(30));
        await store.accounts.touchSession('h-none', iso(30));
        await store.accounts.deleteSession('h1');
        await store.accounts.deleteSession('h1');
        assert.equal(await store.accounts.getSession('h1'), undefined);
      }));

    it('keeps a session without an address without one', () =>
      withStore(async (store) => {
        await store.accounts.createUser({ id: 'u-lan', login: 'lan', name: 'Lan' });
        const { address: _address, ...bare } = session('h1');
        await store.accounts.createSession(bare);
        assert.deepEqual(await store.accounts.getSession('h1'), bare);
      }));

    it("logs a user out everywhere without touching others' sessions", () =>
      withStore(async (store) => {
        await store.accounts.createUser({ id: 'u-lan', login: 'lan', name: 'Lan' });
        await store.accounts.createUser({ id: 'u-minh', login: 'minh', name: 'Minh' });
        for (const id of ['a', 'b', 'c']) await store.accounts.createSession(session(id));
        await store.accounts.createSession(session('m', 'u-minh'));
        assert.equal(await store.accounts.deleteUserSessions('u-lan'), 3);
        assert.equal(await store.accounts.deleteUserSessions('u-lan'), 0);
        assert.equal(await store.accounts.getSession('a'), undefined);
        assert.equal((await store.accounts.getSession('m'))?.userId, 'u-minh');
      }));

    it('refuses a session of an unknown user, a repeated id hash, or a bad time', () =>
      withStore(async (store) => {
        await store.accounts.createUser({ id: 'u-lan', login: 'lan', name: 'Lan' });
        await rejectsWithCode(
          store.accounts.createSession(session('h', 'u-none')),
          'store.not_found',
        );
        await store.accounts.createSession(session('h'));
        await rejectsWithCode(store.accounts.createSession(session('h')), 'store.conflict');
        await rejectsWithCode(
          store.accounts.createSession({ ...session('h2'), expiresAt: 'tomorrow' }),
          'store.invalid',
        );
      }));
  });
}
