import { parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import { isTag, isText } from 'domhandler';

/** The longest text an item keeps; longer ones are cut (a feed is not an archive). */
export const MAX_TEXT_CHARS = 100_000;

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'iframe', 'svg']);

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'img',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

function collectText(nodes: readonly ChildNode[], out: string[]): void {
  for (const node of nodes) {
    if (isText(node)) out.push(node.data);
    else if (isTag(node)) {
      const name = node.name.toLowerCase();
      if (SKIPPED.has(name)) continue;
      const isBlock = BLOCKS.has(name);
      if (isBlock) out.push(' ');
      collectText(node.children, out);
      if (isBlock) out.push(' ');
    }
  }
}

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
  const out: string[] = [];
  collectText(parseDocument(html).children, out);
  return tidyText(out.join(''), maxChars);
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
