import { foldText } from './fold.js';
import { isTeencodeKey, squeezeRepeats, teencodeFor, type TeencodeContext } from './teencode.js';
import { emojiClass, emoticonClass, laughOrCryClass } from './models/emoticons.js';
import { scanTextWithIds, type Scanned } from './models/scan-text.js';
import { WordMemo } from './word-table.js';

/**
 * One token as the models see it, with its place in the original text. Several tokens share a
 * span when one original token expands to several words ("ngta" → "người", "ta").
 */
export interface ModelToken {
  /**
   * Lower-case NFC word with teencode expanded and repeats squeezed, or a placeholder in capitals:
   * URL, MENTION, NUM, EMO_POS, EMO_NEG, EMO_LAUGH; or "!" / "?".
   */
  readonly text: string;
  /** `text` folded (no diacritics, đ → d); placeholders unchanged. */
  readonly folded: string;
  /** Offsets (UTF-16 code units) of the original token in the text given. */
  readonly start: number;
  readonly end: number;
  /** True for a word (letters or digits), false for placeholders and punctuation. */
  readonly isWord: boolean;
  /** True when punctuation or a line break separates this token from the one before. */
  readonly isBreak: boolean;
}

interface Raw extends Scanned {
  /** Lower case, NFC, repeats squeezed (words and hashtags). */
  readonly key: string;
  /** `key` folded (words), the text (numbers): the context of teencode rules. */
  readonly folded: string;
  /** Words only: what the word's text decides. */
  readonly info: WordInfo | undefined;
}

const DIGITS = /^\p{N}+$/u;
const NUMBER_UNIT = /^(\p{N}+)(\p{L}+)$/u;

function wordKey(raw: string): string {
  let lower = raw.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code >= 0x300 && code <= 0x36f) {
      lower = lower.normalize('NFC');
      break;
    }
  }
  return squeezeRepeats(lower);
}

/** What a word's text alone decides: its key, the key folded, a laugh/cry class, teencode. */
interface WordInfo {
  readonly key: string;
  readonly folded: string;
  /** EMO_LAUGH / EMO_NEG for a written laugh or cry ("hahaha", "huhu"). */
  readonly emo: string | undefined;
  /** The key is in the teencode list (whether it expands depends on the context). */
  readonly teencode: boolean;
}

/** WordInfo by word id (word-table.ts); a word too long to have one is read each time. */
const wordInfos = new WordMemo<WordInfo>();

function readWord(text: string): WordInfo {
  const key = wordKey(text);
  const first = key.charCodeAt(0);
  const emo =
    first === 0x68 || first === 0x6b
      ? (laughOrCryClass(text.toLowerCase()) ?? laughOrCryClass(key))
      : undefined;
  return { key, folded: foldText(key), emo, teencode: isTeencodeKey(key) };
}

function infoOf(text: string, id: number): WordInfo {
  if (id < 0) return readWord(text);
  let info = wordInfos.get(id);
  if (info === undefined) {
    info = readWord(text);
    wordInfos.set(id, info);
  }
  return info;
}

function scan(text: string): Raw[] {
  const ids: number[] = [];
  return scanTextWithIds(text, ids).map((s, k) => {
    if (s.kind === 'word') {
      const info = infoOf(s.text, ids[k]!);
      return {
        kind: s.kind,
        text: s.text,
        start: s.start,
        key: info.key,
        folded: info.folded,
        info,
      };
    }
    if (s.kind === 'hashtag') {
      const key = wordKey(s.text.slice(1));
      return { kind: s.kind, text: s.text, start: s.start, key, folded: '', info: undefined };
    }
    const folded = s.kind === 'number' ? s.text : '';
    return { kind: s.kind, text: s.text, start: s.start, key: s.text, folded, info: undefined };
  });
}

/** Collects model tokens for one original token, collapsing repeated placeholders. */
class TokenSink {
  readonly tokens: ModelToken[] = [];
  private pendingBreak = false;

  brk(): void {
    this.pendingBreak = true;
  }

  push(text: string, raw: Raw, isWord: boolean, folded?: string): void {
    const end = raw.start + raw.text.length;
    const last = this.tokens[this.tokens.length - 1];
    if (!isWord && last !== undefined && last.text === text && !this.pendingBreak) {
      this.tokens[this.tokens.length - 1] = { ...last, end };
      return;
    }
    const isBreak = this.pendingBreak;
    this.pendingBreak = false;
    this.tokens.push({
      text,
      folded: folded ?? (isWord ? foldText(text) : text),
      start: raw.start,
      end,
      isWord,
      isBreak,
    });
  }

  words(expansion: string, raw: Raw): void {
    for (const word of expansion.split(' ')) {
      if (DIGITS.test(word)) this.push('NUM', raw, false);
      else this.push(word, raw, true);
    }
  }
}

function isLexical(raw: Raw | undefined): boolean {
  return raw !== undefined && (raw.kind === 'word' || raw.kind === 'number');
}

/** The folded neighbours of raws[i], skipping punctuation ("tp. hcm" sees "tp" before "hcm"). */
function contextOf(raws: readonly Raw[], i: number): TeencodeContext {
  let p = i - 1;
  while (p >= 0 && raws[p]!.kind === 'punct') p--;
  let n = i + 1;
  while (n < raws.length && raws[n]!.kind === 'punct') n++;
  return {
    prev: isLexical(raws[p]) ? raws[p]!.folded : undefined,
    next: isLexical(raws[n]) ? raws[n]!.folded : undefined,
  };
}

function pushWord(sink: TokenSink, raws: readonly Raw[], i: number): void {
  const raw = raws[i]!;
  const info = raw.info!;
  if (info.emo !== undefined) return sink.push(info.emo, raw, false);
  const first = raw.key.charCodeAt(0);
  if (info.teencode) {
    const expansion = teencodeFor(raw.key, contextOf(raws, i));
    if (expansion !== undefined) return sink.words(expansion, raw);
  }
  if (first < 0x30 || first > 0x39) return sink.push(raw.key, raw, true, raw.folded);
  if (DIGITS.test(raw.key)) return sink.push('NUM', raw, false);
  const unit = NUMBER_UNIT.exec(raw.key);
  if (unit !== null) {
    sink.push('NUM', raw, false);
    return sink.words(teencodeFor(unit[2]!, { prev: unit[1] }) ?? unit[2]!, raw);
  }
  sink.push(raw.key, raw, true, raw.folded);
}

function pushRaw(sink: TokenSink, raws: readonly Raw[], i: number): void {
  const raw = raws[i]!;
  switch (raw.kind) {
    case 'word':
      return pushWord(sink, raws, i);
    case 'hashtag':
      return sink.words(teencodeFor(raw.key) ?? raw.key, raw);
    case 'url':
      return sink.push('URL', raw, false);
    case 'mention':
      return sink.push('MENTION', raw, false);
    case 'number':
      return sink.push('NUM', raw, false);
    case 'emoticon':
      return sink.push(emoticonClass(raw.text), raw, false);
    case 'emoji': {
      const cls = emojiClass(raw.text);
      return sink.push(cls ?? String.fromCodePoint(raw.text.codePointAt(0)!), raw, false);
    }
    case 'punct':
      sink.brk();
      if (/[?？]/.test(raw.text)) sink.push('?', raw, false);
      else if (/[!！]/.test(raw.text)) sink.push('!', raw, false);
      sink.brk();
  }
}

/**
 * The tokens the models read, with offsets into `text`: NFC, lower case, teencode expanded,
 * repeated letters squeezed, emoticons and emoji mapped to EMO_POS / EMO_NEG / EMO_LAUGH, URLs,
 * mentions and numbers replaced by URL / MENTION / NUM, "#" dropped from hashtags. Punctuation
 * other than "!" and "?" is not a token but marks a break. Never throws, whatever the input.
 */
export function modelTokens(text: string): ModelToken[] {
  const raws = scan(text);
  const sink = new TokenSink();
  for (let i = 0; i < raws.length; i++) pushRaw(sink, raws, i);
  return sink.tokens;
}

/** The normalized text the models read: `modelTokens(text)` joined by single spaces. */
export function normalizeForModel(text: string): string {
  return modelTokens(text)
    .map((t) => t.text)
    .join(' ');
}
