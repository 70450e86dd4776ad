import { LangngheError, isLangngheError } from '../core/errors.js';
import type { Role, Scope } from '../core/scope.js';
import { ROLES, SYSTEM_PRINCIPAL, isRole, systemScope } from '../core/scope.js';
import { DEFAULT_WORKSPACE_ID } from '../core/types.js';
import type { CliIo } from './io.js';
import { UsageError, readLines } from './io.js';
import type { Runtime } from './runtime.js';
import { openRuntime, readConfig } from './runtime.js';

/** The options every operator command (users, workspaces, tokens, audit, privacy) takes. */
export const operatorOptions = {
  workspace: { type: 'string', default: DEFAULT_WORKSPACE_ID },
  'data-dir': { type: 'string' },
  'config-file': { type: 'string' },
} as const;

export const operatorOptionsHelp =
  'Common options: --workspace ID (default: default), --data-dir DIR, --config-file FILE (langnghe.config.json).';

/**
 * Opens the runtime for an operator command, runs it and closes the runtime. The CLI holds the
 * database file, so it acts as the system principal. A service's `input.invalid` becomes a
 * `UsageError` (exit 2): the services check their input before they change anything.
 */
export async function withOperator<T>(
  io: CliIo,
  command: string,
  values: { 'data-dir'?: string; 'config-file'?: string },
  use: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  const config = readConfig(io, { dataDir: values['data-dir'], config: values['config-file'] });
  const runtime = await openRuntime(config, { env: io.env });
  try {
    return await use(runtime);
  } catch (error) {
    if (isLangngheError(error) && error.code === 'input.invalid')
      throw new UsageError(`langnghe ${command}: ${error.message}`, { cause: error });
    throw error;
  } finally {
    await runtime.close();
  }
}

/** The system's scope in a workspace that exists; an unknown one is a usage error. */
export async function workspaceScope(
  runtime: Runtime,
  command: string,
  workspaceId: string,
): Promise<Scope> {
  const workspaces = await runtime.app.accounts.listWorkspaces(SYSTEM_PRINCIPAL);
  if (!workspaces.some((w) => w.id === workspaceId))
    throw new UsageError(
      `langnghe ${command}: no workspace "${workspaceId.slice(0, 80)}" (see langnghe workspaces list)`,
    );
  return systemScope(workspaceId);
}

/** `--role`, required and one of the roles. */
export function parseRole(command: string, value: string | undefined): Role {
  if (isRole(value)) return value;
  throw new UsageError(
    value === undefined
      ? `langnghe ${command}: --role is required (${ROLES.join(', ')})`
      : `langnghe ${command}: --role must be one of ${ROLES.join(', ')}, not "${value.slice(0, 40)}"`,
  );
}

/** The one positional argument a command names (a login, an id). */
export function onePositional(command: string, what: string, positionals: string[]): string {
  const [value, ...rest] = positionals;
  if (value === undefined) throw new UsageError(`langnghe ${command}: name a ${what}`);
  if (rest.length > 0)
    throw new UsageError(`langnghe ${command}: one ${what} only, got also "${rest.join(' ')}"`);
  return value;
}

/** The first line of standard input (`--password-stdin`), never echoed anywhere. */
export async function readSecretLine(io: CliIo, command: string): Promise<string> {
  for await (const { line } of readLines(io.stdin)) {
    if (line !== '') return line;
    break;
  }
  throw new UsageError(`langnghe ${command}: --password-stdin found no password on standard input`);
}

/** A LangngheError for an unknown login, like the services' own `store.not_found`. */
export function noSuchUser(login: string): LangngheError {
  return new LangngheError(
    'store.not_found',
    `no user "${login.slice(0, 80)}" (see langnghe users list)`,
  );
}
