/**
 * Trains one linear classifier (sentiment or toxicity) from labelled splits, scores it on dev
 * splits after each epoch (real-valued weights) and returns the quantized weight file.
 */
import { featurize, FEATURE_BITS } from '../src/nlp/models/featurize.js';
import { encodeLinearModel, type LinearModelFile } from '../src/nlp/models/linear-model.js';
import type { Split } from './train-datasets.js';
import {
  predictInto,
  trainLogistic,
  type EncodedExample,
  type LogisticOptions,
  type LogisticWeights,
} from './train-logistic.js';
import { scoreSplit, type SplitScores } from './train-metrics.js';

/** One task: its labels, data and hyper-parameters. */
export interface TaskSpec {
  readonly task: string;
  readonly labels: readonly string[];
  readonly train: readonly Split[];
  readonly dev: readonly Split[];
  /** Class weight = (N / (K · n_class))^power: 0 = none, 1 = fully balanced. */
  readonly classWeightPower: number;
  /** Example weight per data set name (default 1). */
  readonly datasetWeights?: Readonly<Record<string, number>>;
  /** Per class, the quantile of |weight| mapped to ±127 (1 = the largest weight). */
  readonly clipQuantile: number;
  readonly options: Omit<LogisticOptions, 'classes' | 'bits'>;
  readonly log: (line: string) => void;
}

/** What training returns: the weight file and the dev scores of the real-valued weights. */
export interface TaskResult {
  readonly file: LinearModelFile;
  readonly devScores: readonly { dataset: string; split: string; scores: SplitScores }[];
}

function encodeText(text: string): Int32Array {
  const f = featurize(text, FEATURE_BITS);
  return f.indices.slice(0, f.count);
}

function classWeights(splits: readonly Split[], classes: number, power: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  let total = 0;
  for (const s of splits) {
    for (const e of s.examples) {
      counts[e.label]!++;
      total++;
    }
  }
  return counts.map((n) => (n === 0 ? 0 : Math.pow(total / (classes * n), power)));
}

function encodeTrain(spec: TaskSpec): EncodedExample[] {
  const weights = classWeights(spec.train, spec.labels.length, spec.classWeightPower);
  const out: EncodedExample[] = [];
  for (const split of spec.train) {
    const dw = spec.datasetWeights?.[split.dataset] ?? 1;
    for (const e of split.examples) {
      out.push({ indices: encodeText(e.text), label: e.label, weight: weights[e.label]! * dw });
    }
  }
  return out;
}

function argmax(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

function evaluate(
  model: LogisticWeights,
  encoded: readonly Int32Array[],
  split: Split,
  classes: number,
): SplitScores {
  const probs = new Float64Array(classes);
  const predicted = encoded.map((indices) => {
    predictInto(model, indices, classes, probs);
    return argmax(probs);
  });
  return scoreSplit(
    split.examples.map((e) => e.label),
    predicted,
    classes,
  );
}

/** The |weight| at a quantile, per class: what quantization maps to ±127. */
function clipValues(weights: Float64Array, classes: number, quantile: number): number[] {
  return Array.from({ length: classes }, (_, c) => {
    const abs: number[] = [];
    for (let i = c; i < weights.length; i += classes)
      if (weights[i] !== 0) abs.push(Math.abs(weights[i]!));
    abs.sort((a, b) => a - b);
    return abs.length === 0 ? 0 : abs[Math.min(abs.length - 1, Math.floor(quantile * abs.length))]!;
  });
}

/** Trains, logs dev scores per epoch, quantizes. */
export function trainTask(spec: TaskSpec): TaskResult {
  const classes = spec.labels.length;
  const started = performance.now();
  const train = encodeTrain(spec);
  const devEncoded = spec.dev.map((s) => s.examples.map((e) => encodeText(e.text)));
  spec.log(
    `${spec.task}: ${train.length} training examples featurized in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  let devScores: TaskResult['devScores'] = [];
  const model = trainLogistic(
    train,
    { ...spec.options, classes, bits: FEATURE_BITS },
    (epoch, m) => {
      devScores = spec.dev.map((split, i) => ({
        dataset: split.dataset,
        split: split.split,
        scores: evaluate(m, devEncoded[i]!, split, classes),
      }));
      const line = devScores.map(
        (d) => `${d.dataset} acc ${d.scores.accuracy.toFixed(4)} F1 ${d.scores.macroF1.toFixed(4)}`,
      );
      spec.log(`  epoch ${epoch}: ${line.join(' | ')}`);
    },
  );
  const file = encodeLinearModel({
    task: spec.task,
    labels: spec.labels,
    bits: FEATURE_BITS,
    bias: model.bias,
    weights: model.weights,
    clip: clipValues(model.weights, classes, spec.clipQuantile),
    training: {
      data: [...spec.train.map((s) => `${s.dataset} ${s.split} (${s.examples.length})`)],
      classWeightPower: spec.classWeightPower,
      datasetWeights: spec.datasetWeights ?? {},
      clipQuantile: spec.clipQuantile,
      ...spec.options,
      devBeforeQuantization: devScores.map((d) => ({
        data: `${d.dataset} ${d.split} (${d.scores.n})`,
        accuracy: Number(d.scores.accuracy.toFixed(4)),
        macroF1: Number(d.scores.macroF1.toFixed(4)),
      })),
    },
  });
  return { file, devScores };
}
