import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_WORKSPACE_ID } from '../../core/types.js';
import type { SourceInput } from '../store.js';
import type { MakeStore } from './contract-kit.js';
import { T0, rejectsWithCode, storeRunner } from './contract-kit.js';

const iso = (ms: number) => new Date(ms).toISOString();
const rss: SourceInput = {
  id: 'rss-tuoitre',
  workspaceId: DEFAULT_WORKSPACE_ID,
  kind: 'rss',
  name: 'Tuổi Trẻ — Thời sự',
  config: { url: 'https://tuoitre.vn/rss/thoi-su.rss', intervalSec: 300, tags: ['báo chí'] },
  enabled: true,
};

/** Sources, their cursors and health. */
export function sourcesContract(makeStore: MakeStore): void {
  const withStore = storeRunner(makeStore);

  describe('sources', () => {
    it('creates, replaces, lists and deletes sources, keeping createdAt', () =>
      withStore(async (store, clock) => {
        const created = await store.upsertSource(rss);
        assert.deepEqual(created, { ...rss, createdAt: iso(T0), updatedAt: iso(T0) });
        clock.advance(1_000);
        await store.createWorkspace({ id: 'q1', name: 'Quận 1' });
        const moved = await store.upsertSource({
          ...rss,
          workspaceId: 'q1',
          enabled: false,
          config: {},
        });
        assert.deepEqual(moved, {
          ...rss,
          workspaceId: 'q1',
          enabled: false,
          config: {},
          createdAt: iso(T0),
          updatedAt: iso(T0 + 1_000),
        });
        assert.deepEqual(await store.getSource(rss.id), moved);
        const yt = await store.upsertSource({ ...rss, id: 'a-youtube', kind: 'youtube' });
        assert.deepEqual(
          (await store.listSources()).map((s) => s.id),
          [yt.id, rss.id],
        );
        assert.deepEqual(
          (await store.listSources('q1')).map((s) => s.id),
          [rss.id],
        );
        await store.deleteSource(rss.id);
        assert.equal(await store.getSource(rss.id), undefined);
        await rejectsWithCode(store.deleteSource(rss.id), 'store.not_found');
        await rejectsWithCode(
          store.upsertSource({ ...rss, workspaceId: 'nobody' }),
          'store.not_found',
        );
        await rejectsWithCode(
          store.upsertSource({ ...rss, config: [] as unknown as SourceInput['config'] }),
          'store.invalid',
        );
      }));

    it('saves and overwrites cursors; deleting the source deletes its cursor', () =>
      withStore(async (store) => {
        await store.upsertSource(rss);
        assert.equal(await store.getCursor(rss.id), undefined);
        await store.saveCursor(rss.id, '{"etag":"W/\\"1\\""}');
        await store.saveCursor(rss.id, 'page=2');
        assert.equal(await store.getCursor(rss.id), 'page=2');
        await store.saveCursor('import:file.jsonl', 'line=120');
        assert.equal(await store.getCursor('import:file.jsonl'), 'line=120');
        await store.deleteSource(rss.id);
        assert.equal(await store.getCursor(rss.id), undefined);
      }));

    it('keeps health: last success, last error, failures in a row, items in the last hour', () =>
      withStore(async (store) => {
        const run = (minutesAgo: number, ok: boolean, items: number, error?: string) =>
          store.recordSourceRun({
            sourceId: rss.id,
            ok,
            items,
            error,
            at: iso(T0 - minutesAgo * 60_000),
          });
        assert.deepEqual(await store.getSourceHealth(rss.id), {
          sourceId: rss.id,
          consecutiveFailures: 0,
          itemsLastHour: 0,
          runsLastHour: 0,
        });
        await run(90, true, 1000);
        await run(30, true, 40);
        await run(20, false, 0, 'HTTP 429 Too Many Requests');
        await run(10, false, 2, 'ETIMEDOUT');
        assert.deepEqual(await store.getSourceHealth(rss.id), {
          sourceId: rss.id,
          lastRunAt: iso(T0 - 10 * 60_000),
          lastSuccessAt: iso(T0 - 30 * 60_000),
          lastError: { at: iso(T0 - 10 * 60_000), message: 'ETIMEDOUT' },
          consecutiveFailures: 2,
          itemsLastHour: 42,
          runsLastHour: 3,
        });
        await run(5, true, 8);
        const healthy = await store.getSourceHealth(rss.id);
        assert.equal(healthy.consecutiveFailures, 0);
        assert.equal(healthy.lastSuccessAt, iso(T0 - 5 * 60_000));
        assert.equal(healthy.lastError?.message, 'ETIMEDOUT');
        assert.equal(healthy.itemsLastHour, 50);
        await rejectsWithCode(
          store.recordSourceRun({ sourceId: rss.id, ok: true, items: -1, at: iso(T0) }),
          'store.invalid',
        );
      }));
  });
}
