import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { HttpSession } from './web-helpers.js';
import {
  callApi,
  ingest,
  launchChromium,
  signIn,
  skipWithoutChromium,
  startServe,
  submitLoginForm,
} from './web-helpers.js';

// The few browser globals the page callbacks use (they run in Chromium, not in Node).
declare const document: {
  querySelector(selector: string): { textContent: string | null } | null;
  querySelectorAll(selector: string): { length: number };
  body: { textContent: string | null };
};
declare const window: unknown;

const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '<script>window.__xss=1</script>';
const SVG = '"><svg onload=window.__xss=1>';
const JS_URL = 'javascript:window.__xss=1';
const RLO = '\u202Egnp.exe';

/** `<b>` makes ingestion read the text as HTML: tags go, and the entities become literal `<…>`. */
const asEntities = (text: string): string => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');

const POSTS = [
  {
    id: 'xss-entities',
    platform: 'facebook',
    title: `<b>Tiêu đề</b> ${asEntities(SCRIPT)}`,
    text: `<b>kiemtra</b> ${asEntities(IMG)} ${asEntities(SCRIPT)}`,
    author: { id: 'a1', name: IMG },
    url: `https://example.test/${SVG}`,
  },
  {
    id: 'xss-plain',
    platform: 'x',
    text: `kiemtra ${SVG} ${RLO}`,
    author: { id: 'a2', name: SVG },
  },
  {
    id: 'xss-raw-html',
    platform: 'youtube',
    title: `${SCRIPT}Tiêu đề thô`,
    text: `kiemtra ${IMG} thô ${SCRIPT} hết`,
  },
  { id: 'xss-js-url', platform: 'facebook', text: 'kiemtra liên kết', url: JS_URL },
];

/** A workspace, topic, source, member and token whose names are hostile, made over HTTP. */
async function arrange(base: string, owner: HttpSession, workspace: string) {
  const call = (url: string, method: string, body: unknown) =>
    callApi(base, owner, url, { method, body, workspace });
  const topic = await call('/api/topics', 'POST', { name: `${IMG}\u202E${SVG}`, query: 'kiemtra' });
  assert.equal(topic.status, 201, await topic.clone().text());
  assert.equal(((await topic.json()) as { name: string }).name, `${IMG}${SVG}`);
  const source = await call('/api/sources', 'POST', {
    id: 'nguon-xss',
    kind: 'rss',
    name: SCRIPT,
    config: { url: 'https://example.test/feed.rss' },
  });
  assert.equal(source.status, 201, await source.clone().text());
  const member = await call('/api/members', 'PUT', {
    login: 'nguoi-xem',
    name: IMG,
    password: 'mat-khau-xem-2024',
    role: 'viewer',
  });
  assert.equal(member.status, 200, await member.clone().text());
  const token = await call('/api/tokens', 'POST', { name: SVG, role: 'viewer' });
  assert.equal(token.status, 201, await token.clone().text());
}

async function noScriptRan(page: Page): Promise<void> {
  assert.equal(
    await page.evaluate(() => (window as { __xss?: unknown }).__xss),
    undefined,
    'a hostile string ran as script',
  );
  assert.equal(
    await page.evaluate(
      () =>
        document.querySelectorAll(
          'body img[src="x"], body svg, body script, body iframe, a[href^="javascript"], [onerror], [onload]',
        ).length,
    ),
    0,
  );
}

test(
  'hostile post text, author names, topic, workspace, source, member and token names stay text in every panel; the SSO link shows when sign-on is configured (browser)',
  { skip: skipWithoutChromium, timeout: 120_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'langnghe-web-xss-'));
    const served = await startServe({
      dataDir,
      args: ['--no-demo'],
      // Single sign-on configured (its provider is asked only when someone follows the link).
      env: {
        LANGNGHE_COLLECT: 'false',
        LANGNGHE_OIDC_ISSUER: 'http://127.0.0.1:9/realms/test',
        LANGNGHE_OIDC_CLIENT_ID: 'langnghe',
        LANGNGHE_OIDC_REDIRECT_URI: 'http://127.0.0.1:9/api/auth/oidc/callback',
      },
    });
    const browser = await launchChromium();
    try {
      assert.ok(served.ownerPassword, served.server.stdout());
      const owner = await signIn(served.base, 'owner', served.ownerPassword);
      const created = await callApi(served.base, owner, '/api/workspaces', {
        method: 'POST',
        body: { name: `${IMG} ${RLO}` },
      });
      assert.equal(created.status, 201, await created.clone().text());
      const workspace = (await created.json()) as { id: string; name: string };
      assert.equal(workspace.name, `${IMG} gnp.exe`, 'the name cleaning removes bidi controls');
      await arrange(served.base, owner, workspace.id);
      const tokenAnswer = await callApi(served.base, owner, '/api/tokens', {
        method: 'POST',
        workspace: 'default',
        body: { name: 'nhập liệu', role: 'admin' },
      });
      const ingestToken = ((await tokenAnswer.json()) as { secret: string }).secret;
      const stored = await ingest(served.base, ingestToken, POSTS);
      assert.equal(stored.inserted, 3);
      assert.deepEqual(
        stored.errors.map((e) => [e.line, /http and https/.test(e.message)]),
        [[4, true]],
        'a javascript: URL is refused at ingestion',
      );

      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('dialog', (dialog) => {
        errors.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await page.goto(served.base);
      await page.waitForSelector('#sso-link', { state: 'visible' });
      assert.equal(await page.getAttribute('#sso-link', 'href'), '/api/auth/oidc/start');
      assert.match((await page.textContent('#sso-link')) ?? '', /Đăng nhập một lần \(SSO\)/);
      await submitLoginForm(page, 'owner', served.ownerPassword);
      await page.waitForSelector('#app', { state: 'visible' });
      assert.equal(
        await page.$eval(`#workspace option[value="${workspace.id}"]`, (o) => o.textContent),
        workspace.name,
      );
      await page.selectOption('#workspace', workspace.id);
      const topicButton = '#topic-list li:nth-child(2) .topic';
      await page.waitForSelector(topicButton);
      assert.equal(await page.textContent(`${topicButton} .topic-name`), `${IMG}${SVG}`);
      await page.waitForSelector('#source-list .source-name');
      assert.equal(await page.textContent('#source-list .source-name'), SCRIPT);

      // The topic's posts, its live stream (the workspace in the query), the feed title.
      await page.click(topicButton);
      // The latest posts may already show two posts: wait for the topic's view itself.
      await page.waitForFunction(
        (title) => document.querySelector('#feed-title')?.textContent === title,
        `${IMG}${SVG}`,
      );
      await page.waitForFunction(() => document.querySelectorAll('#results .post').length >= 2);
      assert.equal(await page.textContent('#feed-title'), `${IMG}${SVG}`);
      await page.waitForSelector('#live-status[data-state="live"]');
      await ingest(served.base, ingestToken, [
        {
          id: 'xss-live',
          platform: 'tiktok',
          text: `kiemtra trực tiếp ${SVG}`,
          author: { name: SCRIPT },
        },
      ]);
      await page.waitForFunction(
        () => (document.querySelector('#results')?.textContent ?? '').includes('kiemtra trực tiếp'),
        undefined,
        { timeout: 15_000 },
      );

      // A search with highlights, and the topic form's test samples.
      await page.fill('#q', 'kiemtra');
      await page.press('#q', 'Enter');
      await page.waitForFunction(() => document.querySelectorAll('#results mark').length >= 3);
      await page.fill('#topic-form textarea[name="query"]', 'kiemtra');
      await page.click('#topic-test');
      await page.waitForSelector('#topic-feedback .samples li');

      await page.click('#open-admin');
      await page.waitForFunction(() =>
        (document.querySelector('#member-list')?.textContent ?? '').includes('nguoi-xem'),
      );
      await page.waitForFunction(
        () =>
          document.querySelectorAll('#token-list li.token, #audit-list li.audit-entry').length >= 4,
      );
      await page.click('#open-account');

      const results = (await page.textContent('#results')) ?? '';
      for (const literal of [IMG, SCRIPT, SVG, RLO, 'kiemtra thô hết'])
        assert.ok(results.includes(literal), `${JSON.stringify(literal)} in the posts`);
      assert.ok(!results.includes(`${IMG} thô`), 'raw tags in post text are removed at ingestion');
      assert.equal(
        await page.$eval('#results a[href^="https://example.test/"]', (a) =>
          a.getAttribute('href'),
        ),
        new URL(`https://example.test/${SVG}`).href,
      );
      const guest = page.locator('#member-list li', { hasText: 'nguoi-xem' });
      assert.equal(await guest.locator('.member-name').textContent(), IMG);
      assert.ok(((await page.textContent('#token-list')) ?? '').includes(SVG));
      const audit = (await page.textContent('#audit-list')) ?? '';
      assert.ok(audit.includes('nguoi-xem') && audit.includes('token.create'), audit);
      await noScriptRan(page);

      // The chosen workspace is remembered across a reload.
      await page.reload();
      await page.waitForSelector('#app', { state: 'visible' });
      await page.waitForSelector('#source-list .source-name');
      assert.equal(
        await page.$eval('#workspace', (s) => (s as unknown as { value: string }).value),
        workspace.id,
      );
      await noScriptRan(page);

      // Switching back shows the other workspace's topics and sources, not these.
      await page.selectOption('#workspace', 'default');
      await page.waitForSelector('#source-list li.empty');
      assert.equal(await page.$$eval('#topic-list li', (items) => items.length), 1);
      await page.click('#open-admin');
      await page.waitForFunction(() =>
        (document.querySelector('#token-list')?.textContent ?? '').includes('nhập liệu'),
      );
      assert.ok(!((await page.textContent('#token-list')) ?? '').includes(SVG));
      await noScriptRan(page);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await served.stop();
    }
  },
);
