import weights from './sentiment.weights.json' with { type: 'json' };
import { classifyWith, type Classification } from './classify-with.js';
import { decodeLinearModel, type LinearModel, type LinearModelFile } from './linear-model.js';

/** The sentiment labels, in the order the model scores them. */
export type SentimentLabel = 'negative' | 'neutral' | 'positive';

let model: LinearModel | undefined;

/** The committed sentiment model, decoded on first use (about 1 MB of int8 weights). */
export function sentimentModel(): LinearModel {
  model ??= decodeLinearModel(weights as LinearModelFile);
  return model;
}

/**
 * The sentiment of a Vietnamese text (social post, comment, review; with or without diacritics,
 * teencode welcome) by the committed linear model, with the spans that weighed most for the label.
 * Reads at most the first 5,000 characters. Text with no token at all is neutral with score 1.
 * Never throws on any string (lone surrogates, control characters, 100 KB posts).
 */
export function classifySentiment(text: string): Classification<SentimentLabel> {
  return classifyWith<SentimentLabel>(
    sentimentModel(),
    typeof text === 'string' ? text : '',
    'neutral',
  );
}
