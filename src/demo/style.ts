import { createRng, type Rng } from './rng.js';

const TABLE_SIZE = 0x2000;
const stripTable = new Uint16Array(TABLE_SIZE);
for (let code = 0x80; code < TABLE_SIZE; code++) {
  const ch = String.fromCharCode(code);
  const stripped =
    code === 0x111 ? 'd' : code === 0x110 ? 'D' : ch.normalize('NFD').replace(/\p{M}/gu, '');
  if (stripped.length === 1 && stripped !== ch) stripTable[code] = stripped.charCodeAt(0);
}

/**
 * Removes Vietnamese diacritics and đ the way people type "không dấu": case is kept, so
 * "Ngập nước Đường" becomes "Ngap nuoc Duong". Input is expected in NFC.
 */
export function stripMarks(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || code >= TABLE_SIZE) continue;
    const mapped = stripTable[code]!;
    if (mapped === 0) continue;
    out += text.slice(runStart, i) + String.fromCharCode(mapped);
    runStart = i + 1;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

/** Upper-cases the first character. */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** Spoken-style abbreviations that Vietnamese social media users type ("teencode"). */
const TEENCODE: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['mọi người', ['mn', 'mng', 'mọi ng']],
  ['anh em', ['ae', 'a e']],
  ['bây giờ', ['bh', 'bjo', 'giờ']],
  ['trời ơi', ['trời ơiii', 'trời ơi là trời', 'trờiii']],
  ['không', ['ko', 'k', 'hông', 'khum', 'kg']],
  ['được', ['dc', 'đc', 'đk']],
  ['gì', ['j', 'gì']],
  ['người', ['ng', 'ngừi']],
  ['biết', ['bít', 'bik', 'bt']],
  ['rồi', ['r', 'rùi', 'rầu']],
  ['quá', ['wá', 'qá', 'quáaa', 'quá trời']],
  ['cũng', ['cx', 'cũg']],
  ['vậy', ['v', 'zậy', 'vại']],
  ['với', ['vs', 'zới']],
  ['mình', ['mk', 'mik', 'mềnh']],
  ['luôn', ['lun', 'luônnn']],
  ['thôi', ['thui', 'thoy']],
  ['muốn', ['mún']],
  ['nhiều', ['nhìu']],
  ['trước', ['trc']],
  ['nữa', ['nx', 'nữaa']],
  ['làm', ['lm']],
  ['thế', ['thía']],
  ['sao', ['s', 'sao']],
  ['yêu', ['iu']],
  ['vui', ['zui']],
  ['chồng', ['ck']],
  ['vợ', ['vk']],
  ['em', ['e', 'em']],
  ['anh', ['a', 'anh']],
  ['nhé', ['nha', 'nhe', 'nhaaa']],
  ['thật', ['thiệt']],
];

const teenLookup = new Map(TEENCODE.map(([word, forms]) => [word, forms]));
const TEEN_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{M}])(${TEENCODE.map(([w]) => w).join('|')})(?![\\p{L}\\p{M}])`,
  'giu',
);

/**
 * Rewrites a text in teencode: each known word is replaced, with probability `rate`, by one of its
 * abbreviations. Slot markers (`{name}`) are left alone because they contain no such word.
 */
export function toTeencode(text: string, rng: Rng, rate = 0.75): string {
  return text.replace(TEEN_PATTERN, (match: string) => {
    const forms = teenLookup.get(match.toLowerCase());
    if (forms === undefined || !rng.chance(rate)) return match;
    const form = rng.pick(forms);
    return match[0] !== match[0]!.toLowerCase() ? capitalize(form) : form;
  });
}

/**
 * A text template with `{slot}` markers, split once so rendering is plain concatenation:
 * `literals.length === slots.length + 1`.
 */
export interface Template {
  literals: readonly string[];
  slots: readonly string[];
}

/** Splits `"Ngập ở {street} rồi"` into literals and slot names. */
export function compileTemplate(source: string): Template {
  const literals: string[] = [];
  const slots: string[] = [];
  const pattern = /\{([a-zA-Z]+)\}/g;
  let last = 0;
  for (let m = pattern.exec(source); m !== null; m = pattern.exec(source)) {
    literals.push(source.slice(last, m.index));
    slots.push(m[1]!);
    last = m.index + m[0].length;
  }
  literals.push(source.slice(last));
  return { literals, slots };
}

/** Fills a template; `fill` is asked for each slot in order. */
export function renderTemplate(template: Template, fill: (slot: string) => string): string {
  const { literals, slots } = template;
  let out = literals[0]!;
  for (let i = 0; i < slots.length; i++) out += fill(slots[i]!) + literals[i + 1]!;
  return out;
}

/** A social template in its two spellings: as written, and rewritten in teencode. */
export interface StyledTemplate {
  plain: Template;
  teen: Template;
}

const teenRng = createRng(0x7ee7c0de);

/** Compiles social-media templates once, with a fixed-seed teencode variant of each. */
export function compileStyled(sources: readonly string[]): StyledTemplate[] {
  return sources.map((source) => ({
    plain: compileTemplate(source),
    teen: compileTemplate(toTeencode(source, teenRng)),
  }));
}

/** Compiles formal (press, official) templates once. */
export function compileAll(sources: readonly string[]): Template[] {
  return sources.map(compileTemplate);
}
