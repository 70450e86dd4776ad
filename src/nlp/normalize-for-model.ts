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

/** What the scanner found, with per stretch what the normalizer derives from it. */
interface Raws {
  readonly scanned: readonly Scanned[];
  /** Lower case, NFC, repeats squeezed (words and hashtags); the text otherwise. */
  readonly keys: string[];
  /** `key` folded (words), the text (numbers), '' otherwise: the context of teencode rules. */
  readonly folded: string[];
  /** Words only: what the word's text decides. */
  readonly infos: (WordInfo | undefined)[];
  /** Word ids (word-table.ts), -1 for a stretch without one. */
  readonly ids: readonly number[];
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

function scan(text: string): Raws {
  const ids: number[] = [];
  const scanned = scanTextWithIds(text, ids);
  const n = scanned.length;
  const raws: Raws = {
    scanned,
    keys: new Array<string>(n),
    folded: new Array<string>(n),
    infos: new Array<WordInfo | undefined>(n),
    ids,
  };
  for (let k = 0; k < n; k++) {
    const s = scanned[k]!;
    if (s.kind === 'word') {
      const info = infoOf(s.text, ids[k]!);
      raws.keys[k] = info.key;
      raws.folded[k] = info.folded;
      raws.infos[k] = info;
    } else {
      raws.keys[k] = s.kind === 'hashtag' ? wordKey(s.text.slice(1)) : s.text;
      raws.folded[k] = s.kind === 'number' ? s.text : '';
      raws.infos[k] = undefined;
    }
  }
  return raws;
}

/** Collects model tokens for one original token, collapsing repeated placeholders. */
class TokenSink {
  readonly tokens: ModelToken[] = [];
  /** Per token, the word id its text and folded form are a function of, or -1. */
  readonly ids: number[] = [];
  private pendingBreak = false;

  brk(): void {
    this.pendingBreak = true;
  }

  push(text: string, raw: Scanned, isWord: boolean, folded?: string, id = -1): void {
    const end = raw.start + raw.text.length;
    const last = this.tokens[this.tokens.length - 1];
    if (!isWord && last !== undefined && last.text === text && !this.pendingBreak) {
      this.tokens[this.tokens.length - 1] = { ...last, end };
      return;
    }
    const isBreak = this.pendingBreak;
    this.pendingBreak = false;
    this.ids.push(id);
    this.tokens.push({
      text,
      folded: folded ?? (isWord ? foldText(text) : text),
      start: raw.start,
      end,
      isWord,
      isBreak,
    });
  }

  words(expansion: string, raw: Scanned): void {
    for (const word of expansion.split(' ')) {
      if (DIGITS.test(word)) this.push('NUM', raw, false);
      else this.push(word, raw, true);
    }
  }
}

function isLexical(raw: Scanned | undefined): boolean {
  return raw !== undefined && (raw.kind === 'word' || raw.kind === 'number');
}

/** The folded neighbours of stretch i, skipping punctuation ("tp. hcm" sees "tp" before "hcm"). */
function contextOf(raws: Raws, i: number): TeencodeContext {
  const { scanned } = raws;
  let p = i - 1;
  while (p >= 0 && scanned[p]!.kind === 'punct') p--;
  let n = i + 1;
  while (n < scanned.length && scanned[n]!.kind === 'punct') n++;
  return {
    prev: isLexical(scanned[p]) ? raws.folded[p]! : undefined,
    next: isLexical(scanned[n]) ? raws.folded[n]! : undefined,
  };
}

function pushWord(sink: TokenSink, raws: Raws, i: number): void {
  const raw = raws.scanned[i]!;
  const info = raws.infos[i]!;
  const key = raws.keys[i]!;
  if (info.emo !== undefined) return sink.push(info.emo, raw, false);
  const first = key.charCodeAt(0);
  if (info.teencode) {
    const expansion = teencodeFor(key, contextOf(raws, i));
    if (expansion !== undefined) return sink.words(expansion, raw);
  }
  if (first < 0x30 || first > 0x39) return sink.push(key, raw, true, raws.folded[i], raws.ids[i]);
  if (DIGITS.test(key)) return sink.push('NUM', raw, false);
  const unit = NUMBER_UNIT.exec(key);
  if (unit !== null) {
    sink.push('NUM', raw, false);
    return sink.words(teencodeFor(unit[2]!, { prev: unit[1] }) ?? unit[2]!, raw);
  }
  sink.push(key, raw, true, raws.folded[i], raws.ids[i]);
}

function pushRaw(sink: TokenSink, raws: Raws, i: number): void {
  const raw = raws.scanned[i]!;
  switch (raw.kind) {
    case 'word':
      return pushWord(sink, raws, i);
    case 'hashtag':
      return sink.words(teencodeFor(raws.keys[i]!) ?? raws.keys[i]!, raw);
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
      if (raw.text.includes('?') || raw.text.includes('？')) sink.push('?', raw, false);
      else if (raw.text.includes('!') || raw.text.includes('！')) sink.push('!', raw, false);
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
  return modelTokensWithIds(text).tokens;
}

/**
 * {@link modelTokens} and, per token, the word id (word-table.ts) of the word it is the key of
 * (its text and folded form are functions of that word), or -1; valid until other words are
 * interned.
 */
export function modelTokensWithIds(text: string): { tokens: ModelToken[]; ids: number[] } {
  const raws = scan(text);
  const sink = new TokenSink();
  for (let i = 0; i < raws.scanned.length; i++) pushRaw(sink, raws, i);
  return { tokens: sink.tokens, ids: sink.ids };
}

/** The normalized text the models read: `modelTokens(text)` joined by single spaces. */
export function normalizeForModel(text: string): string {
  return modelTokens(text)
    .map((t) => t.text)
    .join(' ');
}
