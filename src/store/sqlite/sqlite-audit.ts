import type { Database } from 'better-sqlite3';
import type { AuditActor, AuditEntry, AuditInput, AuditPage, AuditQuery } from '../audit.js';
import type { AuditVerification } from '../audit.js';
import { GENESIS_HASH, auditHash, verifyAuditChain } from '../audit-chain.js';
import { normalizeIso } from '../iso-time.js';
import { pageLimit } from '../page-cursor.js';
import { decodeSeqCursor, encodeSeqCursor } from '../seq-cursor.js';
import { validateAuditInput } from '../validate-audit-input.js';
import { whereClause } from './post-where.js';
import { createStatementCache } from './statement-cache.js';

const DEFAULT_AUDIT_LIMIT = 100;
const MAX_AUDIT_LIMIT = 1_000;

interface AuditRow {
  seq: number;
  at: string;
  actor_kind: AuditActor['kind'];
  actor_id: string;
  actor_name: string | null;
  workspace_id: string | null;
  action: string;
  target: string | null;
  address: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

const COLUMNS =
  'seq, at, actor_kind, actor_id, actor_name, workspace_id, action, target, address, details, prev_hash, hash';

function rowToEntry(row: AuditRow): AuditEntry {
  const actor: AuditActor = { kind: row.actor_kind, id: row.actor_id };
  if (row.actor_name !== null) actor.name = row.actor_name;
  const entry: AuditEntry = {
    seq: row.seq,
    at: row.at,
    actor,
    action: row.action,
    details: JSON.parse(row.details) as AuditEntry['details'],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
  if (row.workspace_id !== null) entry.workspaceId = row.workspace_id;
  if (row.target !== null) entry.target = row.target;
  if (row.address !== null) entry.address = row.address;
  return entry;
}

/** Conditions on `audit_log` for a query (constant fragments) and their values. */
function auditWhere(query: AuditQuery): { conditions: string[]; params: (string | number)[] } {
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  const add = (condition: string, ...values: (string | number)[]): void => {
    conditions.push(condition);
    params.push(...values);
  };
  if (query.workspaceId !== undefined) add('workspace_id = ?', query.workspaceId);
  if (query.actorId !== undefined) add('actor_id = ?', query.actorId);
  if (query.action?.endsWith('.') === true) {
    // A range instead of LIKE: no wildcard to escape, and the (action, seq) index serves it. Every
    // action starting with 'auth.' sorts from 'auth.' up to, not including, 'auth/' ('/' follows
    // '.' in every encoding).
    add('action >= ? AND action < ?', query.action, `${query.action.slice(0, -1)}/`);
  } else if (query.action !== undefined) {
    add('action = ?', query.action);
  }
  if (query.from !== undefined) add('at >= ?', normalizeIso(query.from, 'from'));
  if (query.to !== undefined) add('at < ?', normalizeIso(query.to, 'to'));
  if (query.cursor !== undefined) add('seq < ?', decodeSeqCursor(query.cursor));
  return { conditions, params };
}

/** The audit log of the SQLite store, synchronous. */
export function createSqliteAudit(db: Database, now: () => string) {
  const statement = createStatementCache(db);
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = db.prepare(
    `INSERT INTO audit_log (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const all = db.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`);

  const appendEntry = db.transaction((input: AuditInput): AuditEntry => {
    const valid = validateAuditInput(input);
    const previous = last.get() as { seq: number; hash: string } | undefined;
    const prevHash = previous?.hash ?? GENESIS_HASH;
    const content = { ...valid, seq: (previous?.seq ?? 0) + 1, at: now() };
    const entry: AuditEntry = { ...content, prevHash, hash: auditHash(prevHash, content) };
    insert.run(
      entry.seq,
      entry.at,
      entry.actor.kind,
      entry.actor.id,
      entry.actor.name ?? null,
      entry.workspaceId ?? null,
      entry.action,
      entry.target ?? null,
      entry.address ?? null,
      JSON.stringify(entry.details),
      entry.prevHash,
      entry.hash,
    );
    return entry;
  });

  return {
    /**
     * IMMEDIATE: the write lock is taken before the last hash is read, so two processes appending
     * to one file serialize instead of both chaining to the same previous entry.
     */
    append(input: AuditInput): AuditEntry {
      return appendEntry.immediate(input);
    },

    search(query: AuditQuery = {}): AuditPage {
      const limit = pageLimit(query.limit, DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT);
      const where = auditWhere(query);
      const sql = `SELECT ${COLUMNS} FROM audit_log ${whereClause(where.conditions)}
        ORDER BY seq DESC LIMIT ?`;
      const rows = statement(sql).all(...where.params, limit + 1) as AuditRow[];
      const entries = rows.slice(0, limit).map(rowToEntry);
      const lastEntry = entries[entries.length - 1];
      if (rows.length <= limit || lastEntry === undefined) return { entries };
      return { entries, nextCursor: encodeSeqCursor(lastEntry.seq) };
    },

    verify(): AuditVerification {
      function* entries(): Generator<AuditEntry> {
        for (const row of all.iterate() as IterableIterator<AuditRow>) yield rowToEntry(row);
      }
      return verifyAuditChain(entries());
    },
  };
}
