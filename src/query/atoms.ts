import type { MetaNode, QueryNode, TermNode, TextField } from './ast.js';
import type { DocPredicate } from './compile-query.js';
import { compileMeta } from './compile-query.js';
import type { DocField, MatchDoc } from './match-doc.js';
import type { PositionSpan } from './spans.js';
import {
  canonicalSpans,
  hasNear,
  hasPhraseStart,
  nearSpans,
  phraseStarts,
  unorderedWindows,
} from './spans.js';
import type { TermMatcher } from './term-match.js';
import { compileTerm } from './term-match.js';
import { Interner } from './interner.js';

const NONE: readonly number[] = [];

/** Distinct terms from which a post marks the terms it holds instead of looking them up. */
const MARKING_MIN_TERMS = 20_000;

/** Field indexes: 0 title, 1 text, 2 author. */
type FieldIndex = 0 | 1 | 2;

const FIELDS_OF: Record<TextField, readonly FieldIndex[]> = {
  any: [0, 1],
  title: [0],
  text: [1],
  author: [2],
};

function fieldOf(doc: MatchDoc, index: FieldIndex): DocField {
  return index === 0 ? doc.title : index === 1 ? doc.text : doc.author;
}

/** What NEAR operands compile to; terms point into the shared term table. */
type SpanNode =
  | { type: 'term'; term: number; fields: readonly FieldIndex[] }
  | { type: 'phrase'; terms: number[]; slop: number; fields: readonly FieldIndex[] }
  | { type: 'or'; children: SpanNode[] }
  | { type: 'near'; left: SpanNode; right: SpanNode; distance: number; ordered: boolean };

type Atom =
  | { type: 'term'; term: number; fields: readonly FieldIndex[] }
  | { type: 'phrase'; terms: number[]; slop: number; fields: readonly FieldIndex[] }
  | { type: 'near'; node: SpanNode & { type: 'near' }; terms: number[] }
  | { type: 'meta'; predicate: DocPredicate }
  /** An OR of leaves (`isLeafGroup`): many topics share the same issue or place group. */
  | { type: 'any'; terms: number[]; masks: number[]; atoms: number[] };

/** A term of the shared table; `map` names the field map its folded form is found in. */
interface TermEntry {
  matcher: TermMatcher;
  map: 'words' | 'hashtags' | 'mentions';
  /** `map` as an index into `MAPS`. */
  mapIndex: number;
  /** The folded form to look up, or undefined for a wildcard (found by prefix instead). */
  key: string | undefined;
  /** Every occurrence of the key matches (a plain word term): no spelling check. */
  isAnySpelling: boolean;
}

const MAPS = ['words', 'hashtags', 'mentions'] as const;

function termEntry(term: TermNode): TermEntry {
  const map = term.kind === 'hashtag' ? 'hashtags' : term.kind === 'mention' ? 'mentions' : 'words';
  return {
    matcher: compileTerm(term),
    map,
    mapIndex: MAPS.indexOf(map),
    key: term.wildcard ? undefined : term.folded,
    isAnySpelling: term.plain && !term.exact && !term.wildcard,
  };
}

function termKey(term: TermNode): string {
  const flags = `${+term.exact}${+term.plain}${+term.wildcard}`;
  return `${term.kind}|${flags}|${term.value}|${term.folded}`;
}

function maskOf(field: TextField): number {
  let mask = 0;
  for (const index of FIELDS_OF[field]) mask |= 1 << index;
  return mask;
}

/** Whether `node` is an OR whose children are all leaves, which `acquire` interns as one atom. */
export function isLeafGroup(node: QueryNode): boolean {
  return (
    node.type === 'or' &&
    node.children.every(
      (child) =>
        child.type === 'term' ||
        child.type === 'phrase' ||
        child.type === 'near' ||
        child.type === 'meta',
    )
  );
}

/** A key equal for two nodes exactly when they match the same way. */
function nodeKey(node: QueryNode): string {
  switch (node.type) {
    case 'term':
      return `T${node.field}(${termKey(node)})`;
    case 'phrase':
      return `P${node.slop}${node.field}(${node.terms.map(termKey).join('\u0002')})`;
    case 'meta':
      return `M${node.field}(${node.value.trim()})`;
    case 'near':
      return `N${node.distance}${+node.ordered}(${nodeKey(node.left)}\u0003${nodeKey(node.right)})`;
    case 'or':
      // An OR's answer and its spans (sorted, capped after sorting) do not depend on the order.
      return `O(${node.children.map(nodeKey).sort().join('\u0003')})`;
    default:
      throw new Error(`${node.type} is not an atom`);
  }
}

/**
 * The leaves of every topic's query (terms, phrases, NEAR groups, whole-value conditions),
 * interned so that topics sharing a leaf share its evaluation: within one document each
 * distinct leaf, and each distinct term's positions in each field, are computed at most once.
 */
export interface AtomTable {
  /**
   * Interns a phrase, NEAR or meta node, or an OR of such nodes and terms (`isLeafGroup`), with
   * one more reference; returns its id.
   */
  acquire(node: QueryNode): number;
  release(id: number): void;
  /** Interns a term (one more reference); returns its term id. */
  acquireTerm(term: TermNode): number;
  releaseTerm(term: number): void;
  /** Whether the term occurs in one of the fields of `mask` (bit 0 title, 1 text, 2 author). */
  hasTerm(term: number, mask: number): boolean;
  /** Starts a new document: forgets every memoized answer. */
  startDoc(doc: MatchDoc): void;
  /** Whether the atom matches the document given to the last `startDoc`. */
  test(id: number): boolean;
  size(): number;
}

export function createAtomTable(): AtomTable {
  const terms = new Interner<TermEntry>();
  /** Non-wildcard term ids by folded form, per field map: a post marks the terms it holds. */
  const byKey = { words: new Map<string, number[]>(), hashtags: new Map(), mentions: new Map() };
  let wildcard = new Uint8Array(256);
  let seenStamps = new Uint32Array(768);
  let isMarking = false;
  const atoms = new Interner<Atom>();
  let doc: MatchDoc | undefined;
  let stamp = 1;
  let atomStamps = new Uint32Array(256);
  let atomValues = new Uint8Array(256);
  let positionStamps = new Uint32Array(768);
  const positionValues: (readonly number[])[] = [];
  const phraseScratch: (readonly number[])[] = [];
  /** The document's field maps by `field * 3 + mapIndex`, so a lookup needs no keyed access. */
  const docMaps: Map<string, number[]>[] = [];

  function grow(): void {
    if (atoms.items.length > atomStamps.length) {
      const size = Math.max(atoms.items.length, atomStamps.length * 2);
      const stamps = new Uint32Array(size);
      stamps.set(atomStamps);
      atomStamps = stamps;
      const values = new Uint8Array(size);
      values.set(atomValues);
      atomValues = values;
    }
    if (terms.items.length * 3 > positionStamps.length) {
      const size = Math.max(terms.items.length * 3, positionStamps.length * 2);
      const stamps = new Uint32Array(size);
      stamps.set(positionStamps);
      positionStamps = stamps;
      const seen = new Uint32Array(size);
      seen.set(seenStamps);
      seenStamps = seen;
      const flags = new Uint8Array(size / 3 + 1);
      flags.set(wildcard);
      wildcard = flags;
    }
  }

  /** Marks, for each field, the terms whose folded form the field holds. */
  function markTerms(next: MatchDoc): void {
    for (const field of [0, 1, 2] as const) {
      const docField = fieldOf(next, field);
      for (const map of ['words', 'hashtags', 'mentions'] as const) {
        const ids = byKey[map];
        if (ids.size === 0) continue;
        for (const key of docField[map].keys()) {
          const found = ids.get(key);
          if (found === undefined) continue;
          for (const id of found) seenStamps[id * 3 + field] = stamp;
        }
      }
    }
  }

  function positions(term: number, field: FieldIndex): readonly number[] {
    const slot = term * 3 + field;
    if (isMarking && seenStamps[slot] !== stamp && wildcard[term] === 0) return NONE;
    if (positionStamps[slot] === stamp) return positionValues[slot]!;
    const entry = terms.values[term]!;
    const found = entry.isAnySpelling
      ? (docMaps[field * 3 + entry.mapIndex]!.get(entry.key!) ?? NONE)
      : entry.matcher.positions(fieldOf(doc!, field));
    positionStamps[slot] = stamp;
    positionValues[slot] = found;
    return found;
  }

  function acquireTerm(term: TermNode): number {
    const before = terms.size;
    const id = terms.acquire(termKey(term), () => termEntry(term));
    if (terms.size > before) {
      const entry = terms.items[id]!.value;
      grow();
      if (entry.key === undefined) wildcard[id] = 1;
      else {
        const list = byKey[entry.map].get(entry.key);
        if (list === undefined) byKey[entry.map].set(entry.key, [id]);
        else list.push(id);
      }
    }
    return id;
  }

  function releaseTerm(id: number): void {
    const entry = terms.release(id);
    if (entry === undefined) return;
    if (entry.key === undefined) {
      wildcard[id] = 0;
      return;
    }
    const list = byKey[entry.map].get(entry.key)!;
    list.splice(list.indexOf(id), 1);
    if (list.length === 0) byKey[entry.map].delete(entry.key);
  }

  function toSpanNode(node: QueryNode, held: number[]): SpanNode {
    switch (node.type) {
      case 'term': {
        const term = acquireTerm(node);
        held.push(term);
        return { type: 'term', term, fields: FIELDS_OF[node.field] };
      }
      case 'phrase': {
        const ids = node.terms.map(acquireTerm);
        held.push(...ids);
        return { type: 'phrase', terms: ids, slop: node.slop, fields: FIELDS_OF[node.field] };
      }
      case 'or':
        return { type: 'or', children: node.children.map((child) => toSpanNode(child, held)) };
      case 'near':
        return {
          type: 'near',
          left: toSpanNode(node.left, held),
          right: toSpanNode(node.right, held),
          distance: node.distance,
          ordered: node.ordered,
        };
      default:
        throw new Error(`${node.type} cannot stand inside NEAR`);
    }
  }

  function makeAtom(node: QueryNode): Atom {
    switch (node.type) {
      case 'term':
        return { type: 'term', term: acquireTerm(node), fields: FIELDS_OF[node.field] };
      case 'phrase':
        return {
          type: 'phrase',
          terms: node.terms.map(acquireTerm),
          slop: node.slop,
          fields: FIELDS_OF[node.field],
        };
      case 'near': {
        const held: number[] = [];
        const spanNode = toSpanNode(node, held) as SpanNode & { type: 'near' };
        return { type: 'near', node: spanNode, terms: held };
      }
      case 'meta':
        return { type: 'meta', predicate: compileMeta(node as MetaNode) };
      case 'or': {
        const group: Atom & { type: 'any' } = { type: 'any', terms: [], masks: [], atoms: [] };
        for (const child of node.children) {
          if (child.type === 'term') {
            group.terms.push(acquireTerm(child));
            group.masks.push(maskOf(child.field));
          } else group.atoms.push(acquire(child));
        }
        return group;
      }
      default:
        throw new Error(`${node.type} is not an atom`);
    }
  }

  /** Whether the terms occur in a row in the field, without allocating (no re-entry). */
  function hasPhrase(ids: readonly number[], field: FieldIndex): boolean {
    for (let i = 0; i < ids.length; i++) {
      const found = positions(ids[i]!, field);
      if (found.length === 0) return false;
      phraseScratch[i] = found;
    }
    const isFound = hasPhraseStart(phraseScratch, ids.length);
    for (let i = 0; i < ids.length; i++) phraseScratch[i] = NONE;
    return isFound;
  }

  function phraseLists(ids: readonly number[], field: FieldIndex): (readonly number[])[] | null {
    const lists: (readonly number[])[] = [];
    for (const id of ids) {
      const found = positions(id, field);
      if (found.length === 0) return null;
      lists.push(found);
    }
    return lists;
  }

  function spans(node: SpanNode, field: FieldIndex): PositionSpan[] {
    switch (node.type) {
      case 'term':
        if (!node.fields.includes(field)) return [];
        return positions(node.term, field).map((p) => ({ start: p, end: p }));
      case 'phrase': {
        if (!node.fields.includes(field)) return [];
        const lists = phraseLists(node.terms, field);
        if (lists === null) return [];
        if (node.slop > 0) return unorderedWindows(lists, lists.length + node.slop);
        return phraseStarts(lists).map((start) => ({ start, end: start + lists.length - 1 }));
      }
      case 'or':
        return canonicalSpans(node.children.flatMap((child) => spans(child, field)));
      case 'near': {
        const left = spans(node.left, field);
        if (left.length === 0) return [];
        return nearSpans(left, spans(node.right, field), node.distance, node.ordered);
      }
    }
  }

  function evaluate(atom: Atom): boolean {
    switch (atom.type) {
      case 'any':
        for (let i = 0; i < atom.terms.length; i++)
          if (hasTerm(atom.terms[i]!, atom.masks[i]!)) return true;
        for (const id of atom.atoms) if (test(id)) return true;
        return false;
      case 'term':
        for (const field of atom.fields) if (positions(atom.term, field).length > 0) return true;
        return false;
      case 'phrase':
        for (const field of atom.fields) {
          if (atom.slop === 0) {
            if (hasPhrase(atom.terms, field)) return true;
            continue;
          }
          const lists = phraseLists(atom.terms, field);
          if (lists !== null && unorderedWindows(lists, lists.length + atom.slop).length > 0)
            return true;
        }
        return false;
      case 'near': {
        const { left, right, distance, ordered } = atom.node;
        for (const field of [0, 1, 2] as const) {
          const a = spans(left, field);
          if (a.length > 0 && hasNear(a, spans(right, field), distance, ordered)) return true;
        }
        return false;
      }
      case 'meta':
        return atom.predicate(doc!);
    }
  }

  function hasTerm(term: number, mask: number): boolean {
    for (let field = 0 as FieldIndex; field < 3; field++) {
      if ((mask & (1 << field)) !== 0 && positions(term, field).length > 0) return true;
    }
    return false;
  }

  function test(id: number): boolean {
    if (atomStamps[id] === stamp) return atomValues[id] === 1;
    const value = evaluate(atoms.values[id]!);
    atomStamps[id] = stamp;
    atomValues[id] = value ? 1 : 0;
    return value;
  }

  function acquire(node: QueryNode): number {
    const id = atoms.acquire(nodeKey(node), () => makeAtom(node));
    grow();
    return id;
  }

  function release(id: number): void {
    const atom = atoms.release(id);
    if (atom === undefined) return;
    if (atom.type === 'term') releaseTerm(atom.term);
    else if (atom.type === 'phrase' || atom.type === 'near')
      for (const term of atom.terms) releaseTerm(term);
    else if (atom.type === 'any') {
      for (const term of atom.terms) releaseTerm(term);
      for (const child of atom.atoms) release(child);
    }
  }

  return {
    acquire,
    release,
    acquireTerm,
    releaseTerm,
    hasTerm,
    startDoc(next) {
      doc = next;
      for (let field = 0 as FieldIndex; field < 3; field++) {
        const docField = fieldOf(next, field);
        for (let map = 0; map < 3; map++) docMaps[field * 3 + map] = docField[MAPS[map]!];
      }
      stamp = (stamp + 1) >>> 0;
      if (stamp === 0) {
        atomStamps.fill(0);
        positionStamps.fill(0);
        seenStamps.fill(0);
        stamp = 1;
      }
      // With few terms, looking each one up when a candidate needs it is cheaper than marking.
      isMarking = terms.size >= MARKING_MIN_TERMS;
      if (isMarking) markTerms(next);
    },
    test,
    size: () => atoms.size,
  };
}
