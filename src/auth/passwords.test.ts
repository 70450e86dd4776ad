import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  checkPasswordPolicy,
  generatePassword,
  hashPassword,
  verifyPassword,
} from './passwords.js';

const GENERATED_ALPHABET = /^[abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789]+$/;

describe('hashPassword and verifyPassword', () => {
  it('hashes with argon2id into a salted PHC string that verifies', async () => {
    const first = await hashPassword('Mật khẩu đủ dài');
    const second = await hashPassword('Mật khẩu đủ dài');
    assert.match(first, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.notEqual(first, second);
    assert.equal(await verifyPassword(first, 'Mật khẩu đủ dài'), true);
    assert.equal(await verifyPassword(second, 'Mật khẩu đủ dài'), true);
  });

  it('refuses a wrong password, also one differing only in its accents or case', async () => {
    const hash = await hashPassword('Mật khẩu đủ dài');
    assert.equal(await verifyPassword(hash, 'Mat khau du dai'), false);
    assert.equal(await verifyPassword(hash, 'mật khẩu đủ dài'), false);
    assert.equal(await verifyPassword(hash, ''), false);
  });

  it('answers false, without throwing, for a malformed hash', async () => {
    for (const hash of ['', 'not a hash', '$argon2id$v=19$m=19456', '$2b$10$abcdefghijklmnop']) {
      assert.equal(await verifyPassword(hash, 'Mật khẩu đủ dài'), false, hash);
    }
  });

  it('answers false for a password over the policy length, even the right one', async () => {
    const long = 'a'.repeat(MAX_PASSWORD_LENGTH + 1);
    const hash = await hashPassword(long);
    assert.equal(await verifyPassword(hash, long), false);
  });
});

describe('checkPasswordPolicy', () => {
  it(`accepts ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`, () => {
    assert.equal(MIN_PASSWORD_LENGTH, 10);
    assert.equal(MAX_PASSWORD_LENGTH, 256);
    for (const password of ['a'.repeat(10), 'a'.repeat(256), 'mật khẩu 10']) {
      assert.doesNotThrow(() => checkPasswordPolicy(password), password);
    }
  });

  it('refuses shorter and longer passwords with input.invalid naming the field', () => {
    for (const password of ['', 'a'.repeat(9), 'a'.repeat(257)]) {
      assert.throws(
        () => checkPasswordPolicy(password),
        {
          code: 'input.invalid',
          details: { field: 'password' },
          message: /the password must be 10–256 characters/,
        },
        String(password.length),
      );
    }
  });
});

describe('generatePassword', () => {
  it('makes 20 characters by default, of an alphabet without look-alikes', () => {
    const password = generatePassword();
    assert.equal(password.length, 20);
    assert.match(password, GENERATED_ALPHABET);
    assert.doesNotMatch(password, /[01lIoO]/);
    assert.doesNotThrow(() => checkPasswordPolicy(password));
  });

  it('makes the length asked for', () => {
    for (const length of [10, 33, 256]) {
      const password = generatePassword(length);
      assert.equal(password.length, length);
      assert.match(password, GENERATED_ALPHABET);
    }
  });

  it('never repeats itself and uses the whole alphabet', () => {
    const passwords = Array.from({ length: 500 }, () => generatePassword());
    assert.equal(new Set(passwords).size, passwords.length);
    const seen = new Set(passwords.join(''));
    assert.equal(seen.size, 56);
  });
});
