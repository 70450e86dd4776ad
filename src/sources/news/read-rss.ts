import type { Element } from 'domhandler';
import type { EntryDraft, FeedDraft, FeedFormat } from './feed-item.js';
import {
  baseOf,
  childElements,
  childNamed,
  childText,
  childrenNamed,
  isPrefixed,
  localName,
  markupOf,
  ownText,
  resolveUrl,
} from './xml-nodes.js';

/**
 * `nguyen.a@vnexpress.net (Nguyễn Văn A)`, RSS 2.0's author form, names the person. Read with
 * `indexOf`, not `^\S+@\S+\s*\((.+)\)$`, whose two `\S+` backtrack quadratically on `a@a@a@…`.
 */
function authorName(raw: string): string {
  const trimmed = raw.trim();
  const open = trimmed.indexOf('(');
  if (open < 0 || !trimmed.endsWith(')')) return trimmed;
  const email = trimmed.slice(0, open).trimEnd();
  const isEmail = !/\s/.test(email) && email.slice(1, -1).includes('@');
  const name = trimmed.slice(open + 1, -1).trim();
  return isEmail && name !== '' ? name : trimmed;
}

function itemAuthor(item: Element): string | undefined {
  const creators = childrenNamed(item, 'creator')
    .map((element) => ownText(element))
    .filter((name) => name !== '');
  if (creators.length > 0) return creators.join(', ');
  const author = childText(item, 'author', { isUnprefixed: true });
  return author === undefined ? undefined : authorName(author);
}

function isImage(type: string | undefined, url: string | undefined): boolean {
  if (type !== undefined && type !== '') return type.toLowerCase().startsWith('image/');
  return url !== undefined && /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i.test(url);
}

/** An image the item names outside its HTML: an enclosure, media:content, media:thumbnail. */
function itemImage(item: Element): string | undefined {
  const media = [
    ...childElements(item),
    ...childrenNamed(item, 'group').flatMap((group) => childElements(group)),
  ];
  for (const element of media) {
    const name = localName(element);
    const { url, type, medium } = element.attribs;
    if (name === 'enclosure' && isImage(type, url)) return url;
    if (name === 'content' && isPrefixed(element) && (medium === 'image' || isImage(type, url)))
      return url;
  }
  return media.find((element) => localName(element) === 'thumbnail')?.attribs.url;
}

function itemCategories(item: Element): string[] {
  return [...childrenNamed(item, 'category'), ...childrenNamed(item, 'subject')]
    .map((element) => ownText(element))
    .filter((name) => name !== '');
}

function itemLink(item: Element): string | undefined {
  const link = childNamed(item, 'link', { isUnprefixed: true });
  const text = ownText(link);
  if (text !== '') return text;
  return link?.attribs.href ?? childText(item, 'origlink');
}

function nonEmpty(text: string): string | undefined {
  return text === '' ? undefined : text;
}

function readItem(item: Element, base: string | undefined): EntryDraft {
  const guidElement = childNamed(item, 'guid');
  const guid = ownText(guidElement);
  const isPermaLink = guidElement?.attribs.ispermalink?.toLowerCase() !== 'false';
  const link = itemLink(item) ?? (isPermaLink && /^https?:\/\//i.test(guid) ? guid : undefined);
  const title = childText(item, 'title', { isUnprefixed: true }) ?? childText(item, 'title');
  const content = nonEmpty(markupOf(childNamed(item, 'encoded')));
  const description = nonEmpty(
    markupOf(
      childNamed(item, 'description', { isUnprefixed: true }) ?? childNamed(item, 'description'),
    ),
  );
  return {
    id: guid !== '' ? guid : item.attribs['rdf:about'],
    title: title === undefined ? undefined : { value: title, isHtml: true },
    url: link,
    content: content === undefined ? undefined : { value: content, isHtml: true },
    summary: description === undefined ? undefined : { value: description, isHtml: true },
    date: childText(item, 'pubdate') ?? childText(item, 'date') ?? childText(item, 'updated'),
    author: itemAuthor(item),
    categories: itemCategories(item),
    imageUrl: itemImage(item),
    base: baseOf(item, base),
  };
}

function rssFormat(root: Element): FeedFormat {
  if (localName(root) === 'rdf') return 'rdf';
  return /^0\.9/.test(root.attribs.version ?? '') ? 'rss09' : 'rss2';
}

/**
 * Reads RSS 0.9x / 2.0 and RSS 1.0 (RDF). Items are looked for anywhere under the root: RDF puts
 * them beside the channel, and broken feeds nest them in each other or outside the channel.
 * Relative links resolve against `xml:base`, else the channel's link, else the fetch URL.
 */
export function readRss(root: Element, items: Element[], fetchUrl: string | undefined): FeedDraft {
  const channel = localName(root) === 'channel' ? root : (childNamed(root, 'channel') ?? root);
  const channelLink =
    childText(channel, 'link', { isUnprefixed: true }) ?? childNamed(channel, 'link')?.attribs.href;
  const link = resolveUrl(channelLink, baseOf(channel, fetchUrl));
  const title = childText(channel, 'title', { isUnprefixed: true });
  const itemBase = link !== undefined && /^https?:/i.test(link) ? link : fetchUrl;
  return {
    format: rssFormat(root),
    title: title === undefined ? undefined : { value: title, isHtml: true },
    link,
    entries: items.map((item) => readItem(item, itemBase)),
    warnings: [],
  };
}
