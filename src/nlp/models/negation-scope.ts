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

/**
 * Per token, IN_SCOPE for the few words after a negator within the same clause ("không tốt
 * lắm": "tốt", "lắm"), NEGATOR for the negator, 0 otherwise. The scope ends at punctuation, a
 * placeholder or a conjunction ("nhưng", "mà", …); "hề", "có", "được", "quá"… do not use up the
 * window ("không hề tốt", "không được tốt lắm").
 */
export function negationScope(tokens: readonly ModelToken[]): Uint8Array {
  const negated = new Uint8Array(tokens.length);
  let left = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.isBreak || !t.isWord || CLAUSE_BREAKERS.has(t.text)) left = 0;
    const next = tokens[i + 1]?.text;
    const isNegator =
      t.isWord &&
      (NEGATORS.has(t.text) ||
        (t.text === t.folded && PLAIN_NEGATORS.has(t.text)) ||
        (t.text === 'có' && tokens[i - 1]?.text === 'đâu')) &&
      !(next !== undefined && NOT_NEGATING_BEFORE.has(next));
    if (isNegator) {
      negated[i] = NEGATOR;
      left = NEGATION_WINDOW;
      continue;
    }
    if (left > 0 && t.isWord) {
      negated[i] = IN_SCOPE;
      if (!SCOPE_EXTENDERS.has(t.text)) left--;
    }
  }
  return negated;
}
