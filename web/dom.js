/* global document */

/**
 * Creates an element. Text is set with textContent and attributes with setAttribute, never as
 * HTML, so nothing passed here is ever parsed as markup.
 * @param {string} tag
 * @param {{className?: string, text?: string, attrs?: Record<string, string>, hidden?: boolean}} [options]
 * @param {Array<Node | string | null | undefined | false>} [children]
 * @returns {HTMLElement}
 */
export function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  if (options.hidden) node.hidden = true;
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** A bilingual label: Vietnamese first, English second and quieter. */
export function bilingual(vi, en) {
  return el('span', { className: 'bi' }, [
    el('span', { className: 'vi', text: vi }),
    el('span', { className: 'en', text: en }),
  ]);
}

/** Removes every child of a node. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}
