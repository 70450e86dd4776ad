import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalSpelling } from './spelling.js';

test('moves the tone to its canonical vowel and keeps words with two tones as written', () => {
  assert.equal(canonicalSpelling('hoà'), canonicalSpelling('hòa'));
  assert.equal(canonicalSpelling('thuỷ'), canonicalSpelling('thủy'));
  assert.equal(canonicalSpelling('ngập'), 'ngập');
  assert.equal(canonicalSpelling('àà'), 'àà');
});

test('reads a stranger’s long accented word with a bounded number of normalizations', () => {
  const word = 'à'.repeat(20_000);
  const original = String.prototype.normalize;
  let calls = 0;
  String.prototype.normalize = function (this: string, form?: string) {
    calls++;
    return original.call(this, form);
  };
  try {
    assert.equal(canonicalSpelling(word), word);
  } finally {
    String.prototype.normalize = original;
  }
  // Once per tone mark before (20,000 here): quadratic, seconds for 100k characters.
  assert.ok(calls <= 4, `${calls} normalizations`);
});
