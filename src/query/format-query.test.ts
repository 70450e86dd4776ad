import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isLangngheError } from '../core/errors.js';
import type { QueryNode, TermNode } from './ast.js';
import { formatQuery } from './format-query.js';
import { parseQuery } from './parse-query.js';

function withoutSpans(node: QueryNode): unknown {
  return JSON.parse(
    JSON.stringify(node, (key, value: unknown) => (key === 'span' ? undefined : value)),
  );
}

function canonical(query: string): string {
  return formatQuery(parseQuery(query).ast);
}

const cases: [query: string, printed: string][] = [
  ['ngập', 'ngập'],
  ['ngập nước', 'ngập AND nước'],
  ['a (b OR c)', 'a AND (b OR c)'],
  ['(a b) OR c', '(a AND b) OR c'],
  ['(a OR b) (c OR d)', '(a OR b) AND (c OR d)'],
  ['a -b', 'a AND NOT b'],
  ['-(a OR b)', 'NOT (a OR b)'],
  ['NOT (NOT a)', 'NOT (NOT a)'],
  ['a NEAR b', 'a NEAR/4 b'],
  ['a ONEAR/2 b', 'a NEAR/2f b'],
  ['a NEAR/2 b NEAR/3 c', 'a NEAR/2 b NEAR/3 c'],
  ['a NEAR/2 (b NEAR/3 c)', 'a NEAR/2 (b NEAR/3 c)'],
  ['NOT (a NEAR b)', 'NOT (a NEAR/4 b)'],
  ['(a OR "b c") NEAR/3 d', '(a OR "b c") NEAR/3 d'],
  ['x (a NEAR b)', 'x AND a NEAR/4 b'],
  ['"kẹt xe"~2', '"kẹt xe"~2'],
  ['"kẹt xe"~0', '"kẹt xe"'],
  ['{Lừa đảo}', '{Lừa đảo}'],
  ['{Bán}', '{Bán}'],
  ['{TP.HCM}', '{TP HCM}'],
  ['title:(a OR "b c")', 'title:a OR title:"b c"'],
  ['author:{Tuổi}', 'author:{Tuổi}'],
  ['area:"Thủ Đức"', 'area:"Thủ Đức"'],
  ['site:www.VnExpress.net', 'site:vnexpress.net'],
  ['language:vi', 'lang:vi'],
  ['sentiment:"tiêu cực"', 'sentiment:negative'],
  ['platform:(facebook OR youtube)', 'platform:facebook OR platform:youtube'],
  ['"AND"', '"AND"'],
  ['"near"', 'near'],
  ['covid-19', '"covid 19"'],
  ['#NgậpNước @ubnd.tphcm', '#NgậpNước AND @ubnd.tphcm'],
  ['"#ketxe ở q.7"', '"#ketxe ở q 7"'],
  ['lừa* OR tru?ng', 'lừa* OR tru?ng'],
  ['ngập nước'.normalize('NFD'), 'ngập AND nước'.normalize('NFC')],
];

for (const [query, printed] of cases) {
  test(`prints ${query} as ${printed}`, () => {
    assert.equal(canonical(query), printed);
  });
}

const term = (value: string): TermNode => ({
  type: 'term',
  field: 'any',
  kind: 'word',
  value,
  folded: value,
  plain: true,
  exact: false,
  wildcard: false,
  span: { start: 0, end: 0 },
});

test('parenthesizes nested AND and OR even in a hand-built tree', () => {
  const span = { start: 0, end: 0 };
  const inner: QueryNode = { type: 'and', children: [term('b'), term('c')], span };
  const tree: QueryNode = { type: 'and', children: [term('a'), inner], span };
  assert.equal(formatQuery(tree), 'a AND (b AND c)');
});

test('refuses a meta value it cannot write', () => {
  const meta: QueryNode = { type: 'meta', field: 'area', value: 'a"b', span: { start: 0, end: 3 } };
  assert.throws(
    () => formatQuery(meta),
    (error: unknown) => isLangngheError(error) && error.code === 'query.unprintable',
  );
});

const WORDS = [
  'ngập',
  'nước',
  'kẹt',
  'xe',
  'q7',
  'covid-19',
  'tp.hcm',
  'lừa*',
  'tru?ng',
  '#NgậpNước',
  '@ubnd.tphcm',
  'and',
  'Quận',
  '1.200.000',
  '14:30',
  '😡',
  'ngập'.normalize('NFD'),
  'NGAP',
  'Đường',
  '"AND"',
  '"a OR b"',
  'q.7!',
];
const word = fc.constantFrom(...WORDS);
const phraseWords = fc.array(fc.constantFrom('kẹt', 'xe', 'Phạm', 'Văn', 'Đồng', 'lừa*', '#tag'), {
  minLength: 1,
  maxLength: 3,
});
const phrase = fc
  .tuple(phraseWords, fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }))
  .map(([words, slop]) => `"${words.join(' ')}"${slop === undefined ? '' : `~${slop}`}`);
const exact = fc.constantFrom('{Bán}', '{TP.HCM}', '{Lừa đảo}', '{AND}');
const leaf = fc.oneof(word, phrase, exact);
const fielded = fc
  .tuple(fc.constantFrom('title:', 'text:', 'author:', 'Title:'), leaf)
  .map(([field, value]) => field + value);
const meta = fc.constantFrom(
  'site:tuoitre.vn',
  'site:www.VNExpress.net',
  'url:https://x.vn/a?b=1',
  'links:vnexpress.net',
  'platform:facebook',
  'platform:(facebook OR youtube)',
  'lang:vi',
  'language:EN',
  'area:"Thủ Đức"',
  'category:flooding',
  'sentiment:"tiêu cực"',
  'area:(q7 OR "Thủ Đức")',
);
const nearOperand = fc.oneof(
  leaf,
  fielded,
  fc.tuple(leaf, leaf).map(([a, b]) => `(${a} OR ${b})`),
);
const nearOperator = fc.constantFrom('NEAR', 'NEAR/0', 'NEAR/3', 'NEAR/5f', 'ONEAR/2', 'ONEAR');
const near = fc
  .array(fc.tuple(nearOperator, nearOperand), { minLength: 1, maxLength: 3 })
  .chain((steps) =>
    nearOperand.map((first) =>
      steps.reduce((text, [op, operand]) => `${text} ${op} ${operand}`, first),
    ),
  );

/** Queries that are valid by construction: one operator per level, groups in parentheses. */
const { query } = fc.letrec<{ query: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fielded,
    meta,
    near,
    leaf.map((value) => `-${value}`),
    tie('query').map((inner) => `(${inner})`),
    tie('query').map((inner) => `NOT (${inner})`),
    tie('query').map((inner) => `title:(${inner})`),
  ),
  query: fc
    .tuple(
      fc.array(tie('atom'), { minLength: 1, maxLength: 4 }),
      fc.constantFrom(' AND ', ' OR ', ' '),
    )
    .map(([atoms, separator]) => atoms.join(separator)),
}));

test('formatQuery round-trips: parsing the printed query gives the same tree', () => {
  fc.assert(
    fc.property(query, (text) => {
      const first = parseQuery(text).ast;
      const printed = formatQuery(first);
      const second = parseQuery(printed).ast;
      assert.deepEqual(withoutSpans(second), withoutSpans(first));
      assert.equal(formatQuery(second), printed);
    }),
    { numRuns: 200 },
  );
});
