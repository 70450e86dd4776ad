import { isTag } from 'domhandler';
import type { Document, Element } from 'domhandler';
import { isBlockElement, selectElements, textOf } from './html-text.js';
import { BODY_SELECTORS } from './page-cleanup.js';

/** Bodies shorter than this are not articles (a teaser, a list page, an error page). */
export const MIN_ARTICLE_CHARS = 200;

const POSITIVE_NAME =
  /article|body|content|entry|hentry|main|post|text|blog|story|detail|noidung|chitiet|singular|fck/i;
const NEGATIVE_NAME =
  /comment|related|footer|sidebar|share|social|menu|nav|banner|sponsor|widget|breadcrumb|tag|lienquan|pagination|promo/i;
const COMMAS = /[,，、;]/g;

function linkDensity(element: Element): number {
  const total = textOf(element).length;
  if (total === 0) return 1;
  const linked = selectElements('a', element).reduce((sum, link) => sum + textOf(link).length, 0);
  return Math.min(1, linked / total);
}

function nameWeight(element: Element): number {
  let weight = 0;
  for (const name of [element.attribs.class, element.attribs.id]) {
    if (name === undefined || name === '') continue;
    if (NEGATIVE_NAME.test(name)) weight -= 25;
    if (POSITIVE_NAME.test(name)) weight += 25;
  }
  return weight;
}

function tagWeight(element: Element): number {
  if (element.name === 'article') return 10;
  if (element.name === 'div' || element.name === 'section' || element.name === 'main') return 5;
  if (['pre', 'td', 'blockquote'].includes(element.name)) return 3;
  if (['ol', 'ul', 'li', 'dl', 'dd', 'dt', 'form'].includes(element.name)) return -3;
  if (/^h[1-6]$/.test(element.name)) return -5;
  return 0;
}

/** Paragraph-like elements: `p`, `pre`, `blockquote`, and `div`s holding only inline content. */
function paragraphElements(root: Document | Element): Element[] {
  return selectElements('p, pre, blockquote, div, td', root).filter(
    (element) =>
      (element.name !== 'div' && element.name !== 'td') ||
      !element.children.some((child) => isBlockElement(child) && child.name !== 'br'),
  );
}

/**
 * Readability's scoring: each paragraph of 25+ characters scores 1, plus its commas, plus one
 * per 100 characters (at most 3), given in full to its parent, half to its grandparent and a
 * third to the next; a container's total is scaled by (1 − link density). The best is returned.
 */
function bestScoredContainer(root: Document): Element | undefined {
  const scores = new Map<Element, number>();
  for (const paragraph of paragraphElements(root)) {
    const text = textOf(paragraph);
    if (text.length < 25) continue;
    const score =
      1 + (text.match(COMMAS)?.length ?? 0) + Math.min(3, Math.floor(text.length / 100));
    let ancestor = paragraph.parent;
    for (let level = 0; level < 3 && ancestor !== null && isTag(ancestor); level++) {
      if (ancestor.name === 'html') break;
      const base = scores.get(ancestor) ?? tagWeight(ancestor) + nameWeight(ancestor);
      scores.set(ancestor, base + score / (level === 0 ? 1 : level * 2));
      ancestor = ancestor.parent;
    }
  }
  let best: Element | undefined;
  let bestScore = 0;
  for (const [element, score] of scores) {
    const final = score * (1 - linkDensity(element));
    if (final > bestScore) {
      best = element;
      bestScore = final;
    }
  }
  return best;
}

function longestOf(elements: readonly Element[]): Element | undefined {
  let best: Element | undefined;
  let bestLength = 0;
  for (const element of elements) {
    const length = textOf(element).length;
    if (length > bestLength) {
      best = element;
      bestLength = length;
    }
  }
  return best;
}

function knownContainer(root: Document): Element | undefined {
  for (const selector of BODY_SELECTORS) {
    const found = longestOf(selectElements(selector, root));
    if (found !== undefined && textOf(found).length >= MIN_ARTICLE_CHARS) return found;
  }
  // Several <article>s are a list of teasers, not one article.
  const articles = selectElements('article', root);
  if (articles.length <= 2) {
    const found = longestOf(articles);
    if (found !== undefined && textOf(found).length >= MIN_ARTICLE_CHARS) return found;
  }
  return undefined;
}

/**
 * Whether a container reads as a list of links to other pages (a category or home page) rather
 * than one article: mostly link text, or five or more headline links with few paragraphs
 * between them.
 */
export function looksLikeLinkList(container: Element): boolean {
  if (linkDensity(container) > 0.5) return true;
  const headlineLinks = selectElements('a', container).filter((link) => {
    const text = textOf(link);
    if (text.length < 20) return false;
    const parent = link.parent;
    const isInHeading = parent !== null && isTag(parent) && /^h[1-6]$/.test(parent.name);
    const holdsHeading = selectElements('h1, h2, h3, h4, h5, h6', link).length > 0;
    const isWholeBlock = parent !== null && isTag(parent) && textOf(parent) === text;
    return isInHeading || holdsHeading || isWholeBlock;
  }).length;
  const longParagraphs = paragraphElements(container).filter(
    (paragraph) => textOf(paragraph).length >= 80,
  ).length;
  return headlineLinks >= 5 && headlineLinks * 2 >= longParagraphs;
}

/**
 * The element holding the article's text in a cleaned page: a known body container when the
 * page has one, else the best-scoring container; undefined when the page is a list of links
 * or nothing holds `MIN_ARTICLE_CHARS` of text.
 */
export function findArticleBody(root: Document): Element | undefined {
  const body = knownContainer(root) ?? bestScoredContainer(root);
  if (body === undefined || textOf(body).length < MIN_ARTICLE_CHARS) return undefined;
  return looksLikeLinkList(body) ? undefined : body;
}
