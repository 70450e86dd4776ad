import { LangngheError } from '../../core/errors.js';
import { decodeBase64, encodeBase64 } from './base64.js';
import { FEATURE_VERSION, type Features } from './featurize.js';

/** The format tag of a weight file this runtime reads. */
export const LINEAR_MODEL_FORMAT = 'langnghe-linear/1';

/**
 * A linear classifier as stored in a committed JSON weight file. Weights are int8, laid out
 * feature-major (`weights[feature * labels.length + label]`), each label with its own scale:
 * real weight = int8 × scales[label].
 */
export interface LinearModelFile {
  readonly format: string;
  readonly task: string;
  readonly labels: readonly string[];
  readonly featureVersion: number;
  readonly bits: number;
  readonly bias: readonly number[];
  readonly scales: readonly number[];
  /** Base64 of the int8 weights. */
  readonly weights: string;
  /** Provenance: data, hyper-parameters, dev scores. Not read by the runtime. */
  readonly training?: Readonly<Record<string, unknown>>;
}

/** A decoded linear classifier, ready to score. */
export interface LinearModel {
  readonly task: string;
  readonly labels: readonly string[];
  readonly bits: number;
  readonly bias: Float64Array;
  readonly scales: Float64Array;
  readonly weights: Int8Array;
}

function invalid(task: string, why: string): LangngheError {
  return new LangngheError('model.invalid', `Weight file for ${task} is unusable: ${why}`, {
    details: { task },
  });
}

/**
 * Decodes a weight file. Throws LangngheError `model.invalid` when the file is not in this
 * runtime's format, was trained on other features, or is truncated.
 */
export function decodeLinearModel(file: LinearModelFile): LinearModel {
  const k = file.labels.length;
  if (file.format !== LINEAR_MODEL_FORMAT) throw invalid(file.task, `format ${file.format}`);
  if (file.featureVersion !== FEATURE_VERSION) throw invalid(file.task, 'feature version');
  if (k < 2 || file.bias.length !== k || file.scales.length !== k)
    throw invalid(file.task, 'labels');
  const bytes = decodeBase64(file.weights);
  if (bytes === undefined || bytes.length !== (1 << file.bits) * k) {
    throw invalid(file.task, 'weights length');
  }
  return {
    task: file.task,
    labels: file.labels,
    bits: file.bits,
    bias: Float64Array.from(file.bias),
    scales: Float64Array.from(file.scales),
    weights: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length),
  };
}

/** What `encodeLinearModel` needs: real-valued weights, feature-major. */
export interface LinearModelParams {
  readonly task: string;
  readonly labels: readonly string[];
  readonly bits: number;
  readonly bias: ArrayLike<number>;
  readonly weights: Float64Array;
  /** Per label, the absolute weight mapped to ±127; larger weights are clipped. */
  readonly clip: ArrayLike<number>;
  readonly training?: Readonly<Record<string, unknown>>;
}

/** Quantizes real-valued weights to int8 with one scale per label. */
export function encodeLinearModel(params: LinearModelParams): LinearModelFile {
  const k = params.labels.length;
  const scales = Array.from({ length: k }, (_, c) =>
    params.clip[c]! > 0 ? params.clip[c]! / 127 : 1,
  );
  const bytes = new Uint8Array(params.weights.length);
  for (let i = 0; i < params.weights.length; i++) {
    const q = Math.round(params.weights[i]! / scales[i % k]!);
    bytes[i] = Math.max(-127, Math.min(127, q)) & 0xff;
  }
  return {
    format: LINEAR_MODEL_FORMAT,
    task: params.task,
    labels: [...params.labels],
    featureVersion: FEATURE_VERSION,
    bits: params.bits,
    bias: Array.from(params.bias, (b) => Number(b.toPrecision(9))),
    scales: scales.map((s) => Number(s.toPrecision(9))),
    weights: encodeBase64(bytes),
    ...(params.training === undefined ? {} : { training: params.training }),
  };
}

/** 1/sqrt(n): every text's feature vector has about unit length, whatever its length. */
export function featureScale(features: Pick<Features, 'count'>): number {
  return features.count > 0 ? 1 / Math.sqrt(features.count) : 0;
}

/** The raw scores (logits) of each label for some features. */
export function scoreFeatures(model: LinearModel, features: Features): Float64Array {
  const k = model.labels.length;
  const sums = new Int32Array(k);
  const { indices, count } = features;
  const w = model.weights;
  for (let i = 0; i < count; i++) {
    const base = indices[i]! * k;
    for (let c = 0; c < k; c++) sums[c]! += w[base + c]!;
  }
  const scale = featureScale(features);
  const logits = new Float64Array(k);
  for (let c = 0; c < k; c++) logits[c] = model.bias[c]! + sums[c]! * model.scales[c]! * scale;
  return logits;
}

/** Softmax of logits, as probabilities summing to 1. */
export function softmax(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += out[i] = Math.exp(logits[i]! - max);
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}
