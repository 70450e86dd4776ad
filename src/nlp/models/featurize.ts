import { modelTokens, type ModelToken } from '../normalize-for-model.js';
import { combine, fnv, fnvStep, mix } from './hash.js';
import { IN_SCOPE, markNegation, NEGATOR, negationBits } from './negation-scope.js';
import { lexiconBits, markPolarities } from './polarity-lexicon.js';

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

const SEED = {
  word: 0x01000193,
  inScope: 0x2f1b7a55,
  negatesPositive: 0x7feb352d,
  negatesNegative: 0x68e31da4,
  folded: 0x5bd1e995,
  bigram: 0x27d4eb2f,
  foldedBigram: 0x165667b1,
  chars: 0x3c6ef372,
  charsNeg: 0x1b873593,
  lexicon: 0x61c88647,
} as const;

/** Scratch space reused across calls (featurize is synchronous); results are copied out. */
class FeatureBuffer {
  indices = new Int32Array(4096);
  owners = new Int32Array(4096);
  codes = new Uint16Array(8192);
  codeOwners = new Int32Array(8192);
  /** Per token: negation and lexicon bits, negation scope, polarity, word hashes. */
  negationBits = new Int32Array(1024);
  lexiconBits = new Int32Array(1024);
  negated = new Uint8Array(1024);
  polarity = new Int8Array(1024);
  hWord = new Int32Array(1024);
  hFolded = new Int32Array(1024);
  count = 0;
  mask = 0;

  reset(capacity: number, chars: number, tokens: number, mask: number): void {
    if (this.indices.length < capacity) {
      this.indices = new Int32Array(capacity);
      this.owners = new Int32Array(capacity);
    }
    if (this.codes.length < chars) {
      this.codes = new Uint16Array(chars);
      this.codeOwners = new Int32Array(chars);
    }
    if (this.negated.length < tokens) {
      this.negationBits = new Int32Array(tokens);
      this.lexiconBits = new Int32Array(tokens);
      this.negated = new Uint8Array(tokens);
      this.polarity = new Int8Array(tokens);
      this.hWord = new Int32Array(tokens);
      this.hFolded = new Int32Array(tokens);
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

/** What the featurizer reads from a token's text alone: computed once per distinct text. */
interface TokenFacts {
  readonly folded: string;
  readonly hWord: number;
  readonly hFolded: number;
  readonly negation: number;
  readonly lexicon: number;
}

/** Memo of TokenFacts by token text; cleared past MAX_FACTS (bounded memory). */
const factsMemo = new Map<string, TokenFacts>();
const MAX_FACTS = 50_000;

function factsOf(t: ModelToken): TokenFacts {
  const text = t.text;
  let facts = factsMemo.get(text);
  // A text always folds the same way for words; a placeholder keeps its text: checked anyway.
  if (facts === undefined || facts.folded !== t.folded) {
    facts = {
      folded: t.folded,
      hWord: fnv(text, SEED.word),
      hFolded: t.folded === text ? fnv(text, SEED.folded) : fnv(t.folded, SEED.folded),
      negation: negationBits(text),
      lexicon: lexiconBits(text),
    };
    if (factsMemo.size >= MAX_FACTS) factsMemo.clear();
    factsMemo.set(text, facts);
  }
  return facts;
}

/** Fills the buffer's per-token arrays for the first `n` tokens. */
function readTokens(buf: FeatureBuffer, tokens: readonly ModelToken[], n: number): void {
  for (let i = 0; i < n; i++) {
    const facts = factsOf(tokens[i]!);
    buf.negationBits[i] = facts.negation;
    buf.lexiconBits[i] = facts.lexicon;
    buf.hWord[i] = facts.hWord;
    buf.hFolded[i] = facts.hFolded;
  }
  markNegation(tokens, buf.negationBits, n, buf.negated);
  markPolarities(tokens, buf.lexiconBits, n, buf.polarity);
}

/** The unigram namespace of token i: plain, negated, or a negator of a positive/negative word. */
function unigramSeed(negated: Uint8Array, polarity: Int8Array, n: number, i: number): number {
  if (negated[i] === IN_SCOPE) return SEED.inScope;
  if (negated[i] !== NEGATOR) return 0;
  for (let j = i + 1; j < n && negated[j] === IN_SCOPE; j++) {
    if (polarity[j] !== 0) return polarity[j]! > 0 ? SEED.negatesPositive : SEED.negatesNegative;
  }
  return 0;
}

function addWordFeatures(buf: FeatureBuffer, tokens: readonly ModelToken[]): void {
  const { negated, polarity } = buf;
  const n = tokens.length;
  let prevWord = 0;
  let prevFolded = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const hWord = buf.hWord[i]!;
    const hFolded = buf.hFolded[i]!;
    const variant = unigramSeed(negated, polarity, n, i);
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

const SPACE = 0x20;
const BAR = 0x7c;

/** Lays the folded words out as one code sequence: " word word|word " with owners. */
function layOut(buf: FeatureBuffer, tokens: readonly ModelToken[]): number {
  const { codes, codeOwners } = buf;
  let n = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    codes[n] = t.isWord && !t.isBreak ? SPACE : BAR;
    codeOwners[n++] = i;
    if (!t.isWord) continue;
    const f = t.folded;
    for (let k = 0; k < f.length; k++) {
      codes[n] = f.charCodeAt(k);
      codeOwners[n++] = i;
    }
  }
  codes[n] = SPACE;
  codeOwners[n++] = Math.max(0, tokens.length - 1);
  return n;
}

/**
 * Character 2- to 4-grams over the folded words, read as one sequence with a space between words
 * and a break ("|") where a placeholder, punctuation or line break stood. An n-gram never runs
 * into a break; it belongs to the token it starts in (the space before a word is that word's).
 */
function addCharFeatures(buf: FeatureBuffer, tokens: readonly ModelToken[]): void {
  const n = layOut(buf, tokens);
  const { codes, codeOwners, negated } = buf;
  for (let p = 0; p + 1 < n; p++) {
    const owner = codeOwners[p]!;
    let h = fnvStep(negated[owner] === IN_SCOPE ? SEED.charsNeg : SEED.chars, codes[p]!);
    for (let k = 1; k < 4 && p + k < n; k++) {
      const code = codes[p + k]!;
      if (code === BAR) break;
      h = fnvStep(h, code);
      buf.add(mix(h + k), owner, 0);
    }
  }
}

function featurizeInto(buf: FeatureBuffer, text: string, bits: number): readonly ModelToken[] {
  const tokens = modelTokens(text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text);
  let chars = 1;
  for (const t of tokens) chars += t.folded.length + 1;
  buf.reset(tokens.length * 5 + chars * 3, chars, tokens.length, (1 << bits) - 1);
  readTokens(buf, tokens, tokens.length);
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
