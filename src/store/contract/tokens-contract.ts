import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_WORKSPACE_ID } from '../../core/types.js';
import type { ApiToken } from '../accounts.js';
import type { MakeStore } from './contract-kit.js';
import { T0, rejectsWithCode, storeRunner } from './contract-kit.js';

const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function token(id: string, minutes = 0): ApiToken {
  return {
    id,
    name: `script ${id}`,
    userId: 'u-lan',
    workspaceId: 'ubnd-q1',
    role: 'analyst',
    canReadPii: false,
    createdAt: iso(minutes),
  };
}

/** API tokens: found by the hash of their secret, scoped to one workspace. */
export function tokensContract(makeStore: MakeStore): void {
  const withStore = storeRunner(makeStore);

  describe('accounts: API tokens', () => {
    it('creates a token and finds it by id and by hash', () =>
      withStore(async (store) => {
        await store.createWorkspace({ id: 'ubnd-q1', name: 'UBND Quận 1' });
        const full: ApiToken = { ...token('t1'), canReadPii: true, expiresAt: iso(60 * 24 * 90) };
        await store.accounts.createToken(full, 'hash-1');
        assert.deepEqual(await store.accounts.getToken('t1'), full);
        assert.deepEqual(await store.accounts.findTokenByHash('hash-1'), full);
        assert.equal(await store.accounts.findTokenByHash('hash-2'), undefined);
        assert.equal(await store.accounts.getToken('t2'), undefined);
      }));

    it("lists a workspace's tokens newest first, revoked ones included", () =>
      withStore(async (store) => {
        await store.createWorkspace({ id: 'ubnd-q1', name: 'UBND Quận 1' });
        await store.accounts.createToken(token('old', 0), 'h-old');
        await store.accounts.createToken(token('new', 10), 'h-new');
        await store.accounts.createToken(token('mid', 5), 'h-mid');
        const elsewhere = { ...token('d', 20), workspaceId: DEFAULT_WORKSPACE_ID };
        await store.accounts.createToken(elsewhere, 'h-d');
        await store.accounts.revokeToken('mid', iso(30));
        const listed = await store.accounts.listTokens('ubnd-q1');
        assert.deepEqual(
          listed.map((t) => t.id),
          ['new', 'mid', 'old'],
        );
        assert.equal(listed[1]?.revokedAt, iso(30));
      }));

    it('revokes once: revoking again keeps the first time; an unknown token is not_found', () =>
      withStore(async (store) => {
        await store.createWorkspace({ id: 'ubnd-q1', name: 'UBND Quận 1' });
        await store.accounts.createToken(token('t1'), 'hash-1');
        await store.accounts.revokeToken('t1', iso(1));
        await store.accounts.revokeToken('t1', iso(2));
        assert.equal((await store.accounts.findTokenByHash('hash-1'))?.revokedAt, iso(1));
        await rejectsWithCode(store.accounts.revokeToken('t-none', iso(1)), 'store.not_found');
      }));

    it('records when a token was last used', () =>
      withStore(async (store) => {
        await store.createWorkspace({ id: 'ubnd-q1', name: 'UBND Quận 1' });
        await store.accounts.createToken(token('t1'), 'hash-1');
        await store.accounts.touchToken('t1', iso(3));
        await store.accounts.touchToken('t1', iso(4));
        assert.equal((await store.accounts.getToken('t1'))?.lastUsedAt, iso(4));
        await store.accounts.touchToken('t-none', iso(4));
      }));

    it('refuses a repeated id or hash, an unknown workspace and an unknown role', () =>
      withStore(async (store) => {
        await store.createWorkspace({ id: 'ubnd-q1', name: 'UBND Quận 1' });
        await store.accounts.createToken(token('t1'), 'hash-1');
        await rejectsWithCode(store.accounts.createToken(token('t1'), 'hash-2'), 'store.conflict');
        await rejectsWithCode(store.accounts.createToken(token('t2'), 'hash-1'), 'store.conflict');
        await rejectsWithCode(
          store.accounts.createToken({ ...token('t3'), workspaceId: 'nowhere' }, 'hash-3'),
          'store.not_found',
        );
        const root = { ...token('t4'), role: 'root' } as unknown as ApiToken;
        await rejectsWithCode(store.accounts.createToken(root, 'hash-4'), 'store.invalid');
        assert.deepEqual(
          (await store.accounts.listTokens('ubnd-q1')).map((t) => t.id),
          ['t1'],
        );
      }));
  });
}
