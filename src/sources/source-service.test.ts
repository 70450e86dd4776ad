import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { openSourceHarness } from '../../test/sources/harness.js';
import type { Connector } from './connector.js';
import { createSourceService } from './source-service.js';

interface TokenConfig {
  token: string;
}

/** Records the token each poll ran with; yields nothing. */
function tokenConnector(seen: string[]): Connector<TokenConfig> {
  return {
    kind: 'with-token',
    platform: 'forum',
    description: 'test connector with a credential',
    mode: 'poll',
    configSchema: z.strictObject({ token: z.string().min(8) }),
    secretFields: ['token'],
    defaultIntervalSeconds: 60,
    async *poll(ctx) {
      seen.push(ctx.config.token);
      yield { items: [] };
    },
  };
}

function isInvalid(pattern: RegExp) {
  return (error: { code?: string; message?: string }): boolean =>
    error.code === 'input.invalid' && pattern.test(error.message ?? '');
}

describe('source service: credentials from input', () => {
  it('refuses {"$env": …} and {"$secret": …} in a body, on add and on update', async () => {
    const h = await openSourceHarness([tokenConnector([])], {
      env: { LANGNGHE_SECRET_KEY: 'the-install-key-itself' },
    });
    const service = createSourceService(h.deps);
    await assert.rejects(
      service.add({ kind: 'with-token', config: { token: { $env: 'LANGNGHE_SECRET_KEY' } } }),
      isInvalid(/"token" must be a string/),
    );
    const victim = await h.addSource('with-token', { token: 'victim-page-token' }, 'victim');
    await assert.rejects(
      service.add({ kind: 'with-token', id: 'thief', config: { token: victim.config.token } }),
      isInvalid(/"token" must be a string/),
    );
    await service.add({ kind: 'with-token', id: 'mine', config: { token: 'my-own-token-1' } });
    await assert.rejects(
      service.update('mine', { config: { token: { $env: 'LANGNGHE_SECRET_KEY' } } }),
      isInvalid(/"token" must be a string/),
    );
    assert.deepEqual((await h.store.listSources()).map((source) => source.id).sort(), [
      'mine',
      'victim',
    ]);
    await h.close();
  });

  it('lets env: name only the variables allowedEnv lists, when it is given', async () => {
    const h = await openSourceHarness([tokenConnector([])], {
      env: { YT_KEY: 'youtube-key-123', HOME: '/home/langnghe' },
    });
    const service = createSourceService({ ...h.deps, allowedEnv: ['YT_KEY'] });
    await assert.rejects(
      service.add({ kind: 'with-token', config: { token: 'env:HOME' } }),
      isInvalid(/cannot read HOME/),
    );
    const added = await service.add({ kind: 'with-token', config: { token: 'env:YT_KEY' } });
    assert.deepEqual(added.config, { token: 'env:YT_KEY' });
    await h.close();
  });

  it('keeps a credential across an update, and it still opens', async () => {
    const seen: string[] = [];
    const h = await openSourceHarness([tokenConnector(seen)]);
    const service = createSourceService(h.deps);
    await service.add({ kind: 'with-token', id: 'kept', config: { token: 'kept-token-123' } });
    await service.update('kept', { config: { intervalSeconds: 300 } });
    const outcome = await service.run('kept');
    assert.equal(outcome.ok, true, outcome.error?.message);
    assert.deepEqual(seen, ['kept-token-123']);
    await h.close();
  });
});

describe('source service: sealed credentials', () => {
  it('a sealed credential copied into another source does not open there', async () => {
    const seen: string[] = [];
    const h = await openSourceHarness([tokenConnector(seen)]);
    const victim = await h.addSource('with-token', { token: 'victim-page-token' }, 'victim');
    await h.store.upsertSource({ ...victim, id: 'copy', name: 'copy' });
    const outcome = await h.run('copy');
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'source.secret');
    assert.match(outcome.error?.message ?? '', /sealed for another source or field/);
    assert.deepEqual(seen, []);
    assert.equal((await h.run('victim')).ok, true);
    assert.deepEqual(seen, ['victim-page-token']);
    await h.close();
  });
});
