/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) so that every demo and
 * benchmark data set is reproducible from one number. Not for anything security-related.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n); 0 when n ≤ 0. */
  int(n: number): number;
  /** An integer in [min, max], both included. */
  between(min: number, max: number): number;
  /** One element, uniformly; the array must not be empty. */
  pick<T>(items: readonly T[]): T;
  /** One element with probability proportional to its weight (linear scan: for short lists). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[];
}

/** Mixes two 32-bit integers into one well-spread 32-bit unsigned integer (for stateless picks). */
export function hash32(a: number, b = 0): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Creates a generator; the same seed always gives the same sequence. */
export function createRng(seed: number): Rng {
  const init = splitmix32(Math.floor(seed) | 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const int = (n: number): number => (n > 0 ? Math.floor(next() * n) : 0);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    pick: (items) => items[int(items.length)]!,
    weighted: (items, weights) => {
      let total = 0;
      for (let i = 0; i < items.length; i++) total += weights[i] ?? 0;
      let r = next() * total;
      for (let i = 0; i < items.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return items[i]!;
      }
      return items[items.length - 1]!;
    },
    chance: (p) => next() < p,
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const tmp = items[i]!;
        items[i] = items[j]!;
        items[j] = tmp;
      }
      return items;
    },
  };
}

/**
 * A precomputed weighted picker (binary search over cumulative weights) for lists picked from
 * millions of times.
 */
export function weightedPicker<T>(
  items: readonly T[],
  weights: readonly number[],
): (rng: Rng) => T {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    total += Math.max(0, weights[i] ?? 0);
    cumulative[i] = total;
  }
  return (rng) => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}
