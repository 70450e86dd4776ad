import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLangngheError } from '../core/errors.js';
import { lexQuery } from './lexer.js';

function kinds(input: string): string[] {
  return lexQuery(input).map((tok) => `${tok.type}:${tok.text}`);
}

function lexError(input: string): { code: string; offset: unknown } {
  try {
    lexQuery(input);
  } catch (error) {
    assert.ok(isLangngheError(error));
    return { code: error.code, offset: error.details.offset };
  }
  assert.fail(`expected ${JSON.stringify(input)} to be refused`);
}

test('splits words, parentheses and upper-case operators, ending with eof', () => {
  assert.deepEqual(kinds('(ngập OR mưa) AND NOT rác'), [
    'lparen:(',
    'word:ngập',
    'or:OR',
    'word:mưa',
    'rparen:)',
    'and:AND',
    'not:NOT',
    'word:rác',
    'eof:',
  ]);
});

test('lower-case and mixed-case operator names are ordinary words', () => {
  assert.deepEqual(kinds('a and b Or c not d near e'), [
    'word:a',
    'word:and',
    'word:b',
    'word:Or',
    'word:c',
    'word:not',
    'word:d',
    'word:near',
    'word:e',
    'eof:',
  ]);
});

test('an operator must be the whole word', () => {
  assert.deepEqual(kinds('ORANGE ANDROID NOTE NEARBY'), [
    'word:ORANGE',
    'word:ANDROID',
    'word:NOTE',
    'word:NEARBY',
    'eof:',
  ]);
});

test('reads NEAR, NEAR/n, NEAR/nf, ONEAR and ONEAR/n with distance and order', () => {
  const near = lexQuery('NEAR NEAR/3 NEAR/7f ONEAR ONEAR/2')
    .filter((tok) => tok.type === 'near')
    .map((tok) => [tok.number, tok.ordered]);
  assert.deepEqual(near, [
    [4, false],
    [3, false],
    [7, true],
    [4, true],
    [2, true],
  ]);
});

test('a quoted phrase keeps its inner text and offset, and reads ~n as slop', () => {
  const [tok] = lexQuery('"kẹt xe"~2 x');
  assert.equal(tok?.type, 'quoted');
  assert.equal(tok?.text, 'kẹt xe');
  assert.equal(tok?.textStart, 1);
  assert.equal(tok?.number, 2);
  assert.equal(tok?.end, 10);
});

test('typographic quotes work like straight ones', () => {
  const [tok] = lexQuery('\u201cngập nước\u201d');
  assert.equal(tok?.type, 'quoted');
  assert.equal(tok?.text, 'ngập nước');
});

test('braces quote exact text', () => {
  const [tok, end] = lexQuery('{TP.HCM}');
  assert.equal(tok?.type, 'braced');
  assert.equal(tok?.text, 'TP.HCM');
  assert.equal(tok?.textStart, 1);
  assert.equal(end?.type, 'eof');
});

test('a dash starting a token is a minus; inside a word it is part of the word', () => {
  assert.deepEqual(kinds('-rác covid-19 -(a) -"b c"'), [
    'minus:-',
    'word:rác',
    'word:covid-19',
    'minus:-',
    'lparen:(',
    'word:a',
    'rparen:)',
    'minus:-',
    'quoted:b c',
    'eof:',
  ]);
});

test('field prefixes stay inside the word for the parser to read', () => {
  assert.deepEqual(kinds('title:"a b" site:tuoitre.vn url:(x)'), [
    'word:title:',
    'quoted:a b',
    'word:site:tuoitre.vn',
    'word:url:',
    'lparen:(',
    'word:x',
    'rparen:)',
    'eof:',
  ]);
});

test('offsets point into NFD input unchanged', () => {
  const input = 'kẹt OR xe'.normalize('NFD');
  const [word, or] = lexQuery(input);
  assert.equal(input.slice(word!.start, word!.end), 'kẹt'.normalize('NFD'));
  assert.equal(input.slice(or!.start, or!.end), 'OR');
});

test('any kind of white space separates tokens', () => {
  assert.deepEqual(kinds('a\tb\nc\u00a0d\u3000e'), [
    'word:a',
    'word:b',
    'word:c',
    'word:d',
    'word:e',
    'eof:',
  ]);
});

test('refuses unclosed quotes and braces at the opening delimiter', () => {
  assert.deepEqual(lexError('a "kẹt xe'), { code: 'query.syntax', offset: 2 });
  assert.deepEqual(lexError('a {TP.HCM'), { code: 'query.syntax', offset: 2 });
});

test('refuses a stray closing brace', () => {
  assert.deepEqual(lexError('a }'), { code: 'query.syntax', offset: 2 });
});

test('refuses NEAR with a bad or too large distance', () => {
  assert.deepEqual(lexError('a NEAR/x b'), { code: 'query.syntax', offset: 2 });
  assert.deepEqual(lexError('a NEAR/ b'), { code: 'query.syntax', offset: 2 });
  assert.deepEqual(lexError('a NEAR/3F b'), { code: 'query.syntax', offset: 2 });
  assert.deepEqual(lexError('a NEAR/101 b'), { code: 'query.limit', offset: 2 });
  assert.deepEqual(lexError('a NEAR/99999999999999999999 b'), { code: 'query.limit', offset: 2 });
});

test('refuses a bad slop and slop after braces', () => {
  assert.deepEqual(lexError('"a b"~'), { code: 'query.syntax', offset: 5 });
  assert.deepEqual(lexError('"a b"~2x'), { code: 'query.syntax', offset: 5 });
  assert.deepEqual(lexError('"a b"~101'), { code: 'query.limit', offset: 5 });
  assert.deepEqual(lexError('{a b}~2'), { code: 'query.syntax', offset: 5 });
});
