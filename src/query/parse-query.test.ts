import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { QueryNode, TermNode } from './ast.js';
import { parseQuery } from './parse-query.js';

/** A compact, span-free picture of a tree: `(and a (not "b c"~2))`, `title:{X}`, `site=x.vn`. */
function sexp(node: QueryNode): string {
  const field = (f: string): string => (f === 'any' ? '' : `${f}:`);
  const term = (t: TermNode): string => {
    const body = (t.kind === 'hashtag' ? '#' : t.kind === 'mention' ? '@' : '') + t.value;
    return t.exact ? `{${body}}` : body;
  };
  switch (node.type) {
    case 'term':
      return field(node.field) + term(node);
    case 'phrase': {
      const words = node.terms.map(term).join(' ');
      const isExact = node.terms.every((t) => t.exact);
      const body = isExact ? `{${words.replace(/[{}]/g, '')}}` : `"${words}"`;
      return field(node.field) + body + (node.slop > 0 ? `~${node.slop}` : '');
    }
    case 'meta':
      return `${node.field}=${node.value}`;
    case 'not':
      return `(not ${sexp(node.child)})`;
    case 'near':
      return `(near/${node.distance}${node.ordered ? 'f' : ''} ${sexp(node.left)} ${sexp(node.right)})`;
    default:
      return `(${node.type} ${node.children.map(sexp).join(' ')})`;
  }
}

const cases: [query: string, tree: string][] = [
  // Terms, AND, OR, grouping, flattening.
  ['ngập', 'ngập'],
  ['ngập nước', '(and ngập nước)'],
  ['ngập AND nước', '(and ngập nước)'],
  ['ngập OR "triều cường"', '(or ngập "triều cường")'],
  ['a OR b OR c', '(or a b c)'],
  ['a AND (b AND c)', '(and a b c)'],
  ['(a OR b) OR c', '(or a b c)'],
  ['(a)', 'a'],
  ['((a))', 'a'],
  ['a (b OR c) d', '(and a (or b c) d)'],
  ['(a b) OR (c d)', '(or (and a b) (and c d))'],
  ['a(b)', '(and a b)'],
  // NOT in all its forms.
  ['a NOT b', '(and a (not b))'],
  ['a AND NOT b', '(and a (not b))'],
  ['a -b', '(and a (not b))'],
  ['NOT a', '(not a)'],
  ['-a', '(not a)'],
  ['-"quảng cáo"', '(not "quảng cáo")'],
  ['-(rác OR "quảng cáo") AND ngập', '(and (not (or rác "quảng cáo")) ngập)'],
  ['NOT a NOT b', '(and (not a) (not b))'],
  ['a OR NOT b', '(or a (not b))'],
  ['NOT (a OR b)', '(not (or a b))'],
  ['a NOT (b OR c)', '(and a (not (or b c)))'],
  ['a AND -b', '(and a (not b))'],
  ['(NOT a)', '(not a)'],
  // NEAR variants, chains and precedence.
  ['a NEAR b', '(near/4 a b)'],
  ['a NEAR/3 b', '(near/3 a b)'],
  ['a NEAR/3f b', '(near/3f a b)'],
  ['a ONEAR/2 b', '(near/2f a b)'],
  ['a ONEAR b', '(near/4f a b)'],
  ['a NEAR/0 b', '(near/0 a b)'],
  ['a NEAR/2 b NEAR/3 c', '(near/3 (near/2 a b) c)'],
  ['a NEAR/2 (b NEAR/3 c)', '(near/2 a (near/3 b c))'],
  ['"kẹt xe" NEAR/3 "Phạm Văn Đồng"', '(near/3 "kẹt xe" "Phạm Văn Đồng")'],
  ['ngập NEAR (q7 OR "quận 7")', '(near/4 ngập (or q7 "quận 7"))'],
  ['a b NEAR c', '(and a (near/4 b c))'],
  ['a NEAR b OR c', '(or (near/4 a b) c)'],
  ['a NEAR b NOT c', '(and (near/4 a b) (not c))'],
  ['lừa* NEAR/2 {TP.HCM}', '(near/2 lừa* {TP HCM})'],
  ['a near b', '(and a near b)'],
  ['a and b', '(and a and b)'],
  // Phrases and slop.
  ['"ngập nước"', '"ngập nước"'],
  ['"kẹt xe"~2', '"kẹt xe"~2'],
  ['"ngập"', 'ngập'],
  ['"ngập"~3', 'ngập'],
  ['"lừa* đảo"', '"lừa* đảo"'],
  ['"ngập, nước!"', '"ngập nước"'],
  ['\u201ckẹt xe\u201d', '"kẹt xe"'],
  ['"#NgậpNước ở Q.7"', '"#NgậpNước ở Q 7"'],
  ['"AND"', 'AND'],
  ['"a OR b"', '"a OR b"'],
  // Bare terms split by punctuation; numbers stay whole.
  ['covid-19', '"covid 19"'],
  ['q.7', '"q 7"'],
  ['tp.hcm', '"tp hcm"'],
  ['1.200.000', '1.200.000'],
  ['14:30', '14:30'],
  ['ngập!', 'ngập'],
  // Wildcards.
  ['lừa*', 'lừa*'],
  ['tru?ng', 'tru?ng'],
  ['ngậ?', 'ngậ?'],
  ['abc?*', 'abc?*'],
  // Exact text.
  ['{Bán}', '{Bán}'],
  ['{TP.HCM}', '{TP HCM}'],
  ['{Lừa đảo}', '{Lừa đảo}'],
  // Hashtags and mentions.
  ['#NgậpNước', '#NgậpNước'],
  ['@ubnd.tphcm', '@ubnd.tphcm'],
  ['＃ngap', '#ngap'],
  ['#ngập-nước', '"#ngập nước"'],
  ['#ketxe*', '#ketxe*'],
  // Text fields.
  ['title:"điểm báo"', 'title:"điểm báo"'],
  ['title:ngập', 'title:ngập'],
  ['title:(a OR "b c")', '(or title:a title:"b c")'],
  ['title:(a OR text:b)', '(or title:a text:b)'],
  ['author:"Tuổi Trẻ"', 'author:"Tuổi Trẻ"'],
  ['text:{Bán}', 'text:{Bán}'],
  ['title:covid-19', 'title:"covid 19"'],
  ['Title:ngập', 'title:ngập'],
  ['title:#ketxe', 'title:#ketxe'],
  ['title:ngập NEAR/5 text:mưa', '(near/5 title:ngập text:mưa)'],
  ['-title:"quảng cáo"', '(not title:"quảng cáo")'],
  ['title:(a NEAR/2 b)', '(near/2 title:a title:b)'],
  // Meta fields.
  ['site:tuoitre.vn', 'site=tuoitre.vn'],
  ['site:www.TuoiTre.vn', 'site=tuoitre.vn'],
  ['site:https://tuoitre.vn/', 'site=tuoitre.vn'],
  ['url:tuoitre.vn/ngap', 'url=tuoitre.vn/ngap'],
  ['url:https://x.vn/a?b=1', 'url=https://x.vn/a?b=1'],
  ['links:vnexpress.net', 'links=vnexpress.net'],
  ['links:https://vnexpress.net/a', 'links=https://vnexpress.net/a'],
  ['platform:facebook AND ngập', '(and platform=facebook ngập)'],
  ['platform:Facebook', 'platform=facebook'],
  ['platform:(facebook OR youtube)', '(or platform=facebook platform=youtube)'],
  ['platform:(facebook)', 'platform=facebook'],
  ['lang:vi', 'lang=vi'],
  ['language:EN', 'lang=en'],
  ['area:"Thủ Đức"', 'area=Thủ Đức'],
  ['area:(q7 OR "Thủ Đức")', '(or area=q7 area=Thủ Đức)'],
  ['category:flooding', 'category=flooding'],
  ['sentiment:negative', 'sentiment=negative'],
  ['sentiment:"tiêu cực"', 'sentiment=negative'],
  ['sentiment:"trung tinh"', 'sentiment=neutral'],
  ['sentiment:tich_cuc', 'sentiment=positive'],
  ['-site:facebook.com', '(not site=facebook.com)'],
  [
    'platform:facebook AND sentiment:negative AND area:"Thủ Đức"',
    '(and platform=facebook sentiment=negative area=Thủ Đức)',
  ],
  // The design document's example.
  [
    '(ngập OR "triều cường") AND (q7 OR "quận 7" OR "Tân Phong") NOT "quảng cáo"',
    '(and (or ngập "triều cường") (or q7 "quận 7" "Tân Phong") (not "quảng cáo"))',
  ],
];

for (const [query, tree] of cases) {
  test(`parses ${query} as ${tree}`, () => {
    assert.equal(sexp(parseQuery(query).ast), tree);
  });
}

test('the table has at least 60 parser cases', () => {
  assert.ok(cases.length >= 60, `${cases.length} cases`);
});

test('NFD input gives NFC values with NFD offsets', () => {
  const input = '"ngập nước" kẹt*'.normalize('NFD');
  const { ast } = parseQuery(input);
  assert.equal(ast.type, 'and');
  assert.equal(sexp(ast), '(and "ngập nước" kẹt*)');
  const phrase = ast.type === 'and' ? ast.children[0] : undefined;
  assert.equal(phrase?.type, 'phrase');
  if (phrase?.type !== 'phrase') return;
  const first = phrase.terms[0]!;
  assert.equal(first.value, 'ngập'.normalize('NFC'));
  assert.equal(input.slice(first.span.start, first.span.end), 'ngập'.normalize('NFD'));
});

test('terms carry folded, plain, exact and wildcard', () => {
  const term = (query: string): TermNode => {
    const { ast } = parseQuery(query);
    assert.equal(ast.type, 'term');
    return ast as TermNode;
  };
  assert.deepEqual(
    ['ngập', 'NGAP', '{Đường}', 'lừa*', '#NgậpNước', '@UBND'].map((q) => {
      const t = term(q);
      return [t.value, t.folded, t.plain, t.exact, t.wildcard, t.kind];
    }),
    [
      ['ngập', 'ngap', false, false, false, 'word'],
      ['NGAP', 'ngap', true, false, false, 'word'],
      ['Đường', 'duong', false, true, false, 'word'],
      ['lừa*', 'lua*', false, false, true, 'word'],
      ['NgậpNước', 'ngapnuoc', false, false, false, 'hashtag'],
      ['UBND', 'ubnd', true, false, false, 'mention'],
    ],
  );
  assert.equal(term('ngập').field, 'any');
  assert.equal(term('author:ngập').field, 'author');
});

test('every span covers the text its node came from', () => {
  const input = 'title:"điểm báo" OR -site:x.vn OR (a NEAR/2 covid-19)';
  const { ast } = parseQuery(input);
  const slice = (node: QueryNode): string => input.slice(node.span.start, node.span.end);
  assert.equal(slice(ast), input);
  assert.equal(ast.type, 'or');
  if (ast.type !== 'or') return;
  const [title, notSite, near] = ast.children;
  assert.equal(slice(title!), 'title:"điểm báo"');
  assert.equal(title?.type === 'phrase' ? slice(title.terms[1]!) : '', 'báo');
  assert.equal(slice(notSite!), '-site:x.vn');
  assert.equal(notSite?.type === 'not' ? slice(notSite.child) : '', 'site:x.vn');
  assert.equal(slice(near!), '(a NEAR/2 covid-19)');
  assert.equal(near?.type === 'near' ? slice(near.right) : '', 'covid-19');
});

test('meta values in a group have their own spans', () => {
  const input = 'platform:(facebook OR youtube)';
  const { ast } = parseQuery(input);
  assert.equal(ast.type, 'or');
  if (ast.type !== 'or') return;
  assert.deepEqual(
    ast.children.map((child) => input.slice(child.span.start, child.span.end)),
    ['facebook', 'youtube'],
  );
});

test('suggests a phrase for bare words joined implicitly', () => {
  const { warnings } = parseQuery('ngập nước');
  assert.equal(warnings.length, 1);
  const [hint] = warnings;
  assert.equal(hint?.code, 'query.hint.phrase');
  assert.equal(hint?.suggestion, '"ngập nước"');
  assert.deepEqual(hint?.span, { start: 0, end: 9 });
  assert.match(hint!.messageVi, /ngoặc kép/);
  assert.match(hint!.messageEn, /phrase/);
});

test('the phrase hint rewrites only the run of bare words', () => {
  const { warnings } = parseQuery('site:x.vn quận 7 -rác');
  assert.deepEqual(
    warnings.map((w) => w.suggestion),
    ['site:x.vn "quận 7" -rác'],
  );
});

test('no phrase hint for explicit AND, phrases, wildcards, fields or punctuation', () => {
  for (const query of [
    'ngập AND nước',
    '"ngập nước"',
    'ngập lừa*',
    'title:ngập nước',
    'ngập, nước',
  ]) {
    assert.deepEqual(
      parseQuery(query).warnings.filter((w) => w.code === 'query.hint.phrase'),
      [],
      query,
    );
  }
});

test('warns about a lower-case operator between two terms', () => {
  const { warnings } = parseQuery('ngập or kẹt');
  assert.deepEqual(
    warnings.map((w) => [w.code, w.suggestion, w.span]),
    [['query.hint.lowercase_operator', 'ngập OR kẹt', { start: 5, end: 7 }]],
  );
});

test('drops the operator suggestion when it would not parse', () => {
  const hint = parseQuery('a b or c').warnings.find(
    (w) => w.code === 'query.hint.lowercase_operator',
  );
  assert.ok(hint);
  assert.equal(hint.suggestion, undefined);
});

test('no lower-case operator warning at the edges', () => {
  assert.deepEqual(parseQuery('and ngập').warnings, []);
  assert.deepEqual(parseQuery('ngập not').warnings, []);
});
