import type { ModelToken } from '../normalize-for-model.js';

const NEGATORS = new Set(['không', 'chẳng', 'chưa', 'chả', 'đừng', 'chớ', 'đéo', 'cấm']);
/** Negators recognisable in text typed without diacritics ("khong tot"). */
const PLAIN_NEGATORS = new Set(['khong', 'chang', 'chua']);
/** Negators that are not one when followed by these ("không những … mà còn", "không chỉ"). */
const NOT_NEGATING_BEFORE = new Set(['những', 'chỉ', 'khí', 'gian', 'sao']);
const SCOPE_EXTENDERS = new Set(['hề', 'bao', 'giờ', 'có', 'được', 'phải', 'quá', 'lắm', 'hẳn']);
const CLAUSE_BREAKERS = new Set(['nhưng', 'mà', 'tuy', 'song', 'còn', 'vì', 'nên', 'thì', 'và']);
const NEGATION_WINDOW = 3;

/** A token in some negation's scope. */
export const IN_SCOPE = 1;
/** A negator ("không", "chẳng", "đâu có"…). */
export const NEGATOR = 2;

/** What the negation rules read from one word alone, as bits (see {@link negationBits}). */
const CLAUSE_BREAKER = 1;
const NEGATING = 2;
const PLAIN_NEGATING = 4;
const NOT_NEGATING_NEXT = 8;
const EXTENDER = 16;
const IS_CO = 32;
const IS_DAU = 64;

/** The word lists `text` is in, as bits: computed once per word by a caller that memoizes. */
export function negationBits(text: string): number {
  return (
    (CLAUSE_BREAKERS.has(text) ? CLAUSE_BREAKER : 0) |
    (NEGATORS.has(text) ? NEGATING : 0) |
    (PLAIN_NEGATORS.has(text) ? PLAIN_NEGATING : 0) |
    (NOT_NEGATING_BEFORE.has(text) ? NOT_NEGATING_NEXT : 0) |
    (SCOPE_EXTENDERS.has(text) ? EXTENDER : 0) |
    (text === 'có' ? IS_CO : 0) |
    (text === 'đâu' ? IS_DAU : 0)
  );
}

/**
 * {@link negationScope} of the first `count` tokens, given each one's {@link negationBits}, into
 * `out` (its first `count` entries are overwritten).
 */
export function markNegation(
  tokens: readonly ModelToken[],
  bits: ArrayLike<number>,
  count: number,
  out: Uint8Array,
): void {
  out.fill(0, 0, count);
  let left = 0;
  for (let i = 0; i < count; i++) {
    const t = tokens[i]!;
    const b = bits[i]!;
    if (t.isBreak || !t.isWord || (b & CLAUSE_BREAKER) !== 0) left = 0;
    const isNegator =
      t.isWord &&
      ((b & NEGATING) !== 0 ||
        (t.text === t.folded && (b & PLAIN_NEGATING) !== 0) ||
        ((b & IS_CO) !== 0 && i > 0 && (bits[i - 1]! & IS_DAU) !== 0)) &&
      !(i + 1 < count && (bits[i + 1]! & NOT_NEGATING_NEXT) !== 0);
    if (isNegator) {
      out[i] = NEGATOR;
      left = NEGATION_WINDOW;
      continue;
    }
    if (left > 0 && t.isWord) {
      out[i] = IN_SCOPE;
      if ((b & EXTENDER) === 0) left--;
    }
  }
}

/**
 * Per token, IN_SCOPE for the few words after a negator within the same clause ("không tốt
 * lắm": "tốt", "lắm"), NEGATOR for the negator, 0 otherwise. The scope ends at punctuation, a
 * placeholder or a conjunction ("nhưng", "mà", …); "hề", "có", "được", "quá"… do not use up the
 * window ("không hề tốt", "không được tốt lắm").
 */
export function negationScope(tokens: readonly ModelToken[]): Uint8Array {
  const negated = new Uint8Array(tokens.length);
  markNegation(
    tokens,
    tokens.map((t) => negationBits(t.text)),
    tokens.length,
    negated,
  );
  return negated;
}
