import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanLabel, cleanPostText, cleanQueryText } from './clean-text.js';
import { LangngheError } from './errors.js';

const VIETNAMESE =
  'Ăn ốc ở Đường Nguyễn Hữu Cảnh, quận Bình Thạnh: ầ ẩ ẫ ấ ậ ằ ẳ ẵ ắ ặ è ẻ ẽ é ẹ ề ể ễ ế ệ ì ỉ ĩ í ị ' +
  'ò ỏ õ ó ọ ồ ổ ỗ ố ộ ờ ở ỡ ớ ợ ù ủ ũ ú ụ ừ ử ữ ứ ự ỳ ỷ ỹ ý ỵ ĐƯỜNG ƠI Ư';

function invalidInput(field: string, reason: string) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof LangngheError);
    assert.equal(error.code, 'input.invalid');
    assert.deepEqual(
      { field: error.details.field, reason: error.details.reason },
      { field, reason },
    );
    return true;
  };
}

test('a label loses its bidi override and NUL', () => {
  assert.equal(cleanLabel('Tên\u202Egnp\u0000'), 'Têngnp');
});

test('a label loses every bidi control, zero-width and invisible format character', () => {
  const hidden =
    '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C' +
    '\u200B\u200C\u200D\uFEFF\u2060\u2061\u2062\u2063\u2064\u00AD\u3164\u{E0041}';
  assert.equal(cleanLabel(`Ngập${hidden}lụt`), 'Ngậplụt');
});

test('a label loses C1 control characters', () => {
  assert.equal(cleanLabel('Quận\u0080 1\u009F'), 'Quận 1');
});

test('a label collapses whitespace runs, line breaks and tabs into one space, trimmed', () => {
  assert.equal(cleanLabel('  Kẹt\t\txe \n\r\n Thủ\u00A0\u3000Đức\u0085 '), 'Kẹt xe Thủ Đức');
});

test('decomposed (NFD) input comes back composed (NFC)', () => {
  const nfc = 'Phạm Văn Đồng ngập nước';
  const nfd = nfc.normalize('NFD');
  assert.notEqual(nfd, nfc);
  assert.equal(cleanLabel(nfd), nfc);
  assert.equal(cleanQueryText(nfd), nfc);
});

test('a combining mark split from its letter by a zero-width space still composes', () => {
  assert.equal(cleanLabel('Ca\u200B\u0301'), 'Cá');
});

test('Vietnamese with every diacritic comes back unchanged', () => {
  assert.equal(cleanLabel(VIETNAMESE), VIETNAMESE);
  assert.equal(cleanQueryText(VIETNAMESE), VIETNAMESE);
});

test('emoji sequences keep their joiners and presentation selectors', () => {
  const family = 'Nhà 👨\u200D👩\u200D👧 ❤\uFE0F 👍🏽\u200D';
  assert.equal(cleanLabel(family), 'Nhà 👨\u200D👩\u200D👧 ❤\uFE0F 👍🏽');
  assert.equal(cleanLabel('👩🏽\u200D💻'), '👩🏽\u200D💻');
  assert.equal(cleanLabel('a\u200Db'), 'ab');
});

test('lone surrogates become U+FFFD', () => {
  assert.equal(cleanLabel('a\uD800b\uDC00c'), 'a\uFFFDb\uFFFDc');
  assert.equal(cleanQueryText('ngập \uDBFF'), 'ngập \uFFFD');
});

test('a label that is empty once cleaned is refused, naming the field', () => {
  assert.throws(() => cleanLabel(' \u200B\u202E\u0000\t '), invalidInput('name', 'empty'));
  assert.throws(
    () => cleanLabel('', { field: 'displayName' }),
    invalidInput('displayName', 'empty'),
  );
});

test('a label longer than maxLength once cleaned is refused', () => {
  assert.equal(cleanLabel('a'.repeat(200)).length, 200);
  assert.throws(() => cleanLabel('a'.repeat(201)), invalidInput('name', 'too_long'));
  assert.throws(() => cleanLabel('abcd', { maxLength: 3 }), invalidInput('name', 'too_long'));
  assert.equal(cleanLabel(`ab\u200B\u200Bc`, { maxLength: 3 }), 'abc');
});

test('the refusal message reads in Vietnamese and English', () => {
  assert.throws(() => cleanLabel('abcd', { maxLength: 3, field: 'name' }), {
    message: 'name: dài 4 ký tự, tối đa 3 / 4 characters long, at most 3',
  });
});

test('a query keeps its line breaks and tabs, with carriage returns made line feeds', () => {
  assert.equal(
    cleanQueryText('  "kẹt xe"\r\nAND\t(ngập\rOR lụt)  '),
    '"kẹt xe"\nAND\t(ngập\nOR lụt)',
  );
});

test('a query loses NUL, other controls, bidi controls and invisible characters', () => {
  assert.equal(cleanQueryText('ng\u0000ập\u0007 -\u202Ezzz\u200B \u0085lụt'), 'ngập -zzz lụt');
});

test('a query that is empty once cleaned, or longer than its limit, is refused', () => {
  assert.throws(() => cleanQueryText('\u2066\u2069 \n'), invalidInput('query', 'empty'));
  assert.equal(cleanQueryText('a'.repeat(4096)).length, 4096);
  assert.throws(() => cleanQueryText('a'.repeat(4097)), invalidInput('query', 'too_long'));
  assert.throws(() => cleanQueryText('ngập', { maxLength: 2 }), invalidInput('query', 'too_long'));
});

test('post text keeps line breaks, tabs, bidi and zero-width characters but not other controls', () => {
  assert.equal(
    cleanPostText(
      'Dòng\u0000 1\r\n\tDòng 2\u0007 \u202Eabc\u200B 👨\u200D👩\u200D👧 \u0080'.normalize('NFD'),
    ),
    'Dòng 1\r\n\tDòng 2 \u202Eabc\u200B 👨\u200D👩\u200D👧 \u0080',
  );
  assert.equal(cleanPostText('x\uD800'), 'x\uFFFD');
});
