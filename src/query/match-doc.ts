import type { PostLabels } from '../core/types.js';
import { foldText } from '../nlp/fold.js';
import { tokenize } from '../nlp/tokenize.js';
import type { Token } from '../nlp/tokenize.js';

/** What the matcher reads of a post. A `Post` satisfies it. */
export interface MatchInput {
  text: string;
  title?: string;
  url?: string;
  platform?: string;
  lang?: string;
  author?: { id?: string; name?: string };
  labels?: PostLabels;
}

/** One searchable field of a prepared document: its tokens and where each folded form occurs. */
export interface DocField {
  /** The field's original text: token offsets point into it. */
  source: string;
  tokens: Token[];
  /** Folded word → positions (words, numbers and hashtag bodies). */
  words: Map<string, number[]>;
  hashtags: Map<string, number[]>;
  mentions: Map<string, number[]>;
  /** Canonical lower-case spellings, filled lazily by the term matcher. */
  spellings: (string | undefined)[];
  /** Folded words by their first `PREFIX_LENGTH` letters, built by the first wildcard. */
  prefixes?: Map<string, string[]>;
  /** Wildcard lookups answered before `prefixes` was built. */
  prefixScans?: number;
}

/** A post tokenized once, shared by every topic that looks at it. */
export interface MatchDoc {
  isPrepared: true;
  title: DocField;
  text: DocField;
  author: DocField;
  /** Host of the post's URL, lower case, without `www.`. */
  host: string;
  /** The post's URL without scheme and `www.`, lower case. */
  url: string;
  /** Links found in the text, normalized like `url`. */
  links: string[];
  platform: string;
  lang: string;
  labels: { area: Set<string>; category: Set<string>; sentiment: Set<string> };
}

/**
 * Positions kept per folded form and field (separately for words, hashtags and mentions). Later
 * occurrences of the same form are invisible to every query (term, phrase, NEAR, explain), so a
 * post repeating one word 50,000 times costs what 1,000 repeats cost. A post in which no form
 * occurs more often than this is matched exactly.
 */
export const MAX_POSITIONS = 1_000;

function push(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [position]);
  else if (list.length < MAX_POSITIONS) list.push(position);
}

export function prepareField(source: string, tokens: Token[] = tokenize(source)): DocField {
  const words = new Map<string, number[]>();
  const hashtags = new Map<string, number[]>();
  const mentions = new Map<string, number[]>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.kind) {
      case 'word':
      case 'number':
        push(words, token.folded, i);
        break;
      case 'hashtag':
        push(hashtags, token.folded, i);
        push(words, token.folded, i);
        break;
      case 'mention':
        push(mentions, token.folded, i);
        break;
      default:
        break;
    }
  }
  return { source, tokens, words, hashtags, mentions, spellings: [] };
}

/** Lower-cases a URL and drops its scheme and a leading `www.`. */
export function normalizeUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '');
}

export function hostOf(normalizedUrl: string): string {
  const end = normalizedUrl.search(/[/?#:]/);
  return end === -1 ? normalizedUrl : normalizedUrl.slice(0, end);
}

function labelSet(values: readonly string[] | undefined): Set<string> {
  const set = new Set<string>();
  for (const value of values ?? []) set.add(foldText(value).trim());
  return set;
}

const EMPTY_FIELD: DocField = prepareField('');

export function prepareDoc(input: MatchInput): MatchDoc {
  const textTokens = tokenize(input.text);
  const authorText = [input.author?.name, input.author?.id].filter(Boolean).join(' ');
  const url = input.url === undefined ? '' : normalizeUrl(input.url);
  const links: string[] = [];
  for (const token of textTokens) if (token.kind === 'url') links.push(normalizeUrl(token.text));
  return {
    isPrepared: true,
    title: input.title ? prepareField(input.title) : EMPTY_FIELD,
    text: prepareField(input.text, textTokens),
    author: authorText ? prepareField(authorText) : EMPTY_FIELD,
    host: hostOf(url),
    url,
    links,
    platform: (input.platform ?? '').toLowerCase(),
    lang: (input.lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '',
    labels: {
      area: labelSet(input.labels?.area),
      category: labelSet(input.labels?.category),
      sentiment: labelSet(input.labels?.sentiment),
    },
  };
}
