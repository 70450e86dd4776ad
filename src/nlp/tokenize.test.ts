import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, foldTokens } from './tokenize.js';

test('splits words on punctuation and keeps offsets into the original text', () => {
  const text = 'Ngập nước, Q.7!';
  const tokens = tokenize(text);
  assert.deepEqual(
    tokens.map((t) => [t.kind, t.folded, text.slice(t.start, t.end)]),
    [
      ['word', 'ngap', 'Ngập'],
      ['word', 'nuoc', 'nước'],
      ['word', 'q', 'Q'],
      ['number', '7', '7'],
    ],
  );
});

test('offsets point into NFD input unchanged', () => {
  const text = 'kẹt xe'.normalize('NFD');
  const [first] = tokenize(text);
  assert.equal(first?.folded, 'ket');
  assert.equal(text.slice(first!.start, first!.end), 'kẹt'.normalize('NFD'));
});

test('numbers keep inner separators', () => {
  const tokens = tokenize('thiệt hại 1.200.000 đồng lúc 14:30');
  assert.deepEqual(
    tokens.filter((t) => t.kind === 'number').map((t) => t.text),
    ['1.200.000', '14:30'],
  );
});

test('urls, hashtags, mentions and emoji are tokens of their own kind', () => {
  const tokens = tokenize('Xem https://tuoitre.vn/ngap-nuoc.htm, #NgậpNước @ubnd.tphcm 😡👍🏽');
  assert.deepEqual(
    tokens.map((t) => [t.kind, t.text]),
    [
      ['word', 'Xem'],
      ['url', 'https://tuoitre.vn/ngap-nuoc.htm'],
      ['hashtag', '#NgậpNước'],
      ['mention', '@ubnd.tphcm'],
      ['emoji', '😡'],
      ['emoji', '👍🏽'],
    ],
  );
  assert.equal(tokens[2]?.folded, 'ngapnuoc');
  assert.equal(tokens[3]?.folded, 'ubnd.tphcm');
});

test('marks tokens typed without diacritics as plain', () => {
  const tokens = tokenize('ngap nước');
  assert.deepEqual(
    tokens.map((t) => t.plain),
    [true, false],
  );
});

test('foldTokens joins folded tokens', () => {
  assert.equal(
    foldTokens('Kẹt xe kinh hoàng ở Q.Bình Thạnh!!! #ketxe'),
    'ket xe kinh hoang o q binh thanh #ketxe',
  );
});

test('a text with only punctuation has no tokens', () => {
  assert.deepEqual(tokenize('... !!! ???'), []);
  assert.deepEqual(tokenize(''), []);
});

test('the fast scanner agrees with the regular-expression specification on random text', async () => {
  const fc = (await import('fast-check')).default;
  const { tokenizeWithRegex } = await import('./tokenize-regex.js');
  const pieces = [
    'ngập',
    'Đường',
    'q7',
    '1.200.000',
    '14:30',
    '7h30',
    ' ',
    ',',
    '.',
    ':',
    '#',
    '@',
    '#tag',
    '@a.b.',
    'https://x.vn/a?b=1).',
    'www.vnx.net',
    'http',
    '😡',
    '👍🏽',
    '👨‍👩‍👧',
    '🇻🇳',
    '\u0301',
    'e\u0301',
    '\uD835\uDC00',
    '\uD800',
    '_',
    '北京',
    '٣',
    '\n',
    '＃ngập',
    '"',
    "'",
  ];
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(
          fc.constantFrom(...pieces),
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: 'binary' }),
        ),
        { maxLength: 12 },
      ),
      (parts) => {
        const text = parts.join('');
        assert.deepEqual(tokenize(text), tokenizeWithRegex(text));
      },
    ),
    { numRuns: 3000, seed: 11 },
  );
});
