import type { QueryNode } from './ast.js';
import type { FieldName } from './compile-query.js';
import { FIELD_NAMES, compileMeta, compileQuery, compileSpans, fieldsOf } from './compile-query.js';
import type { MatchDoc } from './match-doc.js';
import { compileTerm } from './term-match.js';

/** One place in the post that a query term matched, for highlighting. */
export interface MatchHit {
  field: FieldName;
  /** UTF-16 offsets into the original field text, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** The query part that matched, as written in the query. */
  term: string;
}

export interface Explanation {
  matched: boolean;
  hits: MatchHit[];
  /** Whole-value conditions (`platform:`, `site:` …) that held. */
  conditions: string[];
}

function hitFor(doc: MatchDoc, field: FieldName, from: number, to: number, term: string): MatchHit {
  const { source, tokens } = doc[field];
  const start = tokens[from]!.start;
  const end = tokens[to]!.end;
  return { field, start, end, text: source.slice(start, end), term };
}

function collect(
  node: QueryNode,
  doc: MatchDoc,
  query: string,
  out: Explanation,
  within?: { field: FieldName; start: number; end: number }[],
): void {
  const label = query.slice(node.span.start, node.span.end);
  const isInside = (field: FieldName, from: number, to: number): boolean =>
    within === undefined || within.some((w) => w.field === field && from >= w.start && to <= w.end);
  switch (node.type) {
    case 'term': {
      const matcher = compileTerm(node);
      for (const field of fieldsOf(node.field)) {
        for (const p of matcher.positions(doc[field]))
          if (isInside(field, p, p)) out.hits.push(hitFor(doc, field, p, p, label));
      }
      return;
    }
    case 'phrase': {
      const spans = compileSpans(node);
      for (const field of FIELD_NAMES) {
        for (const span of spans(field, doc[field])) {
          if (isInside(field, span.start, span.end))
            out.hits.push(hitFor(doc, field, span.start, span.end, label));
        }
      }
      return;
    }
    case 'near': {
      const spans = compileSpans(node);
      const ranges = FIELD_NAMES.flatMap((field) =>
        spans(field, doc[field]).map((s) => ({ field, ...s })),
      );
      const scoped =
        within === undefined ? ranges : ranges.filter((r) => isInside(r.field, r.start, r.end));
      if (scoped.length === 0) return;
      collect(node.left, doc, query, out, scoped);
      collect(node.right, doc, query, out, scoped);
      return;
    }
    case 'meta':
      if (compileMeta(node)(doc)) out.conditions.push(label);
      return;
    case 'and':
    case 'or':
      for (const child of node.children) collect(child, doc, query, out, within);
      return;
    case 'not':
      return;
  }
}

/**
 * Says whether a query matches a prepared post and where: every positive term, phrase and NEAR
 * that matched, with offsets into the original text. `query` is the text the tree was parsed
 * from (used to label hits as the user wrote them).
 */
export function explainMatch(node: QueryNode, query: string, doc: MatchDoc): Explanation {
  const out: Explanation = { matched: compileQuery(node)(doc), hits: [], conditions: [] };
  collect(node, doc, query, out);
  out.hits.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field < b.field ? -1 : 1));
  return out;
}
