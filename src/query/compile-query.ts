import type { QueryNode, TextField, MetaNode, TermNode } from './ast.js';
import type { DocField, MatchDoc } from './match-doc.js';
import { hostOf, normalizeUrl } from './match-doc.js';
import { foldText } from '../nlp/fold.js';
import { compileTerm } from './term-match.js';
import type { PositionSpan } from './spans.js';
import { canonicalSpans, nearSpans, phraseStarts, unorderedWindows } from './spans.js';

export type FieldName = 'title' | 'text' | 'author';

export const FIELD_NAMES: readonly FieldName[] = ['title', 'text', 'author'];

/** The fields a term of the given field may be found in. */
export function fieldsOf(field: TextField): readonly FieldName[] {
  if (field === 'any') return ['title', 'text'];
  return [field];
}

/** A compiled query: a predicate over a prepared document. */
export type DocPredicate = (doc: MatchDoc) => boolean;

type SpanFn = (fieldName: FieldName, field: DocField) => PositionSpan[];

/** Where a term, phrase, OR group or NEAR occurs in one field, as position spans. */
export function compileSpans(node: QueryNode): SpanFn {
  switch (node.type) {
    case 'term': {
      const matcher = compileTerm(node);
      const allowed = fieldsOf(node.field);
      return (name, field) =>
        allowed.includes(name) ? matcher.positions(field).map((p) => ({ start: p, end: p })) : [];
    }
    case 'phrase':
      return compilePhrase(node.terms, node.slop, fieldsOf(node.field));
    case 'or': {
      const children = node.children.map(compileSpans);
      return (name, field) => canonicalSpans(children.flatMap((child) => child(name, field)));
    }
    case 'near': {
      const left = compileSpans(node.left);
      const right = compileSpans(node.right);
      return (name, field) => {
        const a = left(name, field);
        if (a.length === 0) return [];
        return nearSpans(a, right(name, field), node.distance, node.ordered);
      };
    }
    default:
      throw new Error(`${node.type} cannot stand inside NEAR`);
  }
}

function compilePhrase(
  terms: readonly TermNode[],
  slop: number,
  allowed: readonly FieldName[],
): SpanFn {
  const matchers = terms.map(compileTerm);
  return (name, field) => {
    if (!allowed.includes(name)) return [];
    const lists: (readonly number[])[] = [];
    for (const matcher of matchers) {
      const positions = matcher.positions(field);
      if (positions.length === 0) return [];
      lists.push(positions);
    }
    if (slop > 0) return unorderedWindows(lists, terms.length + slop);
    return phraseStarts(lists).map((start) => ({ start, end: start + lists.length - 1 }));
  };
}

/** Whether a phrase occurs in the doc: like `compilePhrase`, without building spans. */
function compilePhraseTest(
  terms: readonly TermNode[],
  slop: number,
  allowed: readonly FieldName[],
): DocPredicate {
  if (slop > 0) return spansPredicate(compilePhrase(terms, slop, allowed));
  const matchers = terms.map(compileTerm);
  const occursIn = (field: DocField): boolean => {
    const lists: (readonly number[])[] = [];
    for (const matcher of matchers) {
      const positions = matcher.positions(field);
      if (positions.length === 0) return false;
      lists.push(positions);
    }
    return phraseStarts(lists).length > 0;
  };
  return (doc) => {
    for (const name of allowed) if (occursIn(doc[name])) return true;
    return false;
  };
}

function spansPredicate(spans: SpanFn): DocPredicate {
  return (doc) => FIELD_NAMES.some((name) => spans(name, doc[name]).length > 0);
}

function domainMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** Whether a normalized URL matches a `links:`/`url:` value: a domain, or a prefix with a path. */
function linkMatches(link: string, value: string, isPrefix: boolean): boolean {
  if (isPrefix || value.includes('/')) return link.startsWith(value);
  return domainMatches(hostOf(link), value);
}

export function compileMeta(node: MetaNode): DocPredicate {
  const value = node.value.trim();
  switch (node.field) {
    case 'site': {
      const domain = hostOf(normalizeUrl(value));
      return (doc) => domainMatches(doc.host, domain);
    }
    case 'url': {
      const prefix = normalizeUrl(value);
      return (doc) => doc.url !== '' && linkMatches(doc.url, prefix, true);
    }
    case 'links': {
      const wanted = normalizeUrl(value);
      return (doc) => doc.links.some((link) => linkMatches(link, wanted, false));
    }
    case 'platform': {
      const platform = value.toLowerCase();
      return (doc) => doc.platform === platform;
    }
    case 'lang': {
      const lang = value.toLowerCase().split(/[-_]/)[0] ?? '';
      return (doc) => doc.lang === lang;
    }
    default: {
      const key = foldText(value).trim();
      const field = node.field;
      return (doc) => doc.labels[field].has(key);
    }
  }
}

/** Compiles a query tree into a predicate over prepared documents. */
export function compileQuery(node: QueryNode): DocPredicate {
  switch (node.type) {
    case 'term': {
      const matcher = compileTerm(node);
      const allowed = fieldsOf(node.field);
      return (doc) => {
        for (const name of allowed) if (matcher.positions(doc[name]).length > 0) return true;
        return false;
      };
    }
    case 'phrase':
      return compilePhraseTest(node.terms, node.slop, fieldsOf(node.field));
    case 'near':
      return spansPredicate(compileSpans(node));
    case 'meta':
      return compileMeta(node);
    case 'and': {
      const children = node.children.map(compileQuery);
      return (doc) => children.every((child) => child(doc));
    }
    case 'or': {
      const children = node.children.map(compileQuery);
      return (doc) => children.some((child) => child(doc));
    }
    case 'not': {
      const child = compileQuery(node.child);
      return (doc) => !child(doc);
    }
  }
}
