import { createHash } from 'node:crypto';
import type { Element } from 'domhandler';
import {
  absoluteUrl,
  attributeOf,
  blockTextOf,
  matchesSelector,
  parseHtml,
  selectElements,
  selectFirst,
  textOf,
} from '../web/html-text.js';
import { parseVietnameseDate } from '../web/vietnamese-date.js';
import type { ForumConfig } from './forum-config.js';

/** URLs longer than this are kept as a hash in `externalId` (and in the cursor). */
const MAX_URL_ID_CHARS = 300;
/** Session parameters some forum engines (vBulletin, phpBB) add to every link. */
const SESSION_PARAMS = ['s', 'sid', 'phpsessid', 'jsessionid'];
/** Attributes a date element may carry, best first (XenForo: datetime, data-time). */
const DATE_ATTRIBUTES = ['datetime', 'data-time', 'data-timestamp', 'data-datestring', 'title'];

/** One item read from a list page. */
export interface ListedItem {
  /** The item's absolute URL, or a hash when the URL is long or missing. */
  key: string;
  url?: string;
  title?: string;
  text?: string;
  author?: { id: string; name: string };
  /** ISO 8601 UTC. */
  publishedAt?: string;
}

export interface ListPage {
  items: ListedItem[];
  /** The next list page's absolute URL, when the page links one. */
  nextUrl?: string;
}

function hashOf(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 40)}`;
}

/** An item URL with its fragment and session parameters dropped. */
function canonicalUrl(href: string | undefined, base: string): string | undefined {
  const absolute = absoluteUrl(href, base);
  if (absolute === undefined) return undefined;
  const url = new URL(absolute);
  for (const name of [...url.searchParams.keys()])
    if (SESSION_PARAMS.includes(name.toLowerCase())) url.searchParams.delete(name);
  return url.toString();
}

function hrefOf(element: Element | undefined): string | undefined {
  if (element === undefined) return undefined;
  const own = attributeOf(element, 'href') ?? attributeOf(element, 'data-href');
  if (own !== undefined) return own;
  const link = selectFirst('a[href]', element);
  return link === undefined ? undefined : attributeOf(link, 'href');
}

/** The first element matching `selector` in the item, the item itself included. */
function within(item: Element, selector: string | undefined): Element | undefined {
  if (selector === undefined) return undefined;
  return matchesSelector(item, selector) ? item : selectFirst(selector, item);
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

function readDate(element: Element | undefined, nowMs: number): string | undefined {
  if (element === undefined) return undefined;
  const candidates = [
    ...DATE_ATTRIBUTES.map((name) => attributeOf(element, name)),
    ...selectElements('[datetime], [data-time]', element).flatMap((inner) => [
      attributeOf(inner, 'datetime'),
      attributeOf(inner, 'data-time'),
    ]),
    textOf(element),
  ];
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    const epoch = parseVietnameseDate(candidate, nowMs);
    if (epoch !== undefined) return new Date(epoch).toISOString();
  }
  return undefined;
}

function readAuthor(element: Element | undefined, pageUrl: string): ListedItem['author'] {
  if (element === undefined) return undefined;
  const name = nonEmpty(textOf(element));
  if (name === undefined) return undefined;
  const profile = canonicalUrl(hrefOf(element), pageUrl);
  return { id: profile ?? name, name };
}

function readItem(
  item: Element,
  config: ForumConfig,
  pageUrl: string,
  nowMs: number,
): ListedItem | undefined {
  const link =
    within(item, config.linkSelector) ?? (item.name === 'a' ? item : selectFirst('a[href]', item));
  const url = canonicalUrl(hrefOf(link), pageUrl);
  const titleElement = within(item, config.titleSelector) ?? link;
  const title = nonEmpty(titleElement === undefined ? undefined : textOf(titleElement));
  const textElement = within(item, config.textSelector);
  const text = nonEmpty(textElement === undefined ? undefined : blockTextOf(textElement));
  if (title === undefined && text === undefined) return undefined;
  const author = readAuthor(within(item, config.authorSelector), pageUrl);
  const publishedAt = readDate(within(item, config.dateSelector), nowMs);
  const key =
    url !== undefined && url.length <= MAX_URL_ID_CHARS
      ? url
      : hashOf([url ?? pageUrl, title ?? '', text ?? '', author?.name ?? ''].join('\u0000'));
  return { key, url, title, text, author, publishedAt };
}

/**
 * Reads a list page with the source's selectors: one `ListedItem` per `itemSelector` match
 * that has a title or text (links resolved against the page's final URL, dates read in
 * Vietnam time relative to `nowMs`), and the next page's URL.
 */
export function readListPage(
  html: string,
  pageUrl: string,
  config: ForumConfig,
  nowMs: number,
): ListPage {
  const document = parseHtml(html);
  const items = selectElements(config.itemSelector, document)
    .map((item) => readItem(item, config, pageUrl, nowMs))
    .filter((item): item is ListedItem => item !== undefined);
  const next =
    config.nextPageSelector === undefined
      ? undefined
      : selectFirst(config.nextPageSelector, document);
  const nextUrl = absoluteUrl(hrefOf(next), pageUrl);
  return nextUrl === undefined ? { items } : { items, nextUrl };
}
