import type { Document, Element } from 'domhandler';
import { compareDocumentPosition } from 'domutils';
import { readArticleMetadata } from './article-metadata.js';
import { findArticleBody } from './find-article-body.js';
import { paragraphsOf, parseHtml, selectElements, textOf } from './html-text.js';
import { SAPO_SELECTOR, removePageFurniture } from './page-cleanup.js';

/** An article read out of a web page. */
export interface ExtractedArticle {
  title?: string;
  /** The body's paragraphs separated by `\n\n`, entities decoded, furniture left out. */
  text: string;
  /** ISO 8601 UTC. */
  publishedAt?: string;
  author?: string;
  imageUrl?: string;
}

/**
 * domutils' `DocumentPosition.PRECEDING` (a const enum, which isolated modules cannot read):
 * `compareDocumentPosition(a, b)` answers exactly this when `a` comes before `b` and does not
 * contain it (domutils reports a's place relative to b, the reverse of the DOM method).
 */
const A_BEFORE_B = 2;

/** The lead paragraph printed above the body (VnExpress `p.description`, `.detail-sapo`, …). */
function leadBefore(document: Document, body: Element): string | undefined {
  for (const lead of selectElements(SAPO_SELECTOR, document)) {
    const isBeforeBody = compareDocumentPosition(lead, body) === A_BEFORE_B;
    if (!isBeforeBody) continue;
    const text = textOf(lead);
    if (text.length >= 30 && text.length <= 1000) return text;
  }
  return undefined;
}

function bodyParagraphs(document: Document, body: Element, title: string | undefined): string[] {
  const paragraphs = paragraphsOf(body);
  const lead = leadBefore(document, body);
  if (lead !== undefined && !paragraphs.slice(0, 2).includes(lead)) paragraphs.unshift(lead);
  while (paragraphs[0] !== undefined && isHeadingFurniture(paragraphs[0], title))
    paragraphs.shift();
  return paragraphs;
}

const DATE_WORDS =
  /cập nhật|ngày đăng|đăng lúc|đăng ngày|thứ (hai|ba|tư|năm|sáu|bảy)|chủ nhật|gmt|utc|ngày|tháng|năm/giu;
const DATELINE = /\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\b\d{1,2}:\d{2}\b/;

/**
 * Whether a body's opening paragraph is the headline again or a dateline ("Cập nhật: 07:15
 * 23/11/2026"), which sites without a clean body container print above the text.
 */
function isHeadingFurniture(paragraph: string, title: string | undefined): boolean {
  const isTitle =
    title !== undefined &&
    paragraph.length >= 15 &&
    (title === paragraph || title.startsWith(paragraph));
  const isDateline =
    paragraph.length < 80 &&
    DATELINE.test(paragraph) &&
    paragraph.replace(DATE_WORDS, '').replace(/[\d\s\p{P}+]/gu, '').length < 15;
  return isTitle || isDateline;
}

function extractText(
  html: string,
  isStrict: boolean,
  title: string | undefined,
): string | undefined {
  const document = parseHtml(html);
  removePageFurniture(document, isStrict);
  const body = findArticleBody(document);
  if (body === undefined) return undefined;
  return bodyParagraphs(document, body, title).join('\n\n');
}

/**
 * Reads the article of a news or blog page, Readability-style: page furniture (navigation,
 * headers, footers, comments, share bars, related links, ads) removed, the body found by known
 * containers (`<article>`, `[itemprop=articleBody]`, the big Vietnamese news sites' body
 * classes) or by scoring paragraphs, and the metadata read from JSON-LD and meta tags (see
 * `readArticleMetadata`). When the strict pass finds nothing, a lenient one keeps elements
 * whose class merely looks like furniture. Undefined when the page holds no article (a list or
 * home page, or under 200 characters of body).
 */
export function extractArticle(html: string, url: string): ExtractedArticle | undefined {
  const metadata = readArticleMetadata(parseHtml(html), url);
  const text = extractText(html, true, metadata.title) ?? extractText(html, false, metadata.title);
  if (text === undefined) return undefined;
  const article: ExtractedArticle = { text };
  if (metadata.title !== undefined) article.title = metadata.title;
  if (metadata.publishedAt !== undefined) article.publishedAt = metadata.publishedAt;
  if (metadata.author !== undefined) article.author = metadata.author;
  if (metadata.imageUrl !== undefined) article.imageUrl = metadata.imageUrl;
  return article;
}
