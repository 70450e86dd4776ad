import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, retryAfterMs } from './backoff.js';

const NOW = Date.parse('2026-11-23T08:00:00Z');

describe('backoffDelay', () => {
  it('doubles per attempt, jittered within the upper half, capped', () => {
    const low = { baseMs: 1000, maxMs: 10_000, random: () => 0 };
    const high = { baseMs: 1000, maxMs: 10_000, random: () => 0.999999 };
    assert.deepEqual(
      [0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, low)),
      [500, 1000, 2000, 4000, 5000, 5000],
    );
    assert.deepEqual(
      [0, 1, 2, 3, 4, 10].map((n) => backoffDelay(n, high)),
      [1000, 2000, 4000, 8000, 10_000, 10_000],
    );
  });

  it('never overflows on huge attempt counts', () => {
    assert.equal(backoffDelay(5000, { baseMs: 1000, maxMs: 60_000, random: () => 0.5 }), 45_000);
  });
});

describe('retryAfterMs', () => {
  const headers = (init: Record<string, string>): Headers => new Headers(init);

  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(retryAfterMs(headers({ 'retry-after': '7' }), NOW), 7000);
    assert.equal(retryAfterMs(headers({ 'retry-after': '1.5' }), NOW), 1500);
    assert.equal(
      retryAfterMs(headers({ 'retry-after': 'Mon, 23 Nov 2026 08:00:30 GMT' }), NOW),
      30_000,
    );
    assert.equal(retryAfterMs(headers({ 'retry-after': 'Mon, 23 Nov 2026 07:00:00 GMT' }), NOW), 0);
  });

  it("reads X's epoch reset and Reddit's seconds-left reset", () => {
    assert.equal(
      retryAfterMs(headers({ 'x-rate-limit-reset': String(NOW / 1000 + 90) }), NOW),
      90_000,
    );
    assert.equal(retryAfterMs(headers({ 'x-ratelimit-reset': '42' }), NOW), 42_000);
    assert.equal(
      retryAfterMs(headers({ 'x-ratelimit-reset': '2026-11-23T08:05:00.000Z' }), NOW),
      300_000,
    );
  });

  it('says nothing when nothing usable is sent', () => {
    assert.equal(retryAfterMs(headers({}), NOW), undefined);
    assert.equal(retryAfterMs(headers({ 'retry-after': 'soon' }), NOW), undefined);
  });
});
