import { createHash } from 'node:crypto';
import type { EntryDraft, FeedItem, FeedText } from './feed-item.js';
import { firstImageSrc, htmlToText, tidyText } from './feed-text.js';
import { parseFeedDate } from './parse-feed-date.js';
import { resolveUrl } from './xml-nodes.js';

/**
 * Feeds that carry only a description are `summaryOnly`, unless that description is this long:
 * then it is the article (some CMSs put the whole text in `<description>`).
 */
export const FULL_TEXT_MIN_CHARS = 1000;

/** The longest HTML an item keeps. */
const MAX_HTML_CHARS = 1_000_000;

function textOf(text: FeedText | undefined, maxChars?: number): string {
  if (text === undefined) return '';
  return text.isHtml ? htmlToText(text.value, maxChars) : tidyText(text.value, maxChars);
}

function webUrl(raw: string | undefined, base: string | undefined): string | undefined {
  const url = resolveUrl(raw, base);
  return url !== undefined && /^https?:\/\//i.test(url) ? url : undefined;
}

function orUndefined(text: string): string | undefined {
  return text === '' ? undefined : text;
}

/** A stable id for an entry with no guid and no link: its title and date (its text if neither). */
function hashId(title: string, date: string | undefined, text: string): string {
  const key = title === '' && date === undefined ? text : `${title}\n${date ?? ''}`;
  return `hash:${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

export interface FinishOptions {
  defaultOffsetMinutes: number;
  /** Where unreadable dates are reported. */
  warnings: string[];
  /** 1-based position of the entry, for warnings. */
  position: number;
}

/** Normalizes one entry: text from HTML, URLs resolved, the date in UTC, an id always. */
export function finishItem(draft: EntryDraft, options: FinishOptions): FeedItem {
  const body = draft.content ?? draft.summary;
  let text = textOf(body);
  if (text === '' && draft.content !== undefined) text = textOf(draft.summary);
  const title = textOf(draft.title, 2000);
  const url = webUrl(draft.url, draft.base);
  let publishedAt: string | undefined;
  if (draft.date !== undefined) {
    const epoch = parseFeedDate(draft.date, options.defaultOffsetMinutes);
    if (epoch === undefined)
      options.warnings.push(
        `item ${options.position}: unreadable date "${draft.date.slice(0, 80)}"`,
      );
    else publishedAt = new Date(epoch).toISOString();
  }
  const html = body?.isHtml === true ? body.value.slice(0, MAX_HTML_CHARS) : undefined;
  const imageSource =
    draft.imageUrl ??
    firstImageSrc(html ?? '') ??
    (draft.summary?.isHtml === true ? firstImageSrc(draft.summary.value) : undefined);
  const author = tidyText(draft.author ?? '', 500);
  return {
    id:
      orUndefined(tidyText(draft.id ?? '', 2000)) ??
      url ??
      orUndefined(tidyText(draft.url ?? '', 2000)) ??
      hashId(title, draft.date, text),
    title: orUndefined(title),
    url,
    text,
    html,
    summaryOnly: draft.content === undefined && text.length < FULL_TEXT_MIN_CHARS,
    publishedAt,
    author: orUndefined(author),
    categories: [...new Set(draft.categories.map((name) => tidyText(name, 200)))].filter(
      (name) => name !== '',
    ),
    imageUrl: webUrl(imageSource, draft.base),
  };
}
