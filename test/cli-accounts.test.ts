import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/index.js';
import { openRuntime } from '../src/cli/runtime.js';
import type { Runtime } from '../src/cli/runtime.js';
import { BIN, startCli } from './helpers.js';

const ENV = { LANGNGHE_DEMO: 'false', LANGNGHE_CONFIG: '' };

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function newDataDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'langnghe-cli-accounts-')), 'data');
}

/** Runs the built command on a data folder. */
async function langnghe(dataDir: string, ...args: string[]): Promise<Ran> {
  const run = startCli([...args, '--data-dir', dataDir], ENV);
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** The same, with text on standard input (`--password-stdin`). */
function langngheWithInput(dataDir: string, input: string, ...args: string[]): Ran {
  const result = spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], {
    input,
    encoding: 'utf8',
    env: { ...process.env, ...ENV },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Opens the same data folder in this process, as the server would. */
async function withRuntime<T>(dataDir: string, use: (runtime: Runtime) => Promise<T>): Promise<T> {
  const config = loadConfig({
    env: { LANGNGHE_DATA_DIR: dataDir, LANGNGHE_DEMO: 'false' },
    readFile: () => undefined,
  });
  const runtime = await openRuntime(config);
  try {
    return await use(runtime);
  } finally {
    await runtime.close();
  }
}

async function canLogin(dataDir: string, login: string, password: string): Promise<boolean> {
  return withRuntime(dataDir, (runtime) =>
    runtime.app.accounts.login({ login, password }, {}).then(
      () => true,
      () => false,
    ),
  );
}

/** The one line a secret-printing command writes on stdout. */
function secretOf(ran: Ran): string {
  assert.equal(ran.code, 0, ran.stderr);
  const lines = ran.stdout.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `stdout holds the secret alone: ${JSON.stringify(ran.stdout)}`);
  return lines[0]!;
}

test('users add prints a one-time password that signs in, and users list shows the role', async () => {
  const dataDir = newDataDir();
  const password = secretOf(
    await langnghe(dataDir, 'users', 'add', 'lan', '--role', 'analyst', '--name', 'Nguyễn Thị Lan'),
  );
  assert.match(password, /^[A-Za-z2-9]{20}$/);
  assert.equal(await canLogin(dataDir, 'lan', password), true);

  const chosen = langngheWithInput(
    dataDir,
    'mat-khau-dai-du\n',
    'users',
    'add',
    'minh',
    '--role',
    'viewer',
    '--pii',
    '--password-stdin',
  );
  assert.equal(chosen.code, 0, chosen.stderr);
  assert.equal(chosen.stdout, '', 'a password given on stdin is not printed');
  assert.equal(await canLogin(dataDir, 'minh', 'mat-khau-dai-du'), true);

  const list = await langnghe(dataDir, 'users', 'list');
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /^lan +"Nguyễn Thị Lan" +default:analyst$/m);
  assert.match(list.stdout, /^minh +"minh" +default:viewer\+pii$/m);
});

test('users reset-password prints a new password, the old one stops working; disable and enable', async () => {
  const dataDir = newDataDir();
  const first = secretOf(await langnghe(dataDir, 'users', 'add', 'lan', '--role', 'admin'));
  const second = secretOf(await langnghe(dataDir, 'users', 'reset-password', 'lan'));
  assert.notEqual(second, first);
  assert.equal(await canLogin(dataDir, 'lan', first), false);
  assert.equal(await canLogin(dataDir, 'lan', second), true);

  const disabled = await langnghe(dataDir, 'users', 'disable', 'lan');
  assert.equal(disabled.code, 0, disabled.stderr);
  assert.equal(await canLogin(dataDir, 'lan', second), false);
  assert.match((await langnghe(dataDir, 'users', 'list')).stdout, /^lan .*\[DISABLED\]$/m);
  assert.equal((await langnghe(dataDir, 'users', 'enable', 'lan')).code, 0);
  assert.equal(await canLogin(dataDir, 'lan', second), true);

  const unknown = await langnghe(dataDir, 'users', 'reset-password', 'ghost');
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /no user "ghost"/);
});

test('tokens create prints a secret alone on stdout that authenticates; revoke makes it fail', async () => {
  const dataDir = newDataDir();
  const created = await langnghe(
    dataDir,
    'tokens',
    'create',
    '--name',
    'importer',
    '--role',
    'admin',
    '--days',
    '7',
  );
  const secret = secretOf(created);
  assert.match(secret, /^lng_/);
  assert.match(created.stderr, /tok_\S+ +"importer" +admin +default +active until/);
  assert.doesNotMatch(created.stderr, new RegExp(secret));

  const principal = await withRuntime(dataDir, (runtime) =>
    runtime.app.accounts.authenticateToken(secret, {}),
  );
  assert.equal(principal?.kind, 'token');
  assert.deepEqual(principal?.memberships, [
    { workspaceId: 'default', role: 'admin', canReadPii: false },
  ]);

  const list = await langnghe(dataDir, 'tokens', 'list', '--json');
  const [token] = JSON.parse(list.stdout) as { id: string; name: string }[];
  assert.equal(token?.name, 'importer');
  const revoked = await langnghe(dataDir, 'tokens', 'revoke', token!.id);
  assert.equal(revoked.code, 0, revoked.stderr);
  assert.equal(
    await withRuntime(dataDir, (runtime) => runtime.app.accounts.authenticateToken(secret, {})),
    undefined,
  );
  assert.match((await langnghe(dataDir, 'tokens', 'list')).stdout, /"importer" .* revoked /);
});

test('workspaces add and rename; audit list shows every action and audit verify exits 0', async () => {
  const dataDir = newDataDir();
  const added = await langnghe(dataDir, 'workspaces', 'add', 'quan-7', '--name', 'UBND Quận 7');
  assert.equal(added.code, 0, added.stderr);
  const renamed = await langnghe(dataDir, 'workspaces', 'rename', 'quan-7', '--name', 'Quận 7');
  assert.equal(renamed.code, 0, renamed.stderr);
  const list = await langnghe(dataDir, 'workspaces', 'list');
  assert.match(list.stdout, /^default +"Default"/m);
  assert.match(list.stdout, /^quan-7 +"Quận 7"/m);
  secretOf(
    await langnghe(dataDir, 'users', 'add', 'lan', '--role', 'owner', '--workspace', 'quan-7'),
  );
  secretOf(await langnghe(dataDir, 'users', 'reset-password', 'lan'));
  secretOf(
    await langnghe(
      dataDir,
      'tokens',
      'create',
      '--name',
      'bot',
      '--role',
      'viewer',
      '--workspace',
      'quan-7',
    ),
  );

  const all = await langnghe(dataDir, 'audit', 'list', '--all', '--json');
  assert.equal(all.code, 0, all.stderr);
  const actions = (JSON.parse(all.stdout) as { action: string }[]).map((e) => e.action);
  assert.deepEqual(actions, [
    'token.create',
    'user.password_reset',
    'member.add',
    'user.create',
    'workspace.rename',
    'workspace.create',
  ]);
  const ofWorkspace = await langnghe(
    dataDir,
    'audit',
    'list',
    '--workspace',
    'quan-7',
    '--action',
    'workspace.',
  );
  assert.match(
    ofWorkspace.stdout,
    /^#2 .* system:system +workspace\.rename +quan-7 +quan-7 +\{"name":"Quận 7"\}$/m,
  );
  assert.doesNotMatch(ofWorkspace.stdout, /token\.create/);

  const verified = await langnghe(dataDir, 'audit', 'verify');
  assert.equal(verified.code, 0, verified.stderr);
  assert.match(verified.stdout, /intact: 6 entries/);
  const csv = await langnghe(dataDir, 'audit', 'export', '--all', '--format', 'csv');
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stdout, /^seq,at,actor_kind,/);
  assert.equal(csv.stdout.trim().split('\n').length, 7);
});

test('privacy erase deletes one author’s posts and records it', async () => {
  const dataDir = newDataDir();
  const file = join(dataDir, '..', 'posts.jsonl');
  const post = (id: string, author: string): string =>
    JSON.stringify({ id, platform: 'facebook', text: `ngập nước ${id}`, author: { id: author } });
  writeFileSync(file, [post('a', 'u1'), post('b', 'u1'), post('c', 'u2')].join('\n'));
  const imported = await langnghe(dataDir, 'import', file);
  assert.equal(imported.code, 0, imported.stderr);

  const erased = await langnghe(
    dataDir,
    'privacy',
    'erase',
    '--platform',
    'facebook',
    '--author',
    'u1',
  );
  assert.equal(erased.code, 0, erased.stderr);
  assert.match(erased.stdout, /erased 2 posts by facebook:u1/);
  assert.equal(await withRuntime(dataDir, (runtime) => runtime.store.countPosts()), 1);
  const audit = await langnghe(dataDir, 'audit', 'list', '--action', 'privacy.');
  assert.match(audit.stdout, /privacy\.erase_author +default +facebook:u1 +\{"deleted":2\}/);

  // An author id is what a stranger chose: the terminal gets it escaped, never run.
  const hostile = '\u001b]0;pwned\u0007\u202eu3';
  const erasedHostile = await langnghe(
    dataDir,
    'privacy',
    'erase',
    '--platform',
    'facebook',
    '--author',
    hostile,
  );
  assert.equal(erasedHostile.code, 0, erasedHostile.stderr);
  const listed = (await langnghe(dataDir, 'audit', 'list')).stdout;
  for (const raw of ['\u0007', '\u001b', '\u202e']) assert.ok(!listed.includes(raw), listed);
  assert.match(listed, /facebook:\\u001b\]0;pwned\\u0007\\u202eu3/);
});

test('bad input exits 2 with a one-line message and changes nothing', async () => {
  const dataDir = newDataDir();
  const cases: [string[], RegExp][] = [
    [
      ['users', 'add', 'lan', '--role', 'boss'],
      /--role must be one of owner, admin, analyst, viewer, not "boss"/,
    ],
    [['users', 'add', 'lan'], /--role is required/],
    [['users', 'add', 'Lan Anh', '--role', 'viewer'], /a login is 2–64 characters/],
    [['users', 'add', 'lan', '--role', 'viewer', '--workspace', 'nope'], /no workspace "nope"/],
    [['tokens', 'create', '--name', 'x', '--role', 'root'], /--role must be one of/],
    [
      ['tokens', 'create', '--name', 'x', '--role', 'admin', '--days', '1000'],
      /--days is a whole number 1–366/,
    ],
    [['tokens', 'create', '--role', 'admin'], /--name NAME is required/],
    [['workspaces', 'add', 'Quận_7', '--name', 'x'], /a workspace id is 2–63 characters/],
    [['audit', 'list', '--all', '--workspace', 'default'], /--workspace or --all, not both/],
    [['audit', 'export', '--format', 'xml'], /--format is jsonl or csv/],
    [
      ['privacy', 'erase', '--platform', 'myspace', '--author', '1'],
      /--platform is one of news, facebook/,
    ],
    [['users', 'promote', 'lan'], /unknown action "promote"/],
  ];
  for (const [args, message] of cases) {
    const ran = await langnghe(dataDir, ...args);
    assert.equal(ran.code, 2, `${args.join(' ')}: ${ran.stderr}`);
    assert.match(ran.stderr, message, args.join(' '));
    assert.equal(ran.stdout, '', args.join(' '));
  }
  const weak = langngheWithInput(
    dataDir,
    'short\n',
    'users',
    'add',
    'lan',
    '--role',
    'viewer',
    '--password-stdin',
  );
  assert.equal(weak.code, 2, weak.stderr);
  assert.match(weak.stderr, /the password must be 10–256 characters/);
  assert.equal(weak.stderr.trim().split('\n').length, 1);

  assert.match((await langnghe(dataDir, 'users', 'list')).stdout, /No users yet/);
  assert.match((await langnghe(dataDir, 'audit', 'verify')).stdout, /intact: 0 entries/);
});

test('each account command has its help, and the main help lists them', async () => {
  const main = startCli(['--help']);
  assert.equal(await main.exited, 0);
  for (const name of ['users', 'workspaces', 'tokens', 'audit', 'privacy']) {
    assert.match(main.stdout(), new RegExp(`^  langnghe ${name} `, 'm'));
    const help = startCli([name, '--help']);
    assert.equal(await help.exited, 0, help.stderr());
    assert.match(help.stdout(), new RegExp(`^langnghe ${name} `));
  }
});
