/**
 * Trains the sentiment and toxicity classifiers on the public data under ../shared/data and
 * rewrites src/nlp/models/{sentiment,toxicity}.weights.json. Deterministic: the same data give
 * the same bytes. Usage: node --import tsx scripts/train.ts [--data DIR] [--dry-run] [--only
 * sentiment|toxicity]; --epochs, --lr, --l2 and --class-weight-power override the committed
 * hyper-parameters for exploration (with --dry-run, so the weights are not replaced).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeLinearModel, type LinearModelFile } from '../src/nlp/models/linear-model.js';
import { classifyWith } from '../src/nlp/models/classify-with.js';
import {
  defaultDataRoot,
  loadAivivn,
  loadVihsd,
  loadVisfd,
  loadVsfc,
  SENTIMENT_LABELS,
  TOXICITY_LABELS,
  type Split,
} from './train-datasets.js';
import { formatRow, scoreSplit } from './train-metrics.js';
import { trainTask, type TaskSpec } from './train-task.js';

const log = (line: string): void => console.log(line);

function sentimentSpec(root: string): TaskSpec {
  const aivivn = loadAivivn(root);
  return {
    task: 'sentiment',
    labels: SENTIMENT_LABELS,
    train: [loadVsfc(root, 'train'), loadVisfd(root, 'train'), aivivn.train],
    dev: [loadVsfc(root, 'dev'), loadVisfd(root, 'dev'), aivivn.heldOut],
    classWeightPower: 0.5,
    clipQuantile: 1,
    options: { epochs: 6, averageFrom: 3, learningRate: 0.1, l2: 1e-6, seed: 7 },
    log,
  };
}

function toxicitySpec(root: string): TaskSpec {
  return {
    task: 'toxicity',
    labels: TOXICITY_LABELS,
    train: [loadVihsd(root, 'train')],
    dev: [loadVihsd(root, 'dev')],
    classWeightPower: 0.5,
    clipQuantile: 1,
    options: { epochs: 6, averageFrom: 3, learningRate: 0.1, l2: 1e-6, seed: 11 },
    log,
  };
}

/** Scores a weight file through the runtime path (decode, featurize, classify). */
function runtimeScores(file: LinearModelFile, dev: readonly Split[]): void {
  const model = decodeLinearModel(file);
  const widths = [12, 14, 6, 9, 9];
  log(formatRow(['data set', 'split', 'n', 'accuracy', 'macro-F1'], widths));
  for (const split of dev) {
    const predicted = split.examples.map((e) =>
      model.labels.indexOf(
        classifyWith(model, e.text, model.labels.includes('neutral') ? 'neutral' : 'clean').label,
      ),
    );
    const s = scoreSplit(
      split.examples.map((e) => e.label),
      predicted,
      model.labels.length,
    );
    log(formatRow([split.dataset, split.split, s.n, s.accuracy, s.macroF1], widths));
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: defaultDataRoot() },
      'dry-run': { type: 'boolean', default: false },
      only: { type: 'string' },
      epochs: { type: 'string' },
      lr: { type: 'string' },
      l2: { type: 'string' },
      'class-weight-power': { type: 'string' },
      'average-from': { type: 'string' },
      clip: { type: 'string' },
    },
  });
  const override = (spec: TaskSpec): TaskSpec => ({
    ...spec,
    classWeightPower: Number(values['class-weight-power'] ?? spec.classWeightPower),
    clipQuantile: Number(values.clip ?? spec.clipQuantile),
    options: {
      ...spec.options,
      epochs: Number(values.epochs ?? spec.options.epochs),
      learningRate: Number(values.lr ?? spec.options.learningRate),
      l2: Number(values.l2 ?? spec.options.l2),
      averageFrom: Number(values['average-from'] ?? spec.options.averageFrom ?? 0),
    },
  });
  const started = performance.now();
  const specs = [sentimentSpec, toxicitySpec]
    .map((make) => make(values.data!))
    .filter((s) => values.only === undefined || s.task === values.only)
    .map(override);
  for (const spec of specs) {
    const result = trainTask(spec);
    const json = `${JSON.stringify(result.file)}\n`;
    log(
      `${spec.task}: quantized weights ${(json.length / 1024).toFixed(0)} KiB; dev scores through the runtime:`,
    );
    runtimeScores(result.file, spec.dev);
    if (!values['dry-run']) {
      const path = fileURLToPath(
        new URL(`../src/nlp/models/${spec.task}.weights.json`, import.meta.url),
      );
      writeFileSync(path, json);
      log(`wrote ${path}`);
    }
  }
  log(`trained in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main();
