import { featurize, type Features } from './featurize.js';
import { featureScale, softmax, type LinearModel } from './linear-model.js';

/** A stretch of the original text that pushed a classifier towards its label. */
export interface Evidence {
  /** Offsets (UTF-16 code units) into the text that was classified. */
  readonly start: number;
  readonly end: number;
  /** `text.slice(start, end)`. */
  readonly text: string;
  /** How much it added to the label's margin over the other labels (logit units). */
  readonly weight: number;
}

/**
 * What a classifier says about one text. `scores` are probabilities over all labels (summing to
 * 1), `score` is the chosen label's. Evidence lists at most MAX_EVIDENCE spans, strongest first,
 * each with a positive weight; it is empty when nothing in the text speaks for the label.
 */
export interface Classification<L extends string = string> {
  readonly label: L;
  readonly score: number;
  readonly scores: Record<L, number>;
  readonly evidence: Evidence[];
}

/** At most this many evidence spans are returned. */
export const MAX_EVIDENCE = 5;

let lastText: string | undefined;
let lastFeatures: Features | undefined;

/** Features of a text, reusing the last result so that two models on one text featurize once. */
export function cachedFeatures(text: string): Features {
  if (lastFeatures !== undefined && lastText === text) return lastFeatures;
  lastFeatures = featurize(text);
  lastText = text;
  return lastFeatures;
}

let tokenScratch = new Int32Array(1024);

/**
 * One pass over the features: per token and label, twice the int8 weight sum (a bigram adds its
 * weight once to each of its two tokens, a single-token feature twice). The logits and the
 * evidence both come from these sums.
 */
function tokenSums(model: LinearModel, features: Features): Int32Array {
  const k = model.labels.length;
  const size = features.tokens.length * k;
  if (tokenScratch.length < size) tokenScratch = new Int32Array(size * 2);
  const sums = tokenScratch;
  sums.fill(0, 0, size);
  const { indices, owners, count } = features;
  const w = model.weights;
  for (let i = 0; i < count; i++) {
    const base = indices[i]! * k;
    const packed = owners[i]!;
    const at = (packed >> 1) * k;
    if ((packed & 1) === 1 && at > 0) {
      for (let c = 0; c < k; c++) {
        const v = w[base + c]!;
        sums[at + c]! += v;
        sums[at - k + c]! += v;
      }
    } else {
      for (let c = 0; c < k; c++) sums[at + c]! += 2 * w[base + c]!;
    }
  }
  return sums;
}

function logitsOf(
  model: LinearModel,
  sums: Int32Array,
  tokens: number,
  scale: number,
): Float64Array {
  const k = model.labels.length;
  const logits = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let total = 0;
    for (let t = 0; t < tokens; t++) total += sums[t * k + c]!;
    logits[c] = model.bias[c]! + (total / 2) * model.scales[c]! * scale;
  }
  return logits;
}

/** Label c's margin over the mean of the other labels, for token t. */
function tokenMargin(model: LinearModel, sums: Int32Array, t: number, c: number): number {
  const k = model.labels.length;
  let others = 0;
  for (let o = 0; o < k; o++) if (o !== c) others += sums[t * k + o]! * model.scales[o]!;
  return (sums[t * k + c]! * model.scales[c]! - others / (k - 1)) / 2;
}

function evidenceFor(
  text: string,
  model: LinearModel,
  features: Features,
  sums: Int32Array,
  c: number,
): Evidence[] {
  const { tokens } = features;
  const scale = featureScale(features);
  const spans: { start: number; end: number; weight: number }[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    const weight = tokenMargin(model, sums, t, c) * scale;
    const last = spans[spans.length - 1];
    if (last !== undefined && last.start === token.start) last.weight += weight;
    else spans.push({ start: token.start, end: token.end, weight });
  }
  return spans
    .filter((s) => s.weight > 1e-4)
    .sort((a, b) => b.weight - a.weight || a.start - b.start)
    .slice(0, MAX_EVIDENCE)
    .map((s) => ({
      start: s.start,
      end: s.end,
      text: text.slice(s.start, s.end),
      weight: Math.round(s.weight * 10_000) / 10_000,
    }));
}

/**
 * Classifies a text with a linear model. A text with no token at all (empty, white space,
 * punctuation only) gets `fallback` with score 1 and no evidence: there is nothing to judge.
 */
export function classifyWith<L extends string>(
  model: LinearModel,
  text: string,
  fallback: L,
): Classification<L> {
  const features = cachedFeatures(text);
  const labels = model.labels as readonly L[];
  const scores = {} as Record<L, number>;
  if (features.tokens.length === 0) {
    for (const label of labels) scores[label] = label === fallback ? 1 : 0;
    return { label: fallback, score: 1, scores, evidence: [] };
  }
  const sums = tokenSums(model, features);
  const probs = softmax(logitsOf(model, sums, features.tokens.length, featureScale(features)));
  let best = 0;
  for (let c = 0; c < labels.length; c++) {
    scores[labels[c]!] = probs[c]!;
    if (probs[c]! > probs[best]!) best = c;
  }
  return {
    label: labels[best]!,
    score: probs[best]!,
    scores,
    evidence: evidenceFor(text, model, features, sums, best),
  };
}
