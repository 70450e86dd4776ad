import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { LangngheError } from '../../core/errors.js';
import type { Workspace, WorkspaceInput } from '../store.js';
import { requireText } from '../require-text.js';

interface WorkspaceRow {
  id: string;
  name: string;
  created_at: string;
}

function rowToWorkspace(row: WorkspaceRow): Workspace {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

function notFound(id: string): LangngheError {
  return new LangngheError('store.not_found', `Workspace ${id} does not exist`, {
    details: { entity: 'workspace', id },
  });
}

/** Workspaces of the SQLite store, synchronous. */
export function createSqliteWorkspaces(db: Database, now: () => string) {
  const insert = db.prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)');
  const list = db.prepare('SELECT id, name, created_at FROM workspaces ORDER BY id');
  const exists = db.prepare('SELECT 1 FROM workspaces WHERE id = ?');
  const select = db.prepare('SELECT id, name, created_at FROM workspaces WHERE id = ?');
  const rename = db.prepare('UPDATE workspaces SET name = ? WHERE id = ?');
  const getWorkspace = (id: string): Workspace | undefined => {
    const row = select.get(id) as WorkspaceRow | undefined;
    return row === undefined ? undefined : rowToWorkspace(row);
  };

  return {
    createWorkspace(input: WorkspaceInput): Workspace {
      const id = input.id === undefined ? randomUUID() : requireText(input.id, 'id');
      const workspace = { id, name: requireText(input.name, 'name'), createdAt: now() };
      if (exists.get(id) !== undefined) {
        throw new LangngheError('store.conflict', `Workspace ${id} already exists`, {
          details: { entity: 'workspace', id },
        });
      }
      insert.run(workspace.id, workspace.name, workspace.createdAt);
      return workspace;
    },

    getWorkspace,

    renameWorkspace(id: string, name: string): Workspace {
      if (rename.run(requireText(name, 'name'), id).changes === 0) throw notFound(id);
      return getWorkspace(id) as Workspace;
    },

    listWorkspaces(): Workspace[] {
      return (list.all() as WorkspaceRow[]).map(rowToWorkspace);
    },

    /** Throws `store.not_found` unless the workspace exists. */
    assertWorkspace(id: string): void {
      if (exists.get(id) === undefined) throw notFound(id);
    },
  };
}

export type SqliteWorkspaces = ReturnType<typeof createSqliteWorkspaces>;
