import type { PhraseHit } from './compile-phrases.js';
import type { Span } from './span.js';

/** How much one group (a category, an intent) collected from the phrases found. */
export interface GroupWeight {
  /** Sum of the weights found; repeats count less, negative weights subtract. */
  raw: number;
  /** The spans of positive phrases, in the order found, at most `maxEvidence`. */
  evidence: Span[];
}

/** Per phrase: its group and its weight (0 = shield only). */
export interface PhraseWeights {
  group: Int32Array;
  weight: Float64Array;
}

/** A repeated phrase adds this share of its weight each time. */
const REPEAT_SHARE = 0.25;

interface Tally extends GroupWeight {
  supported: boolean;
  unsupported: PhraseHit[];
}

function add(
  weights: PhraseWeights,
  tally: Tally,
  hit: PhraseHit,
  context: { seen: Map<number, number>; maxEvidence: number },
): void {
  const weight = weights.weight[hit.phrase]!;
  const count = context.seen.get(hit.phrase) ?? 0;
  context.seen.set(hit.phrase, count + 1);
  tally.raw += count === 0 ? weight : weight * REPEAT_SHARE;
  if (weight <= 0) return;
  for (const span of hit.spans) {
    if (tally.evidence.length >= context.maxEvidence) return;
    if (!tally.evidence.some((e) => e.start === span.start && e.end === span.end)) {
      tally.evidence.push(span);
    }
  }
}

/**
 * Adds up the hits per group. A hit that `needsSupport` (an ambiguous word typed without
 * diacritics) counts only when its group has another positive hit that does not.
 */
export function weighHits(
  weights: PhraseWeights,
  hits: readonly PhraseHit[],
  maxEvidence: number,
): Map<number, GroupWeight> {
  const tallies = new Map<number, Tally>();
  const context = { seen: new Map<number, number>(), maxEvidence };
  for (const hit of hits) {
    const weight = weights.weight[hit.phrase]!;
    if (weight === 0) continue;
    const group = weights.group[hit.phrase]!;
    let tally = tallies.get(group);
    if (tally === undefined) {
      tally = { raw: 0, evidence: [], supported: false, unsupported: [] };
      tallies.set(group, tally);
    }
    if (hit.needsSupport) {
      tally.unsupported.push(hit);
      continue;
    }
    if (weight > 0) tally.supported = true;
    add(weights, tally, hit, context);
  }
  const result = new Map<number, GroupWeight>();
  for (const [group, tally] of tallies) {
    if (tally.supported) for (const hit of tally.unsupported) add(weights, tally, hit, context);
    tally.evidence.sort((a, b) => a.start - b.start);
    result.set(group, { raw: tally.raw, evidence: tally.evidence.slice(0, maxEvidence) });
  }
  return result;
}

/** Maps a weight sum to 0..1: `1 - e^(-raw / scale)`, rounded to 3 decimals; 0 when raw ≤ 0. */
export function saturate(raw: number, scale: number): number {
  if (!(raw > 0)) return 0;
  return Math.round((1 - Math.exp(-raw / scale)) * 1000) / 1000;
}
