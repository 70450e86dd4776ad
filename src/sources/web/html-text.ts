import { is, selectAll, selectOne } from 'css-select';
import { isTag, isText } from 'domhandler';
import type { AnyNode, Document, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/** Elements whose content is never page text. */
const NON_TEXT_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);

/** Elements that start a new paragraph in extracted text. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** Parses HTML leniently (entities decoded, tag names lower-cased) into a DOM. */
export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
}

/** Collapses runs of whitespace (no-break and zero-width spaces included) to one space. */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

/** Whether an element is a paragraph-level block (`p`, `div`, `li`, `h2`, `br`, …). */
export function isBlockElement(node: AnyNode): node is Element {
  return isTag(node) && BLOCK_TAGS.has(node.name);
}

function collectText(node: AnyNode, out: string[]): void {
  if (isText(node)) {
    out.push(node.data);
    return;
  }
  if (!isTag(node) && !('children' in node)) return;
  if (isTag(node) && NON_TEXT_TAGS.has(node.name)) return;
  for (const child of node.children) collectText(child, out);
}

/** The text of a node (or nodes) on one line, whitespace collapsed, scripts and styles left out. */
export function textOf(node: AnyNode | readonly AnyNode[]): string {
  const out: string[] = [];
  for (const one of Array.isArray(node) ? node : [node as AnyNode]) collectText(one, out);
  return collapseWhitespace(out.join(''));
}

function collectBlocks(node: AnyNode, state: { blocks: string[]; line: string[] }): void {
  if (isText(node)) {
    state.line.push(node.data);
    return;
  }
  if (!('children' in node)) return;
  if (isTag(node) && NON_TEXT_TAGS.has(node.name)) return;
  const isBlock = isBlockElement(node);
  if (isBlock) flushLine(state);
  for (const child of node.children) collectBlocks(child, state);
  if (isBlock) flushLine(state);
}

function flushLine(state: { blocks: string[]; line: string[] }): void {
  const text = collapseWhitespace(state.line.join(''));
  state.line = [];
  if (text !== '') state.blocks.push(text);
}

/** The paragraphs of a node, in order: one per block element, whitespace collapsed. */
export function paragraphsOf(node: AnyNode): string[] {
  const state = { blocks: [] as string[], line: [] as string[] };
  collectBlocks(node, state);
  flushLine(state);
  return state.blocks;
}

/** The text of a node with its paragraphs separated by a blank line (`\n\n`). */
export function blockTextOf(node: AnyNode): string {
  return paragraphsOf(node).join('\n\n');
}

/** Decodes HTML character references (`&amp;`, `&#7899;`, `&ocirc;`) in plain text. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return textOf(parseDocument(text.replace(/</g, '&lt;'), { decodeEntities: true }));
}

/** An attribute's value, trimmed, or undefined when absent or empty. */
export function attributeOf(element: Element, name: string): string | undefined {
  const value = element.attribs[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** `href` resolved against `base`, when it is an http(s) URL (fragment dropped). */
export function absoluteUrl(href: string | undefined, base: string): string | undefined {
  if (href === undefined || href.trim() === '') return undefined;
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.toString();
  } catch {
    return undefined;
  }
}

/** The elements under `root` (or among and under an array of roots) matching a CSS selector. */
export function selectElements(selector: string, root: AnyNode | AnyNode[]): Element[] {
  return selectAll<AnyNode, Element>(selector, root);
}

/** The first element under `root` matching a CSS selector, or undefined. */
export function selectFirst(selector: string, root: AnyNode | AnyNode[]): Element | undefined {
  return selectOne<AnyNode, Element>(selector, root) ?? undefined;
}

/** Whether an element itself matches a CSS selector. */
export function matchesSelector(element: Element, selector: string): boolean {
  return is<AnyNode, Element>(element, selector);
}
