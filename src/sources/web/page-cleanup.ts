import { Text, isTag } from 'domhandler';
import type { Document, Element } from 'domhandler';
import { appendChild, removeElement } from 'domutils';
import { matchesSelector, selectElements, selectFirst } from './html-text.js';

/**
 * Known article-body containers, most specific first: schema.org markup, the big Vietnamese
 * news sites (VnExpress `.fck_detail`, Tuổi Trẻ `#main-detail-body` / `.detail-content`,
 * Thanh Niên `.detail-content`, Dân Trí `.singular-content` / `.dt-news__content`, VietnamNet
 * `.maincontent`, Lao Động `.art-body`, Zing/Znews `.the-article-body`) and WordPress themes.
 */
export const BODY_SELECTORS: readonly string[] = [
  '[itemprop="articleBody"]',
  '.fck_detail',
  '#main-detail-body',
  '.detail-content',
  '.singular-content',
  '.dt-news__content',
  '.maincontent',
  '.main-content-body',
  '.content-detail',
  '.art-body',
  '.the-article-body',
  '.entry-content',
  '.post-content',
  '.article-content',
  '.article-body',
  '.article__body',
];

/** Lead paragraphs ("sapo") that sites print above the body container. */
export const SAPO_SELECTOR = [
  'p.description',
  '.sapo',
  '.detail-sapo',
  '.singular-sapo',
  '.content-detail-sapo',
  '.article-sapo',
  '.article__sapo',
  '.dt-news__sapo',
].join(', ');

const JUNK_TAGS =
  'script, style, noscript, template, nav, header, footer, aside, form, iframe, object, embed, svg, button, select, textarea, input, dialog, figcaption, [hidden], [role="navigation"], [role="complementary"], [role="banner"], [role="contentinfo"], [role="dialog"]';

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/**
 * class/id tokens of page furniture: comments, sharing, related links ("tin liên quan"), ads
 * ("quảng cáo"), menus, breadcrumbs, tags, sidebars, newsletter boxes.
 */
const JUNK_TOKEN =
  /comment|binh-?luan|share|sharing|social|related|lien-?quan|tinlienquan|xem-?them|readmore|read-more|recommend|breadcrumb|menu|sidebar|widget|banner|sponsor|advert|quang-?cao|newsletter|subscribe|popup|modal|cookie|pagination|pager|^tags?$|tag-?list|keyword|^ads?$|^ad[-_]|[-_]ads?$|[-_]ads?[-_]|^qc[-_]|^qc$|most-?view|xem-?nhieu|footer|navbar|masthead|toolbar|caption/i;

function tokensOf(element: Element): string[] {
  const classes = element.attribs.class ?? '';
  const id = element.attribs.id ?? '';
  return `${classes} ${id}`.split(/\s+/).filter((token) => token !== '');
}

/** Whether an element's class or id names page furniture rather than content. */
export function looksLikeJunk(element: Element): boolean {
  return tokensOf(element).some((token) => JUNK_TOKEN.test(token));
}

function holdsBody(element: Element): boolean {
  return selectFirst(BODY_SELECTORS.join(', '), element) !== undefined;
}

const PROTECTED_TAGS = new Set(['html', 'body', 'main']);

/**
 * Removes what is never article text: scripts, styles, navigation, headers, footers, asides,
 * forms, iframes and hidden elements; with `isStrict`, also elements whose class or id looks
 * like comments, sharing, related links, ads, menus or breadcrumbs (never one holding a known
 * body container, nor html/body/main).
 */
export function removePageFurniture(document: Document, isStrict: boolean): void {
  for (const element of selectElements(JUNK_TAGS, document)) removeElement(element);
  for (const element of selectElements('[style]', document))
    if (HIDDEN_STYLE.test(element.attribs.style ?? '')) removeElement(element);
  // VnExpress prints "Hà Nội" in a span styled as "Hà Nội - " before the lead's first word.
  for (const stamp of selectElements('.location-stamp', document))
    appendChild(stamp, new Text(' - '));
  if (!isStrict) return;
  const bodySelector = BODY_SELECTORS.join(', ');
  const junk = selectElements('*', document).filter(
    (element) =>
      isTag(element) &&
      !PROTECTED_TAGS.has(element.name) &&
      looksLikeJunk(element) &&
      !matchesSelector(element, bodySelector) &&
      !holdsBody(element),
  );
  for (const element of junk) removeElement(element);
}
