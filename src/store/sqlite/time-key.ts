import { LangngheError } from '../../core/errors.js';

/*
 * A post's time key is the rowid of its posts_text (FTS5) row and posts.time_key: its publication
 * millisecond in the high bits and a counter in the low 20, so that FTS5's rowid order is
 * publication order and `ORDER BY rowid DESC LIMIT n` walks the index newest first, reading only
 * as far as a page needs. Milliseconds are clamped to [1970, 2109) (what 42 bits hold, so every
 * key fits a signed 64-bit integer); clamping keeps the order, only the clamped ends share one
 * bucket. Within a bucket the counter follows arrival, not id: readers sort a whole bucket exactly.
 */
const COUNTER_BITS = 20n;
const BUCKET_SIZE = 1n << COUNTER_BITS;
const MAX_BUCKET = 2 ** 42 - 1;

/** Keys sort below this bound; an exclusive upper bound for "no upper bound". */
export const TIME_KEY_END = BigInt(MAX_BUCKET + 1) << COUNTER_BITS;

/** The bucket (clamped millisecond) of a normalized ISO timestamp. */
export function timeBucket(iso: string): number {
  const ms = Date.parse(iso);
  return Math.min(Math.max(ms, 0), MAX_BUCKET);
}

/** The first key of a bucket. */
export function bucketFirstKey(bucket: number): bigint {
  return BigInt(bucket) << COUNTER_BITS;
}

/** The bucket a key belongs to. */
export function keyBucket(key: bigint): number {
  return Number(key >> COUNTER_BITS);
}

/**
 * The key for the next post of a bucket, given the bucket's highest key so far (null: none).
 * A bucket holds 2^20 posts; one more is `store.invalid`.
 */
export function nextTimeKey(bucket: number, highest: bigint | null): bigint {
  const first = bucketFirstKey(bucket);
  if (highest === null) return first;
  const next = highest + 1n;
  if (next - first >= BUCKET_SIZE) {
    throw new LangngheError(
      'store.invalid',
      `More than ${BUCKET_SIZE} posts share the publication time ${new Date(bucket).toISOString()}`,
      { details: { publishedAt: new Date(bucket).toISOString() } },
    );
  }
  return next;
}
