import { foldText } from '../fold.js';
import { compilePhrases, type PhraseMatcher } from './compile-phrases.js';
import { matchPhrases } from './match-phrases.js';
import type { Span } from './span.js';
import { defaultTaxonomy, type Taxonomy } from './taxonomy.js';
import { textWords } from '../text-tokens.js';
import type { Token } from '../tokenize.js';
import { saturate, weighHits, type PhraseWeights } from './weigh-hits.js';

/** A category a text was found to be about, with the phrases that say so. */
export interface CategoryLabel {
  id: string;
  nameVi: string;
  nameEn: string;
  /** 0..1; grows with the weight of the phrases found, saturating. */
  score: number;
  /** The phrases found, in text order (at most {@link MAX_EVIDENCE}). */
  evidence: Span[];
}

/** Options of {@link classifyCategories}. */
export interface ClassifyCategoriesOptions {
  /** The workspace's taxonomy; the built-in HCMC one by default. Compiled once per object. */
  taxonomy?: Taxonomy;
  /** Lowest score reported, 0..1; default {@link DEFAULT_CATEGORY_THRESHOLD}. */
  threshold?: number;
}

/** One phrase of weight 2 alone passes it; one of weight 1 does not. */
export const DEFAULT_CATEGORY_THRESHOLD = 0.35;
export const MAX_EVIDENCE = 10;
/** Weight sum at which the score reaches 1 - 1/e. */
const SCALE = 4;
/** Texts longer than this many words are damped, so a passing mention in an article weighs less. */
const SHORT_TEXT_WORDS = 80;

interface CompiledTaxonomy {
  taxonomy: Taxonomy;
  matcher: PhraseMatcher;
  weights: PhraseWeights;
}

const compiled = new WeakMap<Taxonomy, CompiledTaxonomy>();

function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const cached = compiled.get(taxonomy);
  if (cached !== undefined) return cached;
  const terms = taxonomy.categories.flatMap((category, group) =>
    category.terms.map((term) => ({ ...term, group })),
  );
  const result: CompiledTaxonomy = {
    taxonomy,
    matcher: compilePhrases(terms),
    weights: {
      group: Int32Array.from(terms, (t) => t.group),
      weight: Float64Array.from(terms, (t) => t.weight),
    },
  };
  compiled.set(taxonomy, result);
  return result;
}

function countWords(tokens: readonly Token[]): number {
  let words = 0;
  for (const token of tokens) if (token.kind === 'word') words++;
  return words;
}

/**
 * The city-issue categories a text is about, best first. Phrases are matched on Vietnamese
 * tokens, folded (so with or without diacritics) except for the taxonomy's ambiguous words; a
 * category is reported when its score reaches the threshold. Never throws; an empty, emoji-only
 * or URL-only text has no category. Cost grows with the text's length, not the taxonomy's size.
 */
export function classifyCategories(
  text: string,
  options: ClassifyCategoriesOptions = {},
): CategoryLabel[] {
  const c = compileTaxonomy(options.taxonomy ?? defaultTaxonomy);
  const threshold = options.threshold ?? DEFAULT_CATEGORY_THRESHOLD;
  const { tokens, ids } = textWords(text);
  const hits = matchPhrases(c.matcher, tokens, text, ids);
  if (hits.length === 0) return [];
  const damping = Math.max(1, Math.sqrt(countWords(tokens) / SHORT_TEXT_WORDS));
  const labels: CategoryLabel[] = [];
  for (const [index, { raw, evidence }] of weighHits(c.weights, hits, MAX_EVIDENCE)) {
    const score = saturate(raw, SCALE * damping);
    if (score === 0 || score < threshold || evidence.length === 0) continue;
    const { id, nameVi, nameEn } = c.taxonomy.categories[index]!;
    labels.push({ id, nameVi, nameEn, score, evidence });
  }
  return labels.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

/**
 * The keys a post's categories answer to in the query language's `category:` field: each id,
 * and the folded Vietnamese and English names ("ngap nuoc", "flooding").
 */
export function categoryLabelKeys(
  labels: readonly Pick<CategoryLabel, 'id' | 'nameVi' | 'nameEn'>[],
): string[] {
  const keys = new Set<string>();
  for (const label of labels) {
    keys.add(label.id);
    keys.add(foldText(label.nameVi).trim());
    keys.add(foldText(label.nameEn).trim());
  }
  return [...keys];
}
