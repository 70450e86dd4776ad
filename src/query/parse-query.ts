import type { LangngheError } from '../core/errors.js';
import { toLangngheError } from '../core/errors.js';
import type { ParsedQuery, QueryNode, QueryWarning } from './ast.js';
import { QUERY_LIMITS } from './ast.js';
import type { QueryToken } from './lexer.js';
import { lexQuery } from './lexer.js';
import { checkNearOperand, combineSequence, expectedOperand } from './parse-rules.js';
import type { SequenceItem } from './parse-hints.js';
import type { ParserState } from './parse-state.js';
import {
  advance,
  closeGroup,
  createParserState,
  openGroup,
  peek,
  withSpan,
} from './parse-state.js';
import { buildTermOrPhrase, splitWords } from './parse-terms.js';
import type { TextPrefix } from './parse-word.js';
import { fieldWithoutValue, parseBareWord, parseMetaField, readFieldPrefix } from './parse-word.js';
import { queryError } from './query-errors.js';

const OPERAND_STARTS = new Set(['lparen', 'quoted', 'braced']);

function parseGroup(state: ParserState): QueryNode {
  const open = openGroup(state);
  const node = parseSequence(state, open);
  const close = closeGroup(state, open);
  return withSpan(node, open.start, close.end);
}

function parseQuoted(state: ParserState, tok: QueryToken, isExact: boolean): QueryNode {
  const pieces = splitWords(tok.text, tok.textStart);
  if (pieces.length === 0) {
    throw queryError({
      offset: tok.start,
      expected: isExact ? 'a word inside {…}' : 'a word inside the quotes',
      vi: (at) => `${isExact ? 'Cặp ngoặc {…}' : 'Cặp ngoặc kép'} ${at} không chứa từ nào`,
      en: (at) => `${isExact ? 'the {…}' : 'the quoted phrase'} ${at} contains no word`,
    });
  }
  const span = { start: tok.start, end: tok.end };
  const context = { field: state.field, counters: state.counters };
  return buildTermOrPhrase(pieces, span, { ...context, exact: isExact, slop: tok.number ?? 0 });
}

function textFieldRest(state: ParserState, tok: QueryToken, prefix: TextPrefix): QueryNode {
  const rest = { text: state.input.slice(prefix.restStart, tok.end), start: prefix.restStart };
  if (rest.text.startsWith('-') || readFieldPrefix(rest.text, rest.start) !== null) {
    throw queryError({
      offset: rest.start,
      expected: 'a term, phrase or group',
      vi: (at) =>
        `Sau '${prefix.name}:' ${at} cần một từ, cụm từ hoặc nhóm; để loại trừ hãy viết -${prefix.name}:…`,
      en: (at) =>
        `expected a term, phrase or group after '${prefix.name}:' ${at}; to exclude, write -${prefix.name}:…`,
    });
  }
  return withSpan(parseBareWord(state, { ...rest, end: tok.end }, false), tok.start, tok.end);
}

/** `title:x`, `title:"…"`, `title:{…}`, `title:(…)`: the field applies to every term inside. */
function parseTextField(state: ParserState, tok: QueryToken, prefix: TextPrefix): QueryNode {
  const outer = state.field;
  state.field = prefix.field;
  let node: QueryNode;
  if (prefix.restStart < tok.end) {
    node = textFieldRest(state, tok, prefix);
  } else {
    const next = peek(state);
    if (next.start !== tok.end || !OPERAND_STARTS.has(next.type)) {
      throw fieldWithoutValue(tok, prefix.name);
    }
    node = parsePrimary(state, tok);
    node = withSpan(node, tok.start, node.span.end);
  }
  state.field = outer;
  return node;
}

function parseWord(state: ParserState): QueryNode {
  const tok = advance(state);
  const prefix = readFieldPrefix(tok.text, tok.start);
  if (prefix === null) return parseBareWord(state, tok, true);
  if (prefix.kind === 'meta') return parseMetaField(state, tok, prefix);
  return parseTextField(state, tok, prefix);
}

/** One operand: a group, phrase, exact text, or word (with its field); `prev` is the token before. */
function parsePrimary(state: ParserState, prev: QueryToken | null): QueryNode {
  const tok = peek(state);
  switch (tok.type) {
    case 'lparen':
      return parseGroup(state);
    case 'quoted':
    case 'braced':
      advance(state);
      return parseQuoted(state, tok, tok.type === 'braced');
    case 'word':
      return parseWord(state);
    default:
      throw expectedOperand(tok, prev);
  }
}

function negationError(tok: QueryToken, next: QueryToken): LangngheError {
  const isDouble = next.type === 'not' || next.type === 'minus';
  return queryError({
    offset: isDouble ? next.start : tok.start,
    expected: isDouble ? 'a term, phrase or group' : "a term right after '-'",
    vi: (at) =>
      isDouble
        ? `Hai phủ định liên tiếp ${at}: bỏ bớt một NOT hoặc '-'`
        : `Dấu '-' ${at} phải đứng sát ngay trước từ, cụm từ hoặc nhóm cần loại trừ`,
    en: (at) =>
      isDouble
        ? `two negations in a row ${at}: remove one NOT or '-'`
        : `'-' ${at} must be followed directly by the term, phrase or group to exclude`,
  });
}

/** `NOT x` or `-x`, binding tighter than anything else; otherwise an operand. */
function parseUnary(state: ParserState, prev: QueryToken | null): QueryNode {
  const tok = peek(state);
  if (tok.type !== 'not' && tok.type !== 'minus') return parsePrimary(state, prev);
  advance(state);
  const next = peek(state);
  const isAttached = tok.type === 'not' || (next.start === tok.end && next.type !== 'rparen');
  if (next.type === 'not' || next.type === 'minus' || !isAttached) throw negationError(tok, next);
  const child = parsePrimary(state, tok);
  return { type: 'not', child, span: { start: tok.start, end: child.span.end } };
}

/** Left-associative `a NEAR/n b NEAR/m c`, binding tighter than AND and OR. */
function parseNear(state: ParserState, prev: QueryToken | null): QueryNode {
  let left = parseUnary(state, prev);
  while (peek(state).type === 'near') {
    const op = advance(state);
    checkNearOperand(left, op);
    const right = parseUnary(state, op);
    checkNearOperand(right, op);
    left = {
      type: 'near',
      left,
      right,
      distance: op.number ?? QUERY_LIMITS.defaultNearDistance,
      ordered: op.ordered === true,
      span: { start: left.span.start, end: right.span.end },
    };
  }
  return left;
}

/** Operands joined by AND, OR, `NOT` or juxtaposition, up to `)` or the end. */
function parseSequence(state: ParserState, opener: QueryToken | null): QueryNode {
  const items: SequenceItem[] = [];
  const separators: QueryToken[] = [];
  let prev = opener;
  for (;;) {
    items.push({ node: parseNear(state, prev), isImplicit: items.length > 0 && prev === null });
    const tok = peek(state);
    if (tok.type === 'eof' || tok.type === 'rparen') break;
    prev = tok.type === 'and' || tok.type === 'or' ? advance(state) : null;
    separators.push(tok);
  }
  return combineSequence(state, items, separators);
}

function parseTop(input: string, withWarnings: boolean): ParsedQuery {
  if (input.length > QUERY_LIMITS.maxLength) {
    const max = QUERY_LIMITS.maxLength;
    throw queryError({
      code: 'query.limit',
      offset: max,
      expected: `at most ${max} characters`,
      vi: (at) => `Truy vấn dài quá ${max} ký tự (vượt từ ${at})`,
      en: (at) => `the query is longer than ${max} characters (from ${at})`,
      extra: { limit: max },
    });
  }
  const state = createParserState(input, lexQuery(input), withWarnings);
  const ast = parseSequence(state, null);
  const rest = peek(state);
  if (rest.type !== 'eof') throw expectedOperand(rest, null);
  return { ast, warnings: state.warnings ?? [] };
}

function isValidQuery(input: string): boolean {
  try {
    parseTop(input, false);
    return true;
  } catch {
    return false;
  }
}

function checkedSuggestion(warning: QueryWarning): QueryWarning {
  if (warning.suggestion === undefined || isValidQuery(warning.suggestion)) return warning;
  const { suggestion: _dropped, ...rest } = warning;
  return rest;
}

/**
 * Parses a topic query (Brandwatch-style boolean: AND, OR, NOT, `-x`, NEAR/n, NEAR/nf, ONEAR/n,
 * phrases with `~n`, `{exact}`, wildcards, #hashtags, @mentions, text and meta fields) into its
 * syntax tree plus hints that do not stop it from running. Never throws anything but a
 * `LangngheError`, whatever the input; work is linear in the input's length.
 *
 * @throws LangngheError `query.syntax` (details: offset, column, expected, messageVi, messageEn)
 *   or `query.limit` when the query breaks one of `QUERY_LIMITS`.
 */
export function parseQuery(input: string): ParsedQuery {
  try {
    if (typeof input !== 'string') {
      throw queryError({
        offset: 0,
        expected: 'query text',
        vi: (at) => `Truy vấn phải là văn bản ${at}`,
        en: (at) => `the query must be text ${at}`,
      });
    }
    const parsed = parseTop(input, true);
    return { ast: parsed.ast, warnings: parsed.warnings.map(checkedSuggestion) };
  } catch (error) {
    throw toLangngheError(error, 'internal');
  }
}
