import type { ModelToken } from '../normalize-for-model.js';
import { MAX_WORD_LENGTH, WordMemo } from '../word-table.js';
import { fnv } from './hash.js';
import { IN_SCOPE, markNegation, NEGATOR, negationBits } from './negation-scope.js';
import { lexiconBits, markPolarities } from './polarity-lexicon.js';

/** Hash namespaces of the features (changing one changes every feature: FEATURE_VERSION). */
export const SEED = {
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

/** What the featurizer reads from a token's text alone: computed once per distinct text. */
export interface TokenFacts {
  readonly folded: string;
  readonly isWord: boolean;
  readonly hWord: number;
  readonly hFolded: number;
  readonly negation: number;
  readonly lexicon: number;
  /** Weight sums the joint scorer derived from this token alone (joint-sums.ts), by context. */
  sums: (Int32Array | undefined)[] | undefined;
  /** The weights `sums` were taken from. */
  sumsOf: Int8Array | undefined;
}

/** Memo of TokenFacts by token text; cleared past MAX_FACTS (bounded memory). */
const factsMemo = new Map<string, TokenFacts>();
const MAX_FACTS = 50_000;
/** The same by word id, for a token whose text and folded form are functions of a word. */
const factsById = new WordMemo<TokenFacts>();

function factsOfWord(t: ModelToken, id: number): TokenFacts {
  let facts = factsById.get(id);
  if (facts === undefined) {
    facts = factsOf(t);
    factsById.set(id, facts);
  }
  return facts;
}

function factsOf(t: ModelToken): TokenFacts {
  const text = t.text;
  let facts = factsMemo.get(text);
  // A word's text always folds the same way and a placeholder keeps its text: checked anyway.
  if (facts === undefined || facts.folded !== t.folded || facts.isWord !== t.isWord) {
    facts = {
      folded: t.folded,
      isWord: t.isWord,
      hWord: fnv(text, SEED.word),
      hFolded: t.folded === text ? fnv(text, SEED.folded) : fnv(t.folded, SEED.folded),
      negation: negationBits(text),
      lexicon: lexiconBits(text),
      sums: undefined,
      sumsOf: undefined,
    };
    // A long "word" (a hostile post's) is not kept: the memo holds short texts only.
    if (text.length > MAX_WORD_LENGTH) return facts;
    if (factsMemo.size >= MAX_FACTS) factsMemo.clear();
    factsMemo.set(text, facts);
  }
  return facts;
}

/** Per-token scratch of one text: facts, negation scope, lexicon polarity, word hashes. */
export class TokenReading {
  facts: TokenFacts[] = [];
  negationBits = new Int32Array(1024);
  lexiconBits = new Int32Array(1024);
  negated = new Uint8Array(1024);
  polarity = new Int8Array(1024);
  hWord = new Int32Array(1024);
  hFolded = new Int32Array(1024);

  /** Reads the first `n` tokens; `ids` are their word ids (`modelTokensWithIds`), if known. */
  read(tokens: readonly ModelToken[], n: number, ids?: readonly number[]): void {
    if (this.negated.length < n) {
      this.negationBits = new Int32Array(n);
      this.lexiconBits = new Int32Array(n);
      this.negated = new Uint8Array(n);
      this.polarity = new Int8Array(n);
      this.hWord = new Int32Array(n);
      this.hFolded = new Int32Array(n);
    }
    this.facts.length = n;
    for (let i = 0; i < n; i++) {
      const id = ids === undefined ? -1 : ids[i]!;
      const facts = id < 0 ? factsOf(tokens[i]!) : factsOfWord(tokens[i]!, id);
      this.facts[i] = facts;
      this.negationBits[i] = facts.negation;
      this.lexiconBits[i] = facts.lexicon;
      this.hWord[i] = facts.hWord;
      this.hFolded[i] = facts.hFolded;
    }
    markNegation(tokens, this.negationBits, n, this.negated);
    markPolarities(tokens, this.lexiconBits, n, this.polarity);
  }

  /** The unigram namespace of token i: plain, negated, or a negator of a positive/negative word. */
  unigramSeed(n: number, i: number): number {
    const { negated, polarity } = this;
    if (negated[i] === IN_SCOPE) return SEED.inScope;
    if (negated[i] !== NEGATOR) return 0;
    for (let j = i + 1; j < n && negated[j] === IN_SCOPE; j++) {
      if (polarity[j] !== 0) return polarity[j]! > 0 ? SEED.negatesPositive : SEED.negatesNegative;
    }
    return 0;
  }
}
