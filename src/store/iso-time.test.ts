import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLangngheError } from '../core/errors.js';
import { bucketStart, bucketStarts, normalizeIso } from './iso-time.js';

test('normalizes ISO dates and date-times to toISOString form, UTC', () => {
  assert.equal(normalizeIso('2025-06-01', 'f'), '2025-06-01T00:00:00.000Z');
  assert.equal(normalizeIso('2025-06-01T07:30:00+07:00', 'f'), '2025-06-01T00:30:00.000Z');
  assert.equal(normalizeIso('2025-06-01T07:30', 'f'), '2025-06-01T07:30:00.000Z');
  assert.equal(normalizeIso('2025-06-01 07:30:05.123456Z', 'f'), '2025-06-01T07:30:05.123Z');
});

test('rejects what is not an ISO timestamp with store.invalid', () => {
  for (const bad of ['yesterday', 'Jun 1 2025', '2025-13-01', '2025-02-30T00:00Z', '', 17, null]) {
    assert.throws(
      () => normalizeIso(bad, 'publishedAt'),
      (e: unknown) => isLangngheError(e) && e.code === 'store.invalid',
      String(bad),
    );
  }
});

test('lists bucket starts from the rounded-down start up to the exclusive end', () => {
  assert.equal(bucketStart('2025-06-01T07:59:59.999Z', 'hour'), '2025-06-01T07:00:00.000Z');
  assert.deepEqual(bucketStarts('2025-06-01T07:30:00.000Z', '2025-06-01T09:00:00.000Z', 'hour'), [
    '2025-06-01T07:00:00.000Z',
    '2025-06-01T08:00:00.000Z',
  ]);
  assert.deepEqual(bucketStarts('2025-06-02T00:00:00.000Z', '2025-06-01T00:00:00.000Z', 'day'), []);
});
