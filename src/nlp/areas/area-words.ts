import { isPlainText } from '../fold.js';
import { textWords } from '../text-tokens.js';
import type { Token } from '../tokenize.js';
import { WordMemo } from '../word-table.js';
import { areaIndex } from './area-index.js';
import type { TrieWord } from './phrase-trie.js';

/** A word of the text as the area matcher sees it, with its offsets in the original text. */
export interface AreaWord extends TrieWord {
  start: number;
  end: number;
  /** A name or qualifier starts with this word (its folded form is a first word of one). */
  isStart: boolean;
}

/** "Q7", "P12", "F.12" written as one word: a qualifier glued to a number. */
const GLUED = /^(q|p|f|quan|phuong|district|ward)(\d{1,2})$/;
const DIGITS = /^\d+$/;

const BARRIER: AreaWord = {
  folded: '',
  text: '',
  plain: true,
  accent: undefined,
  isBarrier: true,
  start: 0,
  end: 0,
  isStart: areaIndex.starts.has(''),
};

/** Every word has the same shape (`accent` included), which keeps property access fast. */
function word(text: string, folded: string, plain: boolean, start: number, end: number): AreaWord {
  const isStart = areaIndex.starts.has(folded);
  return { folded, text, plain, accent: undefined, isBarrier: false, start, end, isStart };
}

/** Cheap test before the regular expression: ends with a digit, starts with q/p/f/d/w. */
function mayBeGlued(folded: string): boolean {
  const first = folded.charCodeAt(0);
  const last = folded.charCodeAt(folded.length - 1);
  return (
    folded.length >= 2 &&
    last >= 0x30 &&
    last <= 0x39 &&
    (first === 0x71 || first === 0x70 || first === 0x66 || first === 0x64 || first === 0x77)
  );
}

/**
 * How a word or number token reads, as a function of its text alone: its folded form ("01" reads
 * as "1") and whether a name or qualifier starts with it, or null when it is glued ("Q7").
 */
interface Reading {
  readonly folded: string;
  readonly isStart: boolean;
}

const readings = new WordMemo<Reading | null>();

function foldedOf(token: Token): string {
  const folded = token.folded;
  if (token.kind === 'number' && folded.length > 1 && DIGITS.test(folded)) {
    return folded.replace(/^0+(?=\d)/, '');
  }
  return folded;
}

function readingOf(token: Token, id: number): Reading | null {
  let reading = id < 0 ? undefined : readings.get(id);
  if (reading !== undefined) return reading;
  const folded = foldedOf(token);
  reading =
    mayBeGlued(folded) && GLUED.test(folded)
      ? null
      : { folded, isStart: areaIndex.starts.has(folded) };
  if (id >= 0) readings.set(id, reading);
  return reading;
}

/** Pushes "Q7" as "q" + "7". */
function pushGlued(words: AreaWord[], text: string, token: Token, start: number): void {
  const glued = GLUED.exec(foldedOf(token))!;
  const split = token.end - glued[2]!.length;
  const head = text.slice(start, split);
  words.push(word(head, glued[1]!, isPlainText(head), start, split));
  words.push(word(glued[2]!, glued[2]!.replace(/^0+(?=\d)/, ''), true, split, token.end));
}

/**
 * The words of a text: words, numbers and hashtags (without `#`); URLs, mentions and emoji
 * become barriers no name can span. "Q7" is split into "q" + "7", "01" reads as "1".
 */
export function areaWords(text: string): AreaWord[] {
  const words: AreaWord[] = [];
  const { tokens, ids } = textWords(text);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'url' || token.kind === 'mention' || token.kind === 'emoji') {
      if (words.length > 0 && !words[words.length - 1]!.isBarrier) words.push(BARRIER);
      continue;
    }
    const offset = token.kind === 'hashtag' ? 1 : 0;
    const start = token.start + offset;
    const reading = readingOf(token, ids[i]!);
    if (reading === null) {
      pushGlued(words, text, token, start);
      continue;
    }
    const body = offset === 0 ? token.text : token.text.slice(1);
    const { folded, isStart } = reading;
    words.push({
      folded,
      text: body,
      plain: token.plain,
      accent: undefined,
      isBarrier: false,
      start,
      end: token.end,
      isStart,
    });
  }
  return words;
}
