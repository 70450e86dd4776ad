import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createSecretBox, maskConfig, openConfig, sealConfig } from './secrets.js';

const box = createSecretBox(randomBytes(32).toString('base64'));
const FIELDS = ['apiKey', 'token'];

function seal(config: Record<string, unknown>, extra: { allowedEnv?: string[] } = {}) {
  return sealConfig(config, { secretFields: FIELDS, box, sourceId: 'src-1', ...extra });
}

function open(
  stored: Record<string, unknown>,
  env: Record<string, string> = {},
  extra: { allowedEnv?: string[]; sourceId?: string } = {},
) {
  return openConfig(stored, { secretFields: FIELDS, box, sourceId: 'src-1', env, ...extra });
}

function isCode(code: string, pattern?: RegExp) {
  return (error: { code?: string; message?: string }): boolean =>
    error.code === code && (pattern === undefined || pattern.test(error.message ?? ''));
}

describe('sealConfig / openConfig / maskConfig', () => {
  it('seals literal credentials, keeps env references, and opens both', () => {
    const stored = seal({ query: 'ngập', apiKey: 'AIza-secret', token: 'env:MY_TOKEN' });
    assert.equal(stored.query, 'ngập');
    assert.deepEqual(stored.token, { $env: 'MY_TOKEN' });
    assert.doesNotMatch(JSON.stringify(stored), /AIza-secret/);
    const opened = open(stored, { MY_TOKEN: 'from-env-123' });
    assert.deepEqual(opened.config, {
      query: 'ngập',
      apiKey: 'AIza-secret',
      token: 'from-env-123',
    });
    assert.deepEqual(opened.secrets.sort(), ['AIza-secret', 'from-env-123']);
    assert.deepEqual(maskConfig(stored, FIELDS), {
      query: 'ngập',
      apiKey: '***',
      token: 'env:MY_TOKEN',
    });
  });

  it('refuses the stored forms in input: only the credential or env:NAME is accepted', () => {
    const sealedElsewhere = box.seal('stolen', { sourceId: 'other', field: 'apiKey' });
    for (const value of [{ $env: 'LANGNGHE_SECRET_KEY' }, { $env: 'HOME' }, sealedElsewhere, 42])
      assert.throws(
        () => seal({ apiKey: value }),
        isCode('input.invalid', /"apiKey" must be a string/),
      );
  });

  it("refuses env:LANGNGHE_… references: langnghe's own settings are not a source's to read", () => {
    for (const name of ['LANGNGHE_SECRET_KEY', 'langnghe_database_url'])
      assert.throws(() => seal({ token: `env:${name}` }), isCode('input.invalid', /own settings/));
  });

  it('reads only the variables allowedEnv names, when it is given', () => {
    assert.deepEqual(seal({ token: 'env:YT_KEY' }, { allowedEnv: ['YT_KEY'] }).token, {
      $env: 'YT_KEY',
    });
    assert.throws(
      () => seal({ token: 'env:HOME' }, { allowedEnv: ['YT_KEY'] }),
      isCode('input.invalid', /cannot read HOME/),
    );
    assert.throws(
      () => open({ token: { $env: 'HOME' } }, { HOME: '/root' }, { allowedEnv: ['YT_KEY'] }),
      isCode('source.secret', /cannot read HOME/),
    );
    assert.equal(open({ token: { $env: 'HOME' } }, { HOME: '/root' }).config.token, '/root');
  });

  it("never opens a stored reference to langnghe's own settings (stored before the input check)", () => {
    assert.throws(
      () =>
        open({ token: { $env: 'LANGNGHE_SECRET_KEY' } }, { LANGNGHE_SECRET_KEY: 'k'.repeat(32) }),
      isCode('source.secret', /own settings/),
    );
  });

  it('keeps the stored value of a field an update leaves out', () => {
    const stored = seal({ apiKey: 'AIza-secret', token: 'env:MY_TOKEN' });
    const updated = sealConfig(
      { query: 'mới', apiKey: stored.apiKey, token: stored.token },
      { secretFields: FIELDS, box, sourceId: 'src-1', keptFields: ['apiKey', 'token'] },
    );
    assert.deepEqual(updated, { query: 'mới', apiKey: stored.apiKey, token: stored.token });
  });

  it('opens a sealed value for its own source only', () => {
    const stored = seal({ apiKey: 'AIza-secret' });
    assert.throws(
      () => open(stored, {}, { sourceId: 'src-2' }),
      isCode('source.secret', /another source or field/),
    );
  });

  it('refuses to store a literal credential without a key, and says what to do', () => {
    assert.throws(
      () =>
        sealConfig(
          { apiKey: 'plain' },
          { secretFields: ['apiKey'], box: undefined, sourceId: 's' },
        ),
      /LANGNGHE_SECRET_KEY|env:/,
    );
    assert.deepEqual(
      sealConfig({ apiKey: 'env:K' }, { secretFields: ['apiKey'], box: undefined, sourceId: 's' }),
      {
        apiKey: { $env: 'K' },
      },
    );
  });

  it('names the missing variable or key when opening', () => {
    assert.throws(() => open({ apiKey: { $env: 'NOPE' } }), /NOPE/);
    const sealed = seal({ apiKey: 'x-secret' });
    assert.throws(
      () =>
        openConfig(sealed, { secretFields: FIELDS, box: undefined, sourceId: 'src-1', env: {} }),
      /LANGNGHE_SECRET_KEY/,
    );
  });
});
