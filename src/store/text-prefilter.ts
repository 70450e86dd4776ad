import { LangngheError } from '../core/errors.js';
import { foldText } from '../nlp/fold.js';

/**
 * A dialect-neutral full-text filter that each store translates to its own search syntax (FTS5
 * MATCH, PostgreSQL tsquery). Callers build it from a query AST as a *superset* of the real
 * matches and verify each candidate with the real matcher, so a store may widen it (drop a term it
 * cannot index) but never narrow it. Values are folded by the caller (`foldText`); stores fold
 * again, which changes nothing for folded input.
 *
 * - `term`: a word, or with `prefix` every word starting with it. A value that tokenizes into
 *   several words (`1.000`, `ngap_nuoc`) means those words in sequence.
 * - `phrase`: the words in sequence.
 * - `and` of nothing matches everything; `or` of nothing matches nothing.
 */
export type TextPrefilter =
  | { op: 'and' | 'or'; children: readonly TextPrefilter[] }
  | { op: 'term'; folded: string; prefix?: boolean }
  | { op: 'phrase'; folded: readonly string[] };

/** A prefilter with constants folded away: every term has something a full-text index can find. */
export type SimplePrefilter =
  | { op: 'all' }
  | { op: 'none' }
  | { op: 'and' | 'or'; children: SimplePrefilter[] }
  | { op: 'term'; folded: string; prefix: boolean }
  | { op: 'phrase'; folded: string[] };

/** Deeper subtrees are widened to "everything" (the caller's matcher still checks them). */
export const MAX_PREFILTER_DEPTH = 24;
/** Trees with more terms are widened to "everything". */
export const MAX_PREFILTER_TERMS = 1_000;

const ALL: SimplePrefilter = { op: 'all' };
const NONE: SimplePrefilter = { op: 'none' };

/**
 * Folds constants out of a prefilter. `isIndexable(folded)` tells whether a folded value holds at
 * least one word the store's index has (an emoji or punctuation alone does not); a term without
 * one cannot be pre-filtered and widens to "everything". Malformed trees are `store.invalid`.
 */
export function simplifyPrefilter(
  node: TextPrefilter,
  isIndexable: (folded: string) => boolean,
): SimplePrefilter {
  const counter = { terms: 0 };
  const simple = simplifyNode(node, isIndexable, 0, counter);
  return counter.terms > MAX_PREFILTER_TERMS ? ALL : simple;
}

function simplifyNode(
  node: TextPrefilter,
  isIndexable: (folded: string) => boolean,
  depth: number,
  counter: { terms: number },
): SimplePrefilter {
  if (node === null || typeof node !== 'object') throw invalid('a prefilter node is not an object');
  if (depth > MAX_PREFILTER_DEPTH) return ALL;
  switch (node.op) {
    case 'term': {
      if (typeof node.folded !== 'string') throw invalid('a term has no folded string');
      const folded = foldText(node.folded);
      if (!isIndexable(folded)) return ALL;
      counter.terms++;
      return { op: 'term', folded, prefix: node.prefix === true };
    }
    case 'phrase': {
      if (!Array.isArray(node.folded) || node.folded.some((w) => typeof w !== 'string')) {
        throw invalid('a phrase is not a list of strings');
      }
      const words = node.folded.map((w) => foldText(w)).filter(isIndexable);
      if (words.length === 0) return ALL;
      counter.terms += words.length;
      return { op: 'phrase', folded: words };
    }
    case 'and':
    case 'or':
      if (!Array.isArray(node.children)) throw invalid(`"${node.op}" has no children list`);
      return combine(
        node.op,
        node.children.map((c) => simplifyNode(c, isIndexable, depth + 1, counter)),
      );
    default:
      throw invalid(`unknown prefilter op ${JSON.stringify((node as { op: unknown }).op)}`);
  }
}

function combine(op: 'and' | 'or', children: SimplePrefilter[]): SimplePrefilter {
  const absorbing = op === 'and' ? 'none' : 'all';
  const neutral = op === 'and' ? 'all' : 'none';
  if (children.some((c) => c.op === absorbing)) return op === 'and' ? NONE : ALL;
  const kept: SimplePrefilter[] = [];
  for (const child of children) {
    if (child.op === neutral) continue;
    if (child.op === op) kept.push(...child.children);
    else kept.push(child);
  }
  if (kept.length === 0) return op === 'and' ? ALL : NONE;
  if (kept.length === 1) return kept[0]!;
  return { op, children: kept };
}

function invalid(message: string): LangngheError {
  return new LangngheError('store.invalid', `Invalid text prefilter: ${message}`);
}
