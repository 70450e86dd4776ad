import type { AuditEntry } from '../store/index.js';

/** The columns of an audit export as CSV, the same for the HTTP API and the CLI. */
export const AUDIT_CSV_COLUMNS = [
  'seq',
  'at',
  'actor_kind',
  'actor_id',
  'actor_name',
  'workspace',
  'action',
  'target',
  'address',
  'details',
  'hash',
] as const;

/** A CSV cell: quoted, and a leading = + - @ defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: unknown): string {
  let text = value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** One entry as a CSV row (no line end). */
export function auditCsvRow(e: AuditEntry): string {
  return [
    e.seq,
    e.at,
    e.actor.kind,
    e.actor.id,
    e.actor.name,
    e.workspaceId,
    e.action,
    e.target,
    e.address,
    e.details,
    e.hash,
  ]
    .map(csvCell)
    .join(',');
}

/** A whole export: header and rows, CRLF line ends (RFC 4180). */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return `${AUDIT_CSV_COLUMNS.join(',')}\r\n${entries.map((e) => `${auditCsvRow(e)}\r\n`).join('')}`;
}
