import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MakeStore } from './contract-kit.js';
import { rejectsWithCode, storeRunner } from './contract-kit.js';

const letter = (itemId: string, workspaceId = 'default', stage = 'store') => ({
  itemId,
  stage,
  code: 'store.invalid',
  message: `refused ${itemId}`,
  workspaceId,
  payload: { post: { id: itemId, text: 'Đường Nguyễn Huệ ngập' } },
});

/** The dead-letter table. */
export function deadLettersContract(makeStore: MakeStore): void {
  const withStore = storeRunner(makeStore);

  describe('dead letters', () => {
    it('keeps items with stage, error and payload, newest first, counting repeats', () =>
      withStore(async (store, clock) => {
        await store.deadLetters.add([letter('a'), letter('b', 'ws-2')]);
        clock.advance(60_000);
        await store.deadLetters.add([letter('a')]);
        const all = await store.deadLetters.list();
        assert.deepEqual(
          all.map((d) => [d.itemId, d.attempts]),
          [
            ['b', 1],
            ['a', 2],
          ],
        );
        const a = all[1]!;
        assert.equal(a.stage, 'store');
        assert.deepEqual(a.payload, letter('a').payload);
        assert.notEqual(a.firstFailedAt, a.lastFailedAt);
        assert.equal(await store.deadLetters.count(), 2);
        assert.equal(await store.deadLetters.count('ws-2'), 1);
        assert.deepEqual(
          (await store.deadLetters.list({ workspaceId: 'ws-2' })).map((d) => d.itemId),
          ['b'],
        );
        assert.deepEqual(
          (await store.deadLetters.list({ before: all[0]!.id })).map((d) => d.itemId),
          ['a'],
        );
      }));

    it('gets and removes by id, only within the workspace when one is given', () =>
      withStore(async (store) => {
        await store.deadLetters.add([letter('a'), letter('b', 'ws-2')]);
        const [b, a] = await store.deadLetters.list();
        assert.deepEqual(
          (await store.deadLetters.get([a!.id, b!.id], 'default')).map((d) => d.itemId),
          ['a'],
        );
        assert.equal(await store.deadLetters.remove([b!.id], 'default'), 0);
        assert.equal(await store.deadLetters.remove([b!.id, a!.id]), 2);
        assert.equal(await store.deadLetters.count(), 0);
        await rejectsWithCode(store.deadLetters.get(['x' as unknown as number]), 'store.invalid');
      }));
  });
}
