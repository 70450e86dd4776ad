import type { LangngheError } from '../core/errors.js';
import type { AndNode, OrNode, QueryNode } from './ast.js';
import { formatQuery } from './format-query.js';
import type { QueryToken } from './lexer.js';
import type { SequenceItem } from './parse-hints.js';
import { collectSequenceHints } from './parse-hints.js';
import type { ParserState } from './parse-state.js';
import { missingCloseError } from './parse-state.js';
import { queryError } from './query-errors.js';

type Junction = 'and' | 'or';

/** `type` of `nodes`, with children of the same type spliced in (and-of-and is one and). */
function join(type: Junction, nodes: readonly QueryNode[]): QueryNode {
  if (nodes.length === 1) return nodes[0]!;
  const children = nodes.flatMap((node) => (node.type === type ? node.children : [node]));
  const span = { start: nodes[0]!.span.start, end: nodes[nodes.length - 1]!.span.end };
  return { type, children, span } satisfies AndNode | OrNode;
}

/** Reads the operands with `outer` splitting them into groups of `inner`. */
function reading(
  nodes: readonly QueryNode[],
  junctions: readonly Junction[],
  outer: Junction,
): string {
  const inner: Junction = outer === 'or' ? 'and' : 'or';
  const groups: QueryNode[][] = [[nodes[0]!]];
  junctions.forEach((junction, i) => {
    if (junction === outer) groups.push([]);
    groups[groups.length - 1]!.push(nodes[i + 1]!);
  });
  const text = formatQuery(
    join(
      outer,
      groups.map((group) => join(inner, group)),
    ),
  );
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function mixedError(items: readonly SequenceItem[], junctions: Junction[], at: QueryToken): Error {
  const nodes = items.map((item) => item.node);
  const andFirst = reading(nodes, junctions, 'or');
  const orFirst = reading(nodes, junctions, 'and');
  return queryError({
    offset: at.start,
    expected: 'parentheses around the AND part or the OR part',
    vi: (pos) =>
      `AND (kể cả NOT hay hai từ viết liền) và OR dùng lẫn ở cùng một cấp mà không có ngoặc ${pos}; hãy thêm ngoặc để chọn một cách hiểu: ${andFirst} hoặc ${orFirst}`,
    en: (pos) =>
      `AND (including NOT or two terms side by side) and OR mixed at one level without parentheses ${pos}; add parentheses to pick one reading: ${andFirst} or ${orFirst}`,
    extra: { readings: [andFirst, orFirst] },
  });
}

/**
 * Joins the operands of one level. AND (explicit, implicit or a binary NOT) and OR together at one
 * level are refused, showing both readings; otherwise the result is one flat AND or OR (or the
 * single operand), and the level's hints are collected.
 */
export function combineSequence(
  state: ParserState,
  items: readonly SequenceItem[],
  separators: readonly QueryToken[],
): QueryNode {
  const junctions = separators.map((tok): Junction => (tok.type === 'or' ? 'or' : 'and'));
  const mixed = junctions.findIndex((junction) => junction !== junctions[0]);
  if (mixed >= 0) throw mixedError(items, junctions, separators[mixed]!);
  collectSequenceHints(state, items);
  return join(
    junctions[0] ?? 'and',
    items.map((item) => item.node),
  );
}

function nearOperandError(node: QueryNode, op: QueryToken): Error {
  const what = node.type === 'meta' ? `${node.field}:` : node.type.toUpperCase();
  return queryError({
    offset: node.span.start,
    expected: 'a term, phrase, OR group or NEAR',
    vi: (at) =>
      `${op.text} chỉ nhận từ, cụm từ, nhóm OR hoặc NEAR khác, không nhận ${what} ${at}; hãy đưa ${what} ra ngoài NEAR`,
    en: (at) =>
      `${op.text} takes only terms, phrases, OR groups or other NEARs, not ${what} ${at}; move the ${what} outside the NEAR`,
  });
}

/** Refuses AND, NOT and meta fields as (or inside) an operand of NEAR. */
export function checkNearOperand(node: QueryNode, op: QueryToken): void {
  if (node.type === 'term' || node.type === 'phrase' || node.type === 'near') return;
  if (node.type !== 'or') throw nearOperandError(node, op);
  for (const child of node.children) checkNearOperand(child, op);
}

function operatorName(tok: QueryToken): string {
  return tok.type === 'minus' ? "'-'" : tok.text;
}

/** The error for a token found where an operand was expected; `prev` is the token before it. */
export function expectedOperand(cur: QueryToken, prev: QueryToken | null): LangngheError {
  if (cur.type === 'eof' && prev === null) {
    return queryError({
      offset: 0,
      expected: 'a term',
      vi: (at) => `Truy vấn trống ${at}: hãy nhập ít nhất một từ`,
      en: (at) => `empty query ${at}: type at least one term`,
    });
  }
  if (cur.type === 'eof' && prev?.type === 'lparen') return missingCloseError(prev);
  if (cur.type === 'rparen' && prev === null) {
    return queryError({
      offset: cur.start,
      expected: 'a term, an operator or the end of the query',
      vi: (at) => `Dấu ngoặc đóng ')' thừa ${at}, không có dấu '(' mở tương ứng`,
      en: (at) => `unexpected ')' ${at} without a matching '('`,
    });
  }
  if (cur.type === 'eof' || cur.type === 'rparen') {
    const op = operatorName(prev!);
    return queryError({
      offset: prev!.start,
      expected: `a term, phrase or group after ${op}`,
      vi: (at) => `Toán tử ${op} ${at} thiếu vế phía sau`,
      en: (at) => `nothing after ${op} ${at}`,
    });
  }
  if (prev === null || prev.type === 'lparen') {
    return queryError({
      offset: cur.start,
      expected: `a term before ${cur.text}`,
      vi: (at) => `Toán tử ${cur.text} ${at} thiếu vế phía trước`,
      en: (at) => `${cur.text} ${at} needs a term before it`,
    });
  }
  return queryError({
    offset: cur.start,
    expected: 'a term, phrase or group',
    vi: (at) => `Cần một từ sau ${operatorName(prev)} nhưng gặp ${cur.text} ${at}`,
    en: (at) => `expected a term after ${operatorName(prev)} but found ${cur.text} ${at}`,
  });
}
