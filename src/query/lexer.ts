import { QUERY_LIMITS } from './ast.js';
import { queryError, quoteInput } from './query-errors.js';

export type QueryTokenType =
  | 'lparen'
  | 'rparen'
  | 'and'
  | 'or'
  | 'not'
  | 'near'
  | 'minus'
  | 'word'
  | 'quoted'
  | 'braced'
  | 'eof';

/**
 * One token of a query. Offsets are UTF-16 indexes into the query, `end` exclusive. Operators are
 * recognised only in upper case and only as whole words; everything else between delimiters is a
 * `word` whose meaning (field, hashtag, punctuated term) the parser decides.
 */
export interface QueryToken {
  type: QueryTokenType;
  start: number;
  end: number;
  /** `word`: the raw text; `quoted`/`braced`: the text inside the delimiters; else the source. */
  text: string;
  /** Offset of `text` in the query (after the opening quote or brace). */
  textStart: number;
  /** `near`: the distance; `quoted`: the slop written as `~n` (absent when none). */
  number?: number;
  /** `near`: true for `NEAR/nf` and `ONEAR`. */
  ordered?: boolean;
}

const QUOTES = new Set(['"', '\u201c', '\u201d']);
const WORD_BREAKS = new Set(['(', ')', '{', '}', '"', '\u201c', '\u201d']);
const SPACE = /\s/;
const NEAR_WORD = /^(O?)NEAR(?:\/(.*))?$/;
const NEAR_ARGUMENT = /^(\d+)(f?)$/;
const DIGITS = /^\d+$/;

function isBreak(ch: string): boolean {
  return WORD_BREAKS.has(ch) || SPACE.test(ch);
}

function wordEnd(input: string, from: number): number {
  let i = from;
  while (i < input.length && !isBreak(input[i]!)) i++;
  return i;
}

/** Every token has the same shape (all fields set), which keeps property access monomorphic. */
function token(type: QueryTokenType, input: string, start: number, end: number): QueryToken {
  const text = input.slice(start, end);
  return { type, start, end, text, textStart: start, number: undefined, ordered: undefined };
}

interface Label {
  vi: string;
  en: string;
}

const NEAR_LABEL: Label = { vi: 'Khoảng cách NEAR', en: 'NEAR distance' };
const SLOP_LABEL: Label = { vi: 'Độ giãn ~n của cụm từ', en: 'phrase slop ~n' };

function checkedDistance(digits: string, offset: number, what: Label): number {
  const max = QUERY_LIMITS.maxNearDistance;
  const value = digits.length > 6 ? Infinity : Number(digits);
  if (value > max) {
    throw queryError({
      code: 'query.limit',
      offset,
      expected: `a number up to ${max}`,
      vi: (at) => `${what.vi} tối đa là ${max} ${at}`,
      en: (at) => `${what.en} is at most ${max} ${at}`,
      extra: { limit: max },
    });
  }
  return value;
}

function nearToken(input: string, start: number, end: number, match: RegExpExecArray): QueryToken {
  const text = input.slice(start, end);
  const isOnear = match[1] === 'O';
  const argument = match[2];
  if (argument === undefined) {
    const tok = token('near', input, start, end);
    tok.number = QUERY_LIMITS.defaultNearDistance;
    tok.ordered = isOnear;
    return tok;
  }
  const parts = NEAR_ARGUMENT.exec(argument);
  if (parts === null) {
    throw queryError({
      offset: start,
      expected: 'a distance such as NEAR/3 or NEAR/3f',
      vi: (at) => `${quoteInput(text)} ${at} cần một khoảng cách là số, ví dụ NEAR/3 hoặc NEAR/3f`,
      en: (at) => `${quoteInput(text)} ${at} needs a number of words, e.g. NEAR/3 or NEAR/3f`,
    });
  }
  const number = checkedDistance(parts[1]!, start, NEAR_LABEL);
  const tok = token('near', input, start, end);
  tok.number = number;
  tok.ordered = isOnear || parts[2] === 'f';
  return tok;
}

function wordToken(input: string, start: number, end: number): QueryToken {
  const text = input.slice(start, end);
  if (text === 'AND') return token('and', input, start, end);
  if (text === 'OR') return token('or', input, start, end);
  if (text === 'NOT') return token('not', input, start, end);
  const near = NEAR_WORD.exec(text);
  if (near !== null) return nearToken(input, start, end, near);
  return token('word', input, start, end);
}

function closingIndex(input: string, from: number, isClosing: (ch: string) => boolean): number {
  for (let i = from; i < input.length; i++) if (isClosing(input[i]!)) return i;
  return -1;
}

function slopAfter(input: string, tilde: number): { slop: number; end: number } {
  const end = wordEnd(input, tilde + 1);
  const digits = input.slice(tilde + 1, end);
  if (!DIGITS.test(digits)) {
    throw queryError({
      offset: tilde,
      expected: 'a number after ~',
      vi: (at) => `Sau dấu '~' ${at} cần một số, ví dụ "kẹt xe"~2`,
      en: (at) => `expected a number after '~' ${at}, e.g. "kẹt xe"~2`,
    });
  }
  return { slop: checkedDistance(digits, tilde, SLOP_LABEL), end };
}

function quotedToken(input: string, start: number): QueryToken {
  const close = closingIndex(input, start + 1, (ch) => QUOTES.has(ch));
  if (close < 0) {
    throw queryError({
      offset: start,
      expected: "'\"'",
      vi: (at) => `Thiếu dấu ngoặc kép đóng cho dấu '"' ${at}`,
      en: (at) => `missing closing '"' for the quote ${at}`,
    });
  }
  const tok = token('quoted', input, start, close + 1);
  tok.text = input.slice(start + 1, close);
  tok.textStart = start + 1;
  if (input[close + 1] !== '~') return tok;
  const { slop, end } = slopAfter(input, close + 1);
  tok.end = end;
  tok.number = slop;
  return tok;
}

function bracedToken(input: string, start: number): QueryToken {
  const close = closingIndex(input, start + 1, (ch) => ch === '}');
  if (close < 0) {
    throw queryError({
      offset: start,
      expected: "'}'",
      vi: (at) => `Thiếu dấu '}' đóng cho dấu '{' ${at}`,
      en: (at) => `missing '}' for the '{' ${at}`,
    });
  }
  if (input[close + 1] === '~') {
    throw queryError({
      offset: close + 1,
      expected: 'a space or an operator',
      vi: (at) => `Dấu '~' ${at} chỉ dùng sau cụm từ trong ngoặc kép, không sau {…}`,
      en: (at) => `'~' ${at} is only allowed after a quoted phrase, not after {…}`,
    });
  }
  const tok = token('braced', input, start, close + 1);
  tok.text = input.slice(start + 1, close);
  tok.textStart = start + 1;
  return tok;
}

function strayBrace(offset: number): Error {
  return queryError({
    offset,
    expected: 'a term or an operator',
    vi: (at) => `Dấu '}' thừa ${at}, không có dấu '{' mở tương ứng`,
    en: (at) => `unexpected '}' ${at} without a matching '{'`,
  });
}

/** Reads one token starting at `start` (not white space). */
function nextToken(input: string, start: number): QueryToken {
  const ch = input[start]!;
  if (ch === '(') return token('lparen', input, start, start + 1);
  if (ch === ')') return token('rparen', input, start, start + 1);
  if (ch === '-') return token('minus', input, start, start + 1);
  if (QUOTES.has(ch)) return quotedToken(input, start);
  if (ch === '{') return bracedToken(input, start);
  if (ch === '}') throw strayBrace(start);
  return wordToken(input, start, wordEnd(input, start));
}

/**
 * Splits a query into tokens, ending with one `eof` token. A `-` that starts a token is `minus`
 * (the parser checks that a term follows right after it); `"…"`, `“…”` quote a phrase, optionally
 * followed by `~n`; `{…}` quotes exact text. Linear in the input's length.
 *
 * @throws LangngheError `query.syntax` for an unclosed quote or brace, a stray `}`, a bad `~n` or
 *   `NEAR/n`; `query.limit` for a distance over `QUERY_LIMITS.maxNearDistance`.
 */
export function lexQuery(input: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let i = 0;
  while (i < input.length) {
    if (SPACE.test(input[i]!)) {
      i++;
      continue;
    }
    const tok = nextToken(input, i);
    tokens.push(tok);
    i = tok.end;
  }
  tokens.push(token('eof', input, input.length, input.length));
  return tokens;
}
