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

export function compileTerm(term: TermNode): TermMatcher {
  const test = createTokenTest(term);
  if (term.wildcard) {
    const prefix = term.folded.slice(0, term.folded.search(/[*?]/));
    return {
      positions(field) {
        let out: number[] | undefined;
        for (let i = 0; i < field.tokens.length; i++) {
          if (field.tokens[i]!.folded.startsWith(prefix) && test(field, i)) (out ??= []).push(i);
        }
        return out ?? NONE;
      },
    };
  }
  const key = term.folded;
  // A plain term accepts every spelling, and the map already holds only tokens of its kind.
  const isAnySpelling = term.plain && !term.exact;
  return {
    positions(field) {
      const candidates = mapFor(term, field).get(key);
      if (candidates === undefined) return NONE;
      if (isAnySpelling) return candidates;
      let out: number[] | undefined;
      for (const position of candidates) if (test(field, position)) (out ??= []).push(position);
      return out ?? NONE;
    },
  };
}
