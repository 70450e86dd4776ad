/**
 * Vietnamese folding: the form every matching stage compares on. Lower case, all diacritics
 * removed (tone and vowel-quality marks), đ/Đ and the look-alike Ð (U+00D0) → d. Works on NFC and
 * NFD input alike (combining marks are dropped), so no normalization pass is needed first.
 */

const TABLE_SIZE = 0x2000;
/** Folded code unit for each BMP code point below 0x2000; 0 = not a single-unit fold. */
const foldTable = new Uint16Array(TABLE_SIZE);
/** Whether the code point carries something folding removes (a mark, đ, upper case does not count). */
const marked = new Uint8Array(TABLE_SIZE);

function isCombiningMark(code: number): boolean {
  return (
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x1ab0 && code <= 0x1aff) ||
    (code >= 0x1dc0 && code <= 0x1dff)
  );
}

for (let code = 0; code < TABLE_SIZE; code++) {
  if (isCombiningMark(code)) continue;
  const ch = String.fromCharCode(code);
  let folded: string;
  if (code === 0x110 || code === 0x111 || code === 0xd0) folded = 'd';
  else
    folded = ch
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  if (folded.length === 1) {
    foldTable[code] = folded.charCodeAt(0);
    const lower = ch.toLowerCase();
    if (lower !== folded) marked[code] = 1;
  }
}

const cache = new Map<string, string>();

function foldSlow(ch: string): string {
  let folded = cache.get(ch);
  if (folded === undefined) {
    folded = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (cache.size < 10_000) cache.set(ch, folded);
  }
  return folded;
}

/** Folds a whole string, keeping everything that is not a letter as it is (except marks). */
export function foldText(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x41) continue;
    if (code <= 0x5a) {
      out += text.slice(runStart, i) + String.fromCharCode(code + 32);
      runStart = i + 1;
      continue;
    }
    if (code < 0x80) continue;
    out += text.slice(runStart, i);
    runStart = i + 1;
    if (code < TABLE_SIZE) {
      if (isCombiningMark(code)) continue;
      const f = foldTable[code]!;
      out += f === 0 ? foldSlow(text[i]!) : String.fromCharCode(f);
    } else if (isCombiningMark(code)) {
      continue;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      out += text.slice(i, i + 2);
      runStart = i + 2;
      i++;
    } else {
      out += foldSlow(text[i]!);
    }
  }
  return out + text.slice(runStart);
}

/**
 * True when the text carries no Vietnamese diacritic and no đ: it was typed "không dấu". Upper
 * case does not count as a mark.
 */
export function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < TABLE_SIZE && (marked[code] === 1 || isCombiningMark(code))) return false;
  }
  return true;
}
