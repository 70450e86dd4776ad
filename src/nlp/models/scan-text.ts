import { DOMAIN_SOURCE } from '../teencode.js';
import { EMOTICON_SOURCE } from './emoticons.js';
import { sharedRunAt, sharedRunEnd } from '../text-tokens.js';
import { MAX_WORD_LENGTH, startText, wordGeneration, wordId, wordOf } from '../word-table.js';

/** What a stretch of text is, for the model normalizer. */
export type ScanKind =
  'url' | 'mention' | 'hashtag' | 'emoticon' | 'number' | 'word' | 'emoji' | 'punct';

/** One stretch of the text: its kind, its exact slice and where it starts. */
export interface Scanned {
  readonly kind: ScanKind;
  readonly text: string;
  readonly start: number;
}

const TABLE_SIZE = 0x2000;
/** 1 for a letter, mark, digit or "_" below U+2000. */
const WORD_CHAR = new Uint8Array(TABLE_SIZE);
const WORD_CHAR_PATTERN = /[\p{L}\p{M}\p{N}_]/u;
for (let code = 0; code < TABLE_SIZE; code++) {
  if (WORD_CHAR_PATTERN.test(String.fromCharCode(code))) WORD_CHAR[code] = 1;
}

/** Length (1 or 2 code units) of the word character at i, or 0 when there is none. */
function wordCharLength(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < TABLE_SIZE) return WORD_CHAR[code]!;
  if (code >= 0xd800 && code <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return cp > 0xffff && WORD_CHAR_PATTERN.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  if (code >= 0xdc00 && code <= 0xdfff) return 0;
  return WORD_CHAR_PATTERN.test(text[i]!) ? 1 : 0;
}

function wordEnd(text: string, i: number): number {
  let j = i;
  for (let n = wordCharLength(text, j); n > 0; n = wordCharLength(text, j)) j += n;
  return j;
}

const sticky = (source: string): RegExp => new RegExp(source, 'uy');
const URL = sticky(String.raw`(?:https?:\/\/|www\.)[^\s<>"'\x60]+`);
const EMAIL_OR_DOMAIN = sticky(
  String.raw`[\p{L}\p{N}_.+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,8}|${DOMAIN_SOURCE}`,
);
const MENTION = sticky(String.raw`@[\p{L}\p{M}\p{N}_](?:[\p{L}\p{M}\p{N}_.]*[\p{L}\p{M}\p{N}_])?`);
const NUMBER = sticky(String.raw`\p{N}+(?:[.,:\/]\p{N}+)+`);
const EMOTICON = sticky(EMOTICON_SOURCE);
const EMOJI = sticky(
  String.raw`[\u{1F1E6}-\u{1F1FF}]{2}|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*`,
);
/** Per UTF-16 code unit: may start an ASCII emoticon (1), is punctuation (2). */
const CHAR_FLAGS = new Uint8Array(0x10000);
const EMOTICON_START = 1;
const PUNCT = 2;
for (const ch of ':;=xX<^tT->@') CHAR_FLAGS[ch.charCodeAt(0)]! |= EMOTICON_START;
for (const ch of '!?！？.,;:…()[]{}"“”«»\n\r|/\\–—-') CHAR_FLAGS[ch.charCodeAt(0)]! |= PUNCT;

function stickyAt(pattern: RegExp, text: string, i: number): string | undefined {
  pattern.lastIndex = i;
  return pattern.exec(text)?.[0];
}

const ADDRESS_CHAR = /[\p{L}\p{N}_.+@-]/u;
const NUMBER_CHAR = /\p{N}/u;

/**
 * After "word.", an e-mail address or a domain name goes on only with a letter, digit or one of
 * `_ . + - @` (a sentence's full stop is followed by a space or the end).
 */
function mayContinueAddress(text: string, j: number): boolean {
  if (j >= text.length) return false;
  const code = text.charCodeAt(j);
  if (code < 0x80) {
    return (
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a) ||
      code === 0x5f ||
      code === 0x2e ||
      code === 0x2b ||
      code === 0x2d ||
      code === 0x40
    );
  }
  return ADDRESS_CHAR.test(String.fromCodePoint(text.codePointAt(j)!));
}

/** NUMBER starts with a digit (`\p{N}`). */
function mayStartNumber(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return code >= 0x30 && code <= 0x39;
  return NUMBER_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** A URL, e-mail address, domain name or number starting at a word character, if any. */
function wordLike(text: string, i: number, end: number): Scanned | undefined {
  const code = text.charCodeAt(i);
  const after = text.charCodeAt(end);
  // URL is case-sensitive: only "http" and "www." can start one.
  if (
    (code === 0x68 ? text.startsWith('http', i) : code === 0x77 && text.startsWith('www.', i)) &&
    end - i >= 3
  ) {
    const url = stickyAt(URL, text, i);
    if (url !== undefined) return { kind: 'url', text: url, start: i };
  }
  if (
    (after === 0x2e || after === 0x40 || after === 0x2b || after === 0x2d) &&
    (after !== 0x2e || mayContinueAddress(text, end + 1))
  ) {
    const found = stickyAt(EMAIL_OR_DOMAIN, text, i);
    if (found !== undefined) return { kind: 'url', text: found, start: i };
  }
  if (
    (after === 0x2e || after === 0x2c || after === 0x3a || after === 0x2f) &&
    mayStartNumber(text, i)
  ) {
    const found = stickyAt(NUMBER, text, i);
    if (found !== undefined) return { kind: 'number', text: found, start: i };
  }
  return undefined;
}

function punctEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && (CHAR_FLAGS[text.charCodeAt(j)]! & PUNCT) !== 0) j++;
  return j;
}

/**
 * False where EMOTICON cannot match although `code` may start one: the letters x and t start
 * emoticons only as "xD", "t_t" or "t^t", and they start many words.
 */
function mayStartEmoticon(text: string, i: number, code: number): boolean {
  if (code === 0x78 || code === 0x58) return text.charCodeAt(i + 1) === 0x44;
  if (code === 0x74 || code === 0x54) {
    const next = text.charCodeAt(i + 1);
    return next === 0x5f || next === 0x5e;
  }
  return true;
}

/** The word id (word-table.ts) of the last word scanAt found, when it had one. */
let lastWordId = -1;

/** The stretch starting at i (a word character or not), or undefined when i starts nothing. */
function scanAt(text: string, i: number): Scanned | undefined {
  const code = text.charCodeAt(i);
  if ((CHAR_FLAGS[code]! & EMOTICON_START) !== 0 && mayStartEmoticon(text, i, code)) {
    const emoticon = stickyAt(EMOTICON, text, i);
    if (emoticon !== undefined) return { kind: 'emoticon', text: emoticon, start: i };
  }
  if (wordCharLength(text, i) > 0) {
    const shared = sharedRunAt(text, i);
    const end = shared >= 0 ? sharedRunEnd(i) : wordEnd(text, i);
    const found = wordLike(text, i, end);
    if (found !== undefined) return found;
    lastWordId = shared >= 0 ? shared : end - i <= MAX_WORD_LENGTH ? wordId(text, i, end) : -1;
    const word = lastWordId >= 0 ? wordOf(lastWordId) : text.slice(i, end);
    return { kind: 'word', text: word, start: i };
  }
  if ((code === 0x23 || code === 0xff03) && wordCharLength(text, i + 1) > 0) {
    return { kind: 'hashtag', text: text.slice(i, wordEnd(text, i + 1)), start: i };
  }
  if (code === 0x40) {
    const mention = stickyAt(MENTION, text, i);
    if (mention !== undefined) return { kind: 'mention', text: mention, start: i };
  }
  if ((CHAR_FLAGS[code]! & PUNCT) !== 0)
    return { kind: 'punct', text: text.slice(i, punctEnd(text, i)), start: i };
  if (code >= 0x2000) {
    const emoji = stickyAt(EMOJI, text, i);
    if (emoji !== undefined) return { kind: 'emoji', text: emoji, start: i };
  }
  return undefined;
}

/**
 * Splits a text into words (letters, marks, digits), numbers with separators ("10:30",
 * "50.000"), URLs, e-mail addresses and domain names, @mentions, #hashtags, ASCII emoticons,
 * emoji and runs of punctuation; white space and other symbols are skipped. A hand-written
 * scanner (regexes only where a rare token may start): this runs on every post.
 */
export function scanText(text: string): Scanned[] {
  return scanTextWithIds(text, []);
}

/**
 * {@link scanText}, also pushing onto `ids` each stretch's word id (word-table.ts): an interned
 * word's, or -1 (any other stretch, and every one when the word table started afresh meanwhile).
 */
export function scanTextWithIds(text: string, ids: number[]): Scanned[] {
  startText();
  const generation = wordGeneration();
  const out: Scanned[] = [];
  let i = 0;
  while (i < text.length) {
    lastWordId = -1;
    const found = scanAt(text, i);
    if (found === undefined) {
      i++;
      continue;
    }
    out.push(found);
    ids.push(lastWordId);
    i = found.start + Math.max(1, found.text.length);
  }
  if (wordGeneration() !== generation) ids.fill(-1);
  return out;
}
