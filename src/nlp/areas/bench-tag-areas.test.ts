import assert from 'node:assert/strict';
import { it } from 'node:test';
import { BENCH_POSTS, benchTagAreas } from './bench-tag-areas.js';
import { tagAreas } from './tag-areas.js';

it('benchmarks over posts of which some name a place and some do not', () => {
  const tagged = BENCH_POSTS.filter((post) => tagAreas(post).areas.length > 0).length;
  assert.ok(tagged >= 10 && tagged < BENCH_POSTS.length, `${tagged}`);
  const result = benchTagAreas(2);
  assert.equal(result.posts, 2 * BENCH_POSTS.length);
  assert.ok(result.tagPerSecond > 0 && result.tagAndKeysPerSecond > 0);
});
