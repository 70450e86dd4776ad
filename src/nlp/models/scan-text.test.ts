import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syntheticInputs } from '../../../test/analyze-digests.js';
import { textWords } from '../text-tokens.js';
import { scanText } from './scan-text.js';

function kinds(text: string): string[] {
  return scanText(text).map((s) => `${s.kind}:${s.text}`);
}

test('splits words, numbers, links, mentions, hashtags, emoticons, emoji and punctuation', () => {
  assert.deepEqual(kinds('Ngập 10:30 ở https://x.vn/a?b=1 @ubnd #q7 :)) 😡!!'), [
    'word:Ngập',
    'number:10:30',
    'word:ở',
    'url:https://x.vn/a?b=1',
    'mention:@ubnd',
    'hashtag:#q7',
    'emoticon::))',
    'emoji:😡',
    'punct:!!',
  ]);
});

test('reads e-mail addresses and bare domains as links, not "tp.hcm"', () => {
  assert.deepEqual(kinds('gửi a.b@gov.vn hoặc tuoitre.vn'), [
    'word:gửi',
    'url:a.b@gov.vn',
    'word:hoặc',
    'url:tuoitre.vn',
  ]);
  assert.deepEqual(kinds('tp.hcm'), ['word:tp', 'punct:.', 'word:hcm']);
});

test('keeps decomposed marks and astral letters inside words', () => {
  const nfd = 'Đường'.normalize('NFD');
  assert.deepEqual(kinds(`${nfd} 𝐀𝐁`), [`word:${nfd}`, 'word:𝐀𝐁']);
});

test('skips lone surrogates and unknown symbols without looping', () => {
  assert.deepEqual(kinds('\ud800a\udc00 © b'), ['word:a', 'word:b']);
  assert.deepEqual(kinds(''), []);
});

test('offsets point into the original text', () => {
  const text = '  ko   dc :( ';
  for (const s of scanText(text))
    assert.equal(text.slice(s.start, s.start + s.text.length), s.text);
});

test('scanning a text the tokenizer just read, with its word runs, gives the same stretches', () => {
  for (const { title, text } of syntheticInputs(400, 11)) {
    const input = `${title ?? ''}\n\n${text}`;
    textWords('');
    const alone = scanText(input);
    textWords(input);
    assert.deepEqual(scanText(input), alone);
  }
});
