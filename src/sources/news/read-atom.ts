import type { Element } from 'domhandler';
import { getInnerHTML } from 'domutils';
import type { EntryDraft, FeedDraft, FeedText } from './feed-item.js';
import {
  baseOf,
  childElements,
  childNamed,
  childText,
  childrenNamed,
  localName,
  markupOf,
  ownText,
  resolveUrl,
} from './xml-nodes.js';

/**
 * An Atom text construct as written. 1.0: `type` text / html / xhtml (RFC 4287 §3.1). 0.3: a MIME
 * type and `mode` escaped / xml / base64. Xhtml keeps the markup inside its wrapping `<div>`.
 */
export function atomText(element: Element | undefined): FeedText | undefined {
  if (element === undefined || element.attribs.src !== undefined) return undefined;
  const type = (element.attribs.type ?? 'text').toLowerCase();
  const mode = (element.attribs.mode ?? '').toLowerCase();
  const isXhtml = type === 'xhtml' || type === 'application/xhtml+xml' || mode === 'xml';
  let value: string;
  if (isXhtml) {
    const wrapper = childElements(element);
    const div = wrapper.length === 1 && localName(wrapper[0]!) === 'div' ? wrapper[0]! : element;
    value = getInnerHTML(div).trim();
  } else if (mode === 'base64') {
    value = Buffer.from(ownText(element), 'base64').toString('utf8');
  } else value = type.includes('html') ? markupOf(element) : ownText(element);
  if (value === '') return undefined;
  return { value, isHtml: isXhtml || type.includes('html') };
}

function linkRank(link: Element): number {
  const rel = (link.attribs.rel ?? 'alternate').toLowerCase();
  const type = (link.attribs.type ?? 'text/html').toLowerCase();
  if (rel !== 'alternate') return ['self', 'edit', 'enclosure', 'replies'].includes(rel) ? -1 : 1;
  return type.includes('html') ? 3 : 2;
}

/**
 * The page a feed or entry points at: `rel="alternate"` (the default rel) of an HTML type first,
 * then another alternate, then a link of another relation (never self, edit or replies).
 * `href` resolves against the link's own `xml:base`.
 */
function alternateLink(element: Element, documentBase: string | undefined): string | undefined {
  let best: Element | undefined;
  for (const link of childrenNamed(element, 'link')) {
    if (link.attribs.href === undefined || linkRank(link) < 0) continue;
    if (best === undefined || linkRank(link) > linkRank(best)) best = link;
  }
  return best === undefined ? undefined : resolveUrl(best.attribs.href, baseOf(best, documentBase));
}

function authorsOf(element: Element): string | undefined {
  const names = childrenNamed(element, 'author')
    .map((author) => childText(author, 'name') ?? ownText(author))
    .filter((name) => name !== '');
  const creators = childrenNamed(element, 'creator').map((creator) => ownText(creator));
  const all = [...names, ...creators].filter((name) => name !== '');
  return all.length === 0 ? undefined : all.join(', ');
}

function entryImage(entry: Element, base: string | undefined): string | undefined {
  for (const element of childElements(entry)) {
    const name = localName(element);
    const { rel, type, href, url, medium } = element.attribs;
    if (name === 'link' && rel === 'enclosure' && type?.startsWith('image/') === true)
      return resolveUrl(href, base);
    if ((name === 'thumbnail' || name === 'content') && url !== undefined)
      if (name === 'thumbnail' || medium === 'image' || type?.startsWith('image/') === true)
        return resolveUrl(url, base);
  }
  return undefined;
}

function firstDate(entry: Element, names: readonly string[]): string | undefined {
  for (const name of names) {
    const text = childText(entry, name);
    if (text !== undefined) return text;
  }
  return undefined;
}

function readEntry(
  entry: Element,
  documentBase: string | undefined,
  feedAuthor: string | undefined,
): EntryDraft {
  const content = childNamed(entry, 'content');
  const summary = childNamed(entry, 'summary');
  const categories = childElements(entry)
    .filter((element) => ['category', 'subject'].includes(localName(element)))
    .map((element) => element.attribs.label ?? element.attribs.term ?? ownText(element))
    .filter((name) => name.trim() !== '');
  const base = baseOf(entry, documentBase);
  return {
    id: childText(entry, 'id'),
    title: atomText(childNamed(entry, 'title')),
    url: alternateLink(entry, documentBase),
    content: atomText(content),
    summary: atomText(summary),
    date: firstDate(entry, ['published', 'issued', 'created', 'updated', 'modified', 'date']),
    author: authorsOf(entry) ?? feedAuthor,
    categories,
    imageUrl: entryImage(entry, base),
    base: baseOf(content ?? summary ?? entry, documentBase),
  };
}

/**
 * Reads Atom 1.0 (RFC 4287) and 0.3. Relative URLs resolve against `xml:base` (nested ones
 * compose) over the fetch URL, the document's own address; when there is none, over the feed's
 * alternate link. Entries with no author take the feed's (RFC 4287 §4.2.1).
 */
export function readAtom(
  root: Element,
  entries: Element[],
  fetchUrl: string | undefined,
): FeedDraft {
  const isAtom03 =
    root.attribs.version === '0.3' || (root.attribs.xmlns ?? '').includes('purl.org/atom/ns');
  const link = alternateLink(root, fetchUrl);
  const documentBase =
    fetchUrl ?? (link !== undefined && /^https?:/i.test(link) ? link : undefined);
  const feedAuthor = authorsOf(root);
  return {
    format: isAtom03 ? 'atom03' : 'atom10',
    title: atomText(childNamed(root, 'title')),
    link,
    entries: entries.map((entry) => readEntry(entry, documentBase, feedAuthor)),
    warnings: [],
  };
}
