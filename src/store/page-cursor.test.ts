import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodePageCursor, encodePageCursor, pageLimit } from './page-cursor.js';

test('round-trips a page key through an opaque URL-safe cursor', () => {
  const key = { publishedAt: '2025-06-01T00:00:00.000Z', id: 'facebook:Đồng/+?=&' };
  const cursor = encodePageCursor(key);
  assert.match(cursor, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(decodePageCursor(cursor), key);
});

test('clamps and defaults page sizes', () => {
  assert.equal(pageLimit(undefined, 50, 500), 50);
  assert.equal(pageLimit(9999, 50, 500), 500);
  assert.throws(() => pageLimit(0, 50, 500));
});
