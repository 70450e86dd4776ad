import { textContent } from 'domutils';
import type { Document } from 'domhandler';
import {
  absoluteUrl,
  attributeOf,
  collapseWhitespace,
  decodeEntities,
  selectElements,
  selectFirst,
  textOf,
} from './html-text.js';
import { toIsoDate } from './vietnamese-date.js';

/** What a page says about its article, before the body is read. */
export interface ArticleMetadata {
  title?: string;
  publishedAt?: string;
  author?: string;
  imageUrl?: string;
}

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenews',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'blogposting',
  'liveblogposting',
  'report',
  'scholarlyarticle',
  'techarticle',
]);

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isArticleType(value: unknown): boolean {
  const types = Array.isArray(value) ? value : [value];
  return types.some((type) => typeof type === 'string' && ARTICLE_TYPES.has(type.toLowerCase()));
}

function collectArticles(value: unknown, out: JsonObject[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectArticles(item, out);
    return;
  }
  if (!isObject(value)) return;
  if (isArticleType(value['@type'])) out.push(value);
  if (value['@graph'] !== undefined) collectArticles(value['@graph'], out);
  if (isObject(value.mainEntity)) collectArticles(value.mainEntity, out);
}

/** The first JSON-LD object of an article type; sites' raw newlines inside strings tolerated. */
function jsonLdArticle(document: Document): JsonObject | undefined {
  for (const script of selectElements('script[type="application/ld+json" i]', document)) {
    // Raw newlines and tabs inside JSON strings (common on news sites) are not valid JSON.
    // eslint-disable-next-line no-control-regex
    const raw = textContent(script).replace(/[\u0000-\u001F]+/g, ' ');
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      continue;
    }
    const found: JsonObject[] = [];
    collectArticles(parsed, found);
    if (found[0] !== undefined) return found[0];
  }
  return undefined;
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((name): name is string => name !== undefined);
    return names.length === 0 ? undefined : names.join(', ');
  }
  if (isObject(value)) return nameOf(value.name);
  return undefined;
}

function urlOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return urlOf(value[0]);
  if (isObject(value)) return urlOf(value.url ?? value.contentUrl);
  return undefined;
}

function attributeOfFirst(document: Document, selector: string, name: string): string | undefined {
  const element = selectFirst(selector, document);
  return element === undefined ? undefined : attributeOf(element, name);
}

function meta(document: Document, selector: string): string | undefined {
  return attributeOfFirst(document, selector, 'content');
}

function cleanText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = collapseWhitespace(decodeEntities(value));
  return text === '' ? undefined : text;
}

function isUrlLike(value: string | undefined): boolean {
  return value !== undefined && /^https?:\/\//i.test(value);
}

function firstText(document: Document, selector: string): string | undefined {
  const element = selectFirst(selector, document);
  return element === undefined ? undefined : cleanText(textOf(element));
}

function readDate(document: Document, ld: JsonObject | undefined): string | undefined {
  const candidates = [
    typeof ld?.datePublished === 'string' ? ld.datePublished : undefined,
    meta(document, 'meta[property="article:published_time" i]'),
    meta(document, 'meta[name="article:published_time" i]'),
    meta(document, 'meta[name="pubdate" i]'),
    meta(document, 'meta[itemprop="datePublished" i]'),
    meta(document, 'meta[name="publishdate" i], meta[name="date" i], meta[name="dc.date" i]'),
    attributeOfFirst(document, 'time[datetime]', 'datetime'),
  ];
  for (const candidate of candidates) {
    // No relative dates in metadata: a missing zone is read as Vietnam time, no "now" needed.
    const iso = toIsoDate(candidate);
    if (iso !== undefined) return iso;
  }
  return undefined;
}

/**
 * Title, publication time (ISO UTC), author and lead image from JSON-LD (`NewsArticle` and
 * kin: headline, datePublished, author, image), Open Graph, `article:published_time`,
 * `meta[name=pubdate]`, `<time datetime>` and `meta[name=author]`, in that order of trust.
 */
export function readArticleMetadata(document: Document, url: string): ArticleMetadata {
  const ld = jsonLdArticle(document);
  const title =
    cleanText(typeof ld?.headline === 'string' ? ld.headline : undefined) ??
    cleanText(meta(document, 'meta[property="og:title" i]')) ??
    cleanText(meta(document, 'meta[name="twitter:title" i]')) ??
    firstText(document, 'h1') ??
    firstText(document, 'title');
  const metaAuthor = meta(document, 'meta[property="article:author" i]');
  const author =
    cleanText(nameOf(ld?.author)) ??
    cleanText(meta(document, 'meta[name="author" i]')) ??
    (isUrlLike(metaAuthor) ? undefined : cleanText(metaAuthor));
  const image = urlOf(ld?.image) ?? meta(document, 'meta[property="og:image" i]');
  return {
    title,
    publishedAt: readDate(document, ld),
    author,
    imageUrl: absoluteUrl(image, url),
  };
}
