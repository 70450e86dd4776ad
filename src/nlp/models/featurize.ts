import { modelTokensWithIds, type ModelToken } from '../normalize-for-model.js';
import { BAR, CharLayout } from './char-layout.js';
import { combine, fnvStep, mix } from './hash.js';
import { IN_SCOPE } from './negation-scope.js';
import { SEED, TokenReading } from './token-facts.js';

/** log2 of the hashed feature space the shipped models use. */
export const FEATURE_BITS = 18;

/** Only the first this many UTF-16 code units of a text are read: a 100 KB post costs a 5 KB one. */
export const MAX_TEXT_CHARS = 5000;

/** Bumped whenever features change, so old weights are never read with new features. */
export const FEATURE_VERSION = 3;

/** Hashed features of one text, with the token each came from (for evidence). */
export interface Features {
  /** The model tokens of the (capped) text. */
  readonly tokens: readonly ModelToken[];
  /** Feature indices in [0, 2^bits); a feature occurring twice is listed twice. */
  readonly indices: Int32Array;
  /**
   * For each feature, `(token << 1) | pair`: the index of its token in `tokens`, and pair = 1 when
   * it also belongs to the token before (a bigram names its second token).
   */
  readonly owners: Int32Array;
  /** How many entries of the arrays are used. */
  readonly count: number;
}

/** Scratch space reused across calls (featurize is synchronous). */
class FeatureBuffer {
  indices = new Int32Array(4096);
  owners = new Int32Array(4096);
  readonly reading = new TokenReading();
  readonly layout = new CharLayout();
  count = 0;
  mask = 0;

  reset(capacity: number, mask: number): void {
    if (this.indices.length < capacity) {
      this.indices = new Int32Array(capacity);
      this.owners = new Int32Array(capacity);
    }
    this.count = 0;
    this.mask = mask;
  }

  add(hash: number, owner: number, pair: number): void {
    const i = this.count++;
    this.indices[i] = hash & this.mask;
    this.owners[i] = (owner << 1) | pair;
  }
}

/** Buffers of {@link featurize} (copied out) and of {@link featurizeReusing} (handed out). */
const scratch = new FeatureBuffer();
const reused = new FeatureBuffer();

function addWordFeatures(buf: FeatureBuffer, tokens: readonly ModelToken[]): void {
  const { reading } = buf;
  const { negated, polarity } = reading;
  const n = tokens.length;
  let prevWord = 0;
  let prevFolded = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const hWord = reading.hWord[i]!;
    const hFolded = reading.hFolded[i]!;
    const variant = reading.unigramSeed(n, i);
    buf.add(mix(hWord ^ variant), i, 0);
    buf.add(mix(hFolded ^ SEED.folded ^ variant), i, 0);
    if (polarity[i] !== 0) {
      buf.add(mix(SEED.lexicon + polarity[i]! * 2 + (negated[i] === IN_SCOPE ? 1 : 0)), i, 0);
    }
    if (i > 0 && !t.isBreak) {
      buf.add(combine(prevWord, hWord, SEED.bigram), i, 1);
      buf.add(combine(prevFolded, hFolded, SEED.foldedBigram), i, 1);
    }
    prevWord = hWord;
    prevFolded = hFolded;
  }
}

/**
 * Character 2- to 4-grams over the folded words, read as one sequence with a space between words
 * and a break ("|") where a placeholder, punctuation or line break stood (char-layout.ts). An
 * n-gram never runs into a break; it belongs to the token it starts in (the space before a word
 * is that word's).
 */
function addCharFeatures(buf: FeatureBuffer, tokens: readonly ModelToken[]): void {
  const { layout } = buf;
  layout.layOut(tokens);
  const { codes, owners, length: n } = layout;
  const { negated } = buf.reading;
  for (let p = 0; p + 1 < n; p++) {
    const owner = owners[p]!;
    let h = fnvStep(negated[owner] === IN_SCOPE ? SEED.charsNeg : SEED.chars, codes[p]!);
    for (let k = 1; k < 4 && p + k < n; k++) {
      const code = codes[p + k]!;
      if (code === BAR) break;
      h = fnvStep(h, code);
      buf.add(mix(h + k), owner, 0);
    }
  }
}

/**
 * The model tokens of a text as the featurizer reads them (at most MAX_TEXT_CHARS), with their
 * word ids (`modelTokensWithIds`).
 */
export function featureTokens(text: string): { tokens: ModelToken[]; ids: number[] } {
  return modelTokensWithIds(text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text);
}

function featurizeInto(buf: FeatureBuffer, text: string, bits: number): readonly ModelToken[] {
  const { tokens } = featureTokens(text);
  let chars = 1;
  for (const t of tokens) chars += t.folded.length + 1;
  buf.reset(tokens.length * 5 + chars * 3, (1 << bits) - 1);
  buf.reading.read(tokens, tokens.length);
  addWordFeatures(buf, tokens);
  addCharFeatures(buf, tokens);
  return tokens;
}
/**
 * The hashed features of a text: word unigrams and bigrams over the normalized text and over its
 * folded form (a word in a negation's scope becomes a different unigram, so "không tốt" does not
 * add "tốt"), plus character 2–4-grams over the folded words. Reads at most MAX_TEXT_CHARS.
 */
export function featurize(text: string, bits: number = FEATURE_BITS): Features {
  const tokens = featurizeInto(scratch, text, bits);
  const count = scratch.count;
  return {
    tokens,
    indices: scratch.indices.slice(0, count),
    owners: scratch.owners.slice(0, count),
    count,
  };
}

/**
 * `featurize(text, bits)` without copying: the arrays are the featurizer's own and longer than
 * `count`, valid until the next call of this function (the classifiers read them at once).
 */
export function featurizeReusing(text: string, bits: number = FEATURE_BITS): Features {
  const tokens = featurizeInto(reused, text, bits);
  return { tokens, indices: reused.indices, owners: reused.owners, count: reused.count };
}
