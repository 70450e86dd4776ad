import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emojiClass, emoticonClass, laughOrCryClass } from './emoticons.js';

test('classes ASCII emoticons', () => {
  for (const e of [':)', ':D', '<3', '^^', ':*', ';)'])
    assert.equal(emoticonClass(e), 'EMO_POS', e);
  for (const e of [':(', ':((', ":'(", 'T_T', '-_-', ':/', '>_<'])
    assert.equal(emoticonClass(e), 'EMO_NEG', e);
  for (const e of [':))', '=))', ':v', '=]]', 'xD']) assert.equal(emoticonClass(e), 'EMO_LAUGH', e);
});

test('classes emoji by their first code point, skin tone or not', () => {
  assert.equal(emojiClass('😍'), 'EMO_POS');
  assert.equal(emojiClass('👍🏽'), 'EMO_POS');
  assert.equal(emojiClass('❤️'), 'EMO_POS');
  assert.equal(emojiClass('😡'), 'EMO_NEG');
  assert.equal(emojiClass('😂'), 'EMO_LAUGH');
  assert.equal(emojiClass('🚗'), undefined);
});

test('classes written laughter and crying, not ordinary words', () => {
  assert.equal(laughOrCryClass('hahaha'), 'EMO_LAUGH');
  assert.equal(laughOrCryClass('kkkk'), 'EMO_LAUGH');
  assert.equal(laughOrCryClass('hihi'), 'EMO_LAUGH');
  assert.equal(laughOrCryClass('huhu'), 'EMO_NEG');
  assert.equal(laughOrCryClass('hix'), 'EMO_NEG');
  for (const w of ['ha', 'hai', 'he', 'khá', 'kho']) assert.equal(laughOrCryClass(w), undefined, w);
});
