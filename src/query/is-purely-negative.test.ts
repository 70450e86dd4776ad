import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from './parse-query.js';
import { isPurelyNegative } from './index.js';

const isNegative = (query: string): boolean => isPurelyNegative(parseQuery(query).ast);

for (const query of [
  '-zzz',
  'NOT a',
  'NOT a AND NOT b',
  '-a -b',
  '(a OR -b)',
  'NOT (ngập AND lụt)',
  '-platform:facebook',
  '-"kẹt xe"',
  '-area:"Thủ Đức" OR -ngập',
]) {
  test(`"${query}" matches a post without any of its terms`, () => {
    assert.equal(isNegative(query), true);
  });
}

for (const query of [
  'ngập',
  '"kẹt xe" NEAR/3 "Phạm Văn Đồng"',
  'lừa*',
  'a -b',
  'area:"Thủ Đức"',
  '#ngapnuoc',
  '@ubnd',
  'title:ngập',
  'sentiment:negative -quảng',
  '(a OR b) -c',
  'NOT (NOT a)',
]) {
  test(`"${query}" needs one of its terms`, () => {
    assert.equal(isNegative(query), false);
  });
}

test('a platform, language or site with negations alone is not purely negative', () => {
  assert.equal(isNegative('platform:facebook -zzz'), false);
  assert.equal(isNegative('lang:vi NOT quảng NOT cáo'), false);
  assert.equal(isNegative('site:vnexpress.net -"thể thao"'), false);
});
