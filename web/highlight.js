/**
 * Highlighting without HTML: a text and the [start, end) ranges a query matched become plain
 * segments, and segments become DOM text nodes and <mark> elements. Post text is hostile, so it
 * only ever reaches the page through createTextNode.
 */

/**
 * Splits `text` into segments, marking the given ranges (UTF-16 offsets, end exclusive).
 * Ranges are clamped to the text, sorted and merged; empty or inverted ones are dropped.
 * @param {string} text
 * @param {ReadonlyArray<{start: number, end: number}>} ranges
 * @returns {{text: string, isMark: boolean}[]}
 */
export function highlightSegments(text, ranges) {
  const clean = ranges
    .map((r) => ({
      start: Math.max(0, Math.min(text.length, Math.trunc(Number(r.start)) || 0)),
      end: Math.max(0, Math.min(text.length, Math.trunc(Number(r.end)) || 0)),
    }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged = [];
  for (const range of clean) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  const segments = [];
  let at = 0;
  for (const { start, end } of merged) {
    if (start > at) segments.push({ text: text.slice(at, start), isMark: false });
    segments.push({ text: text.slice(start, end), isMark: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), isMark: false });
  return segments;
}

/**
 * Appends `text` to `parent` with the ranges wrapped in <mark>, using only text nodes.
 * @param {{ownerDocument: Document | null, appendChild(node: Node): Node}} parent
 * @param {string} text
 * @param {ReadonlyArray<{start: number, end: number}>} ranges
 */
export function appendHighlighted(parent, text, ranges) {
  const doc = parent.ownerDocument;
  for (const segment of highlightSegments(text, ranges)) {
    const node = doc.createTextNode(segment.text);
    if (segment.isMark) {
      const mark = doc.createElement('mark');
      mark.appendChild(node);
      parent.appendChild(mark);
    } else {
      parent.appendChild(node);
    }
  }
}

/**
 * A window of about `width` characters of `text` around its first highlight, with the ranges
 * shifted into it, and whether text was cut before or after.
 * @param {string} text
 * @param {ReadonlyArray<{start: number, end: number}>} ranges
 * @param {number} width
 */
export function snippet(text, ranges, width) {
  if (text.length <= width)
    return { text, ranges: [...ranges], isCutBefore: false, isCutAfter: false };
  const first = ranges.reduce((min, r) => Math.min(min, r.start), Infinity);
  const anchor = Number.isFinite(first) ? first : 0;
  const start = Math.max(0, Math.min(anchor - Math.floor(width / 3), text.length - width));
  const end = start + width;
  return {
    text: text.slice(start, end),
    ranges: ranges
      .filter((r) => r.end > start && r.start < end)
      .map((r) => ({ start: Math.max(0, r.start - start), end: Math.min(width, r.end - start) })),
    isCutBefore: start > 0,
    isCutAfter: end < text.length,
  };
}
