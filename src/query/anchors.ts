import type { QueryNode, TermNode } from './ast.js';
import { hostOf, normalizeUrl } from './match-doc.js';
import { foldText } from '../nlp/fold.js';

/**
 * The index a query is filed under. `word`, `bigram` and `prefix` keys come from titles and
 * texts; a `pair` key (`a PAIR_SEPARATOR b`, a < b) is two words a post must both contain; `author` from author names; `meta` keys are `platform:x`, `lang:x`, `site:domain`,
 * `link:domain`, `area:x`, `category:x`, `sentiment:x`.
 */
export type AnchorSpace =
  'word' | 'pair' | 'bigram' | 'prefix' | 'hashtag' | 'mention' | 'author' | 'meta';

export interface Anchor {
  space: AnchorSpace;
  key: string;
  /** Estimated share of posts that carry the key (0..1): lower is a better anchor. */
  cost: number;
}

/** What a post must contain for the query to have a chance: all of, any of, or one key. */
export type AnchorTree =
  | { kind: 'leaf'; anchor: Anchor }
  | { kind: 'all'; children: AnchorTree[] }
  | { kind: 'any'; children: AnchorTree[] };

/** Estimates how common a folded word is (share of posts containing it). */
export type WordFrequency = (folded: string) => number;

/** Length of the literal prefix wildcard terms are filed under. */
export const PREFIX_LENGTH = 3;

/** Separates the two words of a `pair` key. */
export const PAIR_SEPARATOR = '\u0001';

/**
 * A conjunction whose best single word is at least this common is filed under a pair of its
 * words instead ("người AND tiền": few posts carry both, many carry either).
 */
export const PAIR_THRESHOLD = 0.003;

const META_COST: Record<string, number> = {
  platform: 0.2,
  lang: 0.6,
  site: 0.02,
  link: 0.03,
  area: 0.05,
  category: 0.1,
  sentiment: 0.4,
};

function leaf(space: AnchorSpace, key: string, cost: number): AnchorTree {
  return { kind: 'leaf', anchor: { space, key, cost } };
}

function termTree(term: TermNode, frequency: WordFrequency): AnchorTree | null {
  if (term.field === 'author') {
    return term.wildcard || term.kind !== 'word' ? null : leaf('author', term.folded, 0.01);
  }
  if (term.kind === 'hashtag') return term.wildcard ? null : leaf('hashtag', term.folded, 0.002);
  if (term.kind === 'mention') return term.wildcard ? null : leaf('mention', term.folded, 0.002);
  if (term.wildcard) {
    const prefix = term.folded.slice(0, term.folded.search(/[*?]/));
    return prefix.length >= PREFIX_LENGTH
      ? leaf('prefix', prefix.slice(0, PREFIX_LENGTH), 0.05)
      : null;
  }
  return leaf('word', term.folded, frequency(term.folded));
}

function metaTree(field: string, value: string): AnchorTree | null {
  const cost = META_COST[field] ?? 0.5;
  switch (field) {
    case 'platform':
    case 'lang':
      return leaf('meta', `${field}:${value.toLowerCase().split(/[-_]/)[0]}`, cost);
    case 'site':
      return leaf('meta', `site:${hostOf(normalizeUrl(value))}`, cost);
    case 'links': {
      const normalized = normalizeUrl(value);
      return leaf('meta', `link:${hostOf(normalized)}`, cost);
    }
    case 'url': {
      // Only a prefix that includes a path names its host completely.
      const normalized = normalizeUrl(value);
      return normalized.includes('/')
        ? leaf('meta', `site:${hostOf(normalized)}`, META_COST.site!)
        : null;
    }
    default:
      return leaf('meta', `${field}:${foldText(value).trim()}`, cost);
  }
}

function all(children: (AnchorTree | null)[]): AnchorTree | null {
  const kept = children.filter((child): child is AnchorTree => child !== null);
  if (kept.length === 0) return null;
  return kept.length === 1 ? kept[0]! : { kind: 'all', children: kept };
}

function any(children: (AnchorTree | null)[]): AnchorTree | null {
  if (children.some((child) => child === null)) return null;
  const kept = children as AnchorTree[];
  return kept.length === 1 ? kept[0]! : { kind: 'any', children: kept };
}

/**
 * What a post must contain for `node` to match it, or null when nothing is required (a purely
 * negative query, `url:` without a path…). Negated parts never contribute.
 */
export function anchorTree(node: QueryNode, frequency: WordFrequency): AnchorTree | null {
  switch (node.type) {
    case 'term':
      return termTree(node, frequency);
    case 'phrase': {
      const terms = node.terms.map((term) => termTree({ ...term, field: node.field }, frequency));
      const bigrams: AnchorTree[] = [];
      if (node.slop === 0 && node.field !== 'author') {
        for (let i = 0; i + 1 < node.terms.length; i++) {
          const a = node.terms[i]!;
          const b = node.terms[i + 1]!;
          if (a.wildcard || b.wildcard || a.kind !== 'word' || b.kind !== 'word') continue;
          const cost = Math.min(frequency(a.folded), frequency(b.folded)) * 0.1;
          bigrams.push(leaf('bigram', `${a.folded} ${b.folded}`, cost));
        }
      }
      return all([...terms, ...bigrams]);
    }
    case 'meta':
      return metaTree(node.field, node.value.trim());
    case 'and':
      return all(node.children.map((child) => anchorTree(child, frequency)));
    case 'or':
      return any(node.children.map((child) => anchorTree(child, frequency)));
    case 'near':
      return all([anchorTree(node.left, frequency), anchorTree(node.right, frequency)]);
    case 'not':
      return null;
  }
}

/** The cheapest set of anchors such that every matching post carries at least one of them. */
export function chooseAnchors(tree: AnchorTree): { anchors: Anchor[]; cost: number } {
  switch (tree.kind) {
    case 'leaf':
      return { anchors: [tree.anchor], cost: tree.anchor.cost };
    case 'all': {
      let best: { anchors: Anchor[]; cost: number } | undefined;
      for (const child of tree.children) {
        const choice = chooseAnchors(child);
        if (best === undefined || choice.cost < best.cost) best = choice;
      }
      const pair = best!.cost >= PAIR_THRESHOLD ? pairAnchor(tree.children) : undefined;
      return pair !== undefined && pair.cost < best!.cost
        ? { anchors: [pair], cost: pair.cost }
        : best!;
    }
    case 'any': {
      const anchors: Anchor[] = [];
      let cost = 0;
      for (const child of tree.children) {
        const choice = chooseAnchors(child);
        anchors.push(...choice.anchors);
        cost += choice.cost;
      }
      return { anchors, cost: Math.min(cost, 1) };
    }
  }
}

/** The two rarest distinct required words of a conjunction, as one `pair` anchor. */
function pairAnchor(children: readonly AnchorTree[]): Anchor | undefined {
  const words = children
    .flatMap((child) =>
      child.kind === 'leaf' && child.anchor.space === 'word' ? [child.anchor] : [],
    )
    .sort((a, b) => a.cost - b.cost);
  const first = words[0];
  const second = words.find((w) => w.key !== first?.key);
  if (first === undefined || second === undefined) return undefined;
  const [a, b] = first.key < second.key ? [first.key, second.key] : [second.key, first.key];
  // Words of one post are not independent: a pair is assumed a tenth as rare as the product says.
  return {
    space: 'pair',
    key: `${a}${PAIR_SEPARATOR}${b}`,
    cost: Math.min(first.cost * second.cost * 10, first.cost),
  };
}

/**
 * What every matching post must carry, as groups: the post needs at least one anchor of each
 * group (a group of one is a required word). Reached through "all" only, plus ORs of plain
 * anchors; checked against the post's bag of words before the exact check, so a poor first
 * anchor is backed by the others.
 */
export function requiredGroups(tree: AnchorTree): Anchor[][] {
  if (tree.kind === 'leaf') return isCheckable(tree.anchor) ? [[tree.anchor]] : [];
  if (tree.kind === 'all') return tree.children.flatMap(requiredGroups);
  // An OR needs one of its alternatives: each stands for itself by its rarest required anchor.
  const representatives: Anchor[] = [];
  for (const child of tree.children) {
    const singles = requiredGroups(child).filter((group) => group.length === 1);
    if (singles.length === 0) return [];
    representatives.push(singles.map((group) => group[0]!).sort((a, b) => a.cost - b.cost)[0]!);
  }
  return [representatives];
}

/** Whether a post's bag of words can tell if it carries the anchor (a pair is two checks). */
export function isCheckable(anchor: Anchor): boolean {
  return anchor.space !== 'pair';
}

/** A second group costlier than this (share of posts) filters too little to pay its postings. */
export const SECOND_GROUP_MAX_COST = 0.3;

/**
 * One or two groups of anchors, each necessary for a match: the cheapest set (`chooseAnchors`),
 * and for a conjunction the cheapest set of another child, so that a post must carry one
 * anchor of each group before the query is checked.
 */
export function chooseGroups(tree: AnchorTree): Anchor[][] {
  const first = chooseAnchors(tree);
  if (tree.kind !== 'all') return [first.anchors];
  const used = new Set(first.anchors.map((a) => `${a.space}:${a.key}`));
  let second: { anchors: Anchor[]; cost: number } | undefined;
  for (const child of tree.children) {
    const choice = chooseAnchors(child);
    if (choice.anchors.some((a) => used.has(`${a.space}:${a.key}`))) continue;
    if (second === undefined || choice.cost < second.cost) second = choice;
  }
  return second !== undefined && second.cost <= SECOND_GROUP_MAX_COST
    ? [first.anchors, second.anchors]
    : [first.anchors];
}
