import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syntheticInputs } from '../../../test/analyze-digests.js';
import { sentimentModel } from './classify-sentiment.js';
import { toxicityModel } from './classify-toxicity.js';
import { featurize, FEATURE_BITS } from './featurize.js';
import { jointSums } from './joint-sums.js';

/** The two shipped models' weights interleaved, six labels per feature. */
function interleaved(): Int8Array {
  const models = [sentimentModel(), toxicityModel()];
  const features = 1 << FEATURE_BITS;
  const w = new Int8Array(features * 6);
  models.forEach((m, offset) => {
    for (let f = 0; f < features; f++) {
      for (let c = 0; c < 3; c++) w[f * 6 + offset * 3 + c] = m.weights[f * 3 + c]!;
    }
  });
  return w;
}

/** Token sums the plain way: every feature of `featurize`, one at a time. */
function summedFeatures(text: string, w: Int8Array): { count: number; sums: number[] } {
  const f = featurize(text);
  const sums = new Array<number>(f.tokens.length * 6).fill(0);
  for (let i = 0; i < f.count; i++) {
    const owner = f.owners[i]! >> 1;
    const isPair = (f.owners[i]! & 1) === 1 && owner > 0;
    for (let c = 0; c < 6; c++) {
      const v = w[f.indices[i]! * 6 + c]!;
      if (isPair) {
        sums[owner * 6 + c]! += v;
        sums[(owner - 1) * 6 + c]! += v;
      } else {
        sums[owner * 6 + c]! += 2 * v;
      }
    }
  }
  return { count: f.count, sums };
}

test('joint sums equal the sums of every feature, on synthetic and edge-case texts', () => {
  const w = interleaved();
  const texts = [
    '',
    'a',
    'không tốt',
    'đâu có đẹp, nhưng rẻ!!! 😡 https://x.vn ko dc',
    ...syntheticInputs(600, 7).map((i) => `${i.title ?? ''} ${i.text}`),
  ];
  for (const text of texts) {
    const expected = summedFeatures(text, w);
    const got = jointSums(text, w, FEATURE_BITS);
    assert.equal(got.count, expected.count, text.slice(0, 80));
    assert.deepEqual(
      [...got.sums.subarray(0, got.tokens.length * 6)],
      expected.sums,
      text.slice(0, 80),
    );
  }
});

test("a word seen in another context gets that context's sums, not the first one's", () => {
  const w = interleaved();
  for (const text of ['tốt', 'không tốt', 'chẳng tốt', '! tốt', 'tốt lắm', 'không hề tốt']) {
    assert.deepEqual(
      [...jointSums(text, w, FEATURE_BITS).sums.subarray(0, featurize(text).tokens.length * 6)],
      summedFeatures(text, w).sums,
      text,
    );
  }
});
