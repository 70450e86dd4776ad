import type { AnyNode, ChildNode, Element } from 'domhandler';
import { hasChildren, isCDATA, isTag, isText } from 'domhandler';
import { getInnerHTML } from 'domutils';

/** An element's name without its namespace prefix, lower-cased (`content:encoded` → `encoded`). */
export function localName(element: Element): string {
  const name = element.name;
  const colon = name.indexOf(':');
  return (colon === -1 ? name : name.slice(colon + 1)).toLowerCase();
}

const ENTRY_NAMES = new Set(['item', 'entry']);

/**
 * Feed elements that never belong to a text: in a broken feed an unclosed `<description>` or
 * `<title>` swallows the item's next fields (or the next items), which are not its text.
 */
const FIELD_NAMES = new Set([
  ...ENTRY_NAMES,
  'author',
  'category',
  'comments',
  'creator',
  'date',
  'description',
  'encoded',
  'enclosure',
  'guid',
  'id',
  'link',
  'pubdate',
  'published',
  'source',
  'summary',
  'title',
  'updated',
]);

/** Whether an element's name has a namespace prefix (`dc:date`, `atom:link`). */
export function isPrefixed(element: Element): boolean {
  return element.name.includes(':');
}

export function childElements(element: Element): Element[] {
  return element.children.filter((node): node is Element => isTag(node));
}

function isNamed(element: Element, name: string, isUnprefixed: boolean): boolean {
  return localName(element) === name && (!isUnprefixed || !isPrefixed(element));
}

/** The first descendant so named, not looking into nested entries. */
function findDescendant(
  element: Element,
  name: string,
  isUnprefixed: boolean,
): Element | undefined {
  for (const child of childElements(element)) {
    if (ENTRY_NAMES.has(localName(child))) continue;
    if (isNamed(child, name, isUnprefixed)) return child;
    const found = findDescendant(child, name, isUnprefixed);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The first direct child with a local name; failing that, the first such descendant outside
 * nested entries, where an unclosed tag (`<title>Tin <link>…`) has pushed it down.
 * `isUnprefixed` asks for the name with no namespace prefix: an RSS `<link>` is not the
 * `<atom:link rel="self">` many channels also carry.
 */
export function childNamed(
  element: Element,
  name: string,
  options: { isUnprefixed?: boolean } = {},
): Element | undefined {
  const isUnprefixed = options.isUnprefixed === true;
  return (
    childElements(element).find((child) => isNamed(child, name, isUnprefixed)) ??
    findDescendant(element, name, isUnprefixed)
  );
}

export function childrenNamed(element: Element, name: string): Element[] {
  return childElements(element).filter((child) => localName(child) === name);
}

/** Every element with one of the local names, in document order, nested ones included. */
export function findAll(nodes: readonly AnyNode[], names: ReadonlySet<string>): Element[] {
  const out: Element[] = [];
  const walk = (list: readonly AnyNode[]): void => {
    for (const node of list) {
      if (!isTag(node)) continue;
      if (names.has(localName(node))) out.push(node);
      walk(node.children);
    }
  };
  walk(nodes);
  return out;
}

function collect(nodes: readonly ChildNode[], out: string[]): void {
  for (const node of nodes) {
    if (isText(node)) out.push(node.data);
    else if (isCDATA(node)) collect(node.children, out);
    else if (isTag(node) && !FIELD_NAMES.has(localName(node))) collect(node.children, out);
  }
}

/**
 * An element's text (CDATA included), without the feed fields a broken feed nested in it (see
 * `FIELD_NAMES`).
 */
export function ownText(element: Element | undefined): string {
  if (element === undefined) return '';
  const out: string[] = [];
  collect(element.children, out);
  return out.join('').trim();
}

/**
 * An element that should hold escaped HTML, as HTML: its text, or, when a broken feed wrote the
 * markup unescaped (`<description><p>…</p></description>`), the markup itself.
 */
export function markupOf(element: Element | undefined): string {
  if (element === undefined) return '';
  const tags = element.children.filter((node): node is Element => isTag(node));
  if (tags.length === 0 || findAll(tags, FIELD_NAMES).length > 0) return ownText(element);
  return getInnerHTML(element).trim();
}

/** The text of a child, or undefined when the child is absent or blank. */
export function childText(
  element: Element,
  name: string,
  options: { isUnprefixed?: boolean } = {},
): string | undefined {
  const text = ownText(childNamed(element, name, options));
  return text === '' ? undefined : text;
}

/** Resolves a possibly relative URL; undefined for an unusable one. */
export function resolveUrl(raw: string | undefined, base: string | undefined): string | undefined {
  const trimmed = raw?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  try {
    return new URL(trimmed, base).toString();
  } catch {
    return base === undefined ? trimmed : undefined;
  }
}

/**
 * The base URL in force at an element: each `xml:base` on the way down resolves against the one
 * above it (nested relative bases compose), starting from `documentBase`.
 */
export function baseOf(node: AnyNode, documentBase: string | undefined): string | undefined {
  const parent = node.parent;
  const above =
    parent !== null && hasChildren(parent) ? baseOf(parent, documentBase) : documentBase;
  if (!isTag(node)) return above;
  const own = node.attribs['xml:base'];
  return own === undefined ? above : (resolveUrl(own, above) ?? above);
}
