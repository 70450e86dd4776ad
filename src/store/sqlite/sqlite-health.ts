import type { Database } from 'better-sqlite3';
import { LangngheError } from '../../core/errors.js';
import { normalizeIso } from '../iso-time.js';
import { requireText } from '../require-text.js';
import type { SourceHealth, SourceRun } from '../store.js';

interface HealthRow {
  last_run_at: string | null;
  last_success_at: string | null;
  last_error_at: string | null;
  last_error: string | null;
  consecutive_failures: number;
}

const HOUR_MS = 3_600_000;
/** Runs older than this (by the store's clock) are pruned; only the last hour is ever read. */
const KEEP_RUNS_MS = 2 * HOUR_MS;
const MAX_ERROR_LENGTH = 2_000;

const later = (a: string | null, b: string): string => (a !== null && a > b ? a : b);

/** Per-source run history and health in the SQLite store, synchronous. */
export function createSqliteHealth(db: Database, nowMs: () => number) {
  const select = db.prepare(
    `SELECT last_run_at, last_success_at, last_error_at, last_error, consecutive_failures
     FROM source_health WHERE source_id = ?`,
  );
  const save = db.prepare(
    `INSERT OR REPLACE INTO source_health (source_id, last_run_at, last_success_at, last_error_at,
       last_error, consecutive_failures) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const addRun = db.prepare(
    'INSERT INTO source_runs (source_id, at, ok, items) VALUES (?, ?, ?, ?)',
  );
  const prune = db.prepare('DELETE FROM source_runs WHERE source_id = ? AND at < ?');
  const recent = db.prepare(
    `SELECT COALESCE(SUM(items), 0) AS items, COUNT(*) AS runs FROM source_runs
     WHERE source_id = ? AND at > ?`,
  );

  return {
    recordSourceRun: db.transaction((run: SourceRun): void => {
      const sourceId = requireText(run.sourceId, 'sourceId');
      const at = normalizeIso(run.at, 'at');
      if (!Number.isFinite(run.items) || run.items < 0) {
        throw new LangngheError('store.invalid', 'items must be a non-negative number', {
          details: { field: 'items' },
        });
      }
      const prev = select.get(sourceId) as HealthRow | undefined;
      const isNewest = prev?.last_error_at == null || at >= prev.last_error_at;
      const message = String(run.error ?? 'failed').slice(0, MAX_ERROR_LENGTH);
      save.run(
        sourceId,
        later(prev?.last_run_at ?? null, at),
        run.ok ? later(prev?.last_success_at ?? null, at) : (prev?.last_success_at ?? null),
        run.ok || !isNewest ? (prev?.last_error_at ?? null) : at,
        run.ok || !isNewest ? (prev?.last_error ?? null) : message,
        run.ok ? 0 : (prev?.consecutive_failures ?? 0) + 1,
      );
      addRun.run(sourceId, at, run.ok ? 1 : 0, run.items);
      prune.run(sourceId, new Date(nowMs() - KEEP_RUNS_MS).toISOString());
    }),

    getSourceHealth(sourceId: string): SourceHealth {
      const row = select.get(sourceId) as HealthRow | undefined;
      const since = new Date(nowMs() - HOUR_MS).toISOString();
      const { items, runs } = recent.get(sourceId, since) as { items: number; runs: number };
      const health: SourceHealth = {
        sourceId,
        consecutiveFailures: row?.consecutive_failures ?? 0,
        itemsLastHour: items,
        runsLastHour: runs,
      };
      if (row?.last_run_at) health.lastRunAt = row.last_run_at;
      if (row?.last_success_at) health.lastSuccessAt = row.last_success_at;
      if (row?.last_error_at && row.last_error !== null) {
        health.lastError = { at: row.last_error_at, message: row.last_error };
      }
      return health;
    },
  };
}
