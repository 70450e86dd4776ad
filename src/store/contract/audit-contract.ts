import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditEntry, AuditInput, AuditQuery } from '../audit.js';
import type { Store } from '../store.js';
import type { MakeStore } from './contract-kit.js';
import { T0, rejectsWithCode, storeRunner } from './contract-kit.js';

const lan = { kind: 'user', id: 'u-lan', name: 'lan' } as const;
const script = { kind: 'token', id: 't-1', name: 'nightly export' } as const;

/** Six entries, a minute apart, over two workspaces and install-wide. */
const HISTORY: AuditInput[] = [
  { actor: { kind: 'anonymous', id: 'lan' }, action: 'auth.login_failed', address: '203.113.1.7' },
  { actor: lan, action: 'auth.login', address: '203.113.1.7' },
  {
    actor: lan,
    workspaceId: 'q1',
    action: 'topic.create',
    target: 'topic-1',
    details: { name: 'Ngập' },
  },
  { actor: script, workspaceId: 'q1', action: 'posts.export', details: { rows: 120 } },
  { actor: lan, workspaceId: 'q3', action: 'topic.delete', target: 'topic-9' },
  { actor: lan, action: 'authz.denied', details: { permission: 'audit:read' } },
];

async function record(store: Store, advance: (ms: number) => void): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (const input of HISTORY) {
    entries.push(await store.audit.append(input));
    advance(60_000);
  }
  return entries;
}

const actions = (entries: readonly AuditEntry[]) => entries.map((e) => e.action);

/** The append-only audit log: hash chain, search, paging. */
export function auditContract(makeStore: MakeStore): void {
  const withStore = storeRunner(makeStore);

  describe('audit log', () => {
    it('appends entries with the store time, numbered and chained', () =>
      withStore(async (store, clock) => {
        const [first, second] = await record(store, (ms) => clock.advance(ms));
        assert.deepEqual(first, {
          seq: 1,
          at: new Date(T0).toISOString(),
          actor: { kind: 'anonymous', id: 'lan' },
          action: 'auth.login_failed',
          address: '203.113.1.7',
          details: {},
          prevHash: '0'.repeat(64),
          hash: first?.hash,
        });
        assert.match(first?.hash ?? '', /^[0-9a-f]{64}$/);
        assert.equal(second?.seq, 2);
        assert.equal(second?.prevHash, first?.hash);
        assert.equal(second?.at, new Date(T0 + 60_000).toISOString());
        const page = await store.audit.search();
        assert.deepEqual(page.entries.at(-1), first);
      }));

    it('searches newest first, by workspace, actor, exact action and action prefix', () =>
      withStore(async (store, clock) => {
        await record(store, (ms) => clock.advance(ms));
        const find = async (query: AuditQuery) =>
          actions((await store.audit.search(query)).entries);
        assert.deepEqual(
          await find({}),
          [...HISTORY].reverse().map((h) => h.action),
        );
        assert.deepEqual(await find({ workspaceId: 'q1' }), ['posts.export', 'topic.create']);
        assert.deepEqual(await find({ actorId: 't-1' }), ['posts.export']);
        assert.deepEqual(await find({ action: 'auth.login' }), ['auth.login']);
        assert.deepEqual(await find({ action: 'auth.' }), ['auth.login', 'auth.login_failed']);
        assert.deepEqual(await find({ action: 'topic.' }), ['topic.delete', 'topic.create']);
        assert.deepEqual(await find({ action: 'auth' }), []);
        assert.deepEqual(await find({ action: '%.' }), []);
        assert.deepEqual(await find({ action: 'auth_' }), []);
        assert.deepEqual(await find({ actorId: 'u-lan', action: 'topic.', workspaceId: 'q3' }), [
          'topic.delete',
        ]);
      }));

    it('filters on time, from inclusive and to exclusive', () =>
      withStore(async (store, clock) => {
        await record(store, (ms) => clock.advance(ms));
        const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
        const page = await store.audit.search({ from: at(1), to: at(3) });
        assert.deepEqual(actions(page.entries), ['topic.create', 'auth.login']);
        const local = await store.audit.search({ from: '2025-06-01T15:05:00+07:00' });
        assert.deepEqual(actions(local.entries), ['authz.denied']);
        await rejectsWithCode(store.audit.search({ from: 'last week' }), 'store.invalid');
      }));

    it('pages with a cursor, without repeats or gaps, even while entries arrive', () =>
      withStore(async (store, clock) => {
        await record(store, (ms) => clock.advance(ms));
        const seen: number[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 10; page++) {
          const result = await store.audit.search({ limit: 4, cursor });
          seen.push(...result.entries.map((e) => e.seq));
          if (page === 0) await store.audit.append({ actor: lan, action: 'auth.logout' });
          cursor = result.nextCursor;
          if (cursor === undefined) break;
        }
        assert.deepEqual(seen, [6, 5, 4, 3, 2, 1]);
        assert.equal((await store.audit.search({ limit: 7 })).nextCursor, undefined);
        assert.equal((await store.audit.search({ limit: 5000 })).entries.length, 7);
        await rejectsWithCode(store.audit.search({ cursor: 'not-a-cursor' }), 'store.invalid');
        await rejectsWithCode(store.audit.search({ limit: 0 }), 'store.invalid');
      }));

    it('reads back nested details and verifies them whatever their key order', () =>
      withStore(async (store) => {
        const details = { z: 1, a: { list: [1, 'hai', null], '2': true }, 'ý kiến': 'ổn' };
        const entry = await store.audit.append({ actor: lan, action: 'topic.update', details });
        assert.deepEqual(entry.details, details);
        assert.deepEqual((await store.audit.search()).entries[0]?.details, details);
        assert.deepEqual(await store.audit.verify(), { isIntact: true, count: 1 });
      }));

    it('verifies an intact chain, empty or not', () =>
      withStore(async (store, clock) => {
        assert.deepEqual(await store.audit.verify(), { isIntact: true, count: 0 });
        await record(store, (ms) => clock.advance(ms));
        assert.deepEqual(await store.audit.verify(), { isIntact: true, count: HISTORY.length });
      }));

    it('refuses an entry without an actor or an action', () =>
      withStore(async (store) => {
        const bad: unknown[] = [
          { actor: { kind: 'robot', id: 'x' }, action: 'a.b' },
          { actor: { kind: 'user', id: '' }, action: 'a.b' },
          { actor: lan, action: '' },
          { actor: lan, action: 'a.b', details: ['not', 'an', 'object'] },
          { actor: lan, action: 'a.b', workspaceId: '' },
        ];
        for (const input of bad) {
          await rejectsWithCode(store.audit.append(input as AuditInput), 'store.invalid');
        }
        assert.deepEqual(await store.audit.verify(), { isIntact: true, count: 0 });
      }));
  });
}
