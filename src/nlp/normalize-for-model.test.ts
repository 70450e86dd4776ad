import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelTokens, normalizeForModel } from './normalize-for-model.js';

test('lower-cases, expands teencode and squeezes repeats', () => {
  assert.equal(
    normalizeForModel('Sp ĐẸP quáaaaa, ko bít nói j'),
    'sản phẩm đẹp quá không biết nói gì',
  );
  assert.equal(normalizeForModel('đẹppppp lắmmm'), 'đẹp lắm');
});

test('composes decomposed (NFD) input to NFC', () => {
  const nfd = 'Đường ngập nước'.normalize('NFD');
  assert.equal(normalizeForModel(nfd), 'đường ngập nước');
  assert.equal(normalizeForModel(nfd), normalizeForModel(nfd.normalize('NFC')));
});

test('maps emoticons and emoji to EMO_POS, EMO_NEG and EMO_LAUGH', () => {
  assert.equal(normalizeForModel('ok :) <3 😍 👍'), 'ok EMO_POS');
  assert.equal(normalizeForModel('buồn :( :(( T_T 😡'), 'buồn EMO_NEG');
  assert.equal(normalizeForModel('=)) :v 😂 hahaha kkkk'), 'EMO_LAUGH');
  assert.equal(normalizeForModel('hay :) chán :('), 'hay EMO_POS chán EMO_NEG');
});

test('reads an emoticon glued to a word but not a time or a ratio', () => {
  assert.equal(normalizeForModel('đẹp quá:))'), 'đẹp quá EMO_LAUGH');
  assert.equal(normalizeForModel('lúc 10:30 tỉ lệ 3:1'), 'lúc NUM tỉ lệ NUM');
  assert.equal(normalizeForModel('Ví dụ:Dạ'), 'ví dụ dạ');
});

test('replaces URLs, e-mail addresses, domains, mentions and numbers by placeholders', () => {
  assert.equal(
    normalizeForModel('xem https://tuoitre.vn/a-b.htm và vnexpress.net, hỏi @ubnd.q1 hoặc a@b.vn'),
    'xem URL và URL hỏi MENTION hoặc URL',
  );
  assert.equal(normalizeForModel('giá 50.000 đồng, 2 cái'), 'giá NUM đồng NUM cái');
});

test('splits a number glued to a unit and expands the unit', () => {
  assert.equal(normalizeForModel('50k 8h 5tr'), 'NUM nghìn NUM giờ NUM triệu');
  assert.equal(normalizeForModel('ngập ở Q7'), 'ngập ở quận NUM');
});

test('keeps hashtag words without the #', () => {
  assert.equal(normalizeForModel('#NgậpNước #sg'), 'ngậpnước sài gòn');
});

test('keeps ! and ? as tokens, drops other punctuation', () => {
  assert.equal(normalizeForModel('Tệ quá!!! Sao vậy???'), 'tệ quá ! sao vậy ?');
  assert.equal(normalizeForModel('a, b; (c) "d"'), 'a b c d');
});

test('tokens keep offsets into the original text, shared by expansions', () => {
  const text = 'Ngta nói: ko tốt 😡';
  const tokens = modelTokens(text);
  assert.deepEqual(
    tokens.map((t) => [t.text, text.slice(t.start, t.end)]),
    [
      ['người', 'Ngta'],
      ['ta', 'Ngta'],
      ['nói', 'nói'],
      ['không', 'ko'],
      ['tốt', 'tốt'],
      ['EMO_NEG', '😡'],
    ],
  );
  assert.equal(tokens[3]!.isBreak, true);
  assert.equal(tokens[4]!.isBreak, false);
  assert.equal(tokens[4]!.folded, 'tot');
});

test('gives defined output for empty, blank and hostile text', () => {
  assert.equal(normalizeForModel(''), '');
  assert.equal(normalizeForModel(' \n\t '), '');
  assert.equal(normalizeForModel('...!?'), '?');
  assert.equal(normalizeForModel('a\ud800b\udc00c'), 'a b c');
  assert.equal(normalizeForModel('\u0000tốt\u200b'), 'tốt');
  assert.equal(normalizeForModel(`x${'\u0301'.repeat(5000)}`).length > 0, true);
});

test('is linear on a 100 KB text', () => {
  const text = 'Đường ngập quá :)) ko ai lo, xem tuoitre.vn. '.repeat(2300);
  const started = performance.now();
  const out = normalizeForModel(text);
  assert.ok(out.startsWith('đường ngập quá EMO_LAUGH không ai lo xem URL'));
  assert.ok(performance.now() - started < 2000);
  const dotted = 'a.'.repeat(50_000);
  assert.equal(normalizeForModel(dotted).split(' ').length, 50_000);
});
