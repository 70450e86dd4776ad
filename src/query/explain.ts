import type { QueryNode, TermNode } from './ast.js';
import type { FieldName } from './compile-query.js';
import { FIELD_NAMES, compileMeta, compileQuery, compileSpans, fieldsOf } from './compile-query.js';
import type { MatchDoc } from './match-doc.js';
import type { PositionSpan } from './spans.js';
import { canonicalSpans, nearSpans } from './spans.js';
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
  /**
   * Where the query matched, sorted by field, then position; without duplicates, and at most
   * `MAX_HITS_PER_FIELD` per field (the first ones in the text).
   */
  hits: MatchHit[];
  /** Whole-value conditions (`platform:`, `site:` …) that held. */
  conditions: string[];
}

/** Hits kept per field of one explanation: enough to highlight, bounded for hostile posts. */
export const MAX_HITS_PER_FIELD = 200;
/**
 * Spans a term, an OR group or a NEAR keeps per field while explaining (the matcher keeps
 * `MAX_SPANS`): highlights show the hits among a term's first 64 occurrences, and a long chain
 * of NEARs over a post that repeats its words costs a few milliseconds instead of tens. Whether
 * the post matched is always the matcher's full answer.
 */
const EXPLAIN_MAX_SPANS = 64;

/** A hit before it is materialized: token positions and the query part's label. */
interface RawHit {
  from: number;
  to: number;
  label: string;
}

function compareRaw(a: RawHit, b: RawHit): number {
  return a.from - b.from || a.to - b.to || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** The hits of one field, kept to the first `MAX_HITS_PER_FIELD` as they are gathered. */
class FieldHits {
  hits: RawHit[] = [];
  /** Positions after this cannot be among the first hits any more. */
  limit = Infinity;

  add(from: number, to: number, label: string): void {
    this.hits.push({ from, to, label });
    if (this.hits.length >= MAX_HITS_PER_FIELD * 2) this.trim();
  }

  trim(): void {
    this.hits.sort(compareRaw);
    const kept: RawHit[] = [];
    for (const hit of this.hits) {
      const last = kept[kept.length - 1];
      if (last !== undefined && compareRaw(last, hit) === 0) continue;
      kept.push(hit);
      if (kept.length === MAX_HITS_PER_FIELD) break;
    }
    this.hits = kept;
    if (kept.length === MAX_HITS_PER_FIELD) this.limit = kept[kept.length - 1]!.from;
  }
}

/** NEAR spans of one field, searchable: sorted by start, with the running maximum end. */
interface Scope {
  starts: number[];
  maxEnds: number[];
}

function scopeOf(spans: readonly PositionSpan[]): Scope {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts: number[] = [];
  const maxEnds: number[] = [];
  let max = -1;
  for (const span of sorted) {
    max = Math.max(max, span.end);
    starts.push(span.start);
    maxEnds.push(max);
  }
  return { starts, maxEnds };
}

/** Whether `[from, to]` lies inside one of the scope's spans (binary search). */
function isInScope(scope: Scope, from: number, to: number): boolean {
  let low = 0;
  let high = scope.starts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (scope.starts[mid]! <= from) low = mid + 1;
    else high = mid;
  }
  return low > 0 && scope.maxEnds[low - 1]! >= to;
}

type Scopes = Partial<Record<FieldName, Scope>>;

interface Collector {
  doc: MatchDoc;
  query: string;
  fields: Record<FieldName, FieldHits>;
  conditions: string[];
  /** Spans of each NEAR operand, computed once per explanation (nested NEARs reuse them). */
  spans: Map<QueryNode, Record<FieldName, PositionSpan[]>>;
  /** Positions of each distinct term (a long query repeats its words), per field. */
  terms: Map<string, Record<FieldName, readonly number[]>>;
}

function termPositions(node: TermNode, out: Collector): Record<FieldName, readonly number[]> {
  const key = `${node.field}|${node.kind}|${+node.exact}${+node.plain}${+node.wildcard}|${node.value}`;
  let found = out.terms.get(key);
  if (found === undefined) {
    const matcher = compileTerm(node);
    const allowed = fieldsOf(node.field);
    const at = (field: FieldName): readonly number[] =>
      allowed.includes(field) ? matcher.positions(out.doc[field]) : [];
    found = { title: at('title'), text: at('text'), author: at('author') };
    out.terms.set(key, found);
  }
  return found;
}

/** A term's first positions as spans, for the NEARs and ORs above it. */
const toSpans = (positions: readonly number[]): PositionSpan[] =>
  positions.slice(0, EXPLAIN_MAX_SPANS).map((p) => ({ start: p, end: p }));

function spansOf(node: QueryNode, out: Collector): Record<FieldName, PositionSpan[]> {
  let found = out.spans.get(node);
  if (found !== undefined) return found;
  const { doc } = out;
  if (node.type === 'near') {
    const left = spansOf(node.left, out);
    const right = spansOf(node.right, out);
    const near = (field: FieldName): PositionSpan[] =>
      left[field].length === 0
        ? []
        : nearSpans(left[field], right[field], node.distance, node.ordered, EXPLAIN_MAX_SPANS);
    found = { title: near('title'), text: near('text'), author: near('author') };
  } else if (node.type === 'term') {
    const positions = termPositions(node, out);
    found = {
      title: toSpans(positions.title),
      text: toSpans(positions.text),
      author: toSpans(positions.author),
    };
  } else if (node.type === 'or') {
    const children = node.children.map((child) => spansOf(child, out));
    const union = (field: FieldName): PositionSpan[] =>
      canonicalSpans(
        children.flatMap((child) => child[field]),
        EXPLAIN_MAX_SPANS,
      );
    found = { title: union('title'), text: union('text'), author: union('author') };
  } else {
    const spans = compileSpans(node);
    found = {
      title: spans('title', doc.title),
      text: spans('text', doc.text),
      author: spans('author', doc.author),
    };
  }
  out.spans.set(node, found);
  return found;
}

/** Adds a node's spans in one field: only its first hits in scope can be kept. */
function addSpans(
  out: Collector,
  field: FieldName,
  spans: Iterable<PositionSpan>,
  label: string,
  within: Scopes | undefined,
): void {
  const hits = out.fields[field];
  let added = 0;
  for (const span of spans) {
    if (span.start > hits.limit || added === MAX_HITS_PER_FIELD) return;
    if (within !== undefined && !isInScope(within[field]!, span.start, span.end)) continue;
    hits.add(span.start, span.end, label);
    added++;
  }
}

function* pointSpans(positions: readonly number[]): Iterable<PositionSpan> {
  for (const p of positions) yield { start: p, end: p };
}

function collect(node: QueryNode, out: Collector, within?: Scopes): void {
  const label = out.query.slice(node.span.start, node.span.end);
  const { doc } = out;
  switch (node.type) {
    case 'term': {
      const positions = termPositions(node, out);
      for (const field of fieldsOf(node.field))
        addSpans(out, field, pointSpans(positions[field]), label, within);
      return;
    }
    case 'phrase': {
      const spans = compileSpans(node);
      for (const field of FIELD_NAMES)
        addSpans(out, field, spans(field, doc[field]), label, within);
      return;
    }
    case 'near': {
      const spans = spansOf(node, out);
      const scopes: Scopes = {};
      let isEmpty = true;
      for (const field of FIELD_NAMES) {
        let found = spans[field];
        if (within !== undefined)
          found = found.filter((s) => isInScope(within[field]!, s.start, s.end));
        scopes[field] = scopeOf(found);
        if (found.length > 0) isEmpty = false;
      }
      if (isEmpty) return;
      collect(node.left, out, scopes);
      collect(node.right, out, scopes);
      return;
    }
    case 'meta':
      if (compileMeta(node)(doc)) out.conditions.push(label);
      return;
    case 'and':
    case 'or':
      for (const child of node.children) collect(child, out, within);
      return;
    case 'not':
      return;
  }
}

/**
 * Says whether a query matches a prepared post and where: every positive term, phrase and NEAR
 * that matched, with offsets into the original text, de-duplicated and capped per field. `query`
 * is the text the tree was parsed from (used to label hits as the user wrote them). `matched`,
 * when the caller already knows it (the matcher said so), saves compiling the query again.
 */
export function explainMatch(
  node: QueryNode,
  query: string,
  doc: MatchDoc,
  matched?: boolean,
): Explanation {
  const fields = { title: new FieldHits(), text: new FieldHits(), author: new FieldHits() };
  const out: Collector = {
    doc,
    query,
    fields,
    conditions: [],
    spans: new Map(),
    terms: new Map(),
  };
  collect(node, out);
  const hits: MatchHit[] = [];
  for (const field of [...FIELD_NAMES].sort()) {
    const { source, tokens } = doc[field];
    fields[field].trim();
    for (const { from, to, label } of fields[field].hits) {
      const start = tokens[from]!.start;
      const end = tokens[to]!.end;
      hits.push({ field, start, end, text: source.slice(start, end), term: label });
    }
  }
  return { matched: matched ?? compileQuery(node)(doc), hits, conditions: out.conditions };
}
