import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { LangngheError } from '../../core/errors.js';
import type { Topic } from '../../core/types.js';
import { requireText } from '../require-text.js';
import type { TopicInput, TopicPatch } from '../store.js';
import type { SqliteWorkspaces } from './sqlite-workspaces.js';

interface TopicRow {
  id: string;
  workspace_id: string;
  name: string;
  query: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, workspace_id, name, query, created_at, updated_at';

function rowToTopic(row: TopicRow): Topic {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    query: row.query,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function notFound(id: string): LangngheError {
  return new LangngheError('store.not_found', `Topic ${id} does not exist`, {
    details: { entity: 'topic', id },
  });
}

/** Topics of the SQLite store, synchronous. */
export function createSqliteTopics(db: Database, now: () => string, workspaces: SqliteWorkspaces) {
  const select = db.prepare(`SELECT ${COLUMNS} FROM topics WHERE id = ?`);
  const insert = db.prepare(`INSERT INTO topics (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`);
  const update = db.prepare('UPDATE topics SET name = ?, query = ?, updated_at = ? WHERE id = ?');
  const list = db.prepare(`SELECT ${COLUMNS} FROM topics WHERE workspace_id = ? ORDER BY name, id`);
  const removeMatches = db.prepare('DELETE FROM matches WHERE topic_id = ?');
  const remove = db.prepare('DELETE FROM topics WHERE id = ?');

  const getTopic = (id: string): Topic | undefined => {
    const row = select.get(id) as TopicRow | undefined;
    return row === undefined ? undefined : rowToTopic(row);
  };

  return {
    getTopic,

    createTopic: db.transaction((input: TopicInput): Topic => {
      const time = now();
      const topic: Topic = {
        id: input.id === undefined ? randomUUID() : requireText(input.id, 'id'),
        workspaceId: requireText(input.workspaceId, 'workspaceId'),
        name: requireText(input.name, 'name'),
        query: requireText(input.query, 'query'),
        createdAt: time,
        updatedAt: time,
      };
      workspaces.assertWorkspace(topic.workspaceId);
      if (select.get(topic.id) !== undefined) {
        throw new LangngheError('store.conflict', `Topic ${topic.id} already exists`, {
          details: { entity: 'topic', id: topic.id },
        });
      }
      insert.run(topic.id, topic.workspaceId, topic.name, topic.query, time, time);
      return topic;
    }),

    updateTopic: db.transaction((id: string, patch: TopicPatch): Topic => {
      const topic = getTopic(id);
      if (topic === undefined) throw notFound(id);
      const name = patch.name === undefined ? topic.name : requireText(patch.name, 'name');
      const query = patch.query === undefined ? topic.query : requireText(patch.query, 'query');
      const updatedAt = now();
      update.run(name, query, updatedAt, id);
      return { ...topic, name, query, updatedAt };
    }),

    deleteTopic: db.transaction((id: string): void => {
      removeMatches.run(id);
      if (remove.run(id).changes === 0) throw notFound(id);
    }),

    listTopics(workspaceId: string): Topic[] {
      return (list.all(workspaceId) as TopicRow[]).map(rowToTopic);
    },
  };
}
