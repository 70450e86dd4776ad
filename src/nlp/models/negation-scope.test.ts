import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelTokens } from '../normalize-for-model.js';
import { IN_SCOPE, NEGATOR, negationScope } from './negation-scope.js';

function marks(text: string): string {
  const tokens = modelTokens(text);
  const scope = negationScope(tokens);
  return tokens
    .map((t, i) =>
      scope[i] === NEGATOR ? `[${t.text}]` : scope[i] === IN_SCOPE ? `~${t.text}` : t.text,
    )
    .join(' ');
}

test('marks the few words after a negator', () => {
  assert.equal(marks('không tốt'), '[không] ~tốt');
  assert.equal(marks('chẳng ai giải quyết cả'), '[chẳng] ~ai ~giải ~quyết cả');
  assert.equal(marks('ko dc tốt lắm'), '[không] ~được ~tốt ~lắm');
  assert.equal(marks('chưa bao giờ thấy đẹp'), '[chưa] ~bao ~giờ ~thấy ~đẹp');
  assert.equal(marks('đâu có đẹp'), 'đâu [có] ~đẹp');
});

test('the scope ends at punctuation and conjunctions', () => {
  assert.equal(marks('không đẹp, nhưng rẻ'), '[không] ~đẹp nhưng rẻ');
  assert.equal(marks('không đẹp nhưng rẻ'), '[không] ~đẹp nhưng rẻ');
  assert.equal(marks('không đẹp :) rẻ'), '[không] ~đẹp EMO_POS rẻ');
});

test('"không" that does not negate is left alone', () => {
  assert.equal(marks('không những rẻ mà còn đẹp'), 'không những rẻ mà còn đẹp');
  assert.equal(marks('không khí trong lành'), 'không khí trong lành');
  assert.equal(marks('không sao đâu'), 'không sao đâu');
});

test('recognises negators typed without diacritics', () => {
  assert.equal(marks('khong tot'), '[khong] ~tot');
});
