import { LangngheError } from './errors.js';
import { toWellFormed } from './text.js';

/** C0 control characters other than tab, line feed and carriage return, and DEL. */
const C0_BUT_TAB_AND_BREAKS = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f';
const C1 = '\\u0080-\\u009f';

/** What post text loses: C1 characters stay, as they always have in stored posts. */
const POST_CONTROL = new RegExp(`[${C0_BUT_TAB_AND_BREAKS}]`, 'g');
/** What names and queries lose once their line breaks are made spaces or line feeds. */
const CONTROL = new RegExp(`[${C0_BUT_TAB_AND_BREAKS}${C1}]`, 'g');
/** Control characters that separate words in a name: they become spaces. */
const LABEL_SPACE = /[\t\n\v\f\r\u0085]/g;
/**
 * Invisible characters that can make one name look like another or hide text: format characters
 * (bidi embeddings, overrides and isolates, U+200E/U+200F/U+061C marks, zero-width space and
 * joiners, U+FEFF, U+2060–U+2064, the soft hyphen, tag characters) and the rest of Unicode's
 * default-ignorable set (Hangul fillers, variation selectors). No combining mark Vietnamese uses
 * is in either.
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const IS_INVISIBLE = /^[\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
const EMOJI = /^\p{Extended_Pictographic}$/u;
/** What may stand between an emoji and a joiner: a skin tone or the emoji presentation selector. */
const EMOJI_MODIFIER = /^(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0F)$/u;

export const DEFAULT_LABEL_MAX_LENGTH = 200;
export const DEFAULT_QUERY_MAX_LENGTH = 4096;

/** Options of `cleanLabel` and `cleanQueryText`. */
export interface CleanTextOptions {
  /** Longest result accepted, in UTF-16 code units (JavaScript's `length`). */
  maxLength?: number;
  /** The input's name, for the error message and `details.field`. */
  field?: string;
}

function codePointBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return String.fromCodePoint(text.codePointAt(start)!);
}

function codePointAfter(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/**
 * Whether an invisible character is kept because it draws an emoji: a presentation selector
 * right after a visible character (❤️), a joiner between two emoji (👨‍👩‍👧).
 */
function isEmojiPart(char: string, offset: number, whole: string): boolean {
  if (char === '\uFE0E' || char === '\uFE0F') {
    const before = codePointBefore(whole, offset);
    return before !== '' && !IS_INVISIBLE.test(before);
  }
  if (char !== '\u200D' || !EMOJI.test(codePointAfter(whole, offset + 1))) return false;
  let before = codePointBefore(whole, offset);
  if (EMOJI_MODIFIER.test(before)) before = codePointBefore(whole, offset - before.length);
  return EMOJI.test(before);
}

function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, (char: string, offset: number, whole: string) =>
    isEmojiPart(char, offset, whole) ? char : '',
  );
}

function checked(text: string, field: string, maxLength: number): string {
  if (text === '') {
    throw new LangngheError(
      'input.invalid',
      `${field}: trống sau khi bỏ ký tự ẩn và ký tự điều khiển / empty once invisible and ` +
        'control characters are removed',
      { details: { field, reason: 'empty' } },
    );
  }
  if (text.length > maxLength) {
    throw new LangngheError(
      'input.invalid',
      `${field}: dài ${text.length} ký tự, tối đa ${maxLength} / ${text.length} characters ` +
        `long, at most ${maxLength}`,
      { details: { field, reason: 'too_long', length: text.length, maxLength } },
    );
  }
  return text;
}

/**
 * Cleans post text (title, body, author name) as ingestion stores it: lone surrogates become
 * U+FFFD, C0 control characters other than tab, line feed and carriage return are removed, then
 * NFC. Bidi and zero-width characters stay: in posts they carry meaning (right-to-left quotes,
 * emoji sequences) and post text is always rendered as text. Never throws.
 */
export function cleanPostText(text: string): string {
  return toWellFormed(text).replace(POST_CONTROL, '').normalize('NFC');
}

/**
 * Cleans a name a user types (topic, workspace, display or token name) before it is stored:
 * lone surrogates become U+FFFD; control characters, bidi controls and invisible format
 * characters are removed (an emoji's joiner and presentation selector stay); NFC; every run of
 * whitespace becomes one space; the ends are trimmed. Throws `input.invalid` (`details.field`,
 * `details.reason` `empty` or `too_long`) when nothing is left or the result is longer than
 * `maxLength` (default 200).
 */
export function cleanLabel(text: string, options: CleanTextOptions = {}): string {
  const cleaned = removeInvisible(toWellFormed(text).replace(LABEL_SPACE, ' ').replace(CONTROL, ''))
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
  return checked(cleaned, options.field ?? 'name', options.maxLength ?? DEFAULT_LABEL_MAX_LENGTH);
}

/**
 * Cleans a topic query before it is parsed and stored: like `cleanLabel`, but tabs and line
 * breaks stay (a long query reads better on several lines; the query language treats them as
 * spaces), carriage returns become line feeds and inner whitespace is left as typed. Throws
 * `input.invalid` like `cleanLabel`, with `maxLength` defaulting to 4096 (the parser's limit).
 */
export function cleanQueryText(text: string, options: CleanTextOptions = {}): string {
  const cleaned = removeInvisible(toWellFormed(text).replace(/\r\n?/g, '\n').replace(CONTROL, ''))
    .normalize('NFC')
    .trim();
  return checked(cleaned, options.field ?? 'query', options.maxLength ?? DEFAULT_QUERY_MAX_LENGTH);
}
