/**
 * Nothing lost: a full disk (SQLite's max_page_count), a poison item among good ones, a source
 * poll and a webhook delivery while the store refuses writes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Connector } from '../src/sources/connector.js';
import { TEST_POLLED_CONNECTOR, openApiHarness } from './api-harness.js';
import type { ApiHarness } from './api-harness.js';

/** A poll connector yielding one long article (long enough to need new pages). */
const longPoll: Connector<{ url: string }> = {
  ...TEST_POLLED_CONNECTOR,
  kind: 'long-poll',
  async *poll() {
    yield {
      items: [{ externalId: 'p1', platform: 'news', kind: 'article', text: LONG }],
      cursor: 'done',
    };
  },
};

const LONG = `Kẹt xe kéo dài trên đường Điện Biên Phủ. ${'Xe máy nối đuôi nhau. '.repeat(400)}`;

/** A webhook connector taking `{ id, text }` bodies unsigned (the transport is not under test). */
const hook: Connector<Record<string, never>> = {
  kind: 'plain-hook',
  platform: 'web',
  description: 'test webhook',
  mode: 'webhook',
  configSchema: z.strictObject({}),
  secretFields: [],
  defaultIntervalSeconds: 0,
  async webhook(request) {
    const body = JSON.parse(request.rawBody.toString('utf8')) as { id: string; text: string };
    return {
      status: 200,
      body: 'EVENT_RECEIVED',
      items: [{ externalId: body.id, platform: 'web', kind: 'post', text: body.text }],
    };
  },
};

const item = (
  n: number,
  text = `Phản ánh số ${n}: ngập nước đường Nguyễn Hữu Cảnh, phường Thạnh Mỹ Tây`,
) => ({
  id: `full-${n}`,
  platform: 'facebook',
  text: `${text} ${'nước ngập sâu '.repeat(40)}`,
  publishedAt: '2026-11-23T07:00:00Z',
});

async function until(check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('nothing is lost', () => {
  let h: ApiHarness;
  let db: Database;
  /** No page left: the file may not grow, and ballast takes every free byte inside it. */
  const fill = (): void => {
    db.exec('CREATE TABLE IF NOT EXISTS ballast (b BLOB)');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const add = db.prepare('INSERT INTO ballast (b) VALUES (zeroblob(?))');
    for (const size of [65_536, 4_096, 256, 16, 0]) {
      try {
        for (;;) add.run(size);
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_FULL') throw error;
      }
    }
  };
  const free = (): void => {
    db.pragma('max_page_count = 1073741823');
    db.exec('DELETE FROM ballast');
  };

  before(async () => {
    h = await openApiHarness({
      onOpenSqlite: (opened) => (db = opened),
      ingestWaitMs: 400,
      connectors: [longPoll, hook],
      // A classifier that crashes on one text: the poison item.
      enrich: (post) => {
        if (post.text.includes('☠')) throw new Error('classifier crashed');
        return {};
      },
    });
  });
  after(() => h.close());

  it('answers 503 with Retry-After on a full disk, keeps what it accepted, and stores it once space returns', async () => {
    const owner = {
      request: (r: Parameters<ApiHarness['installAdmin']['request']>[0]) =>
        h.installAdmin.request({ workspace: 'default', ...r }),
    };
    const first = await owner.request({
      workspace: 'default',
      method: 'POST',
      url: '/api/ingest',
      payload: [item(0)],
    });
    assert.equal(first.statusCode, 200, first.body);
    fill();
    const batch = Array.from({ length: 200 }, (_, i) => item(i + 1));
    const refused = await owner.request({
      workspace: 'default',
      method: 'POST',
      url: '/api/ingest',
      payload: batch,
    });
    assert.equal(refused.statusCode, 503, refused.body);
    assert.equal(refused.json().error.code, 'pipeline.unavailable');
    assert.ok(Number(refused.headers['retry-after']) >= 1);
    const ready = await h.anonymous.request({ url: '/readyz' });
    assert.equal(ready.statusCode, 503);
    assert.equal(ready.json().status, 'degraded');
    // While the store refuses writes, a new delivery is refused at once.
    const again = await owner.request({
      workspace: 'default',
      method: 'POST',
      url: '/api/ingest',
      payload: [item(999)],
    });
    assert.equal(again.statusCode, 503);
    assert.equal(h.app.metrics().storeStatus, 'degraded');
    assert.ok(h.app.metrics().storeRetries > 0);

    free();
    await until(async () => (await h.store.countPosts()) === 201, '201 posts stored');
    assert.equal(h.app.metrics().storeStatus, 'ok');
    assert.equal((await h.anonymous.request({ url: '/readyz' })).statusCode, 200);
    assert.equal(await h.store.deadLetters.count(), 0, 'a full disk is not the items’ fault');
    // The sender sends the refused delivery again: nothing is stored twice.
    const resent = await owner.request({
      workspace: 'default',
      method: 'POST',
      url: '/api/ingest',
      payload: batch,
    });
    assert.equal(resent.statusCode, 200, resent.body);
    assert.equal(resent.json().updated, 200);
    assert.equal(await h.store.countPosts(), 201);
  });

  it('keeps a source’s cursor and answers a webhook 503 while the disk is full', async () => {
    const owner = {
      request: (r: Parameters<ApiHarness['installAdmin']['request']>[0]) =>
        h.installAdmin.request({ workspace: 'default', ...r }),
    };
    const created = await owner.request({
      method: 'POST',
      url: '/api/sources',
      payload: { id: 'news-1', kind: 'long-poll', config: { url: 'https://example.org/feed' } },
    });
    assert.equal(created.statusCode, 201, created.body);
    const createdHook = await owner.request({
      method: 'POST',
      url: '/api/sources',
      payload: { id: 'hook-1', kind: 'plain-hook', config: {} },
    });
    assert.equal(createdHook.statusCode, 201, createdHook.body);
    const webhook = {
      method: 'POST' as const,
      url: '/api/webhooks/hook-1',
      payload: { id: 'w1', text: `Rác ùn ứ ở chợ Bình Tây. ${LONG}` },
    };
    fill();
    try {
      const run = await owner.request({
        workspace: 'default',
        method: 'POST',
        url: '/api/sources/news-1/run',
      });
      assert.ok(run.statusCode === 503 || run.json().ok === false, run.body);
      assert.equal(await h.store.getCursor('news-1'), undefined, 'the cursor stays put');
      const delivery = await h.anonymous.request(webhook);
      assert.ok(delivery.statusCode >= 500, `${delivery.statusCode}: the platform redelivers`);
    } finally {
      free();
    }
    await until(async () => h.app.metrics().storeStatus === 'ok', 'the store to recover');
    const run = await owner.request({
      workspace: 'default',
      method: 'POST',
      url: '/api/sources/news-1/run',
    });
    assert.equal(run.statusCode, 200, run.body);
    assert.equal(await h.store.getCursor('news-1'), 'done');
    assert.ok(await h.store.getPost('news:p1'));
    const redelivered = await h.anonymous.request(webhook);
    assert.equal(redelivered.statusCode, 200, redelivered.body);
    assert.ok(await h.store.getPost('web:w1'));
  });

  it('stores 500 good items and dead-letters the poison one among them', async () => {
    const owner = {
      request: (r: Parameters<ApiHarness['installAdmin']['request']>[0]) =>
        h.installAdmin.request({ workspace: 'default', ...r }),
    };
    const good = Array.from({ length: 500 }, (_, i) => item(10_000 + i, `Bài tốt số ${i}`));
    // Passes the door's validation, but enrichment crashes on it.
    const poison = { id: 'poison', platform: 'facebook', text: 'Bài độc ☠' };
    const before = await h.store.countPosts();
    const response = await owner.request({
      method: 'POST',
      url: '/api/ingest',
      payload: [...good.slice(0, 250), poison, ...good.slice(250)],
    });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.inserted, 500, JSON.stringify(body).slice(0, 300));
    assert.equal(await h.store.countPosts(), before + 500);
    const letters = await h.store.deadLetters.list();
    assert.equal(letters.length, 1, JSON.stringify(letters));
    assert.equal(letters[0]!.itemId, 'facebook:poison');
    assert.equal(letters[0]!.stage, 'enrich');
    assert.equal(letters[0]!.code, 'pipeline.enrich_failed');
    assert.equal(letters[0]!.workspaceId, 'default');
    assert.equal(body.errors.length, 1);
    assert.equal(body.errors[0].index, 250);

    // Read, replay (it fails again: one more attempt) and drop it through the API.
    const listed = await owner.request({ url: '/api/deadletters' });
    assert.equal(listed.statusCode, 200, listed.body);
    assert.equal(listed.json().total, 1);
    const [letter] = listed.json().items;
    assert.equal(letter.payload.post.text, 'Bài độc ☠');
    const other = await h.installAdmin.request({ workspace: 'ubnd-q1', url: '/api/deadletters' });
    assert.equal(other.json().total, 0, 'another workspace sees none of them');
    const retried = await owner.request({
      method: 'POST',
      url: '/api/deadletters/retry',
      payload: { ids: [letter.id] },
    });
    assert.equal(retried.statusCode, 200, retried.body);
    assert.deepEqual(retried.json().stored, 0);
    assert.equal(retried.json().failed[0].code, 'pipeline.enrich_failed');
    assert.equal((await h.store.deadLetters.list())[0]!.attempts, 2);
    const dropped = await owner.request({
      method: 'POST',
      url: '/api/deadletters/drop',
      payload: { ids: [letter.id] },
    });
    assert.equal(dropped.json().dropped, 1);
    assert.equal(await h.store.deadLetters.count(), 0);
    const bad = await owner.request({
      method: 'POST',
      url: '/api/deadletters/drop',
      payload: { ids: ['x'] },
    });
    assert.equal(bad.statusCode, 400);
  });

  it('replays a dead letter that the pipeline now takes', async () => {
    const owner = {
      request: (r: Parameters<ApiHarness['installAdmin']['request']>[0]) =>
        h.installAdmin.request({ workspace: 'default', ...r }),
    };
    await h.store.deadLetters.add([
      {
        itemId: 'facebook:later',
        stage: 'store',
        code: 'store.invalid',
        message: 'refused once',
        workspaceId: 'default',
        payload: {
          post: {
            id: 'facebook:later',
            platform: 'facebook',
            kind: 'post',
            text: 'Đèn đường hỏng ở phường Bến Nghé',
            publishedAt: '2026-11-23T07:00:00.000Z',
            collectedAt: '2026-11-23T07:00:00.000Z',
            sourceId: 'import',
          },
          truncated: false,
          workspaceId: 'default',
        },
      },
    ]);
    const [letter] = await h.store.deadLetters.list();
    const retried = await owner.request({
      method: 'POST',
      url: '/api/deadletters/retry',
      payload: { ids: [letter!.id] },
    });
    assert.equal(retried.json().stored, 1, retried.body);
    assert.ok(await h.store.getPost('facebook:later'));
    assert.equal(await h.store.deadLetters.count(), 0);
  });
});
