import { analyzeText, labelsOf } from '../nlp/analyze.js';
import type { Enricher } from './pipeline.js';

/**
 * The enrichment stage: area, city-issue categories, sentiment, toxicity, intent, personal data,
 * language and SimHash, each with its evidence, stored on the post; the query language's
 * `area:`, `category:` and `sentiment:` fields match the labels.
 */
export const defaultEnricher: Enricher = (post) => {
  const analysis = analyzeText(post);
  return {
    labels: labelsOf(analysis),
    enrichment: analysis as unknown as Record<string, unknown>,
    lang: analysis.lang.code === 'und' ? undefined : analysis.lang.code,
    simhash: analysis.simhash,
  };
};
