import { parseArgs } from 'node:util';
import { AUDIT_CSV_COLUMNS, auditCsvRow } from '../../services/index.js';
import type { AuditEntry } from '../../services/index.js';
import type { CliIo } from '../io.js';
import { UsageError, printable, writeLine } from '../io.js';
import type { Runtime } from '../runtime.js';
import {
  operatorOptions,
  operatorOptionsHelp,
  withOperator,
  workspaceScope,
} from '../with-operator.js';

export const auditHelp = `langnghe audit list|verify|export …  (who did what: sign-ins, changes, exports, views of personal data)

  langnghe audit list [--workspace ID | --all] [--action A] [--limit N] [--json]
      The newest N entries (default 50, at most 1000) of the workspace, or of every workspace and
      the install-wide ones (users, sign-ins) with --all. --action auth.login, or a prefix: auth.
  langnghe audit verify
      Checks the log's hash chain: exit 0 when intact, 1 when an entry was changed or removed.
  langnghe audit export [--format jsonl|csv] [--workspace ID | --all] [--action A]
      Every matching entry on stdout, newest first (the export is itself recorded).
        langnghe audit export --all --format csv > audit.csv

${operatorOptionsHelp}`;

function describe(e: AuditEntry): string {
  const actor = `${e.actor.kind}:${e.actor.name ?? e.actor.id}`;
  const details = Object.keys(e.details).length === 0 ? '' : `  ${JSON.stringify(e.details)}`;
  return printable(
    `#${e.seq}  ${e.at}  ${actor}  ${e.action}  ${e.workspaceId ?? '(install)'}` +
      `${e.target === undefined ? '' : `  ${e.target}`}${details}`,
  );
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return 50;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new UsageError('langnghe audit list: --limit is a whole number 1–1000');
  return limit;
}

interface AuditValues {
  workspace: string;
  all: boolean;
  action?: string;
  limit?: string;
  format: string;
  json: boolean;
}

async function listEntries(runtime: Runtime, io: CliIo, values: AuditValues): Promise<number> {
  const limit = parseLimit(values.limit);
  const scope = await workspaceScope(runtime, 'audit list', values.workspace);
  const page = await runtime.app.audit.search(scope, {
    action: values.action,
    limit,
    isAll: values.all,
  });
  if (values.json) {
    await writeLine(io.stdout, JSON.stringify(page.entries));
    return 0;
  }
  for (const entry of page.entries) await writeLine(io.stdout, describe(entry));
  if (page.nextCursor !== undefined)
    await writeLine(io.stderr, '(older entries: --limit, or langnghe audit export)');
  return 0;
}

async function verifyChain(runtime: Runtime, io: CliIo, values: AuditValues): Promise<number> {
  const scope = await workspaceScope(runtime, 'audit verify', values.workspace);
  const result = await runtime.app.audit.verify(scope);
  if (result.isIntact) {
    await writeLine(io.stdout, `audit log intact: ${result.count} entries`);
    return 0;
  }
  await writeLine(
    io.stdout,
    `audit log BROKEN at entry #${result.brokenAt}: ${result.reason} (${result.count} entries before it verify)`,
  );
  return 1;
}

async function exportEntries(runtime: Runtime, io: CliIo, values: AuditValues): Promise<number> {
  const scope = await workspaceScope(runtime, 'audit export', values.workspace);
  const entries = await runtime.app.audit.export(scope, {
    action: values.action,
    isAll: values.all,
  });
  if (values.format === 'csv') {
    await writeLine(io.stdout, `${AUDIT_CSV_COLUMNS.join(',')}\r`);
    for (const entry of entries) await writeLine(io.stdout, `${auditCsvRow(entry)}\r`);
  } else for (const entry of entries) await writeLine(io.stdout, JSON.stringify(entry));
  return 0;
}

const actions: Record<
  string,
  (runtime: Runtime, io: CliIo, values: AuditValues) => Promise<number>
> = { list: listEntries, verify: verifyChain, export: exportEntries };

export async function runAudit(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...operatorOptions,
      all: { type: 'boolean', default: false },
      action: { type: 'string' },
      limit: { type: 'string' },
      format: { type: 'string', default: 'jsonl' },
      json: { type: 'boolean', default: false },
    },
  });
  const [action, ...rest] = positionals;
  if (action === undefined) throw new UsageError(auditHelp);
  const run = actions[action];
  if (run === undefined)
    throw new UsageError(`langnghe audit: unknown action "${action}"\n\n${auditHelp}`);
  const command = `audit ${action}`;
  if (rest.length > 0) throw new UsageError(`langnghe ${command}: takes no argument`);
  if (values.all && args.some((a) => a === '--workspace' || a.startsWith('--workspace=')))
    throw new UsageError(`langnghe ${command}: --workspace or --all, not both`);
  // Checked before the database is opened, so bad input changes nothing.
  if (action === 'list') parseLimit(values.limit);
  if (action === 'export' && values.format !== 'jsonl' && values.format !== 'csv')
    throw new UsageError('langnghe audit export: --format is jsonl or csv');
  return withOperator(io, command, values, (runtime) => run(runtime, io, values));
}
