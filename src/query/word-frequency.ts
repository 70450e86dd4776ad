import type { WordFrequency } from './anchors.js';
import table from './word-frequency.json' with { type: 'json' };

const shares: Readonly<Record<string, number>> = table.words;
/** Share assumed for a word the table does not know: rarer than anything it lists. */
const UNKNOWN_SHARE = table.documents > 0 ? 0.5 / table.documents : 1e-5;

/**
 * Share of posts containing a folded word, from real Vietnamese comments
 * (scripts/build-word-frequency.ts). Short tokens and numbers are treated as common.
 */
export const defaultWordFrequency: WordFrequency = (folded) => {
  const share = shares[folded];
  if (share !== undefined) return share;
  if (folded.length <= 2 || /^[\d.,:]+$/.test(folded)) return 0.01;
  return UNKNOWN_SHARE;
};
