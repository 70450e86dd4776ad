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

/** Workspaces of the SQLite store, synchronous. */
export function createSqliteWorkspaces(db: Database, now: () => string) {
  const insert = db.prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)');
  const list = db.prepare('SELECT id, name, created_at FROM workspaces ORDER BY id');
  const exists = db.prepare('SELECT 1 FROM workspaces WHERE id = ?');

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

    listWorkspaces(): Workspace[] {
      return (list.all() as WorkspaceRow[]).map((r) => ({
        id: r.id,
        name: r.name,
        createdAt: r.created_at,
      }));
    },

    /** Throws `store.not_found` unless the workspace exists. */
    assertWorkspace(id: string): void {
      if (exists.get(id) === undefined) {
        throw new LangngheError('store.not_found', `Workspace ${id} does not exist`, {
          details: { entity: 'workspace', id },
        });
      }
    },
  };
}

export type SqliteWorkspaces = ReturnType<typeof createSqliteWorkspaces>;
