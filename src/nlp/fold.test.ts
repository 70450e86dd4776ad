import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText, isPlainText } from './fold.js';
import { canonicalSpelling } from './spelling.js';

test('folds tone and vowel marks to bare letters', () => {
  assert.equal(foldText('Ngập nước Quận 7'), 'ngap nuoc quan 7');
  assert.equal(foldText('triều cường ở Thủ Đức'), 'trieu cuong o thu duc');
  assert.equal(foldText('ẮẰẲẴẶ ấầẩẫậ ƠỚỜỞỠỢ ưứừửữự'), 'aaaaa aaaaa oooooo uuuuuu');
});

test('folds đ, Đ and the look-alike Ð (U+00D0) to d', () => {
  assert.equal(foldText('đường Đồng Khởi'), 'duong dong khoi');
  assert.equal(foldText('\u00D0ồng'), 'dong');
});

test('NFC and NFD input fold to the same string', () => {
  const nfc = 'Hồ Chí Minh, phường Bến Thành'.normalize('NFC');
  const nfd = nfc.normalize('NFD');
  assert.notEqual(nfc, nfd);
  assert.equal(foldText(nfd), foldText(nfc));
  assert.equal(foldText(nfd), 'ho chi minh, phuong ben thanh');
});

test('old and new tone placement fold alike', () => {
  assert.equal(foldText('hoà'), foldText('hòa'));
  assert.equal(foldText('thuỷ'), foldText('thủy'));
});

test('keeps punctuation, digits, emoji and non-Latin scripts', () => {
  assert.equal(foldText('Giá 1.200.000đ!! 😡'), 'gia 1.200.000d!! 😡');
  assert.equal(foldText('北京 Москва'), '北京 москва');
});

test('lower-cases mixed case', () => {
  assert.equal(foldText('TP.HCM KẸT XE'), 'tp.hcm ket xe');
});

test('isPlainText tells text typed without diacritics', () => {
  assert.equal(isPlainText('ngap nuoc Q7'), true);
  assert.equal(isPlainText('ngập'), false);
  assert.equal(isPlainText('duong'), true);
  assert.equal(isPlainText('đuong'), false);
  assert.equal(isPlainText('nga\u0323p'), false);
});

test('canonical spelling makes old and new tone placement equal', () => {
  assert.equal(canonicalSpelling('hòa'), canonicalSpelling('hoà'));
  assert.equal(canonicalSpelling('thủy'), canonicalSpelling('thuỷ'));
  assert.equal(canonicalSpelling('khỏe'), canonicalSpelling('khoẻ'));
  assert.equal(canonicalSpelling('Hòa'.normalize('NFD')), canonicalSpelling('Hoà'));
});

test('canonical spelling keeps different marks apart', () => {
  assert.notEqual(canonicalSpelling('bán'), canonicalSpelling('bàn'));
  assert.notEqual(canonicalSpelling('bạn'), canonicalSpelling('bán'));
  assert.equal(canonicalSpelling('hoàng'), 'hoàng');
  assert.equal(canonicalSpelling('người'), 'người');
  assert.equal(canonicalSpelling('quý'), 'quý');
  assert.equal(canonicalSpelling('giá'), 'giá');
});
