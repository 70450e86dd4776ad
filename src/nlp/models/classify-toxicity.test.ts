import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { classifyToxicity } from './classify-toxicity.js';
import { classifySentiment } from './classify-sentiment.js';

test('polite and everyday posts are clean', () => {
  for (const text of [
    'Cảm ơn bạn rất nhiều',
    'Hôm nay trời đẹp quá',
    'Chúc mừng năm mới mọi người',
    'Tuyệt vời, cảm ơn ban quản lý đã xử lý nhanh',
    'Đường Nguyễn Hữu Cảnh lại ngập nước sau cơn mưa chiều nay',
  ]) {
    assert.equal(classifyToxicity(text).label, 'clean', text);
  }
});

test('insults and slurs are not clean', () => {
  for (const text of [
    'đồ ngu như chó',
    'địt mẹ mày',
    'dm thằng óc chó',
    'mấy thằng bắc kỳ ngu như bò',
  ]) {
    assert.notEqual(classifyToxicity(text).label, 'clean', text);
  }
});

test('profanity abbreviations are read like their full forms', () => {
  const short = classifyToxicity('vcl thằng này');
  assert.notEqual(short.label, 'clean');
  assert.ok(short.evidence.some((e) => e.text === 'vcl' || e.text === 'thằng'));
});

test('a text with no token is clean with score 1', () => {
  const r = classifyToxicity('');
  assert.deepEqual(r, {
    label: 'clean',
    score: 1,
    scores: { clean: 1, offensive: 0, hate: 0 },
    evidence: [],
  });
});

test('sentiment and toxicity of one text agree with their separate runs (shared features)', () => {
  const a = 'Bọn lừa đảo, trả tiền đây!';
  const b = 'Cảm ơn anh';
  const sa = classifySentiment(a);
  const tb = classifyToxicity(b);
  const ta = classifyToxicity(a);
  const sb = classifySentiment(b);
  assert.deepEqual(classifySentiment(a), sa);
  assert.deepEqual(classifyToxicity(a), ta);
  assert.deepEqual(classifyToxicity(b), tb);
  assert.deepEqual(classifySentiment(b), sb);
});

test('hostile input never throws and keeps evidence inside the text', () => {
  const inputs = [
    '\u0000\u0001\u0002',
    '\ud83d',
    '\udc00\ud800',
    `x${'\u0301'.repeat(10_000)}`,
    '🏳️‍🌈'.repeat(1000),
    ':)'.repeat(60_000),
    'a'.repeat(100_000),
    '\u202e ngu \u202c',
  ];
  for (const text of inputs) {
    const r = classifyToxicity(text);
    for (const e of r.evidence) assert.equal(text.slice(e.start, e.end), e.text);
  }
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (text) => {
      const r = classifyToxicity(text);
      assert.ok(['clean', 'offensive', 'hate'].includes(r.label));
      for (const e of r.evidence) assert.equal(text.slice(e.start, e.end), e.text);
    }),
    { numRuns: 200 },
  );
});
