import { canonicalSpelling } from '../nlp/spelling.js';
import type { Token } from '../nlp/tokenize.js';
import type { TermNode } from './ast.js';
import type { DocField } from './match-doc.js';

/** Finds where one query term occurs in a field, applying the Vietnamese diacritic rules. */
export interface TermMatcher {
  /** Token positions of the field where the term matches, ascending. */
  positions(field: DocField): readonly number[];
}

const NONE: readonly number[] = [];

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

function wildcardRegExp(pattern: string, flags = ''): RegExp {
  const source = escapeRegExp(pattern).replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, flags);
}

function bodyOf(token: Token): string {
  return token.kind === 'hashtag' || token.kind === 'mention' ? token.text.slice(1) : token.text;
}

/** Canonical lower-case spelling of a token, cached on the field. */
function spellingAt(field: DocField, position: number): string {
  let spelling = field.spellings[position];
  if (spelling === undefined) {
    spelling = canonicalSpelling(bodyOf(field.tokens[position]!).toLowerCase());
    field.spellings[position] = spelling;
  }
  return spelling;
}

function mapFor(term: TermNode, field: DocField): Map<string, number[]> {
  if (term.kind === 'hashtag') return field.hashtags;
  if (term.kind === 'mention') return field.mentions;
  return field.words;
}

function kindAccepts(term: TermNode, token: Token): boolean {
  if (term.kind === 'word')
    return token.kind === 'word' || token.kind === 'number' || token.kind === 'hashtag';
  return token.kind === term.kind;
}

/**
 * Whether a single token matches a term. Shared by the compiled matcher and the reference
 * evaluator so both apply the same spelling rules.
 */
export function createTokenTest(term: TermNode): (field: DocField, position: number) => boolean {
  if (term.exact) {
    const wanted = canonicalSpelling(term.value);
    const regex = term.wildcard ? wildcardRegExp(wanted, 'u') : undefined;
    return (field, position) => {
      const token = field.tokens[position]!;
      if (!kindAccepts(term, token)) return false;
      const spelled = canonicalSpelling(bodyOf(token));
      return regex ? regex.test(spelled) : spelled === wanted;
    };
  }
  const foldedRegex = term.wildcard ? wildcardRegExp(term.folded, 'u') : undefined;
  const spelling = canonicalSpelling(term.value.toLowerCase());
  const spellingRegex = term.wildcard ? wildcardRegExp(spelling, 'u') : undefined;
  return (field, position) => {
    const token = field.tokens[position]!;
    if (!kindAccepts(term, token)) return false;
    if (foldedRegex ? !foldedRegex.test(token.folded) : token.folded !== term.folded) return false;
    if (term.plain || token.plain) return true;
    const spelled = spellingAt(field, position);
    return spellingRegex ? spellingRegex.test(spelled) : spelled === spelling;
  };
}

/** Literal letters a wildcard's keys are grouped by in `DocField.prefixes`. */
const PREFIX_KEY_LENGTH = 3;

/**
 * Wildcard lookups per field answered by scanning its folded forms; later ones group the forms
 * by prefix first (a hostile query holds hundreds of wildcards, a topic one or two).
 */
const PREFIX_SCANS = 4;

/** The field's folded forms (of `map`) that start with `prefix`, in the map's order. */
function keysWithPrefix(field: DocField, map: Map<string, number[]>, prefix: string): string[] {
  const isScan =
    field.prefixes === undefined &&
    (field.prefixScans = (field.prefixScans ?? 0) + 1) <= PREFIX_SCANS;
  if (prefix.length < PREFIX_KEY_LENGTH || map !== field.words || isScan) {
    const keys: string[] = [];
    if (prefix.length === 0) return [...map.keys()];
    // Most words fail on their first letter, without the call.
    const first = prefix.charCodeAt(0);
    for (const key of map.keys())
      if (key.charCodeAt(0) === first && key.startsWith(prefix)) keys.push(key);
    return keys;
  }
  let groups = field.prefixes;
  if (groups === undefined) {
    groups = new Map();
    for (const key of field.words.keys()) {
      if (key.length < PREFIX_KEY_LENGTH) continue;
      const group = key.slice(0, PREFIX_KEY_LENGTH);
      const list = groups.get(group);
      if (list === undefined) groups.set(group, [key]);
      else list.push(key);
    }
    field.prefixes = groups;
  }
  const group = groups.get(prefix.slice(0, PREFIX_KEY_LENGTH));
  if (group === undefined) return [];
  return prefix.length === PREFIX_KEY_LENGTH ? group : group.filter((k) => k.startsWith(prefix));
}

export function compileTerm(term: TermNode): TermMatcher {
  const test = createTokenTest(term);
  if (term.wildcard) {
    const prefix = term.folded.slice(0, term.folded.search(/[*?]/));
    return {
      positions(field) {
        const map = mapFor(term, field);
        let out: number[] | undefined;
        let lists = 0;
        for (const key of keysWithPrefix(field, map, prefix)) {
          lists++;
          for (const position of map.get(key)!)
            if (test(field, position)) (out ??= []).push(position);
        }
        if (out !== undefined && lists > 1) out.sort((a, b) => a - b);
        return out ?? NONE;
      },
    };
  }
  const key = term.folded;
  // A plain term accepts every spelling, and the map already holds only tokens of its kind.
  const isAnySpelling = term.plain && !term.exact;
  const isWordTerm = term.kind === 'word';
  return {
    positions(field) {
      const candidates = mapFor(term, field).get(key);
      if (candidates === undefined) return NONE;
      if (isAnySpelling) return candidates;
      let out: number[] | undefined;
      for (const position of candidates) {
        // A word typed exactly as the term has its spelling (the map holds its folded form).
        const isSame = isWordTerm && field.tokens[position]!.text === term.value;
        if (isSame || test(field, position)) (out ??= []).push(position);
      }
      return out ?? NONE;
    },
  };
}
