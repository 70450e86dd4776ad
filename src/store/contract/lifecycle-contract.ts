import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFixedClock } from '../../core/clock.js';
import { DEFAULT_WORKSPACE_ID } from '../../core/types.js';
import type { MakeStore, StoreContractOptions } from './contract-kit.js';
import { T0, makePost, rejectsWithCode } from './contract-kit.js';

/** Closing, and reopening the same data (migrations applied once). */
export function lifecycleContract(makeStore: MakeStore, options: StoreContractOptions): void {
  describe('lifecycle', () => {
    it('fails every call after close with store.closed; closing twice is fine', async () => {
      const store = await makeStore({ clock: createFixedClock(T0) });
      await store.close();
      await store.close();
      await rejectsWithCode(store.countPosts(), 'store.closed');
      await rejectsWithCode(store.upsertPosts([makePost()]), 'store.closed');
    });

    it('keeps one install salt: 32 random bytes in hex', async () => {
      const store = await makeStore({ clock: createFixedClock(T0) });
      try {
        const salt = await store.installSalt();
        assert.match(salt, /^[0-9a-f]{64}$/);
        assert.equal(await store.installSalt(), salt);
      } finally {
        await store.close();
      }
    });

    const reopen = options.reopen;
    it(
      'keeps the install salt and the audit chain across reopening',
      { skip: reopen === undefined },
      async () => {
        const deps = { clock: createFixedClock(T0) };
        let store = await makeStore(deps);
        try {
          const salt = await store.installSalt();
          const first = await store.audit.append({
            actor: { kind: 'system', id: 'system' },
            action: 'a.b',
          });
          store = await reopen!(store, deps);
          assert.equal(await store.installSalt(), salt);
          const second = await store.audit.append({
            actor: { kind: 'system', id: 'system' },
            action: 'a.c',
          });
          assert.equal(second.prevHash, first.hash);
          assert.deepEqual(await store.audit.verify(), { isIntact: true, count: 2 });
        } finally {
          await store.close();
        }
      },
    );

    it(
      'keeps everything across reopening, without migrating twice',
      { skip: reopen === undefined },
      async () => {
        const deps = { clock: createFixedClock(T0) };
        let store = await makeStore(deps);
        const post = makePost({ text: 'Mất điện ở Gò Vấp' });
        try {
          await store.upsertPosts([post]);
          await store.createTopic({
            id: 't',
            workspaceId: DEFAULT_WORKSPACE_ID,
            name: 'Điện',
            query: 'điện',
          });
          await store.saveCursor('s', 'c1');
          for (let i = 0; i < 2; i++) store = await reopen!(store, deps);
          assert.deepEqual(await store.getPost(post.id), post);
          assert.equal(
            (await store.searchPosts({ text: { op: 'term', folded: 'dien' } })).posts.length,
            1,
          );
          assert.equal((await store.getTopic('t'))?.name, 'Điện');
          assert.equal(await store.getCursor('s'), 'c1');
          assert.deepEqual(
            (await store.listWorkspaces()).map((w) => w.id),
            [DEFAULT_WORKSPACE_ID],
          );
          await store.upsertPosts([post]);
          assert.equal(await store.countPosts(), 1);
        } finally {
          await store.close();
        }
      },
    );
  });
}
