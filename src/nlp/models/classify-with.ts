import type { ModelToken } from '../normalize-for-model.js';
import { featurizeReusing, type Features } from './featurize.js';
import { jointSums } from './joint-sums.js';
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

/**
 * Features of a text, reusing the last result so that two models on one text featurize once. The
 * arrays are the featurizer's own: read them before the next call.
 */
export function cachedFeatures(text: string): Features {
  if (lastFeatures !== undefined && lastText === text) return lastFeatures;
  lastFeatures = featurizeReusing(text);
  lastText = text;
  return lastFeatures;
}

let tokenScratch = new Int32Array(1024);

/**
 * Several models' weights interleaved feature-major (`weights[feature * stride + offset + label]`),
 * so that scoring one text with all of them reads one cache line per feature instead of one per
 * model: the weight lookups are cache misses, and they were most of the classifiers' cost.
 */
interface JointWeights {
  readonly models: readonly LinearModel[];
  readonly weights: Int8Array;
  /** Labels of all models together. */
  readonly stride: number;
  /** Where each model's labels start within a feature's stride. */
  readonly offsets: readonly number[];
}

let lastJoint: JointWeights | undefined;

function interleave(into: Int8Array, stride: number, offset: number, model: LinearModel): void {
  const k = model.labels.length;
  const w = model.weights;
  const features = w.length / k;
  for (let f = 0, from = 0, to = offset; f < features; f++, from += k, to += stride) {
    for (let c = 0; c < k; c++) into[to + c] = w[from + c]!;
  }
}

function jointWeights(models: readonly LinearModel[]): JointWeights {
  const last = lastJoint;
  if (
    last !== undefined &&
    last.models.length === models.length &&
    last.models.every((m, i) => m === models[i])
  ) {
    return last;
  }
  const offsets: number[] = [];
  let stride = 0;
  for (const m of models) {
    offsets.push(stride);
    stride += m.labels.length;
  }
  const features = 1 << models[0]!.bits;
  const weights = new Int8Array(features * stride);
  for (let i = 0; i < models.length; i++) interleave(weights, stride, offsets[i]!, models[i]!);
  lastJoint = { models: [...models], weights, stride, offsets };
  return lastJoint;
}

/**
 * One pass over the features: per token and label, twice the int8 weight sum (a bigram adds its
 * weight once to each of its two tokens, a single-token feature twice). The logits and the
 * evidence both come from these sums. `w` holds `stride` labels per feature; so do the sums.
 */
function tokenSums(w: Int8Array, stride: number, features: Features): Int32Array {
  const k = stride;
  const size = features.tokens.length * k;
  if (tokenScratch.length < size) tokenScratch = new Int32Array(size * 2);
  const sums = tokenScratch;
  sums.fill(0, 0, size);
  const { indices, owners, count } = features;
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

/** A scored text: its model tokens and its feature count (what the scale depends on). */
interface Scored {
  readonly tokens: readonly ModelToken[];
  readonly count: number;
}

/** Where one model's labels sit in the token sums: `sums[token * stride + offset + label]`. */
interface SumsView {
  readonly sums: Int32Array;
  readonly stride: number;
  readonly offset: number;
}

function logitsOf(model: LinearModel, view: SumsView, tokens: number, scale: number): Float64Array {
  const k = model.labels.length;
  const { sums, stride, offset } = view;
  const logits = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let total = 0;
    for (let t = 0; t < tokens; t++) total += sums[t * stride + offset + c]!;
    logits[c] = model.bias[c]! + (total / 2) * model.scales[c]! * scale;
  }
  return logits;
}

/** Label c's margin over the mean of the other labels, for token t. */
function tokenMargin(model: LinearModel, view: SumsView, t: number, c: number): number {
  const k = model.labels.length;
  const { sums, stride, offset } = view;
  const at = t * stride + offset;
  const scales = model.scales;
  let others = 0;
  if (k === 3) {
    // The loop below for three labels, the same additions in the same order.
    const first = c === 0 ? 1 : 0;
    const second = c === 2 ? 1 : 2;
    others += sums[at + first]! * scales[first]!;
    others += sums[at + second]! * scales[second]!;
    return (sums[at + c]! * scales[c]! - others / 2) / 2;
  }
  for (let o = 0; o < k; o++) if (o !== c) others += sums[at + o]! * scales[o]!;
  return (sums[at + c]! * scales[c]! - others / (k - 1)) / 2;
}

/** True when span a (weight, start) ranks before span b: heavier first, then earlier. */
function ranksBefore(aWeight: number, aStart: number, bWeight: number, bStart: number): boolean {
  return aWeight > bWeight || (aWeight === bWeight && aStart < bStart);
}

/**
 * The running top list of evidence spans, heaviest first (then earliest), at most MAX_EVIDENCE:
 * parallel arrays reused across calls, so a span that does not make the list costs no object.
 */
const topStarts = new Float64Array(MAX_EVIDENCE + 1);
const topEnds = new Float64Array(MAX_EVIDENCE + 1);
const topWeights = new Float64Array(MAX_EVIDENCE + 1);
let topLength = 0;

/** Puts a span into the running top list. */
function consider(start: number, end: number, weight: number): void {
  if (!(weight > 1e-4)) return;
  const last = topLength - 1;
  if (
    topLength === MAX_EVIDENCE &&
    !ranksBefore(weight, start, topWeights[last]!, topStarts[last]!)
  ) {
    return;
  }
  let at = topLength;
  while (at > 0 && ranksBefore(weight, start, topWeights[at - 1]!, topStarts[at - 1]!)) {
    topStarts[at] = topStarts[at - 1]!;
    topEnds[at] = topEnds[at - 1]!;
    topWeights[at] = topWeights[at - 1]!;
    at--;
  }
  topStarts[at] = start;
  topEnds[at] = end;
  topWeights[at] = weight;
  if (topLength < MAX_EVIDENCE) topLength++;
}

/**
 * The MAX_EVIDENCE heaviest spans (tokens sharing an original token merged, weight > 1e-4),
 * heaviest first, then earliest: a running top list instead of an object per token and a sort.
 */
function evidenceFor(
  text: string,
  model: LinearModel,
  features: Scored,
  view: SumsView,
  c: number,
): Evidence[] {
  const { tokens } = features;
  const scale = featureScale(features);
  topLength = 0;
  let spanStart = -1;
  let spanEnd = 0;
  let spanWeight = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    const weight = tokenMargin(model, view, t, c) * scale;
    if (spanStart !== -1 && spanStart === token.start) {
      spanWeight += weight;
      continue;
    }
    if (spanStart !== -1) consider(spanStart, spanEnd, spanWeight);
    spanStart = token.start;
    spanEnd = token.end;
    spanWeight = weight;
  }
  if (spanStart !== -1) consider(spanStart, spanEnd, spanWeight);
  const out: Evidence[] = new Array<Evidence>(topLength);
  for (let i = 0; i < topLength; i++) {
    const start = topStarts[i]!;
    const end = topEnds[i]!;
    out[i] = {
      start,
      end,
      text: text.slice(start, end),
      weight: Math.round(topWeights[i]! * 10_000) / 10_000,
    };
  }
  return out;
}

function classification<L extends string>(
  model: LinearModel,
  text: string,
  features: Scored,
  view: SumsView | undefined,
  fallback: L,
): Classification<L> {
  const labels = model.labels as readonly L[];
  const scores = {} as Record<L, number>;
  if (view === undefined) {
    for (const label of labels) scores[label] = label === fallback ? 1 : 0;
    return { label: fallback, score: 1, scores, evidence: [] };
  }
  const probs = softmax(logitsOf(model, view, features.tokens.length, featureScale(features)));
  let best = 0;
  for (let c = 0; c < labels.length; c++) {
    scores[labels[c]!] = probs[c]!;
    if (probs[c]! > probs[best]!) best = c;
  }
  return {
    label: labels[best]!,
    score: probs[best]!,
    scores,
    evidence: evidenceFor(text, model, features, view, best),
  };
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
  if (features.tokens.length === 0)
    return classification(model, text, features, undefined, fallback);
  const view = {
    sums: tokenSums(model.weights, model.labels.length, features),
    stride: model.labels.length,
    offset: 0,
  };
  return classification(model, text, features, view, fallback);
}

/** One model and the label it gives a text with no token, for {@link classifyWithAll}. */
export interface ModelSpec<L extends string = string> {
  readonly model: LinearModel;
  readonly fallback: L;
}

/**
 * `specs.map(({ model, fallback }) => classifyWith(model, text, fallback))`, the same results,
 * but the text is read once and all models score it in one pass (the models must share their
 * feature bits; otherwise each is scored on its own). Two three-label models (sentiment and
 * toxicity) are scored by `jointSums`, without listing the features.
 */
export function classifyWithAll(specs: readonly ModelSpec[], text: string): Classification[] {
  const bits = specs[0]?.model.bits;
  if (specs.length < 2 || specs.some((s) => s.model.bits !== bits)) {
    return specs.map((s) => classifyWith(s.model, text, s.fallback));
  }
  const joint = jointWeights(specs.map((s) => s.model));
  const scored: Scored & { sums: Int32Array } =
    joint.stride === 6 ? jointSums(text, joint.weights, bits!) : featureSums(joint, text);
  if (scored.tokens.length === 0) {
    return specs.map((s) => classification(s.model, text, scored, undefined, s.fallback));
  }
  return specs.map((s, i) =>
    classification(
      s.model,
      text,
      scored,
      { sums: scored.sums, stride: joint.stride, offset: joint.offsets[i]! },
      s.fallback,
    ),
  );
}

/** The joint token sums by featurizing the text (any number of labels). */
function featureSums(joint: JointWeights, text: string): Scored & { sums: Int32Array } {
  const features = cachedFeatures(text);
  if (features.tokens.length === 0) return { ...features, sums: new Int32Array(0) };
  return { ...features, sums: tokenSums(joint.weights, joint.stride, features) };
}
