import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LangngheError } from '../core/errors.js';
import { parseQuery } from '../query/index.js';
import { COMMON_SYLLABLES } from './query-vocab.js';
import { generateTopicQueries } from './topic-queries.js';

/**
 * A small independent reader of the query syntax, enough to check the generator's promises
 * without trusting the project's parser: balanced groups, no AND/OR mix at one level, NEAR
 * operands that are terms, phrases or OR-groups, uppercase operators, wildcard placement.
 */
type Item =
  | { kind: 'atom'; text: string; negated: boolean; meta: boolean }
  | { kind: 'group'; level: Level; negated: boolean };
interface Level {
  items: Item[];
  seps: string[];
}

const TOKEN =
  /\s*(\(|\)|-?"[^"]*"(?:~\d+)?|-?\{[^}]*\}|[^\s()"{}]+(?:"[^"]*"|\((?:[^()]*)\))?|-)/gy;
const OPERATOR = /^(AND|OR|NOT|O?NEAR(?:\/\d+f?)?)$/;

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(query); m !== null && m[1] !== undefined; m = TOKEN.exec(query))
    tokens.push(m[1]);
  assert.equal(
    tokens.join('').replace(/\s/g, ''),
    query.replace(/\s/g, ''),
    `untokenizable: ${query}`,
  );
  return tokens;
}

function readLevel(tokens: string[], pos: { i: number }, query: string): Level {
  const level: Level = { items: [], seps: [] };
  let expectOperand = true;
  while (pos.i < tokens.length && tokens[pos.i] !== ')') {
    const tok = tokens[pos.i++]!;
    if (OPERATOR.test(tok) && !(tok === 'NOT' && expectOperand)) {
      assert.ok(!expectOperand, `operator ${tok} without left operand: ${query}`);
      level.seps.push(tok.startsWith('NEAR') || tok.startsWith('ONEAR') ? 'NEAR' : tok);
      expectOperand = true;
      continue;
    }
    if (!expectOperand) level.seps.push('IMPLICIT');
    let negated = tok === 'NOT' || tok.startsWith('-');
    let body = tok === 'NOT' ? tokens[pos.i++]! : tok.startsWith('-') ? tok.slice(1) : tok;
    if (body === '') body = tokens[pos.i++]!;
    if (body === '(') {
      const inner = readLevel(tokens, pos, query);
      assert.equal(tokens[pos.i++], ')', `unbalanced: ${query}`);
      level.items.push({ kind: 'group', level: inner, negated });
    } else {
      assert.ok(
        !/^(and|or|not|near)$/i.test(body) || OPERATOR.test(body),
        `lowercase operator: ${query}`,
      );
      level.items.push({
        kind: 'atom',
        text: body,
        negated,
        meta: /^[a-z]+:/.test(body) && !/^(title|text|author):/.test(body),
      });
    }
    negated = false;
    expectOperand = false;
  }
  assert.ok(!expectOperand || level.items.length === 0, `dangling operator: ${query}`);
  return level;
}

function isNearOperand(item: Item): boolean {
  if (item.negated) return false;
  if (item.kind === 'atom') return !item.meta && !/^(title|text|author):/.test(item.text);
  return item.level.seps.every((s) => s === 'OR') && item.level.items.every(isNearOperand);
}

function checkLevel(level: Level, query: string): void {
  const ands = level.seps.filter((s) => s === 'AND' || s === 'NOT' || s === 'IMPLICIT');
  const ors = level.seps.filter((s) => s === 'OR');
  assert.ok(ands.length === 0 || ors.length === 0, `AND and OR mixed at one level: ${query}`);
  level.seps.forEach((sep, k) => {
    if (sep !== 'NEAR') return;
    assert.ok(
      isNearOperand(level.items[k]!) && isNearOperand(level.items[k + 1]!),
      `bad NEAR operand: ${query}`,
    );
  });
  for (const item of level.items) {
    if (item.kind === 'group') checkLevel(item.level, query);
    else checkWildcards(item.text, query);
  }
}

function checkWildcards(atom: string, query: string): void {
  const words = atom
    .replace(/^[a-z]+:/, '')
    .replace(/["{}]|~\d+$/g, '')
    .split(/[\s.,/-]+/);
  for (const word of words) {
    const body = word.replace(/^[#@]/, '');
    const first = body.search(/[*?]/);
    if (first < 0) continue;
    assert.ok(!body.slice(0, -1).includes('*'), `inner *: ${query}`);
    assert.ok(
      [...body.slice(0, first).normalize('NFD').replace(/\p{M}/gu, '')].length >= 3,
      `short wildcard: ${query}`,
    );
  }
}

function checkQuery(query: string): void {
  assert.equal((query.match(/"/g) ?? []).length % 2, 0, `odd quotes: ${query}`);
  const tokens = tokenize(query);
  const pos = { i: 0 };
  const level = readLevel(tokens, pos, query);
  assert.equal(pos.i, tokens.length, `stray ')': ${query}`);
  checkLevel(level, query);
}

const queries = generateTopicQueries({ seed: 7, count: 100_000 });

describe('generateTopicQueries', () => {
  it('makes 100,000 distinct queries, the same for the same seed', () => {
    assert.equal(queries.length, 100_000);
    assert.equal(new Set(queries).size, 100_000);
    assert.deepEqual(generateTopicQueries({ seed: 7, count: 2000 }), queries.slice(0, 2000));
    const other = generateTopicQueries({ seed: 8, count: 2000 });
    assert.ok(other.filter((q, i) => q === queries[i]).length < 20);
  });

  it('never mixes AND and OR at one level, keeps NEAR operands simple and wildcards trailing', () => {
    for (const q of queries) checkQuery(q);
  });

  it('has a checker that refuses mixed levels, bad NEAR operands, short wildcards, lowercase operators, open groups', () => {
    for (const bad of [
      'a AND b OR c',
      '(a AND b) OR c d',
      'a NEAR/3 (b AND c)',
      'site:x.vn NEAR/2 a',
      'ng* AND b',
      'a and b',
      '(a OR b',
    ]) {
      assert.throws(() => checkQuery(bad), assert.AssertionError, bad);
    }
    checkQuery('(ngập OR "triều cường") AND (q7 OR "quận 7") NOT "quảng cáo"');
  });

  it('uses every operator and field of the language', () => {
    const all = queries.slice(0, 20_000).join('\n');
    const expected = [
      ' AND ',
      ' OR ',
      ' NOT ',
      ' AND NOT ',
      ' AND -',
      'NEAR/',
      /NEAR\/\d+f/,
      'ONEAR/',
      ' NEAR ',
      /"~\d/,
      '* ',
      '?',
      '{TP.HCM}',
      '#',
      '@',
      'title:',
      'text:',
      'author:',
      'site:',
      'site:(',
      'links:',
      'platform:',
      'lang:en',
      'area:',
      'sentiment:',
    ];
    for (const e of expected)
      assert.ok(typeof e === 'string' ? all.includes(e) : e.test(all), String(e));
  });

  it('anchors a realistic share only on very common syllables', () => {
    const common = new Set(COMMON_SYLLABLES);
    const isCommonOnly = (q: string): boolean =>
      q
        .replace(/[()"]/g, ' ')
        .split(/\s+/)
        .filter((w) => w !== '' && !['AND', 'OR'].includes(w))
        .every((w) => common.has(w) || w === 'dân');
    const share = queries.filter(isCommonOnly).length / queries.length;
    assert.ok(share > 0.03 && share < 0.12, `share ${share}`);
  });

  it('names hundreds of distinct places, organisations and issues', () => {
    const quoted = new Set(queries.slice(0, 20_000).flatMap((q) => q.match(/"[^"]+"/g) ?? []));
    assert.ok(quoted.size > 500, `${quoted.size} distinct phrases`);
  });

  it('parses with the project query parser without errors or hints', () => {
    for (const q of queries.slice(0, 3000)) {
      const parsed = parseQuery(q);
      assert.deepEqual(parsed.warnings, [], q);
    }
  });

  it('refuses a negative count and returns nothing for zero', () => {
    assert.deepEqual(generateTopicQueries({ seed: 1, count: 0 }), []);
    assert.throws(() => generateTopicQueries({ seed: 1, count: -3 }), LangngheError);
  });
});
