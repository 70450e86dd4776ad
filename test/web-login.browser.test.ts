import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  callApi,
  launchChromium,
  skipWithoutChromium,
  startServe,
  submitLoginForm,
} from './web-helpers.js';

const NEW_PASSWORD = 'mat-khau-moi-2024';
const GUEST_PASSWORD = 'mat-khau-khach-2024';

const textOf = async (page: Page, selector: string): Promise<string> =>
  (await page.textContent(selector)) ?? '';

async function waitForText(page: Page, selector: string, pattern: RegExp): Promise<void> {
  await page.waitForFunction(
    ([css, source]) => new RegExp(source).test(document.querySelector(css)?.textContent ?? ''),
    [selector, pattern.source] as const,
    // CI runs two test files at once on two cores: a loaded machine is slow, not wrong.
    { timeout: 30_000 },
  );
}

// The few browser globals the page callbacks use (they run in Chromium, not in Node).
declare const document: {
  querySelector(selector: string): { textContent: string | null } | null;
  querySelectorAll(selector: string): { length: number };
};

test(
  'signing in through the page: a wrong password is refused, the right one shows the demo posts, the admin panel manages members and tokens, a changed password, an ended session and sign-out return to the form, repeated failures lock (browser)',
  { skip: skipWithoutChromium, timeout: 180_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'langnghe-web-login-'));
    const served = await startServe({
      dataDir,
      env: { LANGNGHE_LOGIN_RATE_LIMIT: '30' },
      timeoutMs: 100_000,
    });
    const browser = await launchChromium();
    try {
      const password = served.ownerPassword;
      assert.ok(password, served.server.stdout());
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(served.base);

      // Signed out: the form, Vietnamese first; no SSO link (none configured); the app hidden.
      await page.waitForSelector('#login-form', { state: 'visible' });
      const form = await textOf(page, '#login-form');
      for (const words of ['Đăng nhập', 'Tên đăng nhập', 'Mật khẩu', 'Sign in', 'Password'])
        assert.ok(form.includes(words), `${words} in ${form}`);
      assert.equal(await page.isVisible('#sso-link'), false);
      assert.equal(await page.isVisible('#app'), false);

      await submitLoginForm(page, 'owner', 'not-the-password');
      await waitForText(page, '#login-feedback', /Sai tên đăng nhập hoặc mật khẩu/);
      assert.equal(await page.isVisible('#app'), false);

      await submitLoginForm(page, 'owner', password);
      await page.waitForSelector('#app', { state: 'visible' });
      await page.waitForFunction(() => document.querySelectorAll('#results .post').length > 0);
      assert.equal(await page.isVisible('#demo-banner'), true);
      assert.equal(await textOf(page, '#user-name'), 'owner');
      assert.equal(
        await page.$eval('#workspace', (s) => (s as unknown as { value: string }).value),
        'default',
      );
      await page.waitForFunction(() => document.querySelectorAll('#topic-list li').length > 1);

      await manageMembersAndTokens(page, served.base);
      await changePassword(page, password);

      await submitLoginForm(page, 'owner', NEW_PASSWORD);
      await page.waitForSelector('#app', { state: 'visible' });
      // The dashboard finishes loading first, so that its requests are not still in flight.
      await page.waitForFunction(() => document.querySelectorAll('#topic-list li').length > 1);
      await endSessionElsewhere(page, served.base);
      await page.press('#q', 'Enter');
      await page.waitForSelector('#login-form', { state: 'visible' });
      await waitForText(page, '#login-feedback', /Phiên đăng nhập đã kết thúc/);

      await submitLoginForm(page, 'owner', NEW_PASSWORD);
      await page.waitForSelector('#app', { state: 'visible' });
      await page.click('#logout');
      await page.waitForSelector('#login-form', { state: 'visible' });
      await waitForText(page, '#login-feedback', /Đã đăng xuất/);
      assert.equal(await page.isVisible('#app'), false);
      await page.reload();
      await page.waitForSelector('#login-form', { state: 'visible' });
      assert.equal(await page.isVisible('#app'), false);

      // Five failures in a row lock the account; the form says for how long.
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        await submitLoginForm(page, 'khach', `wrong-${attempt}`);
        await waitForText(page, '#login-feedback', /Sai tên đăng nhập/);
      }
      await submitLoginForm(page, 'khach', 'wrong-5');
      await waitForText(page, '#login-feedback', /tạm khoá.*15 phút/);
      await submitLoginForm(page, 'khach', GUEST_PASSWORD);
      await waitForText(page, '#login-feedback', /tạm khoá.*phút/);
      assert.equal(await page.isVisible('#app'), false);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await served.stop();
    }
  },
);

/** Adds a member, changes their role, creates a token (used once over HTTP), revokes it. */
async function manageMembersAndTokens(page: Page, base: string): Promise<void> {
  await page.click('#open-admin');
  await waitForText(page, '#member-list', /owner/);
  await page.fill('#member-form input[name="login"]', 'khach');
  await page.fill('#member-form input[name="name"]', 'Khách Tham Quan');
  await page.fill('#member-form input[name="password"]', GUEST_PASSWORD);
  await page.selectOption('#member-form select[name="role"]', 'viewer');
  await page.click('#member-form button[type="submit"]');
  await waitForText(page, '#member-list', /khach.*Khách Tham Quan/);
  const guestRole = '#member-list li:has-text("khach") select';
  assert.equal(
    await page.$eval(guestRole, (s) => (s as unknown as { value: string }).value),
    'viewer',
  );
  await page.selectOption(guestRole, 'analyst');
  await waitForText(page, '#audit-list', /member\.change/);
  assert.equal(
    await page.$eval(guestRole, (s) => (s as unknown as { value: string }).value),
    'analyst',
  );

  await page.fill('#token-form input[name="name"]', 'máy nhập liệu');
  await page.selectOption('#token-form select[name="role"]', 'admin');
  await page.click('#token-form button[type="submit"]');
  await page.waitForSelector('#token-secret', { state: 'visible' });
  const secret = await textOf(page, '#token-secret-value');
  assert.match(secret, /^lng_/);
  assert.match(await textOf(page, '#token-secret'), /chỉ hiện một lần/);
  assert.equal((await callApi(base, secret, '/api/topics')).status, 200);
  await waitForText(page, '#token-list', /máy nhập liệu/);
  await page.click('#token-secret-done');
  assert.equal(await page.isVisible('#token-secret'), false);

  const revoke = '#token-list li:has-text("máy nhập liệu") button';
  await page.click(revoke);
  await page.waitForSelector(`${revoke}:has-text("Chắc chắn")`);
  await page.click(revoke);
  await waitForText(page, '#token-list', /Đã thu hồi/);
  assert.equal((await callApi(base, secret, '/api/topics')).status, 401);
  await waitForText(page, '#audit-list', /token\.revoke/);
  const audit = await textOf(page, '#audit-list');
  for (const action of ['member.add', 'user.create', 'token.create'])
    assert.ok(audit.includes(action), `${action} in ${audit}`);
  await page.click('#open-admin');
  assert.equal(await page.isVisible('#admin-panel'), false);
}

/** Signs the page's session out over HTTP, as another tab or an expiry would. */
async function endSessionElsewhere(page: Page, base: string): Promise<void> {
  const cookies = await page.context().cookies(base);
  const session = cookies.find((c) => c.name === 'langnghe_session');
  assert.ok(session, JSON.stringify(cookies));
  const cookie = `langnghe_session=${session.value}`;
  const about = (await (
    await fetch(`${base}/api/auth/session`, { headers: { cookie } })
  ).json()) as {
    csrfToken: string;
  };
  const out = await fetch(`${base}/api/auth/logout`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': about.csrfToken },
  });
  assert.equal(out.status, 204);
}

/** A wrong current password is refused; the right one ends the session and asks to sign in. */
async function changePassword(page: Page, current: string): Promise<void> {
  await page.click('#open-account');
  await page.fill('#password-form input[name="current"]', 'not-my-password');
  await page.fill('#password-form input[name="next"]', NEW_PASSWORD);
  await page.fill('#password-form input[name="again"]', NEW_PASSWORD);
  await page.click('#password-form button[type="submit"]');
  await waitForText(page, '#password-feedback', /Mật khẩu hiện tại không đúng/);
  assert.equal(await page.isVisible('#app'), true);
  await page.fill('#password-form input[name="current"]', current);
  await page.click('#password-form button[type="submit"]');
  await page.waitForSelector('#login-form', { state: 'visible' });
  await waitForText(page, '#login-feedback', /Đã đổi mật khẩu/);
}
