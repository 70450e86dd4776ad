import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import type { Running } from './helpers.js';
import { freePort, startCli, waitFor } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The `skip` option of a browser test. CI installs Debian's chromium (.ci/run); a developer
 * machine without it skips, CI never does.
 */
export const skipWithoutChromium =
  !existsSync(CHROMIUM) && process.env.CI !== 'true'
    ? 'Debian chromium is not installed (apt-get install chromium)'
    : false;

/** Debian's Chromium, headless; Playwright gives each page a fresh, empty profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** Fills the page's login form and submits it. */
export async function submitLoginForm(page: Page, login: string, password: string): Promise<void> {
  await page.waitForSelector('#login-form', { state: 'visible', timeout: 15_000 });
  await page.fill('#login-form input[name="login"]', login);
  await page.fill('#login-form input[name="password"]', password);
  await page.click('#login-form button[type="submit"]');
}

/** A `langnghe serve` started by a test, with the owner password it printed on first start. */
export interface Served {
  server: Running;
  base: string;
  /** Undefined when the data dir already had users (no password is printed then). */
  ownerPassword: string | undefined;
  stop(): Promise<number | null>;
}

/** The owner's one-time password in serve's output: `login: owner  password: XXXX`. */
export function ownerPasswordOf(stdout: string): string | undefined {
  return /login: owner {2}password: (\S+)/.exec(stdout)?.[1];
}

/** Starts the built `langnghe serve` on a free port and waits until it listens. */
export async function startServe(options: {
  dataDir: string;
  args?: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<Served> {
  const port = await freePort();
  const server = startCli(
    ['serve', '--port', String(port), '--data-dir', options.dataDir, ...(options.args ?? [])],
    options.env ?? {},
  );
  try {
    await waitFor(
      () => (/langnghe listening/.test(server.stdout()) ? true : undefined),
      options.timeoutMs ?? 30_000,
      `serve to listen (stderr: ${server.stderr()})`,
    );
  } catch (error) {
    server.child.kill('SIGTERM');
    await server.exited;
    throw error;
  }
  return {
    server,
    base: `http://127.0.0.1:${port}`,
    ownerPassword: ownerPasswordOf(server.stdout()),
    stop: async () => {
      server.child.kill('SIGTERM');
      return server.exited;
    },
  };
}

/** A password session over HTTP: the cookie to send back and the CSRF token for changes. */
export interface HttpSession {
  cookie: string;
  csrfToken: string;
}

export async function signIn(base: string, login: string, password: string): Promise<HttpSession> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  assert.match(cookie, /^langnghe_session=./);
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

/**
 * Signs in as the owner and creates an API token of `role` in the `default` workspace; returns
 * its secret, to send as `Authorization: Bearer …`.
 */
export async function ownerToken(served: Served, role = 'admin'): Promise<string> {
  assert.ok(served.ownerPassword, `no owner password in: ${served.server.stdout()}`);
  const session = await signIn(served.base, 'owner', served.ownerPassword);
  const response = await callApi(served.base, session, '/api/tokens', {
    method: 'POST',
    workspace: 'default',
    body: { name: `test-${role}`, role },
  });
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { secret: string }).secret;
}

/** A token made by `langnghe tokens create` on the data dir (the CLI prints the secret alone). */
export async function cliToken(dataDir: string, role: string): Promise<string> {
  const run = startCli([
    'tokens',
    'create',
    '--name',
    `cli-${role}`,
    '--role',
    role,
    '--data-dir',
    dataDir,
  ]);
  assert.equal(await run.exited, 0, run.stderr());
  const secret = run.stdout().trim();
  assert.match(secret, /^lng_\S+$/);
  return secret;
}

/**
 * Sends a JSON request as a bearer token (its secret) or a password session (cookie and CSRF
 * token, acting in `workspace`); returns the response.
 */
export function callApi(
  base: string,
  as: string | HttpSession,
  url: string,
  init: { method?: string; body?: unknown; workspace?: string } = {},
): Promise<Response> {
  const credentials: Record<string, string> =
    typeof as === 'string'
      ? { authorization: `Bearer ${as}` }
      : { cookie: as.cookie, 'x-csrf-token': as.csrfToken };
  if (init.workspace !== undefined) credentials['x-langnghe-workspace'] = init.workspace;
  return fetch(`${base}${url}`, {
    method: init.method ?? 'GET',
    headers: {
      ...credentials,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** What /api/ingest answers: how many posts were stored and which lines were refused. */
export interface IngestResult {
  inserted: number;
  errors: Array<{ line: number; message: string }>;
}

/** Posts NDJSON posts to /api/ingest with a token that holds ingest:write. */
export async function ingest(base: string, token: string, posts: object[]): Promise<IngestResult> {
  const response = await fetch(`${base}/api/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body: posts.map((p) => JSON.stringify(p)).join('\n'),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as IngestResult;
}
