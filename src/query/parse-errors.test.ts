import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LangngheError } from '../core/errors.js';
import { isLangngheError } from '../core/errors.js';
import type { ParsedQuery, QueryNode } from './ast.js';
import { parseQuery } from './parse-query.js';

function refusal(query: string): LangngheError {
  try {
    parseQuery(query);
  } catch (error) {
    assert.ok(isLangngheError(error), `not a LangngheError: ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${JSON.stringify(query)} to be refused`);
}

type Case = [query: string, code: 'query.syntax' | 'query.limit', offset: number];

const nested = (depth: number): string => `${'('.repeat(depth)}a${')'.repeat(depth)}`;

const cases: Case[] = [
  ['', 'query.syntax', 0],
  ['   ', 'query.syntax', 0],
  ['(a OR b', 'query.syntax', 0],
  ['a OR (b', 'query.syntax', 5],
  ['a)', 'query.syntax', 1],
  ['"kẹt xe', 'query.syntax', 0],
  ['a "b c', 'query.syntax', 2],
  ['{TP.HCM', 'query.syntax', 0],
  ['a }', 'query.syntax', 2],
  ['()', 'query.syntax', 0],
  ['a AND', 'query.syntax', 2],
  ['a OR', 'query.syntax', 2],
  ['AND a', 'query.syntax', 0],
  ['(OR a)', 'query.syntax', 1],
  ['a OR OR b', 'query.syntax', 5],
  ['a NEAR', 'query.syntax', 2],
  ['NEAR a', 'query.syntax', 0],
  ['NOT', 'query.syntax', 0],
  ['a (b NOT)', 'query.syntax', 5],
  ['- a', 'query.syntax', 0],
  ['NOT NOT a', 'query.syntax', 4],
  ['a --b', 'query.syntax', 3],
  ['title:', 'query.syntax', 0],
  ['a title: ngập', 'query.syntax', 2],
  ['title:-ngập', 'query.syntax', 6],
  ['foo:bar', 'query.syntax', 0],
  ['ngập ghichu:x', 'query.syntax', 5],
  ['https://tuoitre.vn', 'query.syntax', 0],
  ['*abc', 'query.syntax', 0],
  ['?abc', 'query.syntax', 0],
  ['abc*def', 'query.syntax', 3],
  ['ab*', 'query.syntax', 0],
  ['ab?c', 'query.syntax', 0],
  ['"ngập lừ*"', 'query.syntax', 6],
  ['a NEAR/x b', 'query.syntax', 2],
  ['a NEAR/101 b', 'query.limit', 2],
  ['"a b"~', 'query.syntax', 5],
  ['"a b"~500', 'query.limit', 5],
  ['a AND b OR c', 'query.syntax', 8],
  ['a b OR c', 'query.syntax', 4],
  ['a OR b c', 'query.syntax', 7],
  ['a NOT b OR c', 'query.syntax', 8],
  ['a NEAR (b AND c)', 'query.syntax', 7],
  ['a NEAR NOT b', 'query.syntax', 7],
  ['a NEAR -b', 'query.syntax', 7],
  ['site:tuoitre.vn NEAR a', 'query.syntax', 0],
  ['platform:myspace', 'query.syntax', 9],
  ['platform:(facebook AND youtube)', 'query.syntax', 19],
  ['platform:()', 'query.syntax', 9],
  ['platform:(facebook', 'query.syntax', 9],
  ['sentiment:angry', 'query.syntax', 10],
  ['lang:vietnamese', 'query.syntax', 5],
  ['site:tuoitre.vn/ngap', 'query.syntax', 5],
  ['area:""', 'query.syntax', 6],
  ['""', 'query.syntax', 0],
  ['{}', 'query.syntax', 0],
  ['!!!', 'query.syntax', 0],
  [nested(33), 'query.limit', 32],
  ['a'.repeat(4097), 'query.limit', 4096],
  ['a '.repeat(513), 'query.limit', 1024],
  ['abcd* '.repeat(17), 'query.limit', 96],
];

for (const [query, code, offset] of cases) {
  test(`refuses ${JSON.stringify(query.length > 40 ? `${query.slice(0, 40)}…` : query)} with ${code} at ${offset}`, () => {
    const error = refusal(query);
    const { details } = error;
    assert.equal(error.code, code);
    assert.equal(details.offset, offset);
    assert.equal(details.column, offset + 1);
    assert.equal(typeof details.expected, 'string');
    assert.notEqual(details.expected, '');
    assert.equal(error.message, `${String(details.messageVi)} / ${String(details.messageEn)}`);
    assert.ok(String(details.messageVi).includes(`vị trí ${offset + 1}`), error.message);
    assert.ok(String(details.messageEn).includes(`at ${offset + 1}`), error.message);
    assert.match(String(details.messageVi), /[ạ-ỹđ]/u);
  });
}

test('the table has at least 25 error cases', () => {
  assert.ok(cases.length >= 25, `${cases.length} cases`);
});

test('the missing-parenthesis message names the position and the expected token', () => {
  const error = refusal('ngập AND (mưa OR "triều cường"');
  assert.equal(
    error.message,
    "Thiếu dấu ngoặc đóng ')' cho dấu '(' ở vị trí 10 / missing ')' for the '(' at 10",
  );
  assert.equal(error.details.expected, "')'");
});

test('mixing AND and OR shows both readings in both languages', () => {
  const error = refusal('a AND b OR c');
  assert.deepEqual(error.details.readings, ['(a AND b) OR c', 'a AND (b OR c)']);
  assert.ok(String(error.details.messageVi).includes('(a AND b) OR c hoặc a AND (b OR c)'));
  assert.ok(String(error.details.messageEn).includes('(a AND b) OR c or a AND (b OR c)'));
});

test('mixing with implicit AND and NOT shows readings with explicit operators', () => {
  assert.deepEqual(refusal('a b OR c d').details.readings, [
    '(a AND b) OR (c AND d)',
    'a AND (b OR c) AND d',
  ]);
  assert.deepEqual(refusal('a NOT b OR c').details.readings, [
    '(a AND NOT b) OR c',
    'a AND (NOT b OR c)',
  ]);
});

test('an unknown field lists the known ones', () => {
  const error = refusal('tieude:ngập');
  assert.ok(Array.isArray(error.details.knownFields));
  for (const field of ['title', 'text', 'author', 'site', 'platform', 'sentiment']) {
    assert.ok(error.message.includes(field), field);
  }
});

test('an unknown platform lists the platforms', () => {
  assert.ok(refusal('platform:myspace').message.includes('facebook, youtube'));
});

test('the wildcard error states the minimum prefix', () => {
  assert.match(refusal('ng*').message, /3/);
});

test('error offsets count UTF-16 units of NFD input', () => {
  const input = 'ngập lừa*đảo'.normalize('NFD');
  assert.equal(refusal(input).details.offset, input.indexOf('*'));
});

test('a query that is not a string is refused, not crashed on', () => {
  assert.equal(refusal(42 as unknown as string).code, 'query.syntax');
  assert.equal(refusal(null as unknown as string).code, 'query.syntax');
});

const FRAGMENTS = [
  '(',
  ')',
  '"',
  '\u201c',
  '{',
  '}',
  ' ',
  ' ',
  'AND',
  'OR',
  'NOT',
  'NEAR',
  'NEAR/3',
  'NEAR/3f',
  'ONEAR/2',
  'NEAR/x',
  'NEAR/500',
  '-',
  '~2',
  '~',
  '*',
  '?',
  'abc',
  'ngập',
  'ngập'.normalize('NFD'),
  'title:',
  'site:',
  'platform:',
  'url:',
  'foo:',
  '#',
  '@',
  '#tag',
  'lừa*',
  'q.7',
  ':',
  '\uD800',
  '\u0301',
  'and',
  ' OR ',
  ' AND ',
  'site:x.vn',
  'facebook',
  '\n',
];

function spansFit(node: QueryNode, length: number): boolean {
  const { start, end } = node.span;
  if (!(Number.isInteger(start) && start >= 0 && start <= end && end <= length)) return false;
  switch (node.type) {
    case 'and':
    case 'or':
      return node.children.every((child) => spansFit(child, length));
    case 'not':
      return spansFit(node.child, length);
    case 'near':
      return spansFit(node.left, length) && spansFit(node.right, length);
    case 'phrase':
      return node.terms.every((term) => spansFit(term, length));
    default:
      return true;
  }
}

/** The contract for any input: a tree with sane spans, or a query error with a sane position. */
function assertParsesOrRefuses(input: string): void {
  let parsed: ParsedQuery;
  try {
    parsed = parseQuery(input);
  } catch (error) {
    assert.ok(isLangngheError(error), `not a LangngheError: ${String(error)}`);
    assert.ok(['query.syntax', 'query.limit'].includes(error.code), error.code);
    const offset = error.details.offset as number;
    assert.ok(Number.isInteger(offset) && offset >= 0 && offset <= input.length, `${offset}`);
    assert.equal(error.details.column, offset + 1);
    return;
  }
  assert.ok(spansFit(parsed.ast, input.length));
  for (const warning of parsed.warnings) {
    assert.ok(warning.span.start >= 0 && warning.span.end <= input.length);
  }
}

/** Any UTF-16 string: BMP units (lone surrogates included), astral code points, delimiters. */
const anyText = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
      fc.integer({ min: 0x10000, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
      fc.constantFrom(' ', '(', ')', '"', '{', '}', '-', '*', ':'),
    ),
    { maxLength: 120 },
  )
  .map((units) => units.join(''));

test('any string, even with lone surrogates, parses or is refused with a query error', () => {
  fc.assert(fc.property(anyText, assertParsesOrRefuses), { numRuns: 500 });
});

test('any mix of query syntax fragments parses or is refused with a query error', () => {
  const fragments = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 });
  fc.assert(
    fc.property(fragments, (parts) => assertParsesOrRefuses(parts.join(''))),
    { numRuns: 1000 },
  );
});

test('hostile inputs are refused or parsed without a crash or a stack overflow', () => {
  const inputs = [
    'a'.repeat(1 << 20),
    `${'('.repeat(10_000)}a${')'.repeat(10_000)}`,
    `${'('.repeat(2000)}a${')'.repeat(2000)}`,
    '('.repeat(4096),
    ')'.repeat(4096),
    '"'.repeat(4096),
    '-'.repeat(4095) + 'a',
    'NOT '.repeat(1000) + 'a',
    'a NEAR '.repeat(584) + 'b',
    'a NEAR/2 '.repeat(400) + 'b',
    '\uD800'.repeat(4096),
    '\u0301'.repeat(4096),
    '@'.repeat(4095) + 'a',
    '@' + 'a.'.repeat(2040),
    '1.'.repeat(2048),
    'title:'.repeat(682),
    'a or '.repeat(819),
    'ngập nước '.repeat(409),
    `platform:(${'facebook OR '.repeat(340)}x)`,
  ];
  for (const input of inputs) assertParsesOrRefuses(input);
});
