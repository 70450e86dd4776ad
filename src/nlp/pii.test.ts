import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findPersonalData, maskPersonalData, type PersonalDataKind } from './pii.js';

function found(text: string): [PersonalDataKind, string][] {
  return findPersonalData(text).map((p) => [p.kind, p.text]);
}

/** [text, what must be found, in order]. */
const CASES: [string, [PersonalDataKind, string][]][] = [
  ['Liên hệ 0901234567 để biết thêm', [['phone', '0901234567']]],
  ['sđt: 090 123 4567', [['phone', '090 123 4567']]],
  ['Zalo 0901.234.567 nhé', [['phone', '0901.234.567']]],
  ['gọi 0386-123-456 gấp', [['phone', '0386-123-456']]],
  ['Hotline +84 90 123 4567', [['phone', '+84 90 123 4567']]],
  [
    '(+84) 912345678 hoặc 84912345678',
    [
      ['phone', '(+84) 912345678'],
      ['phone', '84912345678'],
    ],
  ],
  ['Số bàn 028 3829 1234, máy lẻ 12', [['phone', '028 3829 1234']]],
  ['Văn phòng: 02838291234', [['phone', '02838291234']]],
  ['CCCD 079203012345 của tôi bị mất', [['national_id', '079203012345']]],
  ['số căn cước 079 203 012 345', [['national_id', '079 203 012 345']]],
  ['mình nhặt được thẻ 001099012345 ở công viên', [['national_id', '001099012345']]],
  ['CMND 025123456 cũ', [['national_id', '025123456']]],
  ['Email: nguyen.van.a@gmail.com', [['email', 'nguyen.van.a@gmail.com']]],
  ['gửi về hotro+phananh@tphcm.gov.vn.', [['email', 'hotro+phananh@tphcm.gov.vn']]],
  ['STK Vietcombank 0071000123456 chủ TK Nguyễn Văn A', [['bank_account', '0071000123456']]],
  [
    'ủng hộ qua số tài khoản 1903 4567 8901 23 Techcombank',
    [['bank_account', '1903 4567 8901 23']],
  ],
  ['STK MB: 0901234567', [['bank_account', '0901234567']]],
  [
    'STK ACB 12345678, CK xong nhắn Zalo 0909123456',
    [
      ['bank_account', '12345678'],
      ['phone', '0909123456'],
    ],
  ],
  [
    'Liên hệ 0901234567 hoặc mail a@b.vn',
    [
      ['phone', '0901234567'],
      ['email', 'a@b.vn'],
    ],
  ],
];

/** Texts with numbers that are not personal data. */
const NOT_PERSONAL = [
  'Giá 1.200.000đ, giảm còn 990.000 đồng',
  'chuyển khoản 15.000.000 đồng trước ngày 20/11/2024',
  'Năm 2024 có 12 tháng, lúc 14:30 ngày 2024-11-20',
  'mã đơn 079203012345 giao chậm',
  'Mã số thuế 0312345678901',
  'Dân số 9.456.700 người, diện tích 2.095 km2',
  'số 0123456789 không phải số di động',
  '12345678901234567890 là dãy số dài',
  'Tổng đài 1900 1234 và 1800 5678',
  'STK cho mình xin với',
  'Hẻm 123/45/6 đường 3/2, phường 12',
];

for (const [text, expected] of CASES) {
  test(`finds ${expected.map(([k]) => k).join(', ')} in "${text}"`, () => {
    assert.deepEqual(found(text), expected);
  });
}

for (const text of NOT_PERSONAL) {
  test(`finds nothing in "${text}"`, () => {
    assert.deepEqual(found(text), []);
  });
}

test('offsets point into the original text and spans never overlap', () => {
  for (const [text] of CASES) {
    const spans = findPersonalData(text);
    spans.forEach((s, i) => {
      assert.equal(text.slice(s.start, s.end), s.text);
      if (i > 0) assert.ok(spans[i - 1]!.end <= s.start);
    });
  }
});

test('an e-mail address takes precedence over the digits inside it', () => {
  assert.deepEqual(found('mail 0901234567@gmail.com'), [['email', '0901234567@gmail.com']]);
});

test('masks numbers keeping their last 3 digits and e-mails keeping their domain', () => {
  const text = 'Gọi 090 123 4567, STK VCB 0071000123456, mail nguyen.a@gmail.com';
  assert.equal(
    maskPersonalData(text, findPersonalData(text)),
    'Gọi *******567, STK VCB **********456, mail n***@gmail.com',
  );
});

test('masking ignores spans out of range or overlapping and reads the text itself', () => {
  const text = 'SĐT 0901234567';
  assert.equal(
    maskPersonalData(text, [
      { start: 4, end: 14 },
      { start: 6, end: 9 },
      { start: 20, end: 30 },
      { start: -5, end: -1 },
    ]),
    'SĐT *******567',
  );
  assert.equal(maskPersonalData(text, []), text);
});

test('empty, emoji-only, URL-only, 100 KB and hostile texts do not throw', () => {
  for (const text of [
    '',
    '😡👍',
    'https://tuoitre.vn/0901234567-abc',
    '\ud800 0901234567 \udc00',
  ]) {
    assert.doesNotThrow(() => findPersonalData(text));
  }
  assert.deepEqual(found('\ud800 0901234567 \udc00'), [['phone', '0901234567']]);
  const big = 'Liên hệ 0901234567. '.repeat(5000);
  assert.equal(findPersonalData(big).length, 5000);
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      const spans = findPersonalData(text);
      for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
      assert.doesNotThrow(() => maskPersonalData(text, spans));
    }),
    { numRuns: 300 },
  );
});

test('no number is taken from text without 8 digits in a row, whatever is around it', () => {
  const piece = fc.constantFrom(...'0123456789 .-+()x@đ'.split(''), '84', '0090', 'stk ', 'cccd ');
  const shortRuns = fc
    .array(piece, { maxLength: 60 })
    .map((parts) => parts.join(''))
    .filter((text) => !/\d(?:[ .-]?\d){7}/.test(text));
  fc.assert(
    fc.property(shortRuns, (prefix) => {
      // The phone after it makes the number patterns run over the whole text.
      const text = `${prefix} x 0901234567`;
      const numbers = findPersonalData(text).filter((p) => p.kind !== 'email');
      for (const p of numbers) assert.ok(p.start > prefix.length, `${p.kind} ${p.text} in ${text}`);
    }),
    { numRuns: 2_000 },
  );
});
