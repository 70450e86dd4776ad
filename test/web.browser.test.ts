import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  callApi,
  ingest,
  launchChromium,
  ownerToken,
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

test(
  'the page in a real browser: search highlights, hostile text stays text, live posts arrive (browser)',
  { skip: skipWithoutChromium, timeout: 120_000 },
  async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'langnghe-browser-'));
    const served = await startServe({ dataDir, args: ['--no-demo'] });
    const browser = await launchChromium();
    try {
      const base = served.base;
      const token = await ownerToken(served);
      // The live stream carries posts that match a topic.
      const topic = await callApi(base, token, '/api/topics', {
        method: 'POST',
        body: { name: 'Kẹt xe', query: '"kẹt xe"' },
      });
      assert.equal(topic.status, 201, await topic.text());
      await ingest(base, token, [
        {
          id: 'b1',
          platform: 'facebook',
          text: 'Ngập nước đường Huỳnh Tấn Phát Q7 từ sáng, ko ai giải quyết',
        },
        // Not in the pipeline's HTML-to-text list, so these reach the page as literal text.
        {
          id: 'b2',
          platform: 'facebook',
          text: 'ngập <svg onload="window.__xss=1"> <iframe srcdoc="x" onload="window.__xss=2"> <details open ontoggle="window.__xss=3"> hết rồi',
        },
        { id: 'b3', platform: 'youtube', text: 'Trời đẹp, đường thông thoáng' },
      ]);
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(base);
      assert.ok(served.ownerPassword);
      await submitLoginForm(page, 'owner', served.ownerPassword);
      await page.waitForSelector('#app', { state: 'visible' });
      await page.fill('#q', 'ngap');
      await page.press('#q', 'Enter');
      await page.waitForFunction(
        () => document.querySelectorAll('#results mark').length >= 2,
        undefined,
        { timeout: 15_000 },
      );
      const marks = await page.$$eval('#results mark', (nodes) => nodes.map((n) => n.textContent));
      assert.ok(marks.includes('Ngập') && marks.includes('ngập'), JSON.stringify(marks));
      const results = await page.textContent('#results');
      assert.match(results ?? '', /<svg onload="window.__xss=1"> <iframe srcdoc=/);
      assert.doesNotMatch(results ?? '', /Trời đẹp/);
      assert.equal(
        await page.$$eval(
          '#results svg, #results iframe, #results details, #results script',
          (nodes) => nodes.length,
        ),
        0,
      );
      assert.equal(
        await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
        undefined,
      );

      await page.fill('#q', 'ngập AND (q7');
      await page.press('#q', 'Enter');
      await page.waitForFunction(
        () =>
          /vị trí|position|at \d/i.test(
            document.querySelector('#search-feedback')?.textContent ?? '',
          ),
        undefined,
        { timeout: 10_000 },
      );

      await page.fill('#q', '');
      await page.press('#q', 'Enter');
      await page.waitForFunction(
        () => (document.querySelector('#results')?.textContent ?? '').includes('Trời đẹp'),
        undefined,
        { timeout: 10_000 },
      );
      await ingest(base, token, [
        { id: 'b4', platform: 'x', text: 'Kẹt xe vòng xoay Hàng Xanh lúc này' },
      ]);
      await page.waitForFunction(
        () => /Kẹt xe vòng xoay Hàng Xanh/.test(document.body.textContent ?? ''),
        undefined,
        { timeout: 15_000 },
      );
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await served.stop();
    }
  },
);
