import { parseArgs } from 'node:util';
import { SYSTEM_PRINCIPAL } from '../../core/scope.js';
import { checkPasswordPolicy, generatePassword, hashPassword } from '../../auth/index.js';
import type { CliIo } from '../io.js';
import { UsageError, writeLine } from '../io.js';
import type { Runtime } from '../runtime.js';
import {
  noSuchUser,
  onePositional,
  operatorOptions,
  operatorOptionsHelp,
  parseRole,
  readSecretLine,
  withOperator,
  workspaceScope,
} from '../with-operator.js';

export const usersHelp = `langnghe users list|add|reset-password|disable|enable …  (who signs in to the dashboard)

  langnghe users list [--json]
      Every user: login, name, install admin, disabled, and the role in each workspace
      (+pii: sees phone numbers, ID numbers and the like unmasked there).
  langnghe users add LOGIN --role owner|admin|analyst|viewer [--workspace ID] [--name NAME] [--pii]
                     [--password-stdin]
      Gives LOGIN that role in the workspace (a user already there changes role). A new user gets
      a random password, printed once on stdout, or the first line of stdin with --password-stdin.
        langnghe users add lan --role analyst --name "Nguyễn Thị Lan"
  langnghe users reset-password LOGIN [--password-stdin]
      A new random password, printed once on stdout; unlocks the account and ends its sessions.
  langnghe users disable LOGIN
  langnghe users enable LOGIN
      A disabled user cannot sign in; its sessions end and its API tokens stop working.

${operatorOptionsHelp}
Exit code 2 for bad input (nothing is changed), 1 for an unknown login.`;

type Values = {
  workspace: string;
  role?: string;
  name?: string;
  pii: boolean;
  'password-stdin': boolean;
  json: boolean;
};

async function listUsers(runtime: Runtime, io: CliIo, isJson: boolean): Promise<void> {
  const users = await runtime.store.accounts.listUsers();
  const rows = await Promise.all(
    users.map(async (user) => ({
      ...user,
      memberships: await runtime.store.accounts.listUserMemberships(user.id),
    })),
  );
  if (isJson) return writeLine(io.stdout, JSON.stringify(rows));
  if (rows.length === 0)
    return writeLine(io.stdout, 'No users yet: "langnghe serve" creates the owner on first start.');
  const width = Math.max(...rows.map((r) => r.login.length));
  for (const row of rows) {
    const flags = [row.isInstallAdmin ? 'install admin' : '', row.isDisabled ? 'DISABLED' : '']
      .filter((f) => f !== '')
      .join(', ');
    const roles = row.memberships
      .map((m) => `${m.workspaceId}:${m.role}${m.canReadPii ? '+pii' : ''}`)
      .join(' ');
    await writeLine(
      io.stdout,
      `${row.login.padEnd(width)}  "${row.name}"  ${roles === '' ? '(no workspace)' : roles}` +
        (flags === '' ? '' : `  [${flags}]`),
    );
  }
}

async function addUser(runtime: Runtime, io: CliIo, login: string, values: Values): Promise<void> {
  const role = parseRole('users add', values.role);
  const scope = await workspaceScope(runtime, 'users add', values.workspace);
  const existing = await runtime.store.accounts.findUserByLogin(login);
  if (existing !== undefined && values['password-stdin'])
    throw new UsageError(
      `langnghe users add: "${existing.login}" exists and keeps its password (langnghe users reset-password changes it)`,
    );
  const chosen = values['password-stdin'] ? await readSecretLine(io, 'users add') : undefined;
  const password = existing === undefined ? (chosen ?? generatePassword()) : undefined;
  const member = await runtime.app.accounts.setMember(scope, {
    login,
    name: values.name,
    password,
    role,
    canReadPii: values.pii,
  });
  const grant = `${member.role}${member.canReadPii ? ' (+pii)' : ''} in workspace ${scope.workspaceId}`;
  if (existing !== undefined) {
    await writeLine(io.stderr, `${member.user.login}: ${grant}`);
    return;
  }
  await writeLine(io.stderr, `user ${member.user.login} created: ${grant}`);
  if (chosen === undefined) {
    await writeLine(io.stderr, 'password (shown only this once):');
    await writeLine(io.stdout, password ?? '');
  }
}

async function resetPassword(
  runtime: Runtime,
  io: CliIo,
  login: string,
  values: Values,
): Promise<void> {
  const accounts = runtime.store.accounts;
  const user = await accounts.findUserByLogin(login);
  if (user === undefined) throw noSuchUser(login);
  const chosen = values['password-stdin']
    ? await readSecretLine(io, 'users reset-password')
    : undefined;
  const password = chosen ?? generatePassword();
  checkPasswordPolicy(password);
  await accounts.updateUser(user.id, { passwordHash: await hashPassword(password) });
  await accounts.recordLoginSuccess(user.id);
  const sessionsEnded = await accounts.deleteUserSessions(user.id);
  await runtime.app.audit.record(SYSTEM_PRINCIPAL, {
    action: 'user.password_reset',
    target: user.id,
    details: { login: user.login, sessionsEnded },
  });
  await writeLine(
    io.stderr,
    `${user.login}: password reset, account unlocked, ${sessionsEnded} sessions ended`,
  );
  if (chosen === undefined) {
    await writeLine(io.stderr, 'new password (shown only this once):');
    await writeLine(io.stdout, password);
  }
}

async function setDisabled(
  runtime: Runtime,
  io: CliIo,
  login: string,
  isDisabled: boolean,
): Promise<void> {
  const accounts = runtime.store.accounts;
  const user = await accounts.findUserByLogin(login);
  if (user === undefined) throw noSuchUser(login);
  await accounts.updateUser(user.id, { isDisabled });
  const sessionsEnded = isDisabled ? await accounts.deleteUserSessions(user.id) : 0;
  await runtime.app.audit.record(SYSTEM_PRINCIPAL, {
    action: isDisabled ? 'user.disable' : 'user.enable',
    target: user.id,
    details: isDisabled ? { login: user.login, sessionsEnded } : { login: user.login },
  });
  await writeLine(
    io.stdout,
    isDisabled
      ? `${user.login} disabled (${sessionsEnded} sessions ended; its API tokens stop working)`
      : `${user.login} enabled`,
  );
}

export async function runUsers(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...operatorOptions,
      role: { type: 'string' },
      name: { type: 'string' },
      pii: { type: 'boolean', default: false },
      'password-stdin': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const [action, ...rest] = positionals;
  if (action === undefined) throw new UsageError(usersHelp);
  const command = `users ${action}`;
  if (action === 'list') {
    if (rest.length > 0) throw new UsageError(`langnghe users list: takes no argument`);
    await withOperator(io, command, values, (runtime) => listUsers(runtime, io, values.json));
    return 0;
  }
  const actions: Record<string, (runtime: Runtime, login: string) => Promise<void>> = {
    add: (runtime, login) => addUser(runtime, io, login, values),
    'reset-password': (runtime, login) => resetPassword(runtime, io, login, values),
    disable: (runtime, login) => setDisabled(runtime, io, login, true),
    enable: (runtime, login) => setDisabled(runtime, io, login, false),
  };
  const run = actions[action];
  if (run === undefined)
    throw new UsageError(`langnghe users: unknown action "${action}"\n\n${usersHelp}`);
  if (action === 'add') parseRole(command, values.role);
  const login = onePositional(command, 'login', rest);
  await withOperator(io, command, values, (runtime) => run(runtime, login));
  return 0;
}
