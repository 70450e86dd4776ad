import { parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import { isTag } from 'domhandler';
import { paragraphsOf, parseHtml } from '../web/html-text.js';

/** The longest text an item keeps; longer ones are cut (a feed is not an archive). */
export const MAX_TEXT_CHARS = 100_000;

/**
 * Text as people read it: whitespace runs (line breaks and no-break spaces included) become one
 * space, the ends are trimmed, Vietnamese written in decomposed form (NFD) is composed (NFC) so
 * that search and folding see one spelling, and the result is cut at `maxChars`.
 */
export function tidyText(text: string, maxChars: number = MAX_TEXT_CHARS): string {
  const tidy = text.replace(/\s+/g, ' ').trim().normalize('NFC');
  return tidy.length > maxChars ? tidy.slice(0, maxChars).trimEnd() : tidy;
}

/**
 * The readable text of an HTML fragment: tags dropped (scripts and styles with their content),
 * block elements kept apart by a space, entities decoded (HTML's named ones included, so a
 * double-encoded `&amp;amp;` in a feed ends as `&`), then tidied as `tidyText` says.
 */
export function htmlToText(html: string, maxChars: number = MAX_TEXT_CHARS): string {
  if (!/[<&]/.test(html)) return tidyText(html, maxChars);
  return tidyText(paragraphsOf(parseHtml(html)).join(' '), maxChars);
}

function findFirstImage(nodes: readonly ChildNode[]): string | undefined {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name.toLowerCase() === 'img') {
      const src = node.attribs.src ?? node.attribs['data-src'];
      if (src !== undefined && src.trim() !== '' && !src.startsWith('data:')) return src.trim();
    }
    const inner = findFirstImage(node.children);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** The `src` of the first `<img>` of an HTML fragment (inline `data:` images skipped). */
export function firstImageSrc(html: string): string | undefined {
  if (!/<img/i.test(html)) return undefined;
  return findFirstImage(parseDocument(html).children);
}
