import type { Database } from 'better-sqlite3';
import { LangngheError } from '../../core/errors.js';
import { requireText } from '../require-text.js';
import type { Source, SourceInput } from '../store.js';
import type { SqliteWorkspaces } from './sqlite-workspaces.js';

interface SourceRow {
  id: string;
  workspace_id: string;
  kind: string;
  name: string;
  config: string;
  enabled: number;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, workspace_id, kind, name, config, enabled, created_at, updated_at';

function rowToSource(row: SourceRow): Source {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    name: row.name,
    config: JSON.parse(row.config) as Source['config'],
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function validConfig(config: unknown): string {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new LangngheError('store.invalid', 'config must be a JSON object', {
      details: { field: 'config' },
    });
  }
  return JSON.stringify(config);
}

/** Sources and their cursors in the SQLite store, synchronous. Health is in `sqlite-health.ts`. */
export function createSqliteSources(db: Database, now: () => string, workspaces: SqliteWorkspaces) {
  const select = db.prepare(`SELECT ${COLUMNS} FROM sources WHERE id = ?`);
  const upsert = db.prepare(
    `INSERT INTO sources (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET workspace_id = excluded.workspace_id, kind = excluded.kind,
       name = excluded.name, config = excluded.config, enabled = excluded.enabled,
       updated_at = excluded.updated_at`,
  );
  const listAll = db.prepare(`SELECT ${COLUMNS} FROM sources ORDER BY id`);
  const listOf = db.prepare(`SELECT ${COLUMNS} FROM sources WHERE workspace_id = ? ORDER BY id`);
  const removeRelated = ['source_cursors', 'source_health', 'source_runs'].map((table) =>
    db.prepare(`DELETE FROM ${table} WHERE source_id = ?`),
  );
  const remove = db.prepare('DELETE FROM sources WHERE id = ?');
  const cursorOf = db.prepare('SELECT cursor FROM source_cursors WHERE source_id = ?');
  const saveCursor = db.prepare(
    `INSERT INTO source_cursors (source_id, cursor, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (source_id) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
  );

  const getSource = (id: string): Source | undefined => {
    const row = select.get(id) as SourceRow | undefined;
    return row === undefined ? undefined : rowToSource(row);
  };

  return {
    getSource,

    upsertSource: db.transaction((input: SourceInput): Source => {
      const id = requireText(input.id, 'id');
      const workspaceId = requireText(input.workspaceId, 'workspaceId');
      const kind = requireText(input.kind, 'kind');
      const name = requireText(input.name, 'name');
      if (typeof input.enabled !== 'boolean') {
        throw new LangngheError('store.invalid', 'enabled must be a boolean', {
          details: { field: 'enabled' },
        });
      }
      workspaces.assertWorkspace(workspaceId);
      const time = now();
      const config = validConfig(input.config);
      upsert.run(id, workspaceId, kind, name, config, input.enabled ? 1 : 0, time, time);
      return getSource(id) as Source;
    }),

    listSources(workspaceId?: string): Source[] {
      const rows = workspaceId === undefined ? listAll.all() : listOf.all(workspaceId);
      return (rows as SourceRow[]).map(rowToSource);
    },

    deleteSource: db.transaction((id: string): void => {
      for (const statement of removeRelated) statement.run(id);
      if (remove.run(id).changes === 0) {
        throw new LangngheError('store.not_found', `Source ${id} does not exist`, {
          details: { entity: 'source', id },
        });
      }
    }),

    getCursor(sourceId: string): string | undefined {
      return (cursorOf.get(sourceId) as { cursor: string } | undefined)?.cursor;
    },

    saveCursor(sourceId: string, cursor: string): void {
      if (typeof cursor !== 'string') {
        throw new LangngheError('store.invalid', 'cursor must be a string', {
          details: { field: 'cursor' },
        });
      }
      saveCursor.run(requireText(sourceId, 'sourceId'), cursor, now());
    },
  };
}
