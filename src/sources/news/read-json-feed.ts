import type { EntryDraft, FeedDraft, FeedText } from './feed-item.js';
import { resolveUrl } from './xml-nodes.js';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** JSON Feed 1.1 `authors` (a list), else 1.0 `author` (one object). */
function authorsOf(object: JsonObject): string | undefined {
  const list = Array.isArray(object.authors) ? object.authors : [object.author];
  const names = list
    .map((author) => (isObject(author) ? stringOf(author.name) : undefined))
    .filter((name): name is string => name !== undefined);
  return names.length === 0 ? undefined : names.join(', ');
}

function textOf(value: unknown, isHtml: boolean): FeedText | undefined {
  const text = stringOf(value);
  return text === undefined ? undefined : { value: text, isHtml };
}

function readItem(item: JsonObject, base: string | undefined, feedAuthor?: string): EntryDraft {
  const url = stringOf(item.url) ?? stringOf(item.external_url);
  return {
    id: stringOf(item.id),
    title: textOf(item.title, false),
    url,
    content: textOf(item.content_html, true) ?? textOf(item.content_text, false),
    summary: textOf(item.summary, false),
    date: stringOf(item.date_published) ?? stringOf(item.date_modified),
    author: authorsOf(item) ?? feedAuthor,
    categories: Array.isArray(item.tags)
      ? item.tags.map(stringOf).filter((tag): tag is string => tag !== undefined)
      : [],
    imageUrl: stringOf(item.image) ?? stringOf(item.banner_image),
    base,
  };
}

/**
 * Reads JSON Feed 1.0 / 1.1 (https://www.jsonfeed.org/version/1.1/): undefined when the object is
 * not one (no `version` naming jsonfeed.org and no `items` list). Items that are not objects are
 * skipped with a warning; items with no author take the feed's, as 1.1 says.
 */
export function readJsonFeed(value: unknown, fetchUrl: string | undefined): FeedDraft | undefined {
  if (!isObject(value)) return undefined;
  const version = stringOf(value.version) ?? '';
  if (!version.includes('jsonfeed.org') && !Array.isArray(value.items)) return undefined;
  const link = resolveUrl(stringOf(value.home_page_url), fetchUrl);
  const base = link !== undefined && /^https?:/i.test(link) ? link : fetchUrl;
  const warnings: string[] = [];
  const items = Array.isArray(value.items) ? value.items : [];
  if (!Array.isArray(value.items)) warnings.push('the feed has no "items" list');
  const feedAuthor = authorsOf(value);
  const entries: EntryDraft[] = [];
  items.forEach((item, index) => {
    if (isObject(item)) entries.push(readItem(item, base, feedAuthor));
    else warnings.push(`item ${index} is not an object: skipped`);
  });
  return { format: 'jsonfeed', title: textOf(value.title, false), link, entries, warnings };
}
