import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng, hash32, weightedPicker } from './rng.js';

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    const seqB = Array.from({ length: 20 }, () => b.next());
    const seqC = Array.from({ length: 20 }, () => c.next());
    assert.deepEqual(seqA, seqB);
    assert.notDeepEqual(seqA, seqC);
  });

  it('keeps next() in [0, 1) with a roughly uniform mean', () => {
    const rng = createRng(1);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = rng.next();
      assert.ok(x >= 0 && x < 1);
      sum += x;
    }
    assert.ok(Math.abs(sum / 20_000 - 0.5) < 0.02);
  });

  it('draws int(n) and between(min, max) within bounds, hitting every value', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const k = rng.int(6);
      assert.ok(Number.isInteger(k) && k >= 0 && k < 6);
      seen.add(k);
      const b = rng.between(-2, 2);
      assert.ok(b >= -2 && b <= 2);
    }
    assert.equal(seen.size, 6);
    assert.equal(rng.int(0), 0);
  });

  it('picks by weight, never picking a zero-weight item', () => {
    const rng = createRng(3);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) counts[rng.weighted(['a', 'b', 'c'] as const, [1, 3, 0])]++;
    assert.equal(counts.c, 0);
    assert.ok(counts.b / counts.a > 2.5 && counts.b / counts.a < 3.5);
  });

  it('shuffles in place keeping every element, and chance(p) follows p', () => {
    const rng = createRng(5);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = rng.shuffle([...items]);
    assert.notDeepEqual(shuffled, items);
    assert.deepEqual(
      [...shuffled].sort((x, y) => x - y),
      items,
    );
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (rng.chance(0.3)) hits++;
    assert.ok(hits > 2800 && hits < 3200);
  });
});

describe('weightedPicker', () => {
  it('matches the weights and ignores negative ones', () => {
    const pick = weightedPicker(['x', 'y', 'z'], [2, -5, 6]);
    const rng = createRng(11);
    const counts = new Map<string, number>();
    for (let i = 0; i < 8000; i++) {
      const v = pick(rng);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    assert.equal(counts.get('y'), undefined);
    const ratio = counts.get('z')! / counts.get('x')!;
    assert.ok(ratio > 2.6 && ratio < 3.4, `ratio ${ratio}`);
  });
});

describe('hash32', () => {
  it('is stable, unsigned and spreads neighbouring inputs', () => {
    assert.equal(hash32(1, 2), hash32(1, 2));
    assert.notEqual(hash32(1, 2), hash32(2, 1));
    const values = new Set(Array.from({ length: 1000 }, (_, i) => hash32(i) % 1024));
    assert.ok(values.size > 550);
    assert.ok(hash32(-5, -7) >= 0);
  });
});
