import type { QueryNode, TermNode } from './ast.js';
import type { FieldName } from './compile-query.js';
import { FIELD_NAMES, compileMeta, fieldsOf } from './compile-query.js';
import type { MatchDoc } from './match-doc.js';
import type { PositionSpan } from './spans.js';
import type { Token } from '../nlp/tokenize.js';
import { MAX_POSITIONS } from './match-doc.js';
import { canonicalSpans, unorderedWindows } from './spans.js';
import { createTokenTest } from './term-match.js';

/**
 * A deliberately plain evaluator of a query tree: scans every token of every field, no index,
 * no bag of words, no anchors, every pair for NEAR. It applies the same caps as the matcher
 * (`MAX_POSITIONS` occurrences per folded form, `MAX_SPANS` spans per OR group and NEAR, in
 * canonical order). The property tests hold the compiled matcher to its answers.
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

/** The map a token of this kind is filed in for a term of `kind`, or undefined. */
function mapKind(token: Token, kind: TermNode['kind']): string | undefined {
  if (kind === 'word') {
    const isWord = token.kind === 'word' || token.kind === 'number' || token.kind === 'hashtag';
    return isWord ? 'w' : undefined;
  }
  return token.kind === kind ? kind : undefined;
}

function termPositions(term: TermNode, doc: MatchDoc, name: FieldName): number[] {
  if (!fieldsOf(term.field).includes(name)) return [];
  const field = doc[name];
  const test = createTokenTest(term);
  const seen = new Map<string, number>();
  const out: number[] = [];
  for (let i = 0; i < field.tokens.length; i++) {
    const token = field.tokens[i]!;
    const kind = mapKind(token, term.kind);
    if (kind === undefined) continue;
    // Occurrences of a folded form past the cap are invisible.
    const key = `${kind}:${token.folded}`;
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    if (count < MAX_POSITIONS && test(field, i)) out.push(i);
  }
  return out;
}

function allNearPairs(
  left: readonly PositionSpan[],
  right: readonly PositionSpan[],
  distance: number,
  isOrdered: boolean,
): PositionSpan[] {
  const spans: PositionSpan[] = [];
  for (const a of left) {
    for (const b of right) {
      if (b.start > a.end && b.start - a.end - 1 <= distance)
        spans.push({ start: a.start, end: b.end });
      else if (!isOrdered && a.start > b.end && a.start - b.end - 1 <= distance)
        spans.push({ start: b.start, end: a.end });
    }
  }
  return canonicalSpans(spans);
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
      return canonicalSpans(node.children.flatMap((child) => spansOf(child, doc, name)));
    case 'near':
      return allNearPairs(
        spansOf(node.left, doc, name),
        spansOf(node.right, doc, name),
        node.distance,
        node.ordered,
      );
    default:
      return [];
  }
}
