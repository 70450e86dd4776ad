import { LangngheError } from '../core/errors.js';
import type { MetaNode, NearNode, PhraseNode, QueryNode, TermNode, TextField } from './ast.js';
import { splitWords } from './parse-terms.js';

const OPERATOR_WORD = /^(?:AND|OR|NOT|NEAR|ONEAR)$/;
const FIELD_LIKE = /^[A-Za-z][A-Za-z_]*:/;
const META_NEEDS_QUOTES = /[\s(){}]/;
const QUOTE_CHARS = /["\u201c\u201d]/;

function fieldPrefix(field: TextField): string {
  return field === 'any' ? '' : `${field}:`;
}

function termBody(term: TermNode): string {
  if (term.kind === 'hashtag') return `#${term.value}`;
  if (term.kind === 'mention') return `@${term.value}`;
  return term.value;
}

/** True when `text` reads back, unquoted, as this one word and nothing else. */
function isBareSafe(text: string): boolean {
  if (OPERATOR_WORD.test(text) || FIELD_LIKE.test(text)) return false;
  const pieces = splitWords(text, 0);
  return pieces.length === 1 && pieces[0]!.text === text;
}

function formatTerm(term: TermNode): string {
  const body = termBody(term);
  let text: string;
  if (term.exact) text = `{${body}}`;
  else text = isBareSafe(body) ? body : `"${body}"`;
  return fieldPrefix(term.field) + text;
}

function formatPhrase(phrase: PhraseNode): string {
  const words = phrase.terms.map(termBody).join(' ');
  const isExact = phrase.terms.length > 0 && phrase.terms.every((term) => term.exact);
  const text =
    isExact && phrase.slop === 0
      ? `{${words}}`
      : `"${words}"${phrase.slop > 0 ? `~${phrase.slop}` : ''}`;
  return fieldPrefix(phrase.field) + text;
}

function formatMeta(meta: MetaNode): string {
  if (QUOTE_CHARS.test(meta.value)) {
    throw new LangngheError(
      'query.unprintable',
      `Giá trị của ${meta.field}: chứa dấu ngoặc kép, không viết được thành truy vấn / the value of ${meta.field}: contains a quote and cannot be written as a query`,
      { details: { field: meta.field, value: meta.value } },
    );
  }
  const needsQuotes = meta.value === '' || META_NEEDS_QUOTES.test(meta.value);
  return `${meta.field}:${needsQuotes ? `"${meta.value}"` : meta.value}`;
}

function wrap(text: string, isNeeded: boolean): string {
  return isNeeded ? `(${text})` : text;
}

function isLeaf(node: QueryNode): boolean {
  return node.type === 'term' || node.type === 'phrase' || node.type === 'meta';
}

function formatNear(near: NearNode): string {
  const left = formatQuery(near.left);
  const right = formatQuery(near.right);
  const operator = `NEAR/${near.distance}${near.ordered ? 'f' : ''}`;
  // NEAR chains are left-associative: a NEAR on the left needs no parentheses, one on the right does.
  const isLeftBare = isLeaf(near.left) || near.left.type === 'near';
  return `${wrap(left, !isLeftBare)} ${operator} ${wrap(right, !isLeaf(near.right))}`;
}

/**
 * Prints a query tree as canonical query text that `parseQuery` reads back to the same tree (spans
 * aside): nested AND/OR always parenthesized, `NEAR/n` or `NEAR/nf` with the distance written
 * out, phrases quoted with `~n`, exact text in `{…}`, `field:` before every term, phrase and meta
 * value (a text field on a group is written on each term), meta values quoted when they contain
 * spaces.
 *
 * @throws LangngheError `query.unprintable` for a meta value containing a double quote, which the
 *   query language cannot express (parseQuery never produces one).
 */
export function formatQuery(node: QueryNode): string {
  switch (node.type) {
    case 'term':
      return formatTerm(node);
    case 'phrase':
      return formatPhrase(node);
    case 'meta':
      return formatMeta(node);
    case 'and':
    case 'or':
      return node.children
        .map((child) => wrap(formatQuery(child), child.type === 'and' || child.type === 'or'))
        .join(node.type === 'and' ? ' AND ' : ' OR ');
    case 'not':
      return `NOT ${wrap(formatQuery(node.child), !isLeaf(node.child))}`;
    case 'near':
      return formatNear(node);
  }
}
