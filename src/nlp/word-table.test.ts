import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from './analyze.js';
import { tokenizeWithIds } from './tokenize.js';
import { tokenizeWithRegex } from './tokenize-regex.js';
import { wordGeneration, wordId, wordOf } from './word-table.js';

/** `count` distinct words ("w0 w1 w2 …"), enough to fill the table when count is large. */
function distinctWords(count: number, prefix: string): string {
  return Array.from({ length: count }, (_, i) => `${prefix}${i.toString(36)}`).join(' ');
}

const POSTS = [
  {
    title: 'Ngập nặng ở Quận 7',
    text: 'nước ngập tới đầu gối, ko ai giải quyết. Liên hệ 0901234567',
  },
  { text: 'Kẹt xe kinh khủng ở Q.Bình Thạnh sáng nay 😡 #ketxe' },
  { text: 'Cam on phuong An Phu da don rac sach se, tuyet voi!' },
];

test('a word gets one id and one string wherever it stands', () => {
  const text = 'xin chào, chào bạn';
  const first = wordId(text, 4, 8);
  assert.equal(wordId(text, 10, 14), first);
  assert.equal(wordOf(first), 'chào');
  assert.notEqual(wordId(text, 16, 18), first);
});

/** Texts of 2,000 unseen words (what one text may add) until the table starts afresh. */
function flood(prefix: string): void {
  const generation = wordGeneration();
  for (let k = 0; wordGeneration() === generation; k++) {
    tokenizeWithIds(distinctWords(2_000, `${prefix}${k}x`));
  }
}

test('analyses stay the same after the word table starts afresh', () => {
  const before = POSTS.map((p) => JSON.stringify(analyzeText(p)));
  flood('flood');
  assert.deepEqual(
    POSTS.map((p) => JSON.stringify(analyzeText(p))),
    before,
  );
});

test('a text during which the table starts afresh keeps its tokens and gives no stale id', () => {
  const post = { text: 'ngập nước Quận 7' };
  const expected = JSON.stringify(analyzeText(post));
  let during: string | undefined;
  for (let k = 0; during === undefined && k < 100; k++) {
    const text = `${distinctWords(2_000, `mid${k}x`)} ngập nước Quận 7`;
    const generation = wordGeneration();
    const { tokens, ids } = tokenizeWithIds(text);
    if (wordGeneration() === generation) continue;
    during = text;
    assert.deepEqual(tokens, tokenizeWithRegex(text));
    assert.ok(ids.every((id) => id === -1));
  }
  assert.ok(during !== undefined);
  assert.equal(JSON.stringify(analyzeText(post)), expected);
});

test('a text adds at most 2,000 unseen words; the rest keep their tokens without an id', () => {
  const text = distinctWords(5_000, 'budget');
  const { tokens, ids } = tokenizeWithIds(text);
  assert.deepEqual(tokens, tokenizeWithRegex(text));
  assert.equal(ids.filter((id) => id >= 0).length, 2_000);
  assert.equal(tokenizeWithIds(text).ids.filter((id) => id >= 0).length, 4_000);
});
