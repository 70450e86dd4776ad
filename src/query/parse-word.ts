import type { MetaField, MetaNode, OrNode, PhraseNode, TermNode, TextField } from './ast.js';
import type { QueryToken } from './lexer.js';
import {
  KNOWN_FIELDS,
  META_FIELD_NAMES,
  normalizeMetaValue,
  TEXT_FIELD_NAMES,
} from './parse-meta.js';
import type { ParserState } from './parse-state.js';
import { advance, closeGroup, openGroup, peek, withSpan } from './parse-state.js';
import { buildTermOrPhrase, splitWords } from './parse-terms.js';
import { queryError, quoteInput } from './query-errors.js';

const FIELD_PREFIX = /^([A-Za-z][A-Za-z_]*):/;
const TEXT_FIELDS = new Map(Object.entries(TEXT_FIELD_NAMES));
const META_FIELDS = new Map(Object.entries(META_FIELD_NAMES));

/** A text field's `name:` at the start of a word; `restStart` is the offset after the colon. */
export interface TextPrefix {
  kind: 'text';
  field: TextField;
  name: string;
  restStart: number;
}

/** A meta field's `name:` at the start of a word. */
export interface MetaPrefix {
  kind: 'meta';
  field: MetaField;
  name: string;
  restStart: number;
}

export type FieldPrefix = TextPrefix | MetaPrefix;

function unknownField(text: string, name: string, start: number): Error {
  const list = KNOWN_FIELDS.join(', ');
  if ((name === 'http' || name === 'https') && text.startsWith('//', name.length + 1)) {
    return queryError({
      offset: start,
      expected: 'site:, url: or links: before a web address',
      vi: (at) => `Địa chỉ web ${at} cần viết sau site:, url: hoặc links:, ví dụ url:${text}`,
      en: (at) => `write a web address ${at} after site:, url: or links:, e.g. url:${text}`,
    });
  }
  return queryError({
    offset: start,
    expected: `one of the fields ${list}`,
    vi: (at) => `Trường '${name}:' ${at} không tồn tại; các trường hợp lệ: ${list}`,
    en: (at) => `unknown field '${name}:' ${at}; known fields: ${list}`,
    extra: { knownFields: KNOWN_FIELDS },
  });
}

/**
 * Reads a `name:` prefix at the start of a bare word. Only letters before a colon count as a
 * field name, so `14:30` is a number.
 *
 * @throws LangngheError `query.syntax` for an unknown field name (listing the known ones).
 */
export function readFieldPrefix(text: string, start: number): FieldPrefix | null {
  const match = FIELD_PREFIX.exec(text);
  if (match === null) return null;
  const name = match[1]!.toLowerCase();
  const restStart = start + match[0].length;
  const textField = TEXT_FIELDS.get(name);
  if (textField !== undefined) return { kind: 'text', field: textField, name, restStart };
  const metaField = META_FIELDS.get(name);
  if (metaField !== undefined) return { kind: 'meta', field: metaField, name, restStart };
  throw unknownField(text, match[1]!, start);
}

/** The error of a `field:` with nothing (or a space) right after the colon. */
export function fieldWithoutValue(tok: QueryToken, name: string): Error {
  return queryError({
    offset: tok.start,
    expected: `a term, phrase or group right after ${name}:`,
    vi: (at) => `Trường '${name}:' ${at} thiếu giá trị ngay sau dấu ':' (không để dấu cách)`,
    en: (at) => `'${name}:' ${at} needs a value right after the ':' (no space)`,
  });
}

/**
 * A bare word as a term, or as a phrase of its pieces when punctuation splits it (`covid-19`).
 * `isDirect` marks a word written with no field prefix, which hints may suggest quoting.
 */
export function parseBareWord(
  state: ParserState,
  tok: { text: string; start: number; end: number },
  isDirect: boolean,
): TermNode | PhraseNode {
  const pieces = splitWords(tok.text, tok.start);
  if (pieces.length === 0) {
    throw queryError({
      offset: tok.start,
      expected: 'a word with letters or digits',
      vi: (at) => `${quoteInput(tok.text)} ${at} không chứa chữ cái hay chữ số nào`,
      en: (at) => `${quoteInput(tok.text)} ${at} has no letters or digits`,
    });
  }
  const span = { start: tok.start, end: tok.end };
  const context = { field: state.field, exact: false, counters: state.counters, slop: 0 };
  const node = buildTermOrPhrase(pieces, span, context);
  const isPlainWord =
    node.type === 'term' && node.kind === 'word' && !node.wildcard && pieces[0]!.text === tok.text;
  if (isDirect && isPlainWord) state.bareWords.set(node, { raw: tok.text, span });
  return node;
}

function metaNode(field: MetaField, raw: string, offset: number): MetaNode {
  const value = normalizeMetaValue(field, raw, offset);
  return { type: 'meta', field, value, span: { start: offset, end: offset + raw.length } };
}

function metaFromToken(field: MetaField, tok: QueryToken, name: string): MetaNode {
  if (tok.type === 'quoted' && tok.number !== undefined) {
    throw queryError({
      offset: tok.start,
      expected: 'a value without ~n',
      vi: (at) => `Giá trị của ${name}: ${at} không nhận '~n'`,
      en: (at) => `the value of ${name}: ${at} cannot take '~n'`,
    });
  }
  const node = metaNode(field, tok.text, tok.textStart);
  return withSpan(node, tok.start, tok.end);
}

function metaGroupError(tok: QueryToken, name: string, expected: string): Error {
  return queryError({
    offset: tok.start,
    expected,
    vi: (at) =>
      `Trong ${name}:( … ) chỉ được liệt kê các giá trị nối bằng OR; gặp ${quoteInput(tok.text)} ${at}`,
    en: (at) =>
      `inside ${name}:( … ) only values joined by OR are allowed; found ${quoteInput(tok.text)} ${at}`,
  });
}

/** `platform:(facebook OR youtube)` → an OR of meta nodes (one value: just the node). */
function parseMetaGroup(
  state: ParserState,
  tok: QueryToken,
  prefix: MetaPrefix,
): MetaNode | OrNode {
  const { field } = prefix;
  const open = openGroup(state);
  const children: MetaNode[] = [];
  for (;;) {
    const value = peek(state);
    if (value.type === 'eof') closeGroup(state, open);
    if (value.type !== 'word' && value.type !== 'quoted') {
      throw metaGroupError(value, prefix.name, `a value for ${prefix.name}:`);
    }
    children.push(metaFromToken(field, advance(state), prefix.name));
    const separator = peek(state);
    if (separator.type === 'rparen' || separator.type === 'eof') break;
    if (separator.type !== 'or') throw metaGroupError(separator, prefix.name, "OR or ')'");
    advance(state);
  }
  const close = closeGroup(state, open);
  if (children.length === 1) return withSpan(children[0]!, tok.start, close.end);
  return { type: 'or', children, span: { start: tok.start, end: close.end } };
}

/** A meta field whose word token `tok` has just been consumed: `site:x`, `area:"…"`, `site:(…)`. */
export function parseMetaField(
  state: ParserState,
  tok: QueryToken,
  prefix: MetaPrefix,
): MetaNode | OrNode {
  const { field } = prefix;
  if (prefix.restStart < tok.end) {
    const node = metaNode(field, state.input.slice(prefix.restStart, tok.end), prefix.restStart);
    return withSpan(node, tok.start, tok.end);
  }
  const next = peek(state);
  if (next.start === tok.end && next.type === 'quoted') {
    const node = metaFromToken(field, advance(state), prefix.name);
    return withSpan(node, tok.start, next.end);
  }
  if (next.start === tok.end && next.type === 'lparen') return parseMetaGroup(state, tok, prefix);
  throw fieldWithoutValue(tok, prefix.name);
}
