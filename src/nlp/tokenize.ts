import { foldText, isPlainText } from './fold.js';
import {
  MAX_WORD_LENGTH,
  startText,
  WordMemo,
  wordGeneration,
  wordId,
  wordOf,
} from './word-table.js';

export type TokenKind = 'word' | 'number' | 'url' | 'hashtag' | 'mention' | 'emoji';

/** One token of a text, with offsets (UTF-16 code units) back into the original string. */
export interface Token {
  kind: TokenKind;
  /** The exact slice of the original text, `text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /**
   * The folded form matching compares on. Hashtags and mentions drop their `#`/`@`; URLs are only
   * lower-cased.
   */
  folded: string;
  /** True when the token was typed without any diacritic (so it matches every accented spelling). */
  plain: boolean;
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}_]$/u;
const DIGIT_CHAR = /^\p{N}$/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
const URL_STOP = /[\s<>"'`]/;
/** Punctuation that ends a sentence rather than a URL ("xem https://x.vn/a."). */
const URL_TRAILING = new Set([
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  ')',
  ']',
  '}',
  "'",
  '"',
  '»',
  '”',
  '’',
]);

/** Per BMP code unit: 0 unknown, 1 word character, 2 digit (also a word character), 3 neither. */
const classes = new Uint8Array(0x10000);
const astralWord = new Map<number, boolean>();

function classOf(code: number): number {
  let c = classes[code]!;
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = DIGIT_CHAR.test(ch) ? 2 : WORD_CHAR.test(ch) ? 1 : 3;
    classes[code] = c;
  }
  return c;
}

/** Length (1 or 2 code units) of the word character at `i`, or 0 when it is not one. */
function wordCharLength(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(i)!;
    if (point <= 0xffff) return 0;
    let isWord = astralWord.get(point);
    if (isWord === undefined) {
      isWord = WORD_CHAR.test(String.fromCodePoint(point));
      astralWord.set(point, isWord);
    }
    return isWord ? 2 : 0;
  }
  return classOf(code) !== 3 ? 1 : 0;
}

const astralDigit = new Map<number, boolean>();

/** Length (1 or 2 code units) of the digit at `i`, or 0 when it is not one. */
function digitLength(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff) return classOf(code) === 2 ? 1 : 0;
  const point = text.codePointAt(i)!;
  let isDigit = astralDigit.get(point);
  if (isDigit === undefined) {
    isDigit = point > 0xffff && DIGIT_CHAR.test(String.fromCodePoint(point));
    astralDigit.set(point, isDigit);
  }
  return isDigit ? 2 : 0;
}

function isDigitAt(text: string, i: number): boolean {
  return digitLength(text, i) > 0;
}

function skipDigits(text: string, i: number): number {
  let step = digitLength(text, i);
  while (step > 0) {
    i += step;
    step = digitLength(text, i);
  }
  return i;
}

function scanWord(text: string, i: number): number {
  let step = wordCharLength(text, i);
  while (step > 0) {
    i += step;
    step = wordCharLength(text, i);
  }
  return i;
}

/** End of a number with inner separators (`1.200.000`, `14:30`) starting at `i`, or -1. */
function scanNumber(text: string, i: number): number {
  i = skipDigits(text, i);
  let end = -1;
  for (;;) {
    const sep = text.charCodeAt(i);
    if ((sep === 0x2e || sep === 0x2c || sep === 0x3a) && isDigitAt(text, i + 1)) {
      i = skipDigits(text, i + 1);
      end = i;
    } else {
      return end;
    }
  }
}

function scanMention(text: string, i: number): number {
  let end = i;
  for (;;) {
    const step = wordCharLength(text, i);
    if (step > 0) {
      i += step;
      end = i;
    } else if (text.charCodeAt(i) === 0x2e) {
      i++;
    } else {
      return end;
    }
  }
}

function isUrlStart(text: string, i: number): boolean {
  return (
    text.startsWith('https://', i) || text.startsWith('http://', i) || text.startsWith('www.', i)
  );
}

function scanUrl(text: string, i: number): number {
  let end = i;
  while (end < text.length && !URL_STOP.test(text[end]!)) end++;
  // A backwards walk, not a `[…]+$` regex: the regex retries from every start, quadratic on a
  // long run of punctuation (a 100k-character "…,.,.," URL took 22 s).
  while (end > i && URL_TRAILING.has(text[end - 1]!)) end--;
  return end;
}

/** End of an emoji (with modifiers, variation selectors and ZWJ sequences) at `i`, or -1. */
function scanEmoji(text: string, i: number): number {
  const point = text.codePointAt(i)!;
  if (point >= 0x1f1e6 && point <= 0x1f1ff) {
    const next = text.codePointAt(i + 2);
    return next !== undefined && next >= 0x1f1e6 && next <= 0x1f1ff ? i + 4 : -1;
  }
  if (!PICTOGRAPHIC.test(String.fromCodePoint(point))) return -1;
  i += point > 0xffff ? 2 : 1;
  for (;;) {
    const next = text.codePointAt(i);
    if (next === 0xfe0f) i++;
    else if (next !== undefined && next >= 0x1f3fb && next <= 0x1f3ff) i += 2;
    else if (next === 0x200d) {
      const joined = text.codePointAt(i + 1);
      if (joined === undefined || !PICTOGRAPHIC.test(String.fromCodePoint(joined))) return i;
      i += 1 + (joined > 0xffff ? 2 : 1);
    } else return i;
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function makeToken(kind: TokenKind, text: string, start: number, end: number): Token {
  const raw = text.slice(start, end);
  if (kind === 'url')
    return { kind, text: raw, start, end, folded: raw.toLowerCase(), plain: true };
  const body = kind === 'hashtag' || kind === 'mention' ? raw.slice(1) : raw;
  const { folded, plain } = foldedForm(body);
  return { kind, text: raw, start, end, folded, plain };
}

interface FoldedForm {
  readonly folded: string;
  readonly plain: boolean;
}

function foldedForm(body: string): FoldedForm {
  if (isAscii(body)) return { folded: body.toLowerCase(), plain: true };
  return { folded: foldText(body), plain: isPlainText(body) };
}

const forms = new WordMemo<FoldedForm>();

/** A word or number token, its text interned (word-table.ts) and its folded form memoized. */
function wordToken(kind: TokenKind, id: number, start: number, end: number): Token {
  const raw = wordOf(id);
  let form = forms.get(id);
  if (form === undefined) {
    form = foldedForm(raw);
    forms.set(id, form);
  }
  return { kind, text: raw, start, end, folded: form.folded, plain: form.plain };
}

function isAllDigits(text: string, start: number, end: number): boolean {
  return skipDigits(text, start) === end;
}

/**
 * Splits a text into tokens: words (letters and digits), numbers (with inner `.`, `,`, `:`),
 * URLs, #hashtags, @mentions and emoji. Punctuation and white space separate tokens and are not
 * tokens themselves, so a phrase matches across a comma or a line break. One pass over the text;
 * `tokenizeWithRegex` is its specification.
 */
export function tokenize(text: string): Token[] {
  return tokenizeWithIds(text).tokens;
}

/**
 * The tokens of {@link tokenize} and, per token, the word id (word-table.ts) of a word or number
 * of at most MAX_WORD_LENGTH code units, -1 for any other token (and for all of them when the word
 * table started afresh meanwhile). The ids are valid while `wordGeneration()` is `generation`.
 */
export function tokenizeWithIds(text: string): {
  tokens: Token[];
  ids: number[];
  generation: number;
} {
  startText();
  const generation = wordGeneration();
  const tokens: Token[] = [];
  const ids: number[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if ((code === 0x68 || code === 0x77) && isUrlStart(text, i)) {
      const end = scanUrl(text, i);
      tokens.push(makeToken('url', text, i, end));
      ids.push(-1);
      i = Math.max(end, i + 1);
      continue;
    }
    if ((code === 0x23 || code === 0xff03) && wordCharLength(text, i + 1) > 0) {
      const end = scanWord(text, i + 1);
      tokens.push(makeToken('hashtag', text, i, end));
      ids.push(-1);
      i = end;
      continue;
    }
    if (code === 0x40 && wordCharLength(text, i + 1) > 0) {
      const end = scanMention(text, i + 1);
      tokens.push(makeToken('mention', text, i, end));
      ids.push(-1);
      i = end;
      continue;
    }
    if (wordCharLength(text, i) > 0) {
      const numberEnd = isDigitAt(text, i) ? scanNumber(text, i) : -1;
      const end = numberEnd === -1 ? scanWord(text, i) : numberEnd;
      const kind = numberEnd !== -1 || isAllDigits(text, i, end) ? 'number' : 'word';
      const id = end - i <= MAX_WORD_LENGTH ? wordId(text, i, end) : -1;
      if (id >= 0) {
        tokens.push(wordToken(kind, id, i, end));
        ids.push(id);
      } else {
        tokens.push(makeToken(kind, text, i, end));
        ids.push(-1);
      }
      i = end;
      continue;
    }
    if (code > 0x7f) {
      const end = scanEmoji(text, i);
      if (end !== -1) {
        tokens.push(makeToken('emoji', text, i, end));
        ids.push(-1);
        i = end;
        continue;
      }
    }
    i++;
  }
  if (wordGeneration() !== generation) ids.fill(-1);
  return { tokens, ids, generation: wordGeneration() };
}

/** The folded tokens of a text joined by single spaces: what `langnghe fold --tokens` reads as. */
export function foldTokens(text: string): string {
  return tokenize(text)
    .map((t) =>
      t.kind === 'hashtag' ? `#${t.folded}` : t.kind === 'mention' ? `@${t.folded}` : t.folded,
    )
    .join(' ');
}
