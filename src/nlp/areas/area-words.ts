import { isPlainText } from '../fold.js';
import { tokenize } from '../tokenize.js';
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
  isBarrier: true,
  start: 0,
  end: 0,
};

function word(text: string, folded: string, start: number, end: number): AreaWord {
  return { folded, text, plain: isPlainText(text), isBarrier: false, start, end };
}

/**
 * The words of a text: words, numbers and hashtags (without `#`); URLs, mentions and emoji
 * become barriers no name can span. "Q7" is split into "q" + "7", "01" reads as "1".
 */
export function areaWords(text: string): AreaWord[] {
  const words: AreaWord[] = [];
  for (const token of tokenize(text)) {
    if (token.kind === 'url' || token.kind === 'mention' || token.kind === 'emoji') {
      if (words.length > 0 && !words[words.length - 1]!.isBarrier) words.push(BARRIER);
      continue;
    }
    const offset = token.kind === 'hashtag' ? 1 : 0;
    const body = offset === 0 ? token.text : token.text.slice(1);
    const start = token.start + offset;
    let folded = token.folded;
    if (DIGITS.test(folded) && folded.length > 1) folded = folded.replace(/^0+(?=\d)/, '');
    const glued = GLUED.exec(folded);
    if (glued === null) {
      words.push({
        folded,
        text: body,
        plain: token.plain,
        isBarrier: false,
        start,
        end: token.end,
      });
      continue;
    }
    const split = token.end - glued[2]!.length;
    words.push(word(text.slice(start, split), glued[1]!, start, split));
    words.push(word(glued[2]!, glued[2]!.replace(/^0+(?=\d)/, ''), split, token.end));
  }
  return words;
}
