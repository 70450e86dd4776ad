import type { ModelToken } from '../normalize-for-model.js';
import { BAR, CharLayout, SPACE } from './char-layout.js';
import { featureTokens } from './featurize.js';
import { combine, fnvStep, mix } from './hash.js';
import { IN_SCOPE } from './negation-scope.js';
import { SEED, TokenReading, type TokenFacts } from './token-facts.js';

/** The labels of two three-label models, interleaved (classify-with.ts). */
const STRIDE = 6;

/**
 * A text scored by two three-label models at once: its model tokens, its feature count (as
 * `featurize` counts them) and, per token and label, twice the sum of the weights of its
 * features (a bigram adds its weight once to each of its two tokens, any other feature twice to
 * its own): what `tokenSums` gives over `featurize(text)`, computed without listing the features.
 */
export interface JointSums {
  readonly tokens: readonly ModelToken[];
  readonly count: number;
  /** `sums[token * 6 + label]`; valid until the next call. */
  readonly sums: Int32Array;
}

const reading = new TokenReading();
const layout = new CharLayout();
let sums = new Int32Array(STRIDE * 1024);

/** The unigram namespaces a token can be in, numbered for its sums' slot. */
function variantSlot(variant: number): number {
  if (variant === 0) return 0;
  if (variant === SEED.inScope) return 1;
  return variant === SEED.negatesPositive ? 2 : 3;
}

function addFeature(
  into: Int32Array,
  at: number,
  w: Int8Array,
  index: number,
  times: number,
): void {
  const base = index * STRIDE;
  into[at]! += times * w[base]!;
  into[at + 1]! += times * w[base + 1]!;
  into[at + 2]! += times * w[base + 2]!;
  into[at + 3]! += times * w[base + 3]!;
  into[at + 4]! += times * w[base + 4]!;
  into[at + 5]! += times * w[base + 5]!;
}

/**
 * What a token's own text decides, summed once per context and remembered with its facts: its two
 * unigrams and the character n-grams that start and end in its region (`start` to `end`, both
 * included, in the layout). Slots 0–5 are the label sums, slot 6 the feature count.
 */
function ownSums(
  facts: TokenFacts,
  w: Int8Array,
  mask: number,
  variant: number,
  start: number,
  end: number,
): Int32Array {
  const slot = variantSlot(variant) + (layout.codes[start] === SPACE ? 0 : 4);
  if (facts.sumsOf !== w) {
    facts.sums = [];
    facts.sumsOf = w;
  }
  let own = facts.sums![slot];
  if (own !== undefined) return own;
  own = new Int32Array(STRIDE + 1);
  addFeature(own, 0, w, mix(facts.hWord ^ variant) & mask, 2);
  addFeature(own, 0, w, mix(facts.hFolded ^ SEED.folded ^ variant) & mask, 2);
  let count = 2;
  const codes = layout.codes;
  const seed = variant === SEED.inScope ? SEED.charsNeg : SEED.chars;
  for (let p = start; p <= end; p++) {
    let h = fnvStep(seed, codes[p]!);
    for (let k = 1; k < 4 && p + k <= end; k++) {
      const code = codes[p + k]!;
      if (code === BAR) break;
      h = fnvStep(h, code);
      addFeature(own, 0, w, mix(h + k) & mask, 2);
      count++;
    }
  }
  own[STRIDE] = count;
  facts.sums![slot] = own;
  return own;
}

/** Character n-grams that start in the region ending at `end` and run past it; their count. */
function crossingFeatures(
  at: number,
  w: Int8Array,
  mask: number,
  seed: number,
  start: number,
  end: number,
): number {
  const { codes, length } = layout;
  let count = 0;
  for (let p = Math.max(start, end - 2); p <= end; p++) {
    let h = fnvStep(seed, codes[p]!);
    for (let k = 1; k < 4 && p + k < length; k++) {
      const code = codes[p + k]!;
      if (code === BAR) break;
      h = fnvStep(h, code);
      if (p + k <= end) continue;
      addFeature(sums, at, w, mix(h + k) & mask, 2);
      count++;
    }
  }
  return count;
}

/**
 * Scores `text` with the interleaved weights of two three-label models (`w[feature * 6 + label]`)
 * over 2^bits hashed features: the same sums as featurizing the text and adding up its features,
 * in less time, since what depends on one token alone is summed once per distinct token.
 */
export function jointSums(text: string, w: Int8Array, bits: number): JointSums {
  const { tokens, ids } = featureTokens(text);
  const n = tokens.length;
  if (sums.length < n * STRIDE) sums = new Int32Array(n * STRIDE * 2);
  sums.fill(0, 0, n * STRIDE);
  if (n === 0) return { tokens, count: 0, sums };
  reading.read(tokens, n, ids);
  layout.layOut(tokens);
  const mask = (1 << bits) - 1;
  const { negated, polarity, hWord, hFolded } = reading;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const at = i * STRIDE;
    const variant = reading.unigramSeed(n, i);
    const start = layout.starts[i]!;
    const end = (i + 1 < n ? layout.starts[i + 1]! : layout.length - 1) - 1;
    const own = ownSums(reading.facts[i]!, w, mask, variant, start, end);
    for (let c = 0; c < STRIDE; c++) sums[at + c]! += own[c]!;
    count += own[STRIDE]!;
    if (polarity[i] !== 0) {
      const lexicon = mix(SEED.lexicon + polarity[i]! * 2 + (negated[i] === IN_SCOPE ? 1 : 0));
      addFeature(sums, at, w, lexicon & mask, 2);
      count++;
    }
    if (i > 0 && !tokens[i]!.isBreak) {
      const word = combine(hWord[i - 1]!, hWord[i]!, SEED.bigram) & mask;
      const folded = combine(hFolded[i - 1]!, hFolded[i]!, SEED.foldedBigram) & mask;
      addFeature(sums, at, w, word, 1);
      addFeature(sums, at - STRIDE, w, word, 1);
      addFeature(sums, at, w, folded, 1);
      addFeature(sums, at - STRIDE, w, folded, 1);
      count += 2;
    }
    const seed = negated[i] === IN_SCOPE ? SEED.charsNeg : SEED.chars;
    count += crossingFeatures(at, w, mask, seed, start, end);
  }
  return { tokens, count, sums };
}
