import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createSecretBox, deriveSecretKey } from './secret-box.js';

const KEY = randomBytes(32).toString('base64');
const PASSPHRASE = 'a-test-passphrase-for-secrets';
const PAGE = { sourceId: 'fb-ubnd', field: 'accessToken' };

/** Sealed by the v1 code (no associated data, constant salt), as older installs stored them. */
const V1_BY_PASSPHRASE = {
  $secret: 'v1:ELwXlq-5swN4nDlC:rjs6g7LF4phFL7rufHQpBQ:UwhiyTadnwotjhFjfdMO3iBB',
};
const V1_BY_HEX_KEY = { $secret: 'v1:wj-OIDNMSl3KKcGV:RSYXfaIjZEdxemwGPODJOw:ds_6LOsdF3dD9as' };

function isSecretError(error: { code?: string }): boolean {
  return error.code === 'source.secret';
}

describe('secret box (AES-256-GCM)', () => {
  it('round-trips Vietnamese text as v2, with a fresh IV each time', () => {
    const box = createSecretBox(KEY);
    const a = box.seal('mật-khẩu-EAAB123', PAGE);
    const b = box.seal('mật-khẩu-EAAB123', PAGE);
    assert.match(a.$secret, /^v2:/);
    assert.notEqual(a.$secret, b.$secret);
    assert.doesNotMatch(a.$secret, /EAAB123/);
    assert.equal(box.open(a, PAGE), 'mật-khẩu-EAAB123');
  });

  it('refuses a wrong key and a tampered value', () => {
    const sealed = createSecretBox(KEY).seal('token', PAGE);
    assert.throws(
      () => createSecretBox(randomBytes(32).toString('hex')).open(sealed, PAGE),
      isSecretError,
    );
    const parts = sealed.$secret.split(':');
    parts[3] = Buffer.from('tampered').toString('base64url');
    assert.throws(
      () => createSecretBox(KEY).open({ $secret: parts.join(':') }, PAGE),
      isSecretError,
    );
    assert.throws(() => createSecretBox(KEY).open({ $secret: 'v9:a:b:c' }, PAGE), isSecretError);
  });

  it('opens a value only for the source and field it was sealed for', () => {
    const box = createSecretBox(KEY);
    const sealed = box.seal('EAAB-page-token', PAGE);
    assert.throws(
      () => box.open(sealed, { sourceId: 'attacker-source', field: 'accessToken' }),
      (error: { code?: string; message?: string }) =>
        isSecretError(error) &&
        /"accessToken" of source "attacker-source" cannot be decrypted: it was sealed for another source or field/.test(
          error.message ?? '',
        ),
    );
    assert.throws(
      () => box.open(sealed, { sourceId: 'fb-ubnd', field: 'appSecret' }),
      isSecretError,
    );
  });

  it("stretches a passphrase with the install's salt: another install's key does not open it", () => {
    const sealed = createSecretBox(PASSPHRASE, { salt: 'install-a' }).seal('token', PAGE);
    assert.equal(createSecretBox(PASSPHRASE, { salt: 'install-a' }).open(sealed, PAGE), 'token');
    assert.throws(
      () => createSecretBox(PASSPHRASE, { salt: 'install-b' }).open(sealed, PAGE),
      isSecretError,
    );
    assert.throws(() => createSecretBox(PASSPHRASE).open(sealed, PAGE), isSecretError);
    assert.notDeepEqual(deriveSecretKey(PASSPHRASE, 'install-a'), deriveSecretKey(PASSPHRASE));
  });

  it('still opens v1 values of older installs, whatever the salt, source or field', () => {
    const withSalt = createSecretBox(PASSPHRASE, { salt: randomBytes(32).toString('hex') });
    assert.equal(withSalt.open(V1_BY_PASSPHRASE, PAGE), 'EAAB-v1-page-token');
    assert.equal(createSecretBox(PASSPHRASE).open(V1_BY_PASSPHRASE, PAGE), 'EAAB-v1-page-token');
    assert.equal(
      createSecretBox('ab'.repeat(32), { salt: 'x' }).open(V1_BY_HEX_KEY, PAGE),
      'AIza-v1-key',
    );
    assert.throws(
      () => createSecretBox('another passphrase entirely').open(V1_BY_PASSPHRASE, PAGE),
      isSecretError,
    );
  });

  it('takes hex, base64 or a passphrase, and refuses a short key', () => {
    assert.equal(deriveSecretKey('ab'.repeat(32)).length, 32);
    assert.deepEqual(deriveSecretKey('ab'.repeat(32), 'salt'), deriveSecretKey('ab'.repeat(32)));
    assert.equal(deriveSecretKey(KEY).length, 32);
    assert.equal(deriveSecretKey('a long enough passphrase').length, 32);
    assert.throws(() => deriveSecretKey('short'), /too short/);
  });
});
