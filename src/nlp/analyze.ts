import { toWellFormed } from '../core/text.js';
import { areaLabelKeys, tagAreas } from './areas/index.js';
import type { AmbiguousArea, AreaMatch } from './areas/index.js';
import { categoryLabelKeys, classifyCategories } from './categories/index.js';
import type { CategoryLabel } from './categories/index.js';
import { detectLanguage } from './detect-language.js';
import { detectIntent } from './intent.js';
import type { IntentLabel } from './intent.js';
import { classifySentiment } from './models/classify-sentiment.js';
import type { SentimentLabel } from './models/classify-sentiment.js';
import { classifyToxicity } from './models/classify-toxicity.js';
import type { ToxicityLabel } from './models/classify-toxicity.js';
import { findPersonalData } from './pii.js';
import type { PersonalDataKind } from './pii.js';
import { simhash } from './simhash.js';

/** Where a piece of evidence sits: offsets into the input's `title` or `text` (end exclusive). */
export interface Evidence {
  field: 'title' | 'text';
  start: number;
  end: number;
  text: string;
}

/**
 * What `langnghe analyze` prints per input and the enrichment stage stores: a stable, documented
 * shape (docs/analyze.md). Every label carries the evidence that led to it.
 */
export interface Analysis {
  lang: { code: 'vi' | 'en' | 'other' | 'und'; confidence: number };
  areas: Array<Omit<AreaMatch, 'evidence'> & { evidence: Evidence }>;
  ambiguousAreas: Array<Omit<AmbiguousArea, 'evidence'> & { evidence: Evidence }>;
  categories: Array<Omit<CategoryLabel, 'evidence'> & { evidence: Evidence[] }>;
  sentiment: {
    label: SentimentLabel;
    score: number;
    scores: Record<SentimentLabel, number>;
    evidence: (Evidence & { weight: number })[];
  };
  toxicity: {
    label: ToxicityLabel;
    score: number;
    scores: Record<ToxicityLabel, number>;
    evidence: (Evidence & { weight: number })[];
  };
  intent: {
    label: IntentLabel;
    score: number;
    scores: Record<IntentLabel, number>;
    evidence: Evidence[];
  };
  pii: Array<{ kind: PersonalDataKind } & Evidence>;
  simhash: string;
}

/** Longest input analyzed; the rest of a longer text is ignored (the store keeps it all). */
export const MAX_ANALYZE_CHARS = 20_000;
/**
 * The text-level models (sentiment, toxicity, language) read the opening only: a title and lead
 * carry the tone, and their cost grows with length.
 */
export const MODEL_CHARS = 2_000;
const SEPARATOR = '\n\n';

/** Analyzes a title and a text together; evidence offsets point back into each of them. */
export function analyzeText(input: { text: string; title?: string }): Analysis {
  const title = input.title ? toWellFormed(input.title).slice(0, 1_000) : '';
  const text = toWellFormed(input.text ?? '').slice(0, MAX_ANALYZE_CHARS);
  const combined = title ? `${title}${SEPARATOR}${text}` : text;
  const textStart = title ? title.length + SEPARATOR.length : 0;
  const locate = <T extends { start: number; end: number; text: string }>(
    span: T,
  ): Omit<T, 'start' | 'end'> & Evidence =>
    span.start >= textStart
      ? { ...span, field: 'text', start: span.start - textStart, end: span.end - textStart }
      : { ...span, field: 'title' };
  const areas = tagAreas(combined);
  const opening =
    combined.length > MODEL_CHARS ? toWellFormed(combined.slice(0, MODEL_CHARS)) : combined;
  const sentiment = classifySentiment(opening);
  const toxicity = classifyToxicity(opening);
  const intent = detectIntent(combined);
  const language = detectLanguage(opening);
  return {
    lang: { code: language.lang, confidence: language.confidence },
    areas: areas.areas.map((a) => ({ ...a, evidence: locate(a.evidence) })),
    ambiguousAreas: areas.ambiguous.map((a) => ({ ...a, evidence: locate(a.evidence) })),
    categories: classifyCategories(combined).map((c) => ({
      ...c,
      evidence: c.evidence.map(locate),
    })),
    sentiment: {
      label: sentiment.label,
      score: sentiment.score,
      scores: sentiment.scores,
      evidence: sentiment.evidence.map(locate),
    },
    toxicity: {
      label: toxicity.label,
      score: toxicity.score,
      scores: toxicity.scores,
      evidence: toxicity.evidence.map(locate),
    },
    intent: {
      label: intent.label,
      score: intent.score,
      scores: intent.scores,
      evidence: intent.evidence.map(locate),
    },
    pii: findPersonalData(combined).map(locate),
    simhash: simhash(combined),
  };
}

/** The keys the query language's `area:`, `category:` and `sentiment:` fields match against. */
export function labelsOf(analysis: Analysis): {
  area: string[];
  category: string[];
  sentiment: string[];
} {
  return {
    area: areaLabelKeys({
      areas: analysis.areas.map((a) => ({ ...a, evidence: a.evidence })),
      ambiguous: [],
    }),
    category: categoryLabelKeys(analysis.categories.map((c) => ({ ...c, evidence: [] }))),
    sentiment: [analysis.sentiment.label],
  };
}
