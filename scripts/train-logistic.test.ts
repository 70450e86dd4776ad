import { test } from 'node:test';
import assert from 'node:assert/strict';
import { predictInto, trainLogistic, type EncodedExample } from './train-logistic.js';
import { scoreSplit } from './train-metrics.js';
import { shuffledIndices, visfdLabel } from './train-datasets.js';

const OPTIONS = { classes: 3, bits: 6, epochs: 5, learningRate: 0.2, l2: 0, seed: 1 };

function toyData(): EncodedExample[] {
  const out: EncodedExample[] = [];
  for (let i = 0; i < 60; i++) {
    const label = i % 3;
    out.push({ indices: Int32Array.of(label * 10 + (i % 5), 50 + (i % 7)), label, weight: 1 });
  }
  return out;
}

test('learns a separable three-class problem', () => {
  const data = toyData();
  const model = trainLogistic(data, OPTIONS);
  const probs = new Float64Array(3);
  for (const e of data) {
    predictInto(model, e.indices, 3, probs);
    assert.equal(probs.indexOf(Math.max(...probs)), e.label);
  }
});

test('training is deterministic, averaged or not', () => {
  const a = trainLogistic(toyData(), { ...OPTIONS, averageFrom: 3 });
  const b = trainLogistic(toyData(), { ...OPTIONS, averageFrom: 3 });
  assert.deepEqual(a.weights, b.weights);
  assert.deepEqual(a.bias, b.bias);
});

test('macro-F1 averages over the labels present in gold', () => {
  const s = scoreSplit([0, 0, 2, 2], [0, 1, 2, 2], 3);
  assert.equal(s.accuracy, 0.75);
  assert.ok(Number.isNaN(s.f1[1]!));
  assert.ok(Math.abs(s.macroF1 - (2 / 3 + 1) / 2) < 1e-12);
});

test('the seeded shuffle is a fixed permutation', () => {
  const a = shuffledIndices(100, 2019);
  assert.deepEqual(a, shuffledIndices(100, 2019));
  assert.deepEqual(
    [...a].sort((x, y) => x - y),
    Array.from({ length: 100 }, (_, i) => i),
  );
  assert.notDeepEqual(a, shuffledIndices(100, 2020));
});

test('a ViSFD post takes the majority aspect polarity, then its stars', () => {
  assert.equal(visfdLabel('{CAMERA#Positive};{BATTERY#Negative};{PRICE#Positive};', 2), 2);
  assert.equal(visfdLabel('{CAMERA#Positive};{BATTERY#Negative};', 1), 0);
  assert.equal(visfdLabel('{CAMERA#Positive};{BATTERY#Negative};', 3), 1);
  assert.equal(visfdLabel('{OTHERS};', 5), 2);
});
