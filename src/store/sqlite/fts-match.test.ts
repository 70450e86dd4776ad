import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { TextPrefilter } from '../text-prefilter.js';
import { toFtsMatch } from './fts-match.js';

const term = (folded: string, prefix = false): TextPrefilter => ({ op: 'term', folded, prefix });

test('quotes every value as an FTS5 string, doubling inner quotes', () => {
  assert.deepEqual(toFtsMatch(term('ngap')), { kind: 'match', expression: '"ngap"' });
  assert.deepEqual(toFtsMatch(term('lu', true)), { kind: 'match', expression: '"lu"*' });
  assert.deepEqual(toFtsMatch(term('a"b) OR NEAR(c')), {
    kind: 'match',
    expression: '"a""b) or near(c"',
  });
  assert.deepEqual(toFtsMatch({ op: 'phrase', folded: ['Nguyễn', 'huu', '🔥', 'canh'] }), {
    kind: 'match',
    expression: '"nguyen" + "huu" + "canh"',
  });
});

test('renders and/or with parentheses and flattens nested ones', () => {
  const tree: TextPrefilter = {
    op: 'and',
    children: [
      { op: 'or', children: [term('ngap'), { op: 'or', children: [term('lut')] }] },
      { op: 'and', children: [term('mua'), { op: 'phrase', folded: ['quan', '7'] }] },
    ],
  };
  assert.deepEqual(toFtsMatch(tree), {
    kind: 'match',
    expression: '(("ngap") OR ("lut")) AND ("mua") AND ("quan" + "7")',
  });
});

test('widens terms with nothing indexable and folds constants', () => {
  assert.deepEqual(toFtsMatch(term('🔥')), { kind: 'all' });
  assert.deepEqual(toFtsMatch({ op: 'and', children: [term('...'), term('mua')] }), {
    kind: 'match',
    expression: '"mua"',
  });
  assert.deepEqual(toFtsMatch({ op: 'or', children: [term('*'), term('mua')] }), { kind: 'all' });
  assert.deepEqual(toFtsMatch({ op: 'or', children: [] }), { kind: 'none' });
  assert.deepEqual(toFtsMatch({ op: 'and', children: [term('mua'), { op: 'or', children: [] }] }), {
    kind: 'none',
  });
});

test('no term, however hostile, breaks or escapes the FTS5 expression', () => {
  const db = new Database(':memory:');
  db.exec(
    "CREATE VIRTUAL TABLE f USING fts5 (body, author, content='', tokenize='unicode61 remove_diacritics 0')",
  );
  db.prepare('INSERT INTO f (rowid, body, author) VALUES (1, ?, ?)').run('ngap nuoc near or', 'x');
  const search = db.prepare('SELECT rowid FROM f WHERE f MATCH ?');
  const piece = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '"',
      '*',
      ':',
      '^',
      '(',
      ')',
      'NEAR',
      'AND',
      'OR',
      'NOT',
      '+',
      '-',
      '\0',
      'body:',
    ),
  );
  const value = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
  const node = fc.oneof(
    fc.record({ op: fc.constant('term' as const), folded: value, prefix: fc.boolean() }),
    fc.record({ op: fc.constant('phrase' as const), folded: fc.array(value, { maxLength: 4 }) }),
  );
  const tree = fc.record({
    op: fc.constantFrom('and' as const, 'or' as const),
    children: fc.array(node, { maxLength: 4 }),
  });
  fc.assert(
    fc.property(tree, (prefilter) => {
      const match = toFtsMatch(prefilter);
      if (match.kind === 'match') search.all(match.expression);
    }),
    { numRuns: 400 },
  );
});
