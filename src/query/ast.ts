/**
 * The topic query language's syntax tree: what `parseQuery` produces and the matcher compiles.
 * Positions (`span`) are UTF-16 offsets into the query string, end exclusive.
 */

export interface Span {
  start: number;
  end: number;
}

/** Text fields a term or phrase can be restricted to; `any` is title or text (the default). */
export type TextField = 'any' | 'title' | 'text' | 'author';

/** Fields compared as a whole value rather than as words. */
export type MetaField =
  'site' | 'url' | 'links' | 'platform' | 'lang' | 'area' | 'category' | 'sentiment';

/**
 * One word to find. Matching rules:
 * - `plain` (written without diacritics): matches every spelling whose fold equals `folded`.
 * - otherwise: matches tokens spelled the same (canonical spelling, case-insensitive) or typed
 *   without any diacritic.
 * - `exact` (`{Raw}`): matches only the same case and diacritics (canonical tone placement).
 * - `wildcard`: `value` contains `*` (only trailing) and/or `?` (one character); at least
 *   `MIN_WILDCARD_PREFIX` literal characters come first.
 * - `kind` `hashtag` matches only #hashtags, `mention` only @mentions; `word` matches words,
 *   numbers and the body of hashtags.
 */
export interface TermNode {
  type: 'term';
  field: TextField;
  kind: 'word' | 'hashtag' | 'mention';
  /** As written, NFC, without the `#`/`@`, braces or quotes; may contain `*` and `?`. */
  value: string;
  /** `foldText(value)`. */
  folded: string;
  plain: boolean;
  exact: boolean;
  wildcard: boolean;
  span: Span;
}

/**
 * Words in sequence. `slop` 0 is an exact phrase (consecutive positions, in order); `slop` n > 0
 * (`"a b"~n`) lets the words appear in any order within a window of `terms.length + n` positions.
 */
export interface PhraseNode {
  type: 'phrase';
  field: TextField;
  terms: TermNode[];
  slop: number;
  span: Span;
}

/** `site:`, `url:`, `platform:` … : a whole-value comparison. `value` is as written (unquoted). */
export interface MetaNode {
  type: 'meta';
  field: MetaField;
  value: string;
  span: Span;
}

export interface AndNode {
  type: 'and';
  children: QueryNode[];
  span: Span;
}

export interface OrNode {
  type: 'or';
  children: QueryNode[];
  span: Span;
}

export interface NotNode {
  type: 'not';
  child: QueryNode;
  span: Span;
}

/**
 * `left NEAR/n right`: some match of `left` and some match of `right` in the same field with at
 * most `distance` words between them. `ordered` (`NEAR/nf`, `ONEAR/n`): `right` comes after `left`.
 * Operands are terms, phrases, ORs of those, or other NEARs (never AND, NOT or meta).
 */
export interface NearNode {
  type: 'near';
  left: QueryNode;
  right: QueryNode;
  distance: number;
  ordered: boolean;
  span: Span;
}

export type QueryNode = TermNode | PhraseNode | MetaNode | AndNode | OrNode | NotNode | NearNode;

/** A hint that does not stop the query from running, e.g. "did you mean the phrase …?". */
export interface QueryWarning {
  code: string;
  messageVi: string;
  messageEn: string;
  span: Span;
  /** A rewritten query the user may have meant, when there is one. */
  suggestion?: string;
}

export interface ParsedQuery {
  ast: QueryNode;
  warnings: QueryWarning[];
}

/** Limits a query must respect; each has a clear `query.limit` error. */
export const QUERY_LIMITS = {
  maxLength: 4096,
  maxDepth: 32,
  maxNearDistance: 100,
  maxWildcards: 16,
  maxTerms: 512,
  minWildcardPrefix: 3,
  defaultNearDistance: 4,
} as const;
