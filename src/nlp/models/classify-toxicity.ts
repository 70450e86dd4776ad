import weights from './toxicity.weights.json' with { type: 'json' };
import { classifyWith, type Classification } from './classify-with.js';
import { decodeLinearModel, type LinearModel, type LinearModelFile } from './linear-model.js';

/** The toxicity labels (ViHSD's): clean, offensive (rude, vulgar), hate (attacks a person or group). */
export type ToxicityLabel = 'clean' | 'offensive' | 'hate';

let model: LinearModel | undefined;

/** The committed toxicity model, decoded on first use (about 1 MB of int8 weights). */
export function toxicityModel(): LinearModel {
  model ??= decodeLinearModel(weights as LinearModelFile);
  return model;
}

/**
 * Whether a Vietnamese text is clean, offensive or hate speech by the committed linear model,
 * with the spans that weighed most for the label. Reads at most the first 5,000 characters. Text
 * with no token at all is clean with score 1. Never throws on any string.
 */
export function classifyToxicity(text: string): Classification<ToxicityLabel> {
  return classifyWith<ToxicityLabel>(
    toxicityModel(),
    typeof text === 'string' ? text : '',
    'clean',
  );
}
