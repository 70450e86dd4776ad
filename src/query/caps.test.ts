import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from './parse-query.js';
import { createTopicMatcher } from './topic-matcher.js';
import { evaluateReference } from './evaluate-reference.js';
import { explainMatch, MAX_HITS_PER_FIELD } from './explain.js';
import { MAX_POSITIONS, prepareDoc } from './match-doc.js';
import { MAX_SPANS, nearSpans } from './spans.js';

const repeat = (text: string, times: number): string => Array(times).fill(text).join(' ');

function agrees(query: string, text: string): boolean {
  const parsed = parseQuery(query);
  const matcher = createTopicMatcher();
  matcher.set('t', parsed);
  const doc = prepareDoc({ text });
  const expected = evaluateReference(parsed.ast, doc);
  assert.equal(matcher.match(doc).length > 0, expected, query);
  return expected;
}

test('a field keeps at most MAX_POSITIONS positions of one folded form', () => {
  const doc = prepareDoc({ text: repeat('ngập Ngap', MAX_POSITIONS) });

  assert.equal(doc.text.words.get('ngap')!.length, MAX_POSITIONS);
  assert.equal(doc.text.words.get('ngap')!.at(-1), MAX_POSITIONS - 1);
});

test('an occurrence past the positions cap is ignored by matcher and reference alike', () => {
  const late = `${repeat('xe', MAX_POSITIONS)} kẹt xe`;
  const early = `kẹt xe ${repeat('xe', MAX_POSITIONS)}`;

  assert.equal(agrees('"kẹt xe"', late), false);
  assert.equal(agrees('"kẹt xe"', early), true);
  assert.equal(agrees('kẹt NEAR/0f xe', late), false);
  assert.equal(agrees('kẹt NEAR/0f xe', early), true);
});

test('NEAR produces at most MAX_SPANS spans, the first ones in canonical order', () => {
  const points = Array.from({ length: 2_000 }, (_, i) => ({ start: i, end: i }));

  const spans = nearSpans(points, points, 5, false);

  assert.equal(spans.length, MAX_SPANS);
  assert.deepEqual(spans[0], { start: 0, end: 1 });
  for (let i = 1; i < spans.length; i++) {
    const [a, b] = [spans[i - 1]!, spans[i]!];
    assert.ok(a.start < b.start || (a.start === b.start && a.end < b.end));
  }
});

test('matcher and reference agree on NEAR chains over long repetitive posts', () => {
  const text = repeat('ngập nước quận 7 ngập', 700);
  for (const query of [
    '(ngập NEAR/2 nước) NEAR/3 (quận NEAR/0 7)',
    '((ngập NEAR/1 ngập) NEAR/1 ngập) NEAR/1f "quận 7"',
    '"ngập nước quận 7 ngập ngập nước"',
    '(ngập OR nước OR quận) ONEAR/0 7',
  ])
    agrees(query, text);
});

test('explain of a 512-term OR over a long post keeps at most the cap of hits per field', () => {
  const words = Array.from({ length: 512 }, (_, i) => `x${i.toString(36).padStart(2, '0')}`);
  const query = words.join(' OR ');
  const text = repeat(words.join(' '), 8);
  const doc = prepareDoc({ title: text, text });

  const explanation = explainMatch(parseQuery(query).ast, query, doc);

  assert.equal(explanation.matched, true);
  assert.equal(explanation.hits.filter((h) => h.field === 'title').length, MAX_HITS_PER_FIELD);
  assert.equal(explanation.hits.filter((h) => h.field === 'text').length, MAX_HITS_PER_FIELD);
  assert.equal(explanation.hits[0]!.text, 'x00');
  assert.equal(explanation.hits.at(-1)!.text, words[199]);
});

test('explain reports a place once even when several parts of the query match it', () => {
  const query = 'ngập AND (ngập OR mưa)';
  const doc = prepareDoc({ text: 'mưa to, đường ngập' });

  const explanation = explainMatch(parseQuery(query).ast, query, doc);

  assert.deepEqual(
    explanation.hits.map((h) => h.text),
    ['mưa', 'ngập'],
  );
});

test('explain inside NEAR keeps only hits within the NEAR spans', () => {
  const query = 'ngập NEAR/1 "quận 7"';
  const doc = prepareDoc({ text: 'ngập ở quận 7, còn quận 7 thì không ngập' });

  const explanation = explainMatch(parseQuery(query).ast, query, doc);

  assert.deepEqual(
    explanation.hits.map((h) => [h.text, h.start]),
    [
      ['ngập', 0],
      ['quận 7', 7],
    ],
  );
});

test('an explanation reads a term’s first occurrences only, and still says the post matched', () => {
  // "mưa" 300 times, then the only "ngập" right after the last one: the NEAR pair lies past the
  // first occurrences an explanation reads.
  const text = `${repeat('mưa', 300)} ngập`;
  const parsed = parseQuery('mưa NEAR/1 ngập');
  const doc = prepareDoc({ text });
  const full = explainMatch(parsed.ast, 'mưa NEAR/1 ngập', doc);
  assert.equal(full.matched, true, 'the matcher’s own answer');
  assert.ok(full.hits.length <= 2 * MAX_HITS_PER_FIELD);
  // Given by the caller, `matched` is taken as said, without compiling the query again.
  assert.equal(explainMatch(parsed.ast, 'mưa NEAR/1 ngập', doc, true).matched, true);
  const early = prepareDoc({ text: `mưa ngập ${repeat('mưa', 300)}` });
  const hits = explainMatch(parsed.ast, 'mưa NEAR/1 ngập', early, true).hits;
  assert.ok(
    hits.some((h) => h.text === 'ngập'),
    'an early pair is highlighted',
  );
});
