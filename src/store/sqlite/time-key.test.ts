import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLangngheError } from '../../core/errors.js';
import { TIME_KEY_END, bucketFirstKey, keyBucket, nextTimeKey, timeBucket } from './time-key.js';

test('keys sort as publication times, and a bucket counts its posts up from its first key', () => {
  const early = timeBucket('2025-06-01T00:00:00.000Z');
  const late = timeBucket('2025-06-01T00:00:00.001Z');
  assert.equal(late, early + 1);
  const first = nextTimeKey(early, null);
  assert.equal(first, bucketFirstKey(early));
  const second = nextTimeKey(early, first);
  assert.equal(second, first + 1n);
  assert.ok(second < nextTimeKey(late, null));
  assert.equal(keyBucket(second), early);
});

test('times before 1970 and after 2109 clamp into the end buckets, keys stay in 64 bits', () => {
  assert.equal(timeBucket('1900-01-01T00:00:00.000Z'), 0);
  const last = timeBucket('9999-12-31T23:59:59.999Z');
  assert.equal(last, timeBucket('2200-01-01T00:00:00.000Z'));
  assert.ok(last > timeBucket('2108-01-01T00:00:00.000Z'));
  assert.ok(bucketFirstKey(last) < TIME_KEY_END);
  assert.ok(TIME_KEY_END <= 2n ** 63n - 1n);
});

test('a bucket holds 2^20 posts; one more is store.invalid', () => {
  const bucket = timeBucket('2025-06-01T00:00:00.000Z');
  const full = bucketFirstKey(bucket) + 2n ** 20n - 1n;
  assert.equal(nextTimeKey(bucket, full - 1n), full);
  assert.throws(
    () => nextTimeKey(bucket, full),
    (error: unknown) => isLangngheError(error) && error.code === 'store.invalid',
  );
});
