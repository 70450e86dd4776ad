import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { MetaNode, QueryNode, TermNode, TextField } from './ast.js';
import { foldText, isPlainText } from '../nlp/fold.js';
import { createTopicMatcher } from './topic-matcher.js';
import { evaluateReference } from './evaluate-reference.js';
import { prepareDoc } from './match-doc.js';
import type { MatchInput } from './match-doc.js';

const span = { start: 0, end: 0 };
const WORDS = [
  'ngập',
  'ngap',
  'Ngập',
  'ngáp',
  'nước',
  'nuoc',
  'bán',
  'ban',
  'bàn',
  'bạn',
  'kẹt',
  'ket',
  'xe',
  'quận',
  'quan',
  '7',
  'q7',
  'hòa',
  'hoà',
  'đường',
  'duong',
  'lừa',
  'lua',
  'đảo',
  'luật',
  'nhà',
  'TP',
  'HCM',
];
const TEXT_EXTRAS = [
  '#NgậpNước',
  '#ketxe',
  '@ubnd',
  'https://tuoitre.vn/a',
  '😡',
  ',',
  '.',
  '!',
  '\n',
];
const WILDCARDS = ['lừa*', 'lua*', 'ngậ?', 'ngap*', 'duo*', 'quậ*', 'nướ?'];

function term(value: string, options: { field?: TextField; exact?: boolean } = {}): TermNode {
  const kind = value.startsWith('#') ? 'hashtag' : value.startsWith('@') ? 'mention' : 'word';
  const body = kind === 'word' ? value : value.slice(1);
  return {
    type: 'term',
    field: options.field ?? 'any',
    kind,
    value: body,
    folded: foldText(body),
    plain: isPlainText(body),
    exact: options.exact ?? false,
    wildcard: /[*?]/.test(body),
    span,
  };
}

const field = fc.constantFrom<TextField>('any', 'any', 'any', 'title', 'text', 'author');
const termArb = fc
  .record({
    value: fc.oneof(
      fc.constantFrom(...WORDS),
      fc.constantFrom(...WILDCARDS),
      fc.constantFrom('#ngapnuoc', '#ketxe', '@ubnd'),
    ),
    field,
    exact: fc.constantFrom(false, false, false, true),
  })
  .map(({ value, field: f, exact }) =>
    term(value, { field: f, exact: exact && !value.includes('*') }),
  );

const phraseArb = fc
  .record({
    words: fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 3 }),
    slop: fc.constantFrom(0, 0, 1, 2),
    field,
  })
  .map(({ words, slop, field: f }): QueryNode => ({
    type: 'phrase',
    field: f,
    slop,
    span,
    terms: words.map((w) => term(w, { field: f })),
  }));

const metaArb = fc.oneof(
  fc
    .constantFrom('facebook', 'youtube', 'news')
    .map((v): MetaNode => ({ type: 'meta', field: 'platform', value: v, span })),
  fc
    .constantFrom('tuoitre.vn', 'vn', 'vnexpress.net')
    .map((v): MetaNode => ({ type: 'meta', field: 'site', value: v, span })),
  fc
    .constantFrom('tuoitre.vn')
    .map((v): MetaNode => ({ type: 'meta', field: 'links', value: v, span })),
  fc
    .constantFrom('negative', 'positive')
    .map((v): MetaNode => ({ type: 'meta', field: 'sentiment', value: v, span })),
);

const spanGroupArb: fc.Arbitrary<QueryNode> = fc.letrec<{ node: QueryNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    termArb,
    phraseArb,
    fc
      .array(tie('node'), { minLength: 2, maxLength: 3 })
      .map((children): QueryNode => ({ type: 'or', children, span })),
    fc
      .record({
        left: tie('node'),
        right: tie('node'),
        distance: fc.integer({ min: 0, max: 4 }),
        ordered: fc.boolean(),
      })
      .map((n): QueryNode => ({ type: 'near', span, ...n })),
  ),
})).node;

const queryArb: fc.Arbitrary<QueryNode> = fc.letrec<{ node: QueryNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    termArb,
    phraseArb,
    spanGroupArb,
    metaArb,
    fc
      .array(tie('node'), { minLength: 2, maxLength: 4 })
      .map((children): QueryNode => ({ type: 'and', children, span })),
    fc
      .array(tie('node'), { minLength: 2, maxLength: 4 })
      .map((children): QueryNode => ({ type: 'or', children, span })),
    tie('node').map((child): QueryNode => ({ type: 'not', child, span })),
  ),
})).node;

const textArb = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 1, arbitrary: fc.constantFrom(...TEXT_EXTRAS) },
    ),
    { maxLength: 14 },
  )
  .chain((words) =>
    fc.boolean().map((nfd) => (nfd ? words.join(' ').normalize('NFD') : words.join(' '))),
  );

const postArb: fc.Arbitrary<MatchInput> = fc.record({
  text: textArb,
  title: fc.option(textArb, { nil: undefined }),
  platform: fc.constantFrom('facebook', 'youtube', 'news'),
  url: fc.constantFrom(
    'https://tuoitre.vn/x.htm',
    'https://congnghe.tuoitre.vn/y',
    'https://vnexpress.net/z',
    '',
  ),
  author: fc.record({ name: fc.constantFrom('Báo Tuổi Trẻ', 'ngập bán', 'Nguyễn Văn Bạn') }),
  labels: fc.record({ sentiment: fc.constantFrom(['negative'], ['positive'], []) }),
});

test('compiled matcher agrees with the reference evaluator on random queries and posts', () => {
  fc.assert(
    fc.property(
      fc.array(queryArb, { minLength: 1, maxLength: 8 }),
      fc.array(postArb, { minLength: 1, maxLength: 8 }),
      (queries, posts) => {
        const matcher = createTopicMatcher();
        queries.forEach((q, i) => matcher.set(`t${i}`, q));
        for (const post of posts) {
          const doc = prepareDoc(post);
          const expected = queries.flatMap((q, i) => (evaluateReference(q, doc) ? [`t${i}`] : []));
          assert.deepEqual(matcher.match(doc), expected);
        }
      },
    ),
    { numRuns: 1500, seed: 20261123 },
  );
});

test('adding, replacing and removing topics keeps the index consistent', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({ id: fc.integer({ min: 0, max: 5 }), query: queryArb, isRemove: fc.boolean() }),
        { minLength: 1, maxLength: 20 },
      ),
      fc.array(postArb, { minLength: 1, maxLength: 5 }),
      (operations, posts) => {
        const matcher = createTopicMatcher();
        const live = new Map<string, QueryNode>();
        for (const { id, query, isRemove } of operations) {
          const key = `t${id}`;
          if (isRemove) {
            assert.equal(matcher.remove(key), live.delete(key));
          } else {
            matcher.set(key, query);
            live.delete(key);
            live.set(key, query);
          }
        }
        assert.equal(matcher.stats().topics, live.size);
        for (const post of posts) {
          const doc = prepareDoc(post);
          const expected = [...live].flatMap(([key, q]) =>
            evaluateReference(q, doc) ? [key] : [],
          );
          assert.deepEqual(matcher.match(doc), expected);
        }
      },
    ),
    { numRuns: 500, seed: 7 },
  );
});

test('topics that share atoms stay exact through add, replace and remove', () => {
  fc.assert(
    fc.property(
      fc.array(queryArb, { minLength: 3, maxLength: 3 }),
      fc.array(
        fc.record({
          id: fc.integer({ min: 0, max: 7 }),
          pick: fc.integer({ min: 0, max: 5 }),
          isRemove: fc.boolean(),
        }),
        { minLength: 1, maxLength: 30 },
      ),
      fc.array(postArb, { minLength: 1, maxLength: 4 }),
      (pool, operations, posts) => {
        // Pairs of pool queries joined by AND/OR share whole subtrees, hence atoms.
        const pick = (i: number): QueryNode =>
          i < 3
            ? pool[i]!
            : { type: i === 3 ? 'and' : 'or', children: [pool[i - 3]!, pool[(i - 2) % 3]!], span };
        const matcher = createTopicMatcher();
        const live = new Map<string, QueryNode>();
        for (const { id, pick: at, isRemove } of operations) {
          const key = `t${id}`;
          if (isRemove) {
            matcher.remove(key);
            live.delete(key);
          } else {
            matcher.set(key, pick(at));
            live.delete(key);
            live.set(key, pick(at));
          }
          const doc = prepareDoc(posts[0]!);
          const expected = [...live].flatMap(([k, q]) => (evaluateReference(q, doc) ? [k] : []));
          assert.deepEqual(matcher.match(doc), expected);
        }
        for (const post of posts) {
          const doc = prepareDoc(post);
          const expected = [...live].flatMap(([k, q]) => (evaluateReference(q, doc) ? [k] : []));
          assert.deepEqual(matcher.match(doc), expected);
        }
        for (const key of live.keys()) matcher.remove(key);
        assert.equal(matcher.stats().atoms, 0);
      },
    ),
    { numRuns: 300, seed: 11 },
  );
});

test('matcher agrees with the reference on long posts past the positions cap', () => {
  const longPost = postArb.chain((post) =>
    fc.integer({ min: 100, max: 400 }).map((times) => ({
      ...post,
      text: Array(times).fill(post.text).join(' . '),
    })),
  );
  fc.assert(
    fc.property(
      fc.array(spanGroupArb, { minLength: 1, maxLength: 4 }),
      longPost,
      (queries, post) => {
        const matcher = createTopicMatcher();
        queries.forEach((q, i) => matcher.set(`t${i}`, q));
        const doc = prepareDoc(post);
        const expected = queries.flatMap((q, i) => (evaluateReference(q, doc) ? [`t${i}`] : []));
        assert.deepEqual(matcher.match(doc), expected);
      },
    ),
    { numRuns: 40, seed: 99 },
  );
});
