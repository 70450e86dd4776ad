import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { classifySentiment } from './classify-sentiment.js';
import { MAX_EVIDENCE } from './classify-with.js';

test('negation: "không tốt" is not positive', () => {
  assert.notEqual(classifySentiment('không tốt').label, 'positive');
  assert.notEqual(classifySentiment('Dịch vụ ko tốt').label, 'positive');
  assert.notEqual(classifySentiment('khong tot').label, 'positive');
});

test('negation: "không tệ" is not strongly negative', () => {
  assert.ok(classifySentiment('không tệ').scores.negative < 0.5);
});

test('negation: "chẳng ai giải quyết" is negative', () => {
  assert.equal(classifySentiment('chẳng ai giải quyết').label, 'negative');
  assert.equal(classifySentiment('Đường ngập cả tuần, chẳng ai giải quyết!').label, 'negative');
});

test('clear positive and negative phrases', () => {
  assert.equal(classifySentiment('rất tốt').label, 'positive');
  assert.equal(classifySentiment('tuyệt vời').label, 'positive');
  assert.equal(classifySentiment('quá tệ').label, 'negative');
  assert.equal(
    classifySentiment('Nhân viên nhiệt tình, xử lý nhanh, cảm ơn nhiều').label,
    'positive',
  );
  assert.equal(classifySentiment('Thất vọng, chờ 2 tiếng mà không ai tiếp').label, 'negative');
});

test('emoji-only posts carry their tone', () => {
  assert.equal(classifySentiment('😍😍').label, 'positive');
  assert.equal(classifySentiment('😡').label, 'negative');
});

test('a text with no token is neutral with score 1 and no evidence', () => {
  for (const text of ['', '   ', '\n\t', '...', '\ud800']) {
    const r = classifySentiment(text);
    assert.equal(r.label, 'neutral');
    assert.equal(r.score, 1);
    assert.deepEqual(r.scores, { negative: 0, neutral: 1, positive: 0 });
    assert.deepEqual(r.evidence, []);
  }
});

test('evidence points at the words that carry the label, in the original text', () => {
  const text = 'Nhân viên  RẤT nhiệt tình 👍';
  const r = classifySentiment(text);
  assert.equal(r.label, 'positive');
  assert.ok(r.evidence.length > 0);
  for (const e of r.evidence) assert.equal(text.slice(e.start, e.end), e.text);
  assert.ok(r.evidence.some((e) => e.text === 'nhiệt' || e.text === 'tình' || e.text === '👍'));
});

test('reads decomposed (NFD) text like composed text', () => {
  const nfc = 'Sản phẩm quá tệ, thất vọng';
  const a = classifySentiment(nfc);
  const b = classifySentiment(nfc.normalize('NFD'));
  assert.equal(a.label, b.label);
  assert.ok(Math.abs(a.score - b.score) < 1e-12);
});

test('a 100 KB post is read up to the cap, fast, with valid evidence', () => {
  const text = 'Rác thải bốc mùi hôi thối, quá tệ. '.repeat(3000);
  const started = performance.now();
  const r = classifySentiment(text);
  assert.ok(performance.now() - started < 1000);
  assert.equal(r.label, 'negative');
  for (const e of r.evidence) assert.ok(e.end <= 5000);
});

test('any string gives a well-formed result (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      const r = classifySentiment(text);
      const total = r.scores.negative + r.scores.neutral + r.scores.positive;
      assert.ok(Math.abs(total - 1) < 1e-9);
      assert.equal(r.score, r.scores[r.label]);
      assert.ok(r.evidence.length <= MAX_EVIDENCE);
      let last = Infinity;
      for (const e of r.evidence) {
        assert.ok(e.start >= 0 && e.start < e.end && e.end <= text.length);
        assert.equal(text.slice(e.start, e.end), e.text);
        assert.ok(e.weight > 0 && e.weight <= last);
        last = e.weight;
      }
    }),
    { numRuns: 300 },
  );
});
