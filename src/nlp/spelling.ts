/**
 * Canonical Vietnamese spelling: NFC, with the tone mark moved to one fixed vowel, so the old and
 * new tone placements ("hòa"/"hoà", "thủy"/"thuỷ", "óe"/"oé") compare equal. Used when a query
 * term written with diacritics must match that exact spelling and no other.
 */

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
const QUALITY_VOWELS = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS.has(ch.toLowerCase());
}

/** Index of the vowel that carries the tone in the canonical placement, within `chars`. */
function toneTarget(chars: readonly string[], near: number): number {
  let start = near;
  while (start > 0 && isVowel(chars[start - 1])) start--;
  let end = near;
  while (end + 1 < chars.length && isVowel(chars[end + 1])) end++;
  const prev = chars[start - 1]?.toLowerCase();
  const first = chars[start]?.toLowerCase();
  // "qu" and "gi" + vowel: the u / i belongs to the initial consonant.
  if (end > start && ((prev === 'q' && first === 'u') || (prev === 'g' && first === 'i'))) start++;
  for (let i = end; i >= start; i--) {
    if (QUALITY_VOWELS.has(chars[i]!.toLowerCase())) return i;
  }
  const length = end - start + 1;
  if (length === 1) return start;
  const hasFinal = end + 1 < chars.length && /\p{L}/u.test(chars[end + 1]!);
  if (hasFinal) return end;
  const pair = chars
    .slice(start, end + 1)
    .join('')
    .toLowerCase();
  if (pair === 'oa' || pair === 'oe' || pair === 'uy') return end;
  return length === 2 ? start : start + 1;
}

/** Vietnamese has a few thousand syllables: remembering their spellings avoids most of the work. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** The canonical spelling of one word, keeping its case. */
export function canonicalSpelling(word: string): string {
  let spelling = cache.get(word);
  if (spelling === undefined) {
    spelling = computeSpelling(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, spelling);
  }
  return spelling;
}

function computeSpelling(word: string): string {
  const decomposed = word.normalize('NFD');
  let tone = '';
  let toneCount = 0;
  let toneAt = -1;
  let base = '';
  for (const ch of decomposed) {
    if (TONES.has(ch)) {
      // A second tone mark: no syllable has two, the word stays as written. Stopping here also
      // keeps a long stranger's word linear (the NFC length below is read once).
      if (++toneCount > 1) return word.normalize('NFC');
      tone = ch;
      toneAt = base.normalize('NFC').length - 1;
    } else {
      base += ch;
    }
  }
  if (toneCount !== 1 || toneAt < 0) return word.normalize('NFC');
  const chars = [...base.normalize('NFC')];
  if (!isVowel(chars[toneAt])) return word.normalize('NFC');
  const target = toneTarget(chars, toneAt);
  chars[target] = (chars[target]! + tone).normalize('NFC');
  return chars.join('').normalize('NFC');
}
