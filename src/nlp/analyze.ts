import { toWellFormed } from '../core/text.js';
import { areaLabelKeys, tagAreas } from './areas/index.js';
import type { AmbiguousArea, AreaMatch } from './areas/index.js';
import { categoryLabelKeys, classifyCategories } from './categories/index.js';
import type { CategoryLabel } from './categories/index.js';
import { detectLanguage } from './detect-language.js';
import { detectIntent } from './intent.js';
import type { IntentLabel } from './intent.js';
import { sentimentModel } from './models/classify-sentiment.js';
import type { SentimentLabel } from './models/classify-sentiment.js';
import { toxicityModel } from './models/classify-toxicity.js';
import type { ToxicityLabel } from './models/classify-toxicity.js';
import { classifyWithAll } from './models/classify-with.js';
import type {
  Classification,
  Evidence as ModelEvidence,
  ModelSpec,
} from './models/classify-with.js';
import type { Span } from './categories/span.js';
import { findPersonalData } from './pii.js';
import type { PersonalData, PersonalDataKind } from './pii.js';
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

let toneModels: ModelSpec[] | undefined;

/** Sentiment and toxicity read the same features: they are scored together, in one pass. */
function tone(): ModelSpec[] {
  toneModels ??= [
    { model: sentimentModel(), fallback: 'neutral' satisfies SentimentLabel },
    { model: toxicityModel(), fallback: 'clean' satisfies ToxicityLabel },
  ];
  return toneModels;
}

/*
 * Evidence offsets into the combined "title + separator + text" string, moved into the field they
 * fall in. One function per span shape, each building its object literally (keys in the span's
 * order, then `field`): a generic spread over five shapes was a tenth of analyzeText's time.
 */

function locateSpan(span: Span, textStart: number): Evidence {
  return span.start >= textStart
    ? { start: span.start - textStart, end: span.end - textStart, text: span.text, field: 'text' }
    : { start: span.start, end: span.end, text: span.text, field: 'title' };
}

function locateSpans(spans: readonly Span[], textStart: number): Evidence[] {
  const out: Evidence[] = new Array<Evidence>(spans.length);
  for (let i = 0; i < spans.length; i++) out[i] = locateSpan(spans[i]!, textStart);
  return out;
}

function locateWeighted(
  spans: readonly ModelEvidence[],
  textStart: number,
): (Evidence & { weight: number })[] {
  return spans.map((s) =>
    s.start >= textStart
      ? {
          start: s.start - textStart,
          end: s.end - textStart,
          text: s.text,
          weight: s.weight,
          field: 'text' as const,
        }
      : { start: s.start, end: s.end, text: s.text, weight: s.weight, field: 'title' as const },
  );
}

function locatePersonalData(
  found: readonly PersonalData[],
  textStart: number,
): Array<{ kind: PersonalDataKind } & Evidence> {
  return found.map((p) =>
    p.start >= textStart
      ? {
          kind: p.kind,
          start: p.start - textStart,
          end: p.end - textStart,
          text: p.text,
          field: 'text' as const,
        }
      : { kind: p.kind, start: p.start, end: p.end, text: p.text, field: 'title' as const },
  );
}

/** `toWellFormed(text)`, without its regex pass over the usual text that has no surrogate at all. */
function wellFormed(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if ((text.charCodeAt(i) & 0xf800) === 0xd800) return toWellFormed(text);
  }
  return text;
}

/** Analyzes a title and a text together; evidence offsets point back into each of them. */
export function analyzeText(input: { text: string; title?: string }): Analysis {
  const title = input.title ? wellFormed(input.title).slice(0, 1_000) : '';
  const text = wellFormed(input.text ?? '').slice(0, MAX_ANALYZE_CHARS);
  const combined = title ? `${title}${SEPARATOR}${text}` : text;
  const textStart = title ? title.length + SEPARATOR.length : 0;
  const areas = tagAreas(combined);
  const opening =
    combined.length > MODEL_CHARS ? wellFormed(combined.slice(0, MODEL_CHARS)) : combined;
  const [sentiment, toxicity] = classifyWithAll(tone(), opening) as [
    Classification<SentimentLabel>,
    Classification<ToxicityLabel>,
  ];
  // Everything that reads `combined` runs before the opening is tokenized for the language:
  // the token cache holds one text.
  const intent = detectIntent(combined);
  const categories = classifyCategories(combined);
  const hash = simhash(combined);
  const language = detectLanguage(opening);
  return {
    lang: { code: language.lang, confidence: language.confidence },
    areas: areas.areas.map((a) => ({ ...a, evidence: locateSpan(a.evidence, textStart) })),
    ambiguousAreas: areas.ambiguous.map((a) => ({
      ...a,
      evidence: locateSpan(a.evidence, textStart),
    })),
    categories: categories.map((c) => ({
      ...c,
      evidence: locateSpans(c.evidence, textStart),
    })),
    sentiment: {
      label: sentiment.label,
      score: sentiment.score,
      scores: sentiment.scores,
      evidence: locateWeighted(sentiment.evidence, textStart),
    },
    toxicity: {
      label: toxicity.label,
      score: toxicity.score,
      scores: toxicity.scores,
      evidence: locateWeighted(toxicity.evidence, textStart),
    },
    intent: {
      label: intent.label,
      score: intent.score,
      scores: intent.scores,
      evidence: locateSpans(intent.evidence, textStart),
    },
    pii: locatePersonalData(findPersonalData(combined), textStart),
    simhash: hash,
  };
}

/** The keys the query language's `area:`, `category:` and `sentiment:` fields match against. */
export function labelsOf(analysis: Analysis): {
  area: string[];
  category: string[];
  sentiment: string[];
} {
  return {
    area: areaLabelKeys({ areas: analysis.areas, ambiguous: [] }),
    category: categoryLabelKeys(analysis.categories),
    sentiment: [analysis.sentiment.label],
  };
}
