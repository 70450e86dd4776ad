import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  API_TOKEN_PREFIX,
  isSameSecret,
  newApiTokenSecret,
  randomSecret,
  secretHash,
} from './secret-tokens.js';

describe('secret tokens', () => {
  it('makes random base64url secrets of 32 bytes', () => {
    const secrets = Array.from({ length: 200 }, () => randomSecret());
    assert.equal(new Set(secrets).size, secrets.length);
    for (const secret of secrets) {
      assert.match(secret, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(Buffer.from(secret, 'base64url').length, 32);
    }
    assert.equal(Buffer.from(randomSecret(9), 'base64url').length, 9);
  });

  it('prefixes API token secrets with lng_ so that a leaked one is recognizable', () => {
    const secret = newApiTokenSecret();
    assert.equal(API_TOKEN_PREFIX, 'lng_');
    assert.match(secret, /^lng_[A-Za-z0-9_-]{43}$/);
    assert.notEqual(newApiTokenSecret(), secret);
  });

  it('hashes a secret to SHA-256 hex, the same every time and not the secret', () => {
    const secret = newApiTokenSecret();
    const hash = secretHash(secret);
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.equal(hash, createHash('sha256').update(secret, 'utf8').digest('hex'));
    assert.equal(secretHash(secret), hash);
    assert.notEqual(secretHash(`${secret}x`), hash);
  });

  it('compares secrets of any lengths for equality', () => {
    const secret = randomSecret();
    assert.equal(isSameSecret(secret, `${secret}`), true);
    assert.equal(isSameSecret(secret, secret.slice(0, -1)), false);
    assert.equal(isSameSecret(secret, `${secret}x`), false);
    assert.equal(isSameSecret('', ''), true);
    assert.equal(isSameSecret('', secret), false);
  });
});
