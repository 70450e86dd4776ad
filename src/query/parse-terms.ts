import { foldText, isPlainText } from '../nlp/fold.js';
import type { PhraseNode, Span, TermNode, TextField } from './ast.js';
import { QUERY_LIMITS } from './ast.js';
import { queryError, quoteInput } from './query-errors.js';

/** One word of a query term, phrase or `{…}`: its raw text and offsets into the query. */
export interface WordPiece {
  text: string;
  start: number;
  end: number;
}

/**
 * The tokenizer's pattern (src/nlp/tokenize.ts) without URLs, with `*` and `?` allowed in words:
 * #hashtags, @mentions (inner dots), numbers with inner `.,:`, words, flags and emoji.
 */
const PIECE_PATTERN =
  /[#＃][\p{L}\p{M}\p{N}_*?]+|@[\p{L}\p{M}\p{N}_*?](?:[\p{L}\p{M}\p{N}_.*?]*[\p{L}\p{M}\p{N}_*?])?|\p{N}+(?:[.,:]\p{N}+)+|[\p{L}\p{M}\p{N}_*?]+|[\u{1F1E6}-\u{1F1FF}]{2}|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*/gu;

type TermKind = TermNode['kind'];

function kindOf(piece: string): TermKind {
  const first = piece[0];
  if (first === '#' || first === '＃') return 'hashtag';
  if (first === '@') return 'mention';
  return 'word';
}

function bodyOf(piece: string): string {
  return kindOf(piece) === 'word' ? piece : piece.slice(1);
}

/**
 * Splits text into words the way the tokenizer does (punctuation separates words), keeping `*`
 * and `?` inside words. Pieces that fold to nothing (lone combining marks) are dropped.
 */
export function splitWords(text: string, offset: number): WordPiece[] {
  const pieces: WordPiece[] = [];
  PIECE_PATTERN.lastIndex = 0;
  for (let m = PIECE_PATTERN.exec(text); m !== null; m = PIECE_PATTERN.exec(text)) {
    if (foldText(bodyOf(m[0])) === '') continue;
    pieces.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return pieces;
}

/** Running totals checked against `QUERY_LIMITS.maxTerms` and `maxWildcards`. */
export interface TermCounters {
  terms: number;
  wildcards: number;
}

/** How the terms being built are to be read. */
export interface TermContext {
  field: TextField;
  exact: boolean;
  counters: TermCounters;
}

function wildcardError(offset: number, vi: string, en: string, expected: string): Error {
  return queryError({ offset, expected, vi: (at) => `${vi} ${at}`, en: (at) => `${en} ${at}` });
}

function inWord(body: string): { vi: string; en: string } {
  return { vi: ` (trong ${quoteInput(body)})`, en: ` (in ${quoteInput(body)})` };
}

/** True when `body` has wildcards, after checking where they are. */
function checkWildcards(body: string, bodyStart: number): boolean {
  const first = body.search(/[*?]/);
  if (first < 0) return false;
  if (first === 0) {
    throw wildcardError(
      bodyStart,
      `Từ không được bắt đầu bằng ký tự đại diện '${body[0]}'${inWord(body).vi}`,
      `a word cannot start with the wildcard '${body[0]}'${inWord(body).en}`,
      'a letter before the wildcard',
    );
  }
  const star = body.indexOf('*');
  if (star >= 0 && star !== body.length - 1) {
    throw wildcardError(
      bodyStart + star,
      `Ký tự đại diện '*' chỉ được đặt ở cuối từ${inWord(body).vi}`,
      `the wildcard '*' is only allowed at the end of a word${inWord(body).en}`,
      'a space or the end of the word after *',
    );
  }
  const min = QUERY_LIMITS.minWildcardPrefix;
  if ([...foldText(body.slice(0, first))].length < min) {
    throw wildcardError(
      bodyStart,
      `Cần ít nhất ${min} chữ cái trước ký tự đại diện${inWord(body).vi}`,
      `at least ${min} letters are needed before a wildcard${inWord(body).en}`,
      `${min} letters before the wildcard`,
    );
  }
  return true;
}

function count(counters: TermCounters, isWildcard: boolean, offset: number): void {
  counters.terms++;
  if (isWildcard) counters.wildcards++;
  const { maxTerms, maxWildcards } = QUERY_LIMITS;
  if (counters.terms > maxTerms || counters.wildcards > maxWildcards) {
    const isTerms = counters.terms > maxTerms;
    const limit = isTerms ? maxTerms : maxWildcards;
    throw queryError({
      code: 'query.limit',
      offset,
      expected: isTerms ? `at most ${limit} terms` : `at most ${limit} wildcard terms`,
      vi: (at) =>
        isTerms
          ? `Truy vấn có quá ${limit} từ ${at}`
          : `Truy vấn có quá ${limit} từ dùng ký tự đại diện ${at}`,
      en: (at) =>
        isTerms
          ? `the query has more than ${limit} terms ${at}`
          : `the query has more than ${limit} wildcard terms ${at}`,
      extra: { limit },
    });
  }
}

/** Builds the term of one piece; `span` defaults to the piece's own. */
export function buildTerm(piece: WordPiece, context: TermContext, span?: Span): TermNode {
  const kind = kindOf(piece.text);
  const body = bodyOf(piece.text);
  const wildcard = checkWildcards(body, piece.end - body.length);
  count(context.counters, wildcard, piece.start);
  const value = body.normalize('NFC');
  return {
    type: 'term',
    field: context.field,
    kind,
    value,
    folded: foldText(value),
    plain: isPlainText(value),
    exact: context.exact,
    wildcard,
    span: span ?? { start: piece.start, end: piece.end },
  };
}

/** One piece is a term spanning `span`; several are a phrase with the given slop. */
export function buildTermOrPhrase(
  pieces: readonly WordPiece[],
  span: Span,
  context: TermContext & { slop: number },
): TermNode | PhraseNode {
  if (pieces.length === 1) return buildTerm(pieces[0]!, context, span);
  return {
    type: 'phrase',
    field: context.field,
    terms: pieces.map((piece) => buildTerm(piece, context)),
    slop: context.slop,
    span,
  };
}
