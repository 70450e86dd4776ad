import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createSecretBox, deriveSecretKey, maskConfig, openConfig, sealConfig } from './secrets.js';

const KEY = randomBytes(32).toString('base64');

describe('secret box (AES-256-GCM)', () => {
  it('round-trips Vietnamese text, with a fresh IV each time', () => {
    const box = createSecretBox(KEY);
    const a = box.seal('mật-khẩu-EAAB123');
    const b = box.seal('mật-khẩu-EAAB123');
    assert.notEqual(a.$secret, b.$secret);
    assert.doesNotMatch(a.$secret, /EAAB123/);
    assert.equal(box.open(a), 'mật-khẩu-EAAB123');
  });

  it('refuses a wrong key and a tampered value', () => {
    const sealed = createSecretBox(KEY).seal('token');
    assert.throws(
      () => createSecretBox(randomBytes(32).toString('hex')).open(sealed),
      (e: { code?: string }) => e.code === 'source.secret',
    );
    const parts = sealed.$secret.split(':');
    parts[3] = Buffer.from('tampered').toString('base64url');
    assert.throws(
      () => createSecretBox(KEY).open({ $secret: parts.join(':') }),
      (e: { code?: string }) => e.code === 'source.secret',
    );
  });

  it('takes hex, base64 or a passphrase, and refuses a short key', () => {
    assert.equal(deriveSecretKey('ab'.repeat(32)).length, 32);
    assert.equal(deriveSecretKey(KEY).length, 32);
    assert.equal(deriveSecretKey('a long enough passphrase').length, 32);
    assert.throws(() => deriveSecretKey('short'), /too short/);
  });
});

describe('sealConfig / openConfig / maskConfig', () => {
  const box = createSecretBox(KEY);

  it('seals literal credentials, keeps env references, and opens both', () => {
    const stored = sealConfig(
      { query: 'ngập', apiKey: 'AIza-secret', token: 'env:MY_TOKEN' },
      ['apiKey', 'token'],
      box,
    );
    assert.equal(stored.query, 'ngập');
    assert.deepEqual(stored.token, { $env: 'MY_TOKEN' });
    assert.doesNotMatch(JSON.stringify(stored), /AIza-secret/);
    const opened = openConfig(stored, ['apiKey', 'token'], box, { MY_TOKEN: 'from-env-123' });
    assert.deepEqual(opened.config, {
      query: 'ngập',
      apiKey: 'AIza-secret',
      token: 'from-env-123',
    });
    assert.deepEqual(opened.secrets.sort(), ['AIza-secret', 'from-env-123']);
    assert.deepEqual(maskConfig(stored, ['apiKey', 'token']), {
      query: 'ngập',
      apiKey: '***',
      token: 'env:MY_TOKEN',
    });
  });

  it('refuses to store a literal credential without a key, and says what to do', () => {
    assert.throws(
      () => sealConfig({ apiKey: 'plain' }, ['apiKey'], undefined),
      /LANGNGHE_SECRET_KEY|env:/,
    );
    assert.deepEqual(sealConfig({ apiKey: 'env:K' }, ['apiKey'], undefined), {
      apiKey: { $env: 'K' },
    });
  });

  it('names the missing variable or key when opening', () => {
    assert.throws(() => openConfig({ apiKey: { $env: 'NOPE' } }, ['apiKey'], box, {}), /NOPE/);
    const sealed = sealConfig({ apiKey: 'x-secret' }, ['apiKey'], box);
    assert.throws(() => openConfig(sealed, ['apiKey'], undefined, {}), /LANGNGHE_SECRET_KEY/);
  });
});
