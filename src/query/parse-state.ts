import type { LangngheError } from '../core/errors.js';
import type { QueryNode, QueryWarning, Span, TextField } from './ast.js';
import { QUERY_LIMITS } from './ast.js';
import type { QueryToken } from './lexer.js';
import type { TermCounters } from './parse-terms.js';
import { queryError } from './query-errors.js';

/** A term written as one bare word, with no field and no punctuation: what hints look at. */
export interface BareWord {
  raw: string;
  span: Span;
}

/** Where the parser is in one query. */
export interface ParserState {
  input: string;
  tokens: readonly QueryToken[];
  pos: number;
  /** Parentheses open around the current position. */
  depth: number;
  /** The text field that terms built now belong to (`title:(…)` sets it for the group). */
  field: TextField;
  counters: TermCounters;
  bareWords: Map<QueryNode, BareWord>;
  /** Collected hints, or null when the caller does not want any. */
  warnings: QueryWarning[] | null;
}

export function createParserState(
  input: string,
  tokens: readonly QueryToken[],
  withWarnings: boolean,
): ParserState {
  return {
    input,
    tokens,
    pos: 0,
    depth: 0,
    field: 'any',
    counters: { terms: 0, wildcards: 0 },
    bareWords: new Map(),
    warnings: withWarnings ? [] : null,
  };
}

/** The current token (the last one is always `eof`). */
export function peek(state: ParserState): QueryToken {
  return state.tokens[Math.min(state.pos, state.tokens.length - 1)]!;
}

export function advance(state: ParserState): QueryToken {
  const tok = peek(state);
  if (state.pos < state.tokens.length - 1) state.pos++;
  return tok;
}

/** Consumes `(`, checking `QUERY_LIMITS.maxDepth` and that the group is not empty. */
export function openGroup(state: ParserState): QueryToken {
  const open = advance(state);
  state.depth++;
  const max = QUERY_LIMITS.maxDepth;
  if (state.depth > max) {
    throw queryError({
      code: 'query.limit',
      offset: open.start,
      expected: `at most ${max} nested parentheses`,
      vi: (at) => `Ngoặc lồng nhau quá ${max} cấp ${at}`,
      en: (at) => `parentheses nested deeper than ${max} levels ${at}`,
      extra: { limit: max },
    });
  }
  if (peek(state).type === 'rparen') {
    throw queryError({
      offset: open.start,
      expected: 'a term inside the parentheses',
      vi: (at) => `Cặp ngoặc rỗng ${at}: cần ít nhất một từ bên trong`,
      en: (at) => `empty parentheses ${at}: put at least one term inside`,
    });
  }
  return open;
}

/** The error of a `(` never closed; it points at the `(`. */
export function missingCloseError(open: QueryToken): LangngheError {
  return queryError({
    offset: open.start,
    expected: "')'",
    vi: (at) => `Thiếu dấu ngoặc đóng ')' cho dấu '(' ${at}`,
    en: (at) => `missing ')' for the '(' ${at}`,
  });
}

/** Consumes the `)` that closes `open`. */
export function closeGroup(state: ParserState, open: QueryToken): QueryToken {
  if (peek(state).type !== 'rparen') throw missingCloseError(open);
  state.depth--;
  return advance(state);
}

/** The same node with another span (nodes are never mutated once built). */
export function withSpan<T extends QueryNode>(node: T, start: number, end: number): T {
  return { ...node, span: { start, end } };
}
