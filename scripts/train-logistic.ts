/**
 * Multinomial logistic regression over hashed sparse features, trained with AdaGrad (per-weight
 * learning rates suit hashed text features, whose frequencies span five orders of magnitude) and
 * L2 regularization applied to the weights an example touches. Deterministic: a seeded shuffle per
 * epoch, plain float64 arithmetic, no threads.
 */
import { shuffledIndices } from './train-datasets.js';

/** One training example: its feature indices (repeats allowed), label and weight. */
export interface EncodedExample {
  readonly indices: Int32Array;
  readonly label: number;
  readonly weight: number;
}

/** Hyper-parameters. */
export interface LogisticOptions {
  readonly classes: number;
  readonly bits: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly seed: number;
  /**
   * Return the mean of the weights at the end of each epoch from this one on (tail averaging,
   * which smooths the last epochs' noise); 0 or absent: the last epoch's weights.
   */
  readonly averageFrom?: number;
}

/** Real-valued weights, feature-major (`weights[f * classes + c]`), and one bias per class. */
export interface LogisticWeights {
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

const EPSILON = 1e-8;

/** Class probabilities of one example under the current weights, into `out`. */
export function predictInto(
  model: LogisticWeights,
  indices: Int32Array,
  classes: number,
  out: Float64Array,
): void {
  const scale = indices.length > 0 ? 1 / Math.sqrt(indices.length) : 0;
  for (let c = 0; c < classes; c++) out[c] = 0;
  for (let i = 0; i < indices.length; i++) {
    const base = indices[i]! * classes;
    for (let c = 0; c < classes; c++) out[c]! += model.weights[base + c]!;
  }
  let max = -Infinity;
  for (let c = 0; c < classes; c++) {
    out[c] = model.bias[c]! + out[c]! * scale;
    max = Math.max(max, out[c]!);
  }
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += out[c] = Math.exp(out[c]! - max);
  for (let c = 0; c < classes; c++) out[c]! /= sum;
}

/** Trains from zero weights; `onEpoch` sees the weights after each epoch (for dev scores). */
export function trainLogistic(
  examples: readonly EncodedExample[],
  options: LogisticOptions,
  onEpoch?: (epoch: number, model: LogisticWeights) => void,
): LogisticWeights {
  const { classes, learningRate, l2 } = options;
  const size = (1 << options.bits) * classes;
  const model = { weights: new Float64Array(size), bias: new Float64Array(classes) };
  const average = { weights: new Float64Array(size), bias: new Float64Array(classes) };
  const squares = new Float64Array(size);
  const biasSquares = new Float64Array(classes);
  const probs = new Float64Array(classes);
  const grads = new Float64Array(classes);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (const e of shuffledIndices(examples.length, options.seed + epoch)) {
      const { indices, label, weight } = examples[e]!;
      predictInto(model, indices, classes, probs);
      const scale = indices.length > 0 ? 1 / Math.sqrt(indices.length) : 0;
      for (let c = 0; c < classes; c++) {
        grads[c] = (probs[c]! - (c === label ? 1 : 0)) * weight;
        biasSquares[c]! += grads[c]! * grads[c]!;
        model.bias[c]! -= (learningRate * grads[c]!) / (Math.sqrt(biasSquares[c]!) + EPSILON);
      }
      for (let i = 0; i < indices.length; i++) {
        const base = indices[i]! * classes;
        for (let c = 0; c < classes; c++) {
          const j = base + c;
          const g = grads[c]! * scale + l2 * model.weights[j]!;
          squares[j]! += g * g;
          model.weights[j]! -= (learningRate * g) / (Math.sqrt(squares[j]!) + EPSILON);
        }
      }
    }
    if (options.averageFrom && epoch >= options.averageFrom) {
      accumulate(average, model);
      onEpoch?.(epoch, scaled(average, 1 / (epoch - options.averageFrom + 1)));
    } else {
      onEpoch?.(epoch, model);
    }
  }
  if (!options.averageFrom || options.epochs < options.averageFrom) return model;
  return scaled(average, 1 / (options.epochs - options.averageFrom + 1));
}

function accumulate(into: LogisticWeights, from: LogisticWeights): void {
  for (let i = 0; i < into.weights.length; i++) into.weights[i]! += from.weights[i]!;
  for (let c = 0; c < into.bias.length; c++) into.bias[c]! += from.bias[c]!;
}

function scaled(model: LogisticWeights, factor: number): LogisticWeights {
  return {
    weights: model.weights.map((w) => w * factor),
    bias: model.bias.map((b) => b * factor),
  };
}
