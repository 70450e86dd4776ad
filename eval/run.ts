/**
 * Scores the COMMITTED sentiment and toxicity weights on each data set's dev split, through the
 * runtime path (classifySentiment / classifyToxicity), prints a table and the throughput, and
 * exits 1 when a score falls below its target (UIT-VSFC accuracy ≥ 0.88, ViHSD macro-F1 ≥ 0.60).
 * "F1 by label" is negative / neutral / positive, or clean / offensive / hate.
 * Usage: node --import tsx eval/run.ts [--data DIR]
 */
import { parseArgs } from 'node:util';
import { classifySentiment } from '../src/nlp/models/classify-sentiment.js';
import { classifyToxicity } from '../src/nlp/models/classify-toxicity.js';
import {
  defaultDataRoot,
  loadAivivn,
  loadVihsd,
  loadVisfd,
  loadVsfc,
  SENTIMENT_LABELS,
  TOXICITY_LABELS,
  type Split,
} from '../scripts/train-datasets.js';
import { formatRow, scoreSplit, type SplitScores } from '../scripts/train-metrics.js';
import { measureThroughput } from './throughput.js';

/** A minimum score for one split. */
interface Target {
  readonly dataset: string;
  readonly metric: 'accuracy' | 'macroF1';
  readonly min: number;
}

const TARGETS: readonly Target[] = [
  { dataset: 'UIT-VSFC', metric: 'accuracy', min: 0.88 },
  { dataset: 'ViHSD', metric: 'macroF1', min: 0.6 },
];

const WIDTHS = [12, 22, 6, 9, 9, 10, 22];

type Predict = (text: string) => number;

const sentiment: Predict = (text) => SENTIMENT_LABELS.indexOf(classifySentiment(text).label);
const toxicity: Predict = (text) => TOXICITY_LABELS.indexOf(classifyToxicity(text).label);
/** AIVIVN is binary: the larger of the negative and positive scores, neutral ignored. */
const binarySentiment: Predict = (text) => {
  const { scores } = classifySentiment(text);
  return scores.negative >= scores.positive ? 0 : 2;
};

function evaluate(split: Split, predict: Predict, classes: number): SplitScores {
  return scoreSplit(
    split.examples.map((e) => e.label),
    split.examples.map((e) => predict(e.text)),
    classes,
  );
}

function main(): number {
  const { values } = parseArgs({
    options: { data: { type: 'string', default: defaultDataRoot() } },
  });
  const root = values.data!;
  const aivivn = loadAivivn(root).heldOut;
  const vihsd = loadVihsd(root, 'dev');
  const rows: [Split, string, Predict, number][] = [
    [loadVsfc(root, 'dev'), '', sentiment, 3],
    [loadVisfd(root, 'dev'), '', sentiment, 3],
    [aivivn, '', sentiment, 3],
    [aivivn, ' (binary)', binarySentiment, 3],
    [vihsd, '', toxicity, 3],
  ];
  console.log(
    formatRow(['data set', 'split', 'n', 'accuracy', 'macro-F1', 'target', 'F1 by label'], WIDTHS),
  );
  let failed = 0;
  for (const [split, note, predict, classes] of rows) {
    const s = evaluate(split, predict, classes);
    const target = note === '' ? TARGETS.find((t) => t.dataset === split.dataset) : undefined;
    const ok = target === undefined || s[target.metric] >= target.min;
    if (!ok) failed++;
    const byLabel = s.f1.map((f) => (Number.isNaN(f) ? '-' : f.toFixed(2))).join(' / ');
    const mark = target === undefined ? '' : `${ok ? 'ok' : 'FAIL'} ≥${target.min.toFixed(2)}`;
    console.log(
      formatRow(
        [split.dataset, split.split + note, s.n, s.accuracy, s.macroF1, mark, byLabel],
        WIDTHS,
      ),
    );
  }
  const rate = measureThroughput(vihsd.examples.map((e) => e.text));
  console.log(
    `throughput: ${rate.toFixed(0)} posts/s per core, sentiment + toxicity (ViHSD dev texts, CPU time)`,
  );
  if (failed > 0) console.error(`${failed} dev score(s) below target`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main();
