import { foldText } from '../../nlp/index.js';

/** Decides, from a post's text and declared languages, whether the source keeps it. */
export type PostFilter = (text: string, langs: readonly string[] | undefined) => boolean;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Whether `phrase` occurs in `text` with no letter or digit glued to either end. */
function hasWholePhrase(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text[at - 1];
    const after = text[at + phrase.length];
    const isStartFree =
      before === undefined || !WORD_CHAR.test(before) || !WORD_CHAR.test(phrase[0] ?? '');
    const isEndFree =
      after === undefined ||
      !WORD_CHAR.test(after) ||
      !WORD_CHAR.test(phrase[phrase.length - 1] ?? '');
    if (isStartFree && isEndFree) return true;
  }
  return false;
}

function isWantedLang(langs: readonly string[] | undefined, wanted: readonly string[]): boolean {
  if (langs === undefined) return false;
  return langs.some((lang) => {
    const code = lang.toLowerCase();
    return wanted.some((want) => code === want || code.startsWith(`${want}-`));
  });
}

/**
 * The keyword and language filter of a Bluesky source. Keywords match whole words or phrases on
 * `foldText` forms, so case and Vietnamese diacritics do not matter ("ha noi", "HÀ NỘI" and
 * "Hà Nội" are one keyword) while "ha" does not match inside "chào". A post with no declared
 * language is not kept when languages are asked for. No keywords and no languages keep everything.
 */
export function createPostFilter(options: {
  keywords?: readonly string[];
  langs?: readonly string[];
}): PostFilter {
  const phrases = (options.keywords ?? [])
    .map((keyword) => foldText(keyword).replace(/\s+/g, ' ').trim())
    .filter((phrase) => phrase !== '');
  const langs = (options.langs ?? []).map((lang) => lang.toLowerCase());
  return (text, postLangs) => {
    if (langs.length > 0 && !isWantedLang(postLangs, langs)) return false;
    if (phrases.length === 0) return true;
    const folded = foldText(text).replace(/\s+/g, ' ');
    return phrases.some((phrase) => hasWholePhrase(folded, phrase));
  };
}
