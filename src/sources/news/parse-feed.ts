import { parseDocument } from 'htmlparser2';
import type { AnyNode } from 'domhandler';
import { LangngheError } from '../../core/errors.js';
import { decodeFeedBytes } from './decode-feed-bytes.js';
import type { FeedDraft, FeedItem, ParsedFeed } from './feed-item.js';
import { htmlToText, tidyText } from './feed-text.js';
import { finishItem } from './finish-item.js';
import { VIETNAM_OFFSET_MINUTES } from './parse-feed-date.js';
import { readAtom } from './read-atom.js';
import { readJsonFeed } from './read-json-feed.js';
import { readRss } from './read-rss.js';
import { findAll, localName } from './xml-nodes.js';

export interface ParseFeedOptions {
  /** Where the feed was fetched from: the last base for relative links, and named in errors. */
  url?: string;
  /** The HTTP Content-Type, whose charset wins over the XML declaration. */
  contentType?: string;
  /** Minutes east of UTC for dates that name no zone (default +420, Vietnam). */
  defaultTimeZoneOffsetMinutes?: number;
}

/** The most items a feed yields; the rest are left out with a warning. */
export const MAX_FEED_ITEMS = 1000;

const FEED_ROOTS = new Set(['rss', 'rdf', 'feed']);

function readXml(text: string, url: string | undefined): FeedDraft | string {
  const document = parseDocument(text, { xmlMode: true });
  const root =
    findAll(document.children, FEED_ROOTS)[0] ??
    findAll(document.children, new Set(['channel']))[0];
  if (root === undefined) return describeNonFeed(document.children);
  if (localName(root) === 'feed')
    return readAtom(root, findAll(root.children, new Set(['entry'])), url);
  return readRss(root, findAll(root.children, new Set(['item'])), url);
}

/** Says what a non-feed looks like; for an HTML page, the feed its `<link rel=alternate>` names. */
function describeNonFeed(nodes: readonly AnyNode[]): string {
  const isHtml = findAll(nodes, new Set(['html', 'body', 'head'])).length > 0;
  if (!isHtml) return 'it has no <rss>, <rdf:RDF> or <feed> element';
  const advertised = findAll(nodes, new Set(['link'])).find((link) =>
    /application\/(?:rss|atom)\+xml/i.test(link.attribs.type ?? ''),
  );
  const hint =
    advertised?.attribs.href === undefined
      ? ''
      : `; the page names a feed at ${advertised.attribs.href}`;
  return `it is an HTML page${hint}`;
}

function readJson(text: string, url: string | undefined): FeedDraft | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `it is malformed JSON (${(error as Error).message})`;
  }
  return readJsonFeed(value, url) ?? 'it is JSON but not a JSON Feed (no version, no items)';
}

function finishItems(
  draft: FeedDraft,
  defaultOffsetMinutes: number,
  warnings: string[],
): FeedItem[] {
  if (draft.entries.length > MAX_FEED_ITEMS)
    warnings.push(`${draft.entries.length} items: only the first ${MAX_FEED_ITEMS} are kept`);
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  draft.entries.slice(0, MAX_FEED_ITEMS).forEach((entry, index) => {
    const item = finishItem(entry, { defaultOffsetMinutes, warnings, position: index + 1 });
    if (item.title === undefined && item.text === '' && item.url === undefined) {
      warnings.push(`item ${index + 1}: no title, text or link: left out`);
    } else if (seen.has(item.id)) {
      warnings.push(`item ${index + 1}: id "${item.id.slice(0, 100)}" repeated: left out`);
    } else {
      seen.add(item.id);
      items.push(item);
    }
  });
  return items;
}

/**
 * Reads an RSS (0.9x, 1.0/RDF, 2.0), Atom (0.3, 1.0) or JSON Feed (1.0, 1.1) document from its
 * bytes, as tolerant as feed readers must be: broken XML, wrong charsets, HTML in titles and odd
 * dates are repaired or reported in `warnings`, and whatever items can be read are returned.
 * Throws `feed.invalid` only when the document is no feed at all (an HTML page, malformed JSON).
 */
export function parseFeed(bytes: Uint8Array, options: ParseFeedOptions = {}): ParsedFeed {
  const decoded = decodeFeedBytes(bytes, options.contentType);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  const draft =
    trimmed.startsWith('{') || trimmed.startsWith('[')
      ? readJson(trimmed, options.url)
      : readXml(text, options.url);
  if (typeof draft === 'string')
    throw new LangngheError(
      'feed.invalid',
      `${options.url ?? 'The document'} is not a feed: ${draft}`,
      {
        details: { url: options.url, charset: decoded.charset },
      },
    );
  const warnings = [...decoded.warnings, ...draft.warnings];
  const items = finishItems(
    draft,
    options.defaultTimeZoneOffsetMinutes ?? VIETNAM_OFFSET_MINUTES,
    warnings,
  );
  const title =
    draft.title === undefined
      ? ''
      : draft.title.isHtml
        ? htmlToText(draft.title.value, 2000)
        : tidyText(draft.title.value, 2000);
  return {
    format: draft.format,
    title: title === '' ? undefined : title,
    link: draft.link,
    items,
    warnings,
  };
}
