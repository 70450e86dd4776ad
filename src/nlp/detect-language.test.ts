import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectLanguage, type DetectedLanguageCode } from './detect-language.js';

const CASES: [string, DetectedLanguageCode][] = [
  ['Ngập nước ở quận 7 không ai giải quyết', 'vi'],
  ['kẹt xe', 'vi'],
  ['Xin chào', 'vi'],
  ['ngap nuoc quan 7 ko ai giai quyet', 'vi'],
  ['Quan 1 hom nay dong qua', 'vi'],
  ['hang ship nhanh, chat luong tot, shop tu van nhiet tinh', 'vi'],
  ['dc r, cam on ad nha', 'vi'],
  ['Cái này là Gel MH không phải là Decumar.', 'vi'],
  ['Đóng gói rất đẹp và chắc chắn. Thanks shop', 'vi'],
  ['Heavy flooding in District 7 again today', 'en'],
  ['Traffic jam on Saigon bridge', 'en'],
  ['Traffic jam on Phạm Văn Đồng street this morning', 'en'],
  ['Does anyone know where to renew a passport in Ho Chi Minh City?', 'en'],
  ['Le gouvernement a annoncé une nouvelle loi sur le logement', 'other'],
  ['Hari ini hujan deras di Jakarta dan banyak jalan banjir', 'other'],
  ['Die Stadt hat heute neue Regeln angekündigt', 'other'],
  ['Сегодня в городе сильный дождь', 'other'],
  ['今日は雨が強いです', 'other'],
  ['', 'und'],
  ['ok', 'und'],
  ['😡😡😡', 'und'],
  ['https://tuoitre.vn/ngap-nuoc.htm', 'und'],
  ['123 456 7890', 'und'],
  ['#ngapnuoc @ubnd', 'und'],
];

for (const [text, expected] of CASES) {
  test(`language of "${text}" is ${expected}`, () => {
    assert.equal(detectLanguage(text).lang, expected);
  });
}

test('Vietnamese with diacritics is detected with high confidence, NFC or NFD', () => {
  const text = 'Triều cường dâng cao ở Thủ Đức';
  assert.ok(detectLanguage(text).confidence >= 0.9);
  assert.equal(detectLanguage(text.normalize('NFD')).lang, 'vi');
});

test('undetermined text has zero confidence; others lie within 0..1', () => {
  assert.deepEqual(detectLanguage('😡'), { lang: 'und', confidence: 0 });
  for (const [text] of CASES) {
    const { confidence } = detectLanguage(text);
    assert.ok(confidence >= 0 && confidence <= 1);
  }
});

test('mixed scripts go with the majority', () => {
  assert.equal(detectLanguage('Ngập nước nặng ở quận 7 hôm nay 東京').lang, 'vi');
  assert.equal(detectLanguage('東京 大阪 名古屋 ngập').lang, 'other');
});

test('a 100 KB text and hostile strings do not throw', () => {
  assert.equal(detectLanguage('Kẹt xe ở cầu Sài Gòn. '.repeat(5000)).lang, 'vi');
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      const { lang } = detectLanguage(text);
      assert.ok(['vi', 'en', 'other', 'und'].includes(lang));
    }),
    { numRuns: 200 },
  );
});
