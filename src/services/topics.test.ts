import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addWorkspace, memberScope, openApp } from '../../test/services/harness.js';
import type { AppHarness } from '../../test/services/harness.js';

const DAY = 86_400_000;

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

describe('topic rules', () => {
  it('cleans NUL, bidirectional overrides and other invisible characters from names', () =>
    withApp(async ({ app, system }) => {
      const topic = await app.createTopic(system, {
        name: '  Ngập\u0000 Q7 \u202Egnol\u202C\u200B ',
        query: 'ngập\u0000 AND\u202E q7',
      });
      assert.equal(topic.name, 'Ngập Q7 gnol');
      assert.equal(topic.query, 'ngập AND q7');
      assert.equal((await app.getTopic(system, topic.id))?.name, 'Ngập Q7 gnol');
      const renamed = await app.updateTopic(system, topic.id, { name: '\u202EKẹt\u0007 xe' });
      assert.equal(renamed.name, 'Kẹt xe');
    }));

  it('refuses a query that names nothing to find', () =>
    withApp(async ({ app, system }) => {
      for (const query of ['-zzz', 'NOT zzz', '-ngập -"kẹt xe"']) {
        await assert.rejects(
          app.createTopic(system, { name: query, query }),
          { code: 'query.too_broad', message: /matches every post/ },
          query,
        );
      }
      const topic = await app.createTopic(system, { name: 'Ngập', query: 'ngập -zzz' });
      await assert.rejects(app.updateTopic(system, topic.id, { query: '-zzz' }), {
        code: 'query.too_broad',
      });
      assert.equal((await app.getTopic(system, topic.id))?.query, 'ngập -zzz');
      assert.equal((await app.listTopics(system)).length, 1);
    }));

  it('refuses a topic beyond maxTopicsPerWorkspace, counted per workspace', () =>
    withApp(
      async (h) => {
        const { app, system } = h;
        await addWorkspace(h, 'thu-duc');
        const other = await memberScope(h, {
          login: 'minh',
          workspaceId: 'thu-duc',
          role: 'analyst',
        });
        const made = [];
        for (const n of [1, 2, 3])
          made.push(await app.createTopic(system, { name: `Chủ đề ${n}`, query: `từ${n}` }));
        await assert.rejects(app.createTopic(system, { name: 'Chủ đề 4', query: 'từ4' }), {
          code: 'input.limit',
          message: /at most 3 topics/,
        });
        assert.equal((await app.listTopics(system)).length, 3);
        await app.createTopic(other, { name: 'Chủ đề 1', query: 'từ1' });
        await app.deleteTopic(system, made[0]!.id);
        await app.createTopic(system, { name: 'Chủ đề 4', query: 'từ4' });
      },
      { maxTopicsPerWorkspace: 3 },
    ));

  it('refuses a name the workspace already uses, whatever its case', () =>
    withApp(async (h) => {
      const { app, system } = h;
      await addWorkspace(h, 'thu-duc');
      const other = await memberScope(h, {
        login: 'minh',
        workspaceId: 'thu-duc',
        role: 'analyst',
      });
      const flood = await app.createTopic(system, { name: 'Ngập Q7', query: 'ngập' });
      const jam = await app.createTopic(system, { name: 'Kẹt xe', query: '"kẹt xe"' });
      const taken = { code: 'store.conflict', message: /already exists/ };
      await assert.rejects(app.createTopic(system, { name: ' ngập  q7 ', query: 'lụt' }), taken);
      await assert.rejects(app.updateTopic(system, jam.id, { name: 'NGẬP Q7' }), taken);
      await app.updateTopic(system, flood.id, { name: 'ngập q7' });
      await app.createTopic(other, { name: 'Ngập Q7', query: 'ngập' });
      assert.deepEqual(
        (await app.listTopics(system)).map((t) => t.name),
        ['Kẹt xe', 'ngập q7'],
      );
    }));

  it('refuses a back-fill or a test reaching back more than 90 days', () =>
    withApp(async ({ app, system, clock }) => {
      const topic = await app.createTopic(system, { name: 'Ngập', query: 'ngập' });
      const from = new Date(clock.now() - 200 * DAY).toISOString();
      const tooFar = {
        code: 'input.invalid',
        message: /the range may reach back at most 90 days/,
        details: { field: 'from' },
      };
      await assert.rejects(app.backfillTopic(system, topic.id, { from }), tooFar);
      await assert.rejects(app.testTopic(system, { query: 'ngập', from }), tooFar);
      const allowed = new Date(clock.now() - 90 * DAY).toISOString();
      assert.equal((await app.backfillTopic(system, topic.id, { from: allowed })).scanned, 0);
    }));

  it('lets a viewer read topics but not change them', () =>
    withApp(async (h) => {
      const { app, system } = h;
      const topic = await app.createTopic(system, { name: 'Ngập', query: 'ngập' });
      const viewer = await memberScope(h, { login: 'hoa', workspaceId: 'default', role: 'viewer' });
      assert.equal((await app.listTopics(viewer)).length, 1);
      const refused = { code: 'auth.forbidden', message: /lacks topics:write/ };
      await assert.rejects(app.createTopic(viewer, { name: 'Khác', query: 'khác' }), refused);
      await assert.rejects(app.updateTopic(viewer, topic.id, { name: 'Khác' }), refused);
      await assert.rejects(app.deleteTopic(viewer, topic.id), refused);
      await assert.rejects(app.backfillTopic(viewer, topic.id), refused);
    }));
});
