import type { QueryNode, TermNode } from './ast.js';
import type { FieldName } from './compile-query.js';
import { FIELD_NAMES, compileMeta, fieldsOf } from './compile-query.js';
import type { MatchDoc } from './match-doc.js';
import type { PositionSpan } from './spans.js';
import { nearSpans, unorderedWindows } from './spans.js';
import { createTokenTest } from './term-match.js';

/**
 * A deliberately plain evaluator of a query tree: scans every token of every field, no index,
 * no bag of words, no anchors. The property tests hold the compiled matcher to its answers.
 */
export function evaluateReference(node: QueryNode, doc: MatchDoc): boolean {
  switch (node.type) {
    case 'and':
      return node.children.every((child) => evaluateReference(child, doc));
    case 'or':
      return node.children.some((child) => evaluateReference(child, doc));
    case 'not':
      return !evaluateReference(node.child, doc);
    case 'meta':
      return compileMeta(node)(doc);
    default:
      return FIELD_NAMES.some((name) => spansOf(node, doc, name).length > 0);
  }
}

function termPositions(term: TermNode, doc: MatchDoc, name: FieldName): number[] {
  if (!fieldsOf(term.field).includes(name)) return [];
  const field = doc[name];
  const test = createTokenTest(term);
  const out: number[] = [];
  for (let i = 0; i < field.tokens.length; i++) if (test(field, i)) out.push(i);
  return out;
}

function spansOf(node: QueryNode, doc: MatchDoc, name: FieldName): PositionSpan[] {
  switch (node.type) {
    case 'term':
      return termPositions(node, doc, name).map((p) => ({ start: p, end: p }));
    case 'phrase': {
      if (!fieldsOf(node.field).includes(name)) return [];
      const lists = node.terms.map((term) =>
        termPositions({ ...term, field: node.field }, doc, name),
      );
      if (node.slop > 0) return unorderedWindows(lists, lists.length + node.slop);
      const length = doc[name].tokens.length;
      const spans: PositionSpan[] = [];
      for (let start = 0; start + lists.length <= length; start++) {
        if (lists.every((list, i) => list.includes(start + i)))
          spans.push({ start, end: start + lists.length - 1 });
      }
      return spans;
    }
    case 'or':
      return node.children.flatMap((child) => spansOf(child, doc, name));
    case 'near':
      return nearSpans(
        spansOf(node.left, doc, name),
        spansOf(node.right, doc, name),
        node.distance,
        node.ordered,
      );
    default:
      return [];
  }
}
