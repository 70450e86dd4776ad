import { parseArgs } from 'node:util';
import type { Role } from '../../core/scope.js';
import { systemScope } from '../../core/scope.js';
import { DEFAULT_WORKSPACE_ID } from '../../core/types.js';
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from '../../services/accounts.js';
import type { ApiToken } from '../../store/index.js';
import type { CliIo } from '../io.js';
import { UsageError, writeLine } from '../io.js';
import type { Runtime } from '../runtime.js';
import { systemClock } from '../runtime.js';
import {
  onePositional,
  operatorOptions,
  operatorOptionsHelp,
  parseRole,
  withOperator,
  workspaceScope,
} from '../with-operator.js';

export const tokensHelp = `langnghe tokens create|list|revoke …  (API tokens for scripts: Authorization: Bearer lng_…)

  langnghe tokens create --name NAME --role owner|admin|analyst|viewer [--workspace ID] [--pii]
                         [--days D]
      A token acting with that role in one workspace, valid D days (default ${DEFAULT_TOKEN_DAYS}, at most
      ${MAX_TOKEN_DAYS}). The secret is printed once, alone on stdout (details go to stderr):
        TOKEN=$(langnghe tokens create --name importer --role admin)
        curl -H "authorization: Bearer $TOKEN" -H 'content-type: application/x-ndjson' \\
             --data-binary @posts.jsonl http://127.0.0.1:8080/api/ingest
      --pii lets the token read personal data unmasked (each such read is audited).
  langnghe tokens list [--workspace ID] [--json]
      The workspace's tokens, newest first, revoked and expired ones included.
  langnghe tokens revoke ID
      The token stops working at once.

${operatorOptionsHelp}
Exit code 2 for bad input (nothing is changed), 1 for an unknown token.`;

function stateOf(token: ApiToken, now: number): string {
  if (token.revokedAt !== undefined) return `revoked ${token.revokedAt}`;
  if (token.expiresAt !== undefined && Date.parse(token.expiresAt) <= now)
    return `expired ${token.expiresAt}`;
  return `active until ${token.expiresAt ?? 'revoked'}`;
}

function describe(token: ApiToken, now: number): string {
  return (
    `${token.id}  "${token.name}"  ${token.role}${token.canReadPii ? '+pii' : ''}  ` +
    `${token.workspaceId}  ${stateOf(token, now)}  last used ${token.lastUsedAt ?? 'never'}`
  );
}

function parseDays(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS)
    throw new UsageError(`langnghe tokens create: --days is a whole number 1–${MAX_TOKEN_DAYS}`);
  return days;
}

async function create(
  runtime: Runtime,
  io: CliIo,
  input: { workspace: string; name: string; role: Role; pii: boolean; days?: number },
): Promise<number> {
  const scope = await workspaceScope(runtime, 'tokens create', input.workspace);
  const { token, secret } = await runtime.app.accounts.createToken(scope, {
    name: input.name,
    role: input.role,
    canReadPii: input.pii,
    expiresInDays: input.days,
  });
  await writeLine(io.stderr, `created ${describe(token, systemClock.now())}`);
  await writeLine(io.stderr, 'secret (shown only this once):');
  await writeLine(io.stdout, secret);
  return 0;
}

async function list(
  runtime: Runtime,
  io: CliIo,
  values: { workspace: string; json: boolean },
): Promise<number> {
  const scope = await workspaceScope(runtime, 'tokens list', values.workspace);
  const tokens = await runtime.app.accounts.listTokens(scope);
  const now = systemClock.now();
  if (values.json) await writeLine(io.stdout, JSON.stringify(tokens));
  else if (tokens.length === 0)
    await writeLine(io.stdout, `No tokens in workspace ${scope.workspaceId}.`);
  else for (const token of tokens) await writeLine(io.stdout, describe(token, now));
  return 0;
}

async function revoke(runtime: Runtime, io: CliIo, id: string): Promise<number> {
  // The operator names a token by id alone; the service looks for it in its own workspace.
  const token = await runtime.store.accounts.getToken(id);
  const workspaceId = token?.workspaceId ?? DEFAULT_WORKSPACE_ID;
  await runtime.app.accounts.revokeToken(systemScope(workspaceId), id);
  await writeLine(io.stdout, `revoked ${id}${token === undefined ? '' : ` "${token.name}"`}`);
  return 0;
}

export async function runTokens(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...operatorOptions,
      name: { type: 'string' },
      role: { type: 'string' },
      pii: { type: 'boolean', default: false },
      days: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const [action, ...rest] = positionals;
  if (action === undefined) throw new UsageError(tokensHelp);
  const command = `tokens ${action}`;
  if (action === 'revoke') {
    const id = onePositional(command, 'token ID', rest);
    return withOperator(io, command, values, (runtime) => revoke(runtime, io, id));
  }
  if (action !== 'create' && action !== 'list')
    throw new UsageError(`langnghe tokens: unknown action "${action}"\n\n${tokensHelp}`);
  if (rest.length > 0) throw new UsageError(`langnghe ${command}: takes no argument`);
  if (action === 'list') return withOperator(io, command, values, (rt) => list(rt, io, values));
  const input = {
    workspace: values.workspace,
    role: parseRole(command, values.role),
    days: parseDays(values.days),
    name: values.name?.trim() ?? '',
    pii: values.pii,
  };
  if (input.name === '') throw new UsageError('langnghe tokens create: --name NAME is required');
  return withOperator(io, command, values, (runtime) => create(runtime, io, input));
}
