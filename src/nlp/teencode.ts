import { foldText } from './fold.js';
import { TEENCODE_ENTRIES, type TeencodeEntry, type TeencodeRule } from './teencode-data.js';

const ENTRIES = new Map<string, TeencodeEntry>(Object.entries(TEENCODE_ENTRIES));

/** The tokens around the one being expanded, folded; absent at the text's edges. */
export interface TeencodeContext {
  readonly prev?: string;
  readonly next?: string;
}

const NUMBER = /^\p{N}+(?:[.,]\p{N}+)*$/u;

function isNumber(token: string | undefined): boolean {
  return token !== undefined && NUMBER.test(token);
}

function holds(rule: TeencodeRule, context: TeencodeContext): boolean {
  const { prev, next } = context;
  if (rule.afterNumber && !isNumber(prev)) return false;
  if (rule.beforeNumber && !isNumber(next)) return false;
  if (rule.notAfterNumber && isNumber(prev)) return false;
  if (rule.after && (prev === undefined || !rule.after.includes(prev))) return false;
  if (rule.before && (next === undefined || !rule.before.includes(next))) return false;
  if (rule.notAfter && prev !== undefined && rule.notAfter.includes(prev)) return false;
  if (rule.notBefore && next !== undefined && rule.notBefore.includes(next)) return false;
  return true;
}

/**
 * The expansion of one token (lower case, NFC, repeats squeezed) in its context, or undefined when
 * it is not teencode there.
 */
export function teencodeFor(key: string, context: TeencodeContext = {}): string | undefined {
  const entry = ENTRIES.get(key);
  if (entry === undefined) return undefined;
  if (typeof entry === 'string') return entry;
  for (const rule of entry) if (holds(rule, context)) return rule.to;
  return undefined;
}

/** True when the token is a key of the curated list (whether or not its rules hold). */
export function isTeencodeKey(key: string): boolean {
  return ENTRIES.has(key);
}

/** The number of keys in the curated list. */
export function teencodeSize(): number {
  return ENTRIES.size;
}

/** A bare domain name ("tuoitre.vn"), as a regex source; "tp.hcm" is not one. */
export const DOMAIN_SOURCE = String.raw`(?:[\p{L}\p{N}-]{1,63}\.){1,8}(?:vn|com|net|org|gov|edu|info|io|me|tv|asia)(?![\p{L}\p{N}])`;

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const TABLE_SIZE = 0x2000;
/** For each letter below U+2000, the code of the letter without its tone mark; 0 = not a letter. */
const BASE = new Uint16Array(TABLE_SIZE);
for (let code = 0x61; code <= 0x7a; code++) BASE[code] = code;
for (let code = 0xc0; code < TABLE_SIZE; code++) {
  const ch = String.fromCharCode(code);
  if (!/\p{L}/u.test(ch)) continue;
  const base = ch.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
  BASE[code] = base.length === 1 ? base.charCodeAt(0) : code;
}

/** Letters whose doubling at the end of a word is an exaggeration ("nhaa", "ngonn"), never a spelling. */
const DOUBLE_AT_END = new Set([...'aăâêiôơuưycmnptgh'].map((ch) => ch.charCodeAt(0)));

function baseAt(word: string, i: number): number {
  const code = word.charCodeAt(i);
  return code < TABLE_SIZE ? BASE[code]! : 0;
}

/** True when some letter is followed by the same letter (tone marks aside). */
function hasRepeat(word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    const b = baseAt(word, i);
    if (b !== 0 && b === baseAt(word, i - 1)) return true;
  }
  return false;
}

/**
 * Squeezes exaggerated repeats in one lower-case NFC word: a letter repeated three times or more
 * becomes one ("quáaaa" → "quá", "đẹppppp" → "đẹp"), keeping the toned variant when the run mixes
 * them; a doubled letter at the end of the word becomes one when Vietnamese never spells it so
 * ("nhaa" → "nha", "ngonn" → "ngon"). "xoong", "ưu", "free" and digits are left alone.
 */
export function squeezeRepeats(word: string): string {
  if (!hasRepeat(word)) return word;
  let out = '';
  let i = 0;
  let changed = false;
  while (i < word.length) {
    const base = baseAt(word, i);
    let best = i;
    let j = i + 1;
    if (base !== 0) {
      for (; j < word.length && baseAt(word, j) === base; j++) {
        if (word.charCodeAt(best) === base && word.charCodeAt(j) !== base) best = j;
      }
    }
    const run = j - i;
    if (run >= 3 || (run === 2 && j === word.length && DOUBLE_AT_END.has(base))) {
      out += word[best]!;
      changed = true;
    } else {
      out += word.slice(i, j);
    }
    i = j;
  }
  return changed ? out : word;
}

/**
 * Words (group 1), and the things whose insides are not words: URLs, domain names, e-mail
 * addresses, mentions, hashtags.
 */
const WORD = new RegExp(
  [
    String.raw`(?:https?:\/\/|www\.)[^\s<>"'\x60]+`,
    String.raw`[\p{L}\p{N}_.+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}`,
    `${DOMAIN_SOURCE}`,
    String.raw`[@#＃][\p{L}\p{M}\p{N}_]+`,
    String.raw`([\p{L}\p{M}\p{N}_]+)`,
  ].join('|'),
  'gu',
);

interface Found {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  readonly key: string;
  readonly folded: string;
}

function findWords(text: string): Found[] {
  const found: Found[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const raw = m[1];
    if (raw === undefined) continue;
    const key = raw.normalize('NFC').toLowerCase();
    const folded = foldText(squeezeRepeats(key));
    found.push({ start: m.index, end: m.index + raw.length, raw, key, folded });
  }
  return found;
}

function lookup(word: Found, context: TeencodeContext): string | undefined {
  const exact = teencodeFor(word.key, context);
  if (exact !== undefined) return exact;
  const squeezed = squeezeRepeats(word.key);
  // "kkkk" is laughter and "rrr" a sound: only a squeezed key of two letters or more is teencode.
  return squeezed !== word.key && squeezed.length >= 2 ? teencodeFor(squeezed, context) : undefined;
}

function matchCase(raw: string, expansion: string): string {
  const first = raw[0]!;
  return first !== first.toLowerCase()
    ? expansion[0]!.toUpperCase() + expansion.slice(1)
    : expansion;
}

/**
 * Expands teencode and abbreviations in a text, whole tokens only ("ko" → "không", "dc" → "được",
 * "q7" → "quận 7"), reading the neighbouring tokens where a token is ambiguous. Everything else,
 * punctuation and spacing included, is kept as it is; an expansion keeps a leading capital.
 */
export function expandTeencode(text: string): string {
  const words = findWords(text);
  let out = '';
  let last = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const expansion = lookup(word, { prev: words[i - 1]?.folded, next: words[i + 1]?.folded });
    if (expansion === undefined) continue;
    out += text.slice(last, word.start) + matchCase(word.raw, expansion);
    last = word.end;
  }
  return last === 0 ? text : out + text.slice(last);
}
