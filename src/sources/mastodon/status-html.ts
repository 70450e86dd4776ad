import { Parser } from 'htmlparser2';

/** Elements that stand on their own lines (Mastodon allows p, pre, blockquote, lists, headings). */
const BLOCKS = new Set([
  'p',
  'div',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
const DROPPED = new Set(['script', 'style', 'template']);
/** A paragraph break: kept as a blank line once runs are squeezed. */
const BREAK = '\uE000';

/**
 * Mastodon's sanitized status HTML as plain text. Mastodon sends `content` as HTML even for plain
 * posts (https://docs.joinmastodon.org/api/guidelines/#formatting): paragraphs become blank-line
 * separated, `<br>` a line break, links keep their whole text (the `invisible` spans hold the
 * scheme and the cut tail of the URL, so joining them gives the full URL back), entities decoded.
 * Whitespace runs are collapsed as a browser would; the line breaks of a `<pre>` are kept.
 */
export function statusHtmlToText(html: string): string {
  const parts: string[] = [];
  let preDepth = 0;
  let droppedDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (DROPPED.has(name)) droppedDepth++;
        if (name === 'br' || name === 'li') parts.push('\n');
        else if (BLOCKS.has(name)) parts.push(BREAK);
        if (name === 'pre') preDepth++;
      },
      onclosetag(name) {
        if (DROPPED.has(name)) droppedDepth = Math.max(0, droppedDepth - 1);
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (BLOCKS.has(name)) parts.push(BREAK);
      },
      ontext(text) {
        if (droppedDepth > 0) return;
        const plain = text.replace(/\uE000/g, '');
        parts.push(preDepth > 0 ? plain : plain.replace(/[\t\n\f\r \u00a0]+/g, ' '));
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return squeezeLines(parts.join(''));
}

function squeezeLines(text: string): string {
  return text
    .replace(/ *\uE000[ \uE000]*/g, BREAK)
    .replace(/ *\n */g, '\n')
    .replace(/\n*\uE000\n*/g, '\n\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
