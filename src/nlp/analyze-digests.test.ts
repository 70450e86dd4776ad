import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  demoInputs,
  digestSet,
  firstDifference,
  realInputs,
  recordedDigests,
  syntheticInputs,
} from '../../test/analyze-digests.js';

const recorded = recordedDigests();

test('real public posts are analyzed as recorded', (t) => {
  const inputs = realInputs();
  if (inputs === undefined) {
    t.skip('../shared/data is not here');
    return;
  }
  assert.equal(firstDifference(recorded.real, digestSet(inputs)), undefined);
});

test('synthetic posts (NFD, lone surrogates, long texts, teencode, emoji, PII) are analyzed as recorded', () => {
  assert.equal(firstDifference(recorded.synthetic, digestSet(syntheticInputs())), undefined);
});

test("the benchmark's generated posts are analyzed as recorded", (t) => {
  const inputs = demoInputs();
  const now = digestSet(inputs);
  if (now.inputDigest !== recorded.demo.inputDigest) {
    t.skip('the demo generator changed since the digests were recorded');
    return;
  }
  assert.equal(firstDifference(recorded.demo, now), undefined);
});
