import { isPlainText } from '../fold.js';
import { textTokens } from '../categories/text-tokens.js';
import type { TrieWord } from './phrase-trie.js';

/** A word of the text as the area matcher sees it, with its offsets in the original text. */
export interface AreaWord extends TrieWord {
  start: number;
  end: number;
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
};

/** Every word has the same shape (`accent` included), which keeps property access fast. */
function word(text: string, folded: string, plain: boolean, start: number, end: number): AreaWord {
  return { folded, text, plain, accent: undefined, isBarrier: false, start, end };
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
 * The words of a text: words, numbers and hashtags (without `#`); URLs, mentions and emoji
 * become barriers no name can span. "Q7" is split into "q" + "7", "01" reads as "1".
 */
export function areaWords(text: string): AreaWord[] {
  const words: AreaWord[] = [];
  for (const token of textTokens(text)) {
    if (token.kind === 'url' || token.kind === 'mention' || token.kind === 'emoji') {
      if (words.length > 0 && !words[words.length - 1]!.isBarrier) words.push(BARRIER);
      continue;
    }
    const offset = token.kind === 'hashtag' ? 1 : 0;
    const body = offset === 0 ? token.text : token.text.slice(1);
    const start = token.start + offset;
    let folded = token.folded;
    if (token.kind === 'number' && folded.length > 1 && DIGITS.test(folded)) {
      folded = folded.replace(/^0+(?=\d)/, '');
    }
    const glued = mayBeGlued(folded) ? GLUED.exec(folded) : null;
    if (glued === null) {
      words.push(word(body, folded, token.plain, start, token.end));
      continue;
    }
    const split = token.end - glued[2]!.length;
    const head = text.slice(start, split);
    words.push(word(head, glued[1]!, isPlainText(head), start, split));
    words.push(word(glued[2]!, glued[2]!.replace(/^0+(?=\d)/, ''), true, split, token.end));
  }
  return words;
}
