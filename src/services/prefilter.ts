import type { QueryNode, TermNode } from '../query/ast.js';
import type { TextPrefilter } from '../store/index.js';

const EVERYTHING: TextPrefilter = { op: 'and', children: [] };

function isEverything(filter: TextPrefilter): boolean {
  return filter.op === 'and' && filter.children.length === 0;
}

function termFilter(term: TermNode): TextPrefilter {
  if (!term.wildcard) return { op: 'term', folded: term.folded };
  const prefix = term.folded.slice(0, term.folded.search(/[*?]/));
  return prefix === '' ? EVERYTHING : { op: 'term', folded: prefix, prefix: true };
}

/**
 * A full-text filter that every post matching the query passes (a superset): the store narrows
 * with it, the matcher then decides. Negations, whole-value fields and field restrictions widen it;
 * NEAR and sloppy phrases become AND.
 */
export function prefilterOf(node: QueryNode): TextPrefilter {
  switch (node.type) {
    case 'term':
      return termFilter(node);
    case 'phrase': {
      if (node.slop === 0 && node.terms.every((t) => !t.wildcard))
        return { op: 'phrase', folded: node.terms.map((t) => t.folded) };
      return { op: 'and', children: node.terms.map(termFilter).filter((f) => !isEverything(f)) };
    }
    case 'and':
      return {
        op: 'and',
        children: node.children.map(prefilterOf).filter((f) => !isEverything(f)),
      };
    case 'or': {
      const children = node.children.map(prefilterOf);
      return children.some(isEverything) ? EVERYTHING : { op: 'or', children };
    }
    case 'near':
      return {
        op: 'and',
        children: [prefilterOf(node.left), prefilterOf(node.right)].filter((f) => !isEverything(f)),
      };
    case 'not':
    case 'meta':
      return EVERYTHING;
  }
}
