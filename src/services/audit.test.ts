import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scopeFor, systemScope } from '../core/scope.js';
import { addWorkspace, memberScope, openApp } from '../../test/services/harness.js';
import type { AppHarness } from '../../test/services/harness.js';

async function withApp(run: (h: AppHarness) => Promise<void>): Promise<void> {
  const h = await openApp();
  try {
    await addWorkspace(h, 'thu-duc');
    await h.app.createTopic(h.system, { name: 'Ngập', query: 'ngập' });
    await h.app.createTopic(systemScope('thu-duc'), { name: 'Kẹt xe', query: '"kẹt xe"' });
    await run(h);
  } finally {
    await h.close();
  }
}

describe('the audit log', () => {
  it('refuses a viewer and an analyst', () =>
    withApp(async (h) => {
      for (const role of ['viewer', 'analyst'] as const) {
        const scope = await memberScope(h, { login: role, workspaceId: 'default', role });
        const refused = { code: 'auth.forbidden', message: /lacks audit:read/ };
        await assert.rejects(h.app.audit.search(scope), refused);
        await assert.rejects(h.app.audit.export(scope), refused);
      }
    }));

  it("shows an admin its own workspace's entries only, even when it asks for all", () =>
    withApp(async (h) => {
      const admin = await memberScope(h, { login: 'lan', workspaceId: 'default', role: 'admin' });
      const { entries } = await h.app.audit.search(admin, { action: 'topic.' });
      assert.deepEqual(
        entries.map((e) => [e.action, e.workspaceId]),
        [['topic.create', 'default']],
      );
      await assert.rejects(h.app.audit.search(admin, { isAll: true }), {
        code: 'auth.forbidden',
        message: /lacks workspace:write/,
      });
      await assert.rejects(h.app.audit.verify(admin), { code: 'auth.forbidden' });
    }));

  it('keeps a workspace owner who asks for every entry to its own workspace', () =>
    withApp(async (h) => {
      const owner = await memberScope(h, { login: 'lan', workspaceId: 'default', role: 'owner' });
      const { entries } = await h.app.audit.search(owner, { isAll: true });
      assert.ok(entries.length > 0);
      assert.deepEqual([...new Set(entries.map((e) => e.workspaceId))], ['default']);
    }));

  it('records every export, with how many entries it held', () =>
    withApp(async (h) => {
      const admin = await memberScope(h, { login: 'lan', workspaceId: 'default', role: 'admin' });
      const exported = await h.app.audit.export(admin, { action: 'topic.' });
      assert.deepEqual(
        exported.map((e) => e.action),
        ['topic.create'],
      );
      const [entry] = (await h.store.audit.search({ action: 'audit.export' })).entries;
      assert.equal(entry?.actor.id, admin.principal.id);
      assert.equal(entry?.workspaceId, 'default');
      assert.deepEqual(entry?.details, { entries: 1, isAll: false });
    }));

  it('lets an install admin read and export every workspace’s entries and verify the chain', () =>
    withApp(async (h) => {
      const owner = await h.app.accounts.bootstrap();
      assert.ok(owner);
      const { sessionSecret } = await h.app.accounts.login(owner, {});
      const session = await h.app.accounts.authenticateSession(sessionSecret, {});
      assert.ok(session);
      const scope = scopeFor(session.principal, 'default');
      const own = await h.app.audit.search(scope, { action: 'topic.' });
      assert.deepEqual(
        own.entries.map((e) => e.workspaceId),
        ['default'],
      );
      const all = await h.app.audit.search(scope, { isAll: true });
      const actions = all.entries.map((e) => [e.action, e.workspaceId ?? '(install)']);
      assert.ok(actions.some(([a, w]) => a === 'topic.create' && w === 'thu-duc'));
      assert.ok(actions.some(([a, w]) => a === 'auth.login' && w === '(install)'));
      const exported = await h.app.audit.export(scope, { isAll: true });
      assert.equal(exported.length, all.entries.length);
      const [entry] = (await h.store.audit.search({ action: 'audit.export' })).entries;
      assert.deepEqual(entry?.details, { entries: exported.length, isAll: true });
      assert.deepEqual(await h.app.audit.verify(scope), {
        isIntact: true,
        count: all.entries.length + 1,
      });
    }));
});
