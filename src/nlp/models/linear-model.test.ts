import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LangngheError } from '../../core/errors.js';
import {
  decodeLinearModel,
  encodeLinearModel,
  softmax,
  type LinearModelFile,
} from './linear-model.js';
import { encodeBase64, decodeBase64 } from './base64.js';

function tinyFile(): LinearModelFile {
  const bits = 4;
  const weights = new Float64Array((1 << bits) * 2);
  weights[0] = 1;
  weights[1] = -0.5;
  weights[31] = 0.25;
  return encodeLinearModel({
    task: 'tiny',
    labels: ['a', 'b'],
    bits,
    bias: [0.1, -0.1],
    weights,
    clip: [1, 0.5],
  });
}

test('int8 quantization round-trips weights within half a step', () => {
  const model = decodeLinearModel(tinyFile());
  assert.ok(Math.abs(model.weights[0]! * model.scales[0]! - 1) < 1 / 254);
  assert.ok(Math.abs(model.weights[1]! * model.scales[1]! + 0.5) < 0.5 / 254);
  assert.ok(Math.abs(model.weights[31]! * model.scales[1]! - 0.25) < 0.5 / 254);
  assert.deepEqual([...model.bias], [0.1, -0.1]);
});

test('rejects a file from another format, feature version or size', () => {
  const good = tinyFile();
  for (const bad of [
    { ...good, format: 'other/1' },
    { ...good, featureVersion: -1 },
    { ...good, bits: 5 },
    { ...good, weights: `${good.weights}!` },
    { ...good, scales: [1] },
  ]) {
    assert.throws(
      () => decodeLinearModel(bad),
      (e: unknown) => e instanceof LangngheError && e.code === 'model.invalid',
    );
  }
});

test('softmax sums to one and survives large logits', () => {
  const p = softmax([1000, 999, -1000]);
  assert.ok(Math.abs(p[0]! + p[1]! + p[2]! - 1) < 1e-12);
  assert.ok(p[0]! > p[1]!);
});

test('base64 matches the platform encoder and decodes its own output', () => {
  for (const length of [0, 1, 2, 3, 4, 5, 1000, 9001]) {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff);
    const encoded = encodeBase64(bytes);
    assert.equal(encoded, Buffer.from(bytes).toString('base64'));
    assert.deepEqual(decodeBase64(encoded), bytes);
  }
  assert.equal(decodeBase64('a'), undefined);
  assert.equal(decodeBase64('ab$c'), undefined);
});
