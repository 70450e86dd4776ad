/**
 * 32-bit hashing for the feature hasher: FNV-1a over UTF-16 code units, finished with MurmurHash3's
 * mixer so that the low bits (the feature index) are well spread. Deterministic everywhere.
 */

const FNV_PRIME = 16777619;

/** FNV-1a of a string, started from `seed` (a namespace), not yet mixed. */
export function fnv(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** One FNV-1a step: `h` extended by one code unit. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

/** MurmurHash3's 32-bit finalizer. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Two hashes combined (order matters), for bigrams. */
export function combine(a: number, b: number, seed: number): number {
  return mix(Math.imul(a ^ seed, 0x9e3779b1) ^ b);
}
