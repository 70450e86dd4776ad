import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLangngheError } from '../core/errors.js';
import type { TextPrefilter } from './text-prefilter.js';
import { MAX_PREFILTER_DEPTH, simplifyPrefilter } from './text-prefilter.js';

const hasWord = (s: string) => /[a-z0-9]/.test(s);
const term = (folded: string): TextPrefilter => ({ op: 'term', folded });

test('folds values again, so accented input still finds folded text', () => {
  assert.deepEqual(simplifyPrefilter(term('Đường'), hasWord), {
    op: 'term',
    folded: 'duong',
    prefix: false,
  });
});

test('and/or of nothing are everything/nothing, and absorb their constants', () => {
  assert.deepEqual(simplifyPrefilter({ op: 'and', children: [] }, hasWord), { op: 'all' });
  assert.deepEqual(simplifyPrefilter({ op: 'or', children: [] }, hasWord), { op: 'none' });
  const orWithAll: TextPrefilter = { op: 'or', children: [term('a'), term('!!')] };
  assert.deepEqual(simplifyPrefilter(orWithAll, hasWord), { op: 'all' });
  const andWithNone: TextPrefilter = {
    op: 'and',
    children: [term('a'), { op: 'or', children: [] }],
  };
  assert.deepEqual(simplifyPrefilter(andWithNone, hasWord), { op: 'none' });
});

test('widens a subtree deeper than the limit instead of failing', () => {
  let deep: TextPrefilter = term('x');
  for (let i = 0; i <= MAX_PREFILTER_DEPTH + 1; i++) {
    deep = { op: 'and', children: [term(`t${i}`), deep] };
  }
  const simple = simplifyPrefilter(deep, hasWord);
  assert.equal(simple.op, 'and');
  const words = JSON.stringify(simple);
  assert.ok(words.includes(`"t${MAX_PREFILTER_DEPTH + 1}"`), 'shallow terms stay');
  assert.ok(!words.includes('"x"'), 'the deepest term is widened away');
});

test('rejects malformed trees with store.invalid', () => {
  const bad = [null, { op: 'not' }, { op: 'and' }, { op: 'term' }, { op: 'phrase', folded: [1] }];
  for (const node of bad) {
    assert.throws(
      () => simplifyPrefilter(node as unknown as TextPrefilter, hasWord),
      (e: unknown) => isLangngheError(e) && e.code === 'store.invalid',
    );
  }
});
