import { foldText, isPlainText } from './fold.js';
import type { Token, TokenKind } from './tokenize.js';

const TOKEN_PATTERN =
  /(?:https?:\/\/|www\.)[^\s<>"'`]+|[#＃][\p{L}\p{M}\p{N}_]+|@[\p{L}\p{M}\p{N}_](?:[\p{L}\p{M}\p{N}_.]*[\p{L}\p{M}\p{N}_])?|\p{N}+(?:[.,:]\p{N}+)+|[\p{L}\p{M}\p{N}_]+|[\u{1F1E6}-\u{1F1FF}]{2}|\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*/gu;
const URL_TRAILING = /[.,;:!?)\]}'"»”’]+$/;
const DIGITS = /^[\p{N}.,:]+$/u;

function classify(raw: string): TokenKind {
  const first = raw.charCodeAt(0);
  if (first === 0x23 || first === 0xff03) return 'hashtag';
  if (first === 0x40) return 'mention';
  if ((first === 0x68 || first === 0x77) && (raw.startsWith('http') || raw.startsWith('www.'))) {
    if (/^(?:https?:\/\/|www\.)/.test(raw)) return 'url';
  }
  if (DIGITS.test(raw)) return 'number';
  if (/^[\p{L}\p{M}\p{N}_]/u.test(raw)) return 'word';
  return 'emoji';
}

/**
 * The tokenizer's specification, written as one regular expression: slower than `tokenize`, kept
 * as the reference the fast scanner is tested against. Splits a text into tokens: words (letters and digits), numbers (with inner `.`, `,`, `:`),
 * URLs, #hashtags, @mentions and emoji. Punctuation and white space separate tokens and are not
 * tokens themselves, so a phrase matches across a comma or a line break.
 */
export function tokenizeWithRegex(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  for (let m = TOKEN_PATTERN.exec(text); m !== null; m = TOKEN_PATTERN.exec(text)) {
    let raw = m[0];
    const start = m.index;
    const kind = classify(raw);
    if (kind === 'url') {
      raw = raw.replace(URL_TRAILING, '');
      tokens.push({
        kind,
        text: raw,
        start,
        end: start + raw.length,
        folded: raw.toLowerCase(),
        plain: true,
      });
      continue;
    }
    const body = kind === 'hashtag' || kind === 'mention' ? raw.slice(1) : raw;
    tokens.push({
      kind,
      text: raw,
      start,
      end: start + raw.length,
      folded: foldText(body),
      plain: isPlainText(body),
    });
  }
  return tokens;
}
