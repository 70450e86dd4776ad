import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  callApi,
  launchChromium,
  signIn,
  skipWithoutChromium,
  startServe,
  submitLoginForm,
} from './web-helpers.js';

const ADMIN_PASSWORD = 'mat-khau-quan-tri-2024';

// The few browser globals the page callbacks use (they run in Chromium, not in Node).
declare const document: {
  querySelector(selector: string): { textContent: string | null } | null;
};
declare function fetch(
  url: string,
  init?: { headers?: Record<string, string> },
): Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

async function waitForText(page: Page, selector: string, pattern: RegExp): Promise<void> {
  await page.waitForFunction(
    ([css, source]) => new RegExp(source).test(document.querySelector(css)?.textContent ?? ''),
    [selector, pattern.source] as const,
    { timeout: 15_000 },
  );
}

const valueOf = (page: Page, selector: string): Promise<string> =>
  page.$eval(selector, (node) => (node as unknown as { value: string }).value);

/** What a same-origin GET from the page answers: the session cookie signs it in. */
function fetchFromPage(
  page: Page,
  url: string,
): Promise<{ status: number; type: string; body: string }> {
  return page.evaluate(async (href) => {
    const response = await fetch(href);
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: await response.text(),
    };
  }, url);
}

async function signInThroughPage(browser: Browser, base: string, login: string, password: string) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(base);
  await submitLoginForm(page, login, password);
  await page.waitForSelector('#app', { state: 'visible' });
  await page.click('#open-admin');
  await waitForText(page, '#member-list', /owner/);
  return { page, errors };
}

test(
  'the admin panel in the page: an install admin creates a workspace (bad and taken ids answered with the server’s message), switches to it, renames it, verifies the audit chain, downloads the log, creates a token that may read personal data; a plain admin sees none of the owner’s tools (browser)',
  { skip: skipWithoutChromium, timeout: 180_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'langnghe-web-admin-'));
    const served = await startServe({ dataDir, timeoutMs: 100_000 });
    const browser = await launchChromium();
    try {
      const password = served.ownerPassword;
      assert.ok(password, served.server.stdout());
      const { page, errors } = await signInThroughPage(browser, served.base, 'owner', password);

      await createWorkspace(page);
      await page.selectOption('#workspace', 'quan-7');
      await page.waitForFunction(
        () =>
          (
            document.querySelector('#rename-form input[name="name"]') as unknown as {
              value: string;
            } | null
          )?.value === 'Quận 7',
      );
      await page.fill('#rename-form input[name="name"]', 'Quận Bảy');
      await page.click('#rename-form button[type="submit"]');
      await waitForText(page, '#rename-feedback', /Đã đổi tên thành “Quận Bảy”/);
      await waitForText(page, '#workspace', /Quận Bảy/);
      assert.equal(await valueOf(page, '#workspace'), 'quan-7');
      await waitForText(page, '#audit-list', /workspace\.rename/);

      await page.click('#audit-verify');
      await waitForText(
        page,
        '#audit-verify-result',
        /Chuỗi nguyên vẹn: \d+ mục.*intact: \d+ entries/,
      );
      await downloadAuditLog(page);
      await createPiiToken(page);
      assert.deepEqual(errors, []);

      await checkPlainAdmin(browser, served.base, password);
    } finally {
      await browser.close();
      await served.stop();
    }
  },
);

/** A malformed id and a taken one show the server's words; a good one joins the switcher. */
async function createWorkspace(page: Page): Promise<void> {
  assert.equal(await page.isVisible('#workspace-create'), true);
  assert.match(
    (await page.textContent('#panel-workspace')) ?? '',
    /Tạo không gian làm việc\s*New workspace/,
  );
  await page.fill('#workspace-form input[name="id"]', 'Quận_7');
  await page.fill('#workspace-form input[name="name"]', 'Quận 7');
  await page.click('#workspace-form button[type="submit"]');
  await waitForText(page, '#workspace-feedback', /2–63 ký tự/);

  await page.fill('#workspace-form input[name="id"]', 'default');
  await page.click('#workspace-form button[type="submit"]');
  await waitForText(page, '#workspace-feedback', /already exists/);

  await page.fill('#workspace-form input[name="id"]', 'quan-7');
  await page.click('#workspace-form button[type="submit"]');
  await waitForText(page, '#workspace-feedback', /Đã tạo “Quận 7”/);
  await waitForText(page, '#workspace', /Quận 7/);
  assert.equal(await valueOf(page, '#workspace'), 'default');
  assert.equal(await valueOf(page, '#workspace-form input[name="id"]'), '');
}

/** Both links name the current workspace and answer the log in their format. */
async function downloadAuditLog(page: Page): Promise<void> {
  const csvHref = (await page.getAttribute('#audit-csv', 'href')) ?? '';
  assert.match(csvHref, /^\/api\/audit\/export\?format=csv&workspace=quan-7$/);
  assert.match((await page.textContent('#audit-csv')) ?? '', /Tải CSV\s*Download CSV/);
  const csv = await fetchFromPage(page, csvHref);
  assert.equal(csv.status, 200, csv.body);
  assert.match(csv.type, /^text\/csv/);
  assert.match(csv.body, /^seq,at,actor_kind/);
  assert.match(csv.body, /"workspace\.rename"/);
  assert.doesNotMatch(csv.body, /"user\.bootstrap"/);

  const jsonl = await fetchFromPage(page, (await page.getAttribute('#audit-jsonl', 'href')) ?? '');
  assert.equal(jsonl.status, 200, jsonl.body);
  assert.match(jsonl.type, /^application\/x-ndjson/);
  const actions = jsonl.body
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { action: string; workspaceId: string }).action);
  assert.ok(actions.includes('workspace.create'), actions.join());
}

/** The owner holds pii:read in the new workspace: the box shows and the token carries it. */
async function createPiiToken(page: Page): Promise<void> {
  assert.equal(await page.isVisible('#token-pii'), true);
  assert.match(
    (await page.textContent('#token-pii')) ?? '',
    /Được xem dữ liệu cá nhân\s*May read personal data/,
  );
  await page.fill('#token-form input[name="name"]', 'đọc dữ liệu cá nhân');
  await page.selectOption('#token-form select[name="role"]', 'analyst');
  await page.check('#token-form input[name="pii"]');
  await page.click('#token-form button[type="submit"]');
  await page.waitForSelector('#token-secret', { state: 'visible' });
  await waitForText(page, '#token-list', /đọc dữ liệu cá nhân.*PII/);
  const listed = await fetchFromPage(page, '/api/tokens?workspace=quan-7');
  assert.equal(listed.status, 200, listed.body);
  const { tokens } = JSON.parse(listed.body) as {
    tokens: Array<{ name: string; canReadPii: boolean; workspaceId: string }>;
  };
  assert.deepEqual(
    tokens.map((t) => [t.name, t.workspaceId, t.canReadPii]),
    [['đọc dữ liệu cá nhân', 'quan-7', true]],
  );
  assert.equal(await page.isChecked('#token-form input[name="pii"]'), false);
}

/** An admin without pii:read: no workspace forms, no chain check, no personal-data box. */
async function checkPlainAdmin(browser: Browser, base: string, ownerPassword: string) {
  const owner = await signIn(base, 'owner', ownerPassword);
  const added = await callApi(base, owner, '/api/members', {
    method: 'PUT',
    workspace: 'default',
    body: { login: 'quantri', password: ADMIN_PASSWORD, role: 'admin' },
  });
  assert.equal(added.status, 200, await added.text());
  const { page, errors } = await signInThroughPage(browser, base, 'quantri', ADMIN_PASSWORD);
  await waitForText(page, '#member-list', /quantri/);
  assert.equal(await page.isVisible('#panel-workspace'), false);
  assert.equal(await page.isVisible('#audit-verify'), false);
  assert.equal(await page.isVisible('#token-pii'), false);
  assert.equal(await page.isVisible('#audit-csv'), true);
  const csv = await fetchFromPage(page, (await page.getAttribute('#audit-csv', 'href')) ?? '');
  assert.equal(csv.status, 200, csv.body);
  assert.deepEqual(errors, []);
}
