import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText, labelsOf } from './analyze.js';

const FIELDS = [
  'lang',
  'areas',
  'ambiguousAreas',
  'categories',
  'sentiment',
  'toxicity',
  'intent',
  'pii',
  'simhash',
];

test('the documented fields are all present, with evidence pointing into title or text', () => {
  const title = 'Ngập nặng ở Quận 7';
  const text =
    'nước ngập tới đầu gối ở đường Huỳnh Tấn Phát từ sáng tới giờ, ko ai giải quyết. Liên hệ 0901234567';
  const analysis = analyzeText({ title, text });
  assert.deepEqual(Object.keys(analysis).sort(), [...FIELDS].sort());
  const evidence = [
    ...analysis.areas.map((a) => a.evidence),
    ...analysis.categories.flatMap((c) => c.evidence),
    ...analysis.sentiment.evidence,
    ...analysis.intent.evidence,
    ...analysis.pii,
  ];
  assert.ok(evidence.length > 5);
  for (const e of evidence)
    assert.equal((e.field === 'title' ? title : text).slice(e.start, e.end), e.text);
  assert.equal(analysis.areas[0]?.evidence.field, 'title');
  assert.equal(analysis.pii[0]?.field, 'text');
  assert.equal(analysis.pii[0]?.text, '0901234567');
});

test('labels carry the keys area:, category: and sentiment: match', () => {
  const labels = labelsOf(analyzeText({ text: 'ngập nước ở Q7, bức xúc quá' }));
  assert.ok(labels.area.includes('quan 7'), labels.area.join(','));
  assert.ok(labels.category.includes('flooding'));
  assert.deepEqual(labels.sentiment, ['negative']);
});

test('hostile input gives a defined output, never a crash', () => {
  const inputs = [
    '',
    '   ',
    '😡😡😡',
    'https://tuoitre.vn/abc.htm',
    'ngập '.repeat(25_000),
    'Москва 北京 ngập nước',
    'bad \uD800 surrogate \uDC00',
    '\u0000\u0001',
  ];
  for (const text of inputs) {
    const analysis = analyzeText({ text });
    assert.deepEqual(Object.keys(analysis).sort(), [...FIELDS].sort());
    assert.match(analysis.simhash, /^[0-9a-f]{16}$/);
    assert.ok(['negative', 'neutral', 'positive'].includes(analysis.sentiment.label));
  }
  assert.equal(analyzeText({ text: '' }).lang.code, 'und');
});
