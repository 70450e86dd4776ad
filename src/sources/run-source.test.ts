import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { LangngheError } from '../core/errors.js';
import { openSourceHarness } from '../../test/sources/harness.js';
import type { Connector, ConnectorItem, PollBatch } from './connector.js';
import { createSourceService } from './source-service.js';

const item = (n: number): ConnectorItem => ({
  externalId: `n${n}`,
  platform: 'forum',
  kind: 'post',
  text: `Bài viết số ${n} về ngập nước`,
  publishedAt: '2026-11-23T07:00:00Z',
});

interface ScriptConfig {
  token: string;
}

/** A connector that yields the scripted batches (or throws the scripted error) in order. */
function scripted(
  steps: Array<PollBatch | Error>,
  seen: ScriptConfig[] = [],
): Connector<ScriptConfig> {
  return {
    kind: 'scripted',
    platform: 'forum',
    description: 'test connector',
    mode: 'poll',
    configSchema: z.strictObject({ token: z.string().min(8) }),
    secretFields: ['token'],
    defaultIntervalSeconds: 60,
    async *poll(ctx) {
      seen.push(ctx.config);
      ctx.log({ level: 'info', message: `polling with cursor ${ctx.cursor ?? 'none'}` });
      for (const step of steps) {
        if (step instanceof Error) throw step;
        yield step;
      }
    },
  };
}

describe('runSourceOnce', () => {
  it('stores each batch, then saves its cursor, and records a healthy run', async () => {
    const seen: ScriptConfig[] = [];
    const h = await openSourceHarness([
      scripted(
        [
          { items: [item(1), item(2)], cursor: 'c1' },
          { items: [item(3)], cursor: 'c2' },
        ],
        seen,
      ),
    ]);
    await h.addSource('scripted', { token: 'secret-token-1' }, 's1');
    const outcome = await h.run('s1');
    assert.equal(outcome.ok, true);
    assert.equal(outcome.items, 3);
    assert.equal(outcome.inserted, 3);
    assert.equal(outcome.batches, 2);
    assert.equal(await h.cursor('s1'), 'c2');
    const posts = await h.posts();
    assert.deepEqual(
      posts.map((p) => p.id),
      ['forum:n1', 'forum:n2', 'forum:n3'],
    );
    assert.ok(posts.every((p) => p.sourceId === 's1'));
    assert.deepEqual(seen, [{ token: 'secret-token-1' }], 'the connector gets the opened secret');
    const stored = await h.store.getSource('s1');
    assert.doesNotMatch(JSON.stringify(stored), /secret-token-1/);
    const health = await h.store.getSourceHealth('s1');
    assert.equal(health.consecutiveFailures, 0);
    assert.equal(health.itemsLastHour, 3);
    await h.close();
  });

  it('keeps what was stored and the cursor of the last stored batch when the poll fails', async () => {
    const h = await openSourceHarness([
      scripted([
        { items: [item(1)], cursor: 'c1' },
        { items: [item(2)], cursor: 'c2' },
        new LangngheError('source.http', 'https://x.test/?key=secret-token-1 answered 500'),
      ]),
    ]);
    await h.addSource('scripted', { token: 'secret-token-1' }, 's1');
    const outcome = await h.run('s1');
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.http');
    assert.equal(outcome.items, 2);
    assert.equal(await h.cursor('s1'), 'c2');
    assert.equal((await h.posts()).length, 2);
    const health = await h.store.getSourceHealth('s1');
    assert.equal(health.consecutiveFailures, 1);
    assert.doesNotMatch(outcome.error!.message, /secret-token-1/);
    assert.doesNotMatch(health.lastError!.message, /secret-token-1/);
    assert.ok(h.logs.every((line) => !line.includes('secret-token-1')));
    await h.close();
  });

  it('does not move the cursor past a batch the store did not take', async () => {
    const h = await openSourceHarness([
      scripted([
        { items: [item(1)], cursor: 'c1' },
        { items: [item(2)], cursor: 'c2' },
      ]),
    ]);
    await h.addSource('scripted', { token: 'secret-token-1' }, 's1');
    const ingest = h.deps.ingest;
    let calls = 0;
    h.deps.ingest = async (items, options) => {
      if (++calls === 2) throw new LangngheError('store.closed', 'disk gone');
      return ingest(items, options);
    };
    const outcome = await h.run('s1');
    assert.equal(outcome.ok, false);
    assert.equal(await h.cursor('s1'), 'c1');
    assert.deepEqual(
      (await h.posts()).map((p) => p.id),
      ['forum:n1'],
    );
    // The next run re-reads batch 2 and stores it once.
    h.deps.ingest = ingest;
    await h.run('s1');
    assert.deepEqual(
      (await h.posts()).map((p) => p.id),
      ['forum:n1', 'forum:n2'],
    );
    await h.close();
  });

  it('refuses an invalid stored config with source.config, touching nothing', async () => {
    const h = await openSourceHarness([scripted([{ items: [item(1)], cursor: 'c1' }])]);
    await h.store.upsertSource({
      id: 'bad',
      workspaceId: 'default',
      kind: 'scripted',
      name: 'bad',
      config: { token: { $env: 'SHORT' } },
      enabled: true,
    });
    h.deps.env = { SHORT: 'abc' };
    const outcome = await h.run('bad');
    assert.equal(outcome.error?.code, 'source.config');
    assert.equal(await h.cursor('bad'), undefined);
    assert.equal((await h.posts()).length, 0);
    await h.close();
  });

  it('counts items the pipeline refuses without failing the run', async () => {
    const h = await openSourceHarness([
      scripted([{ items: [item(1), { ...item(2), publishedAt: 'not a date' }], cursor: 'c1' }]),
    ]);
    await h.addSource('scripted', { token: 'secret-token-1' }, 's1');
    const outcome = await h.run('s1');
    assert.equal(outcome.ok, true);
    assert.equal(outcome.rejected, 1);
    assert.equal(await h.cursor('s1'), 'c1');
    assert.ok(h.logs.some((line) => line.includes('item refused')));
    await h.close();
  });
});

describe('source service', () => {
  it('validates before storing, seals credentials, masks them when listing, tests without storing', async () => {
    const h = await openSourceHarness([scripted([{ items: [item(1)], cursor: 'c1' }])]);
    const service = createSourceService(h.deps);
    await assert.rejects(
      service.add({ kind: 'scripted', config: { token: 'short' } }),
      (e: { code: string; message: string }) =>
        e.code === 'input.invalid' && /token/.test(e.message),
    );
    await assert.rejects(
      service.add({ kind: 'nope', config: {} }),
      (e: { code: string }) => e.code === 'source.unknown_kind',
    );
    await assert.rejects(
      service.add({ kind: 'scripted', config: { token: 'long-enough-token' }, id: 'Bad Id!' }),
      (e: { code: string }) => e.code === 'input.invalid',
    );
    const added = await service.add({
      kind: 'scripted',
      id: 'ok-1',
      name: 'Diễn đàn',
      config: { token: 'long-enough-token', intervalSeconds: 120 },
    });
    assert.deepEqual(added.config, { token: '***', intervalSeconds: 120 });
    await assert.rejects(
      service.add({ kind: 'scripted', id: 'ok-1', config: { token: 'long-enough-token' } }),
      (e: { code: string }) => e.code === 'store.conflict',
    );
    const tested = await service.test('ok-1');
    assert.equal(tested.items.length, 1);
    assert.equal(await h.cursor('ok-1'), undefined);
    assert.equal((await h.posts()).length, 0);
    const updated = await service.update('ok-1', {
      config: { intervalSeconds: 300 },
      enabled: false,
    });
    assert.equal(updated.enabled, false);
    assert.deepEqual(
      updated.config,
      { token: '***', intervalSeconds: 300 },
      'the credential is kept',
    );
    await service.remove('ok-1');
    assert.deepEqual(await service.list(), []);
    await h.close();
  });

  it('without a secret key accepts only env: references for credentials', async () => {
    const h = await openSourceHarness([scripted([])], { env: { TOK: 'token-from-env' } });
    const service = createSourceService({ ...h.deps, secretBox: undefined });
    await assert.rejects(
      service.add({ kind: 'scripted', config: { token: 'literal-token' } }),
      /LANGNGHE_SECRET_KEY/,
    );
    const added = await service.add({ kind: 'scripted', config: { token: 'env:TOK' } });
    assert.deepEqual(added.config, { token: 'env:TOK' });
    await h.close();
  });
});

describe('source service: changing a source', () => {
  interface UrlConfig {
    query: string;
    apiBaseUrl: string;
    token: string;
  }
  const cursors: Array<string | undefined> = [];
  const withUrl: Connector<UrlConfig> = {
    kind: 'with-url',
    platform: 'forum',
    description: 'test connector with an address',
    mode: 'poll',
    configSchema: z.strictObject({
      query: z.string(),
      apiBaseUrl: z.url(),
      token: z.string().min(8),
    }),
    secretFields: ['token'],
    defaultIntervalSeconds: 60,
    async *poll(ctx) {
      cursors.push(ctx.cursor);
      yield { items: [item(1)], cursor: `after:${ctx.config.query}` };
    },
  };
  const stream: Connector<Record<string, never>> = {
    ...scripted([]),
    kind: 'a-stream',
    mode: 'stream',
    configSchema: z.strictObject({}),
    secretFields: [],
  } as unknown as Connector<Record<string, never>>;

  it('asks for the credentials again when the address they go to changes', async () => {
    const h = await openSourceHarness([withUrl]);
    const service = createSourceService(h.deps);
    await service.add({
      id: 'u',
      kind: 'with-url',
      config: { query: 'ngập', apiBaseUrl: 'https://api.example.vn', token: 'secret-token-1' },
    });
    await assert.rejects(
      service.update('u', { config: { query: 'ngập', apiBaseUrl: 'https://attacker.example' } }),
      (e: { code: string; message: string }) =>
        e.code === 'input.invalid' && /apiBaseUrl/.test(e.message) && /token/.test(e.message),
    );
    const moved = await service.update('u', {
      config: { query: 'ngập', apiBaseUrl: 'https://attacker.example', token: 'new-token-22' },
    });
    assert.equal(moved.config.apiBaseUrl, 'https://attacker.example');
    const kept = await service.update('u', {
      config: { query: 'ngập', apiBaseUrl: 'https://attacker.example' },
    });
    assert.equal(kept.config.token, '***');
    await h.close();
  });

  it('starts over from no cursor when a setting other than credentials changes', async () => {
    cursors.length = 0;
    const h = await openSourceHarness([withUrl]);
    const service = createSourceService(h.deps);
    await service.add({
      id: 'u',
      kind: 'with-url',
      config: { query: 'ngập', apiBaseUrl: 'https://api.example.vn', token: 'secret-token-1' },
    });
    await service.run('u');
    assert.equal(await h.cursor('u'), 'after:ngập');
    await service.update('u', {
      config: { query: 'ngập', apiBaseUrl: 'https://api.example.vn', intervalSeconds: 600 },
    });
    assert.equal(await h.cursor('u'), 'after:ngập', 'only the schedule changed');
    await service.update('u', {
      config: { query: 'kẹt xe', apiBaseUrl: 'https://api.example.vn' },
    });
    await service.run('u');
    assert.deepEqual(cursors, [undefined, undefined]);
    assert.equal(await h.cursor('u'), 'after:kẹt xe');
    await h.close();
  });

  it("refuses env: references to langnghe's own settings, and a manual run of a stream", async () => {
    const h = await openSourceHarness([withUrl, stream]);
    const service = createSourceService(h.deps);
    await assert.rejects(
      service.add({
        kind: 'with-url',
        config: {
          query: 'x',
          apiBaseUrl: 'https://api.example.vn',
          token: 'env:LANGNGHE_SECRET_KEY',
        },
      }),
      /langnghe's own settings/,
    );
    await service.add({ id: 's', kind: 'a-stream', config: {} });
    await assert.rejects(service.run('s'), (e: { code: string }) => e.code === 'source.stream');
    await h.close();
  });
});
