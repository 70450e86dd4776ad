import { test } from 'node:test';
import assert from 'node:assert/strict';
import { featurize, FEATURE_BITS, MAX_TEXT_CHARS } from './featurize.js';

function indexSet(text: string): Set<number> {
  const f = featurize(text);
  return new Set(f.indices.subarray(0, f.count));
}

test('the same text always gives the same features', () => {
  const a = featurize('Đường ngập quá, ko ai lo :(');
  const b = featurize('Đường ngập quá, ko ai lo :(');
  assert.deepEqual([...a.indices], [...b.indices]);
  assert.deepEqual([...a.owners], [...b.owners]);
});

test('indices stay inside the hashed space and owners name real tokens', () => {
  const f = featurize('Sp đẹp, giao nhanh 👍 https://shop.vn');
  assert.equal(f.indices.length, f.count);
  for (let i = 0; i < f.count; i++) {
    assert.ok(f.indices[i]! >= 0 && f.indices[i]! < 1 << FEATURE_BITS);
    assert.ok(f.owners[i]! >> 1 < f.tokens.length);
  }
});

test('a negated word is a different feature from the plain word', () => {
  const plain = indexSet('tốt');
  const negated = indexSet('không tốt');
  const shared = [...plain].filter((i) => negated.has(i));
  // In a negation's scope, unigrams, lexicon and character n-grams all use other namespaces.
  assert.equal(shared.length, 0);
});

test('diacritic and plain spellings share their folded features', () => {
  const accented = indexSet('ngập nước');
  const plain = indexSet('ngap nuoc');
  const shared = [...accented].filter((i) => plain.has(i));
  assert.ok(shared.length >= 10, `only ${shared.length} shared`);
});

test('teencode and its expansion give the same features', () => {
  assert.deepEqual(indexSet('ko dc'), indexSet('không được'));
});

test('reads at most MAX_TEXT_CHARS of a text', () => {
  const head = 'tốt '.repeat(MAX_TEXT_CHARS / 4);
  const a = featurize(head);
  const b = featurize(`${head}xấu xấu xấu xấu`);
  assert.equal(a.count, b.count);
  assert.ok(b.tokens.every((t) => t.end <= MAX_TEXT_CHARS));
});

test('no token, no feature', () => {
  for (const text of ['', '  ', '.,;', '\ud800']) assert.equal(featurize(text).count, 0);
});
