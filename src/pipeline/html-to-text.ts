const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  copy: '©',
  reg: '®',
};

/** Tags whose presence makes a text HTML worth converting. */
const HTML_HINTS = new Set(
  'p br div span a b i em strong img ul ol li h1 h2 h3 h4 h5 h6 table tr td figure figcaption blockquote script style'.split(
    ' ',
  ),
);
/** Tags that become a line break, opening or closing. */
const BLOCKS = new Set(
  'br p div li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote figure figcaption section article header footer'.split(
    ' ',
  ),
);
/** Elements dropped with their content, up to their closing tag. */
const RAW_TEXT = new Set(['script', 'style', 'noscript', 'template']);
/** The longest name in the sets above: a longer word is none of them. */
const MAX_NAME = 10;

const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;

/**
 * Decodes HTML character references (`&amp;`, `&#7853;`, `&#x1EAD;`); unknown ones stay. Linear:
 * every attempt reads at most 10 characters after its `&`.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : '\uFFFD';
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

function isWordChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f
  );
}

/** What JavaScript's `\s` matches. */
function isSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The tag name after `<` or `</` at `start`, lower-cased: the whole ASCII word there (so `<pre>`
 * is not `p`), or '' when there is none or it is longer than any name we look for.
 */
function nameAt(text: string, start: number): string {
  let end = start;
  while (end - start <= MAX_NAME && isWordChar(text.charCodeAt(end))) end++;
  return end - start > MAX_NAME ? '' : text.slice(start, end).toLowerCase();
}

/** Where a tag's name starts: after `<`, or after `</`. */
function nameStart(text: string, lt: number): number {
  return text.charCodeAt(lt + 1) === SLASH ? lt + 2 : lt + 1;
}

/** True when the text carries HTML markup worth converting (tags, not a lone `<`). */
export function looksLikeHtml(text: string): boolean {
  const lastGt = text.lastIndexOf('>');
  for (let lt = text.indexOf('<'); lt >= 0 && lt < lastGt; lt = text.indexOf('<', lt + 1)) {
    if (HTML_HINTS.has(nameAt(text, nameStart(text, lt)))) return true;
  }
  return false;
}

/**
 * The next index of `needle` at or after `from`, for calls whose `from` never decreases: a found
 * index is reused until passed, and a miss is final. Each character is searched once.
 */
function createFinder(text: string, needle: string): (from: number) => number {
  let found = -2;
  return (from) => {
    if (found === -1 || found >= from) return found;
    found = text.indexOf(needle, from);
    return found;
  };
}

/**
 * A left-to-right reading of one text. Every search either consumes what it reads (the scan goes
 * on after the tag, comment or element it found) or fails for the rest of the text (remembered,
 * never repeated), so converting a text reads each character a bounded number of times, whatever
 * it holds: no `<` retried to the end of the text, as `[^>]*>` and `[\s\S]*?</script>` were.
 */
interface Scanner {
  text: string;
  nextGt: (from: number) => number;
  nextCommentEnd: (from: number) => number;
  nextQuote: Record<number, (from: number) => number>;
  /** False once a tag ran to the end of the text inside quotes: quotes are ignored from then. */
  isQuoteAware: boolean;
  /** Raw-text elements with no closing tag left in the text. */
  unclosed: Set<string>;
}

function createScanner(text: string): Scanner {
  return {
    text,
    nextGt: createFinder(text, '>'),
    nextCommentEnd: createFinder(text, '-->'),
    nextQuote: { 0x22: createFinder(text, '"'), 0x27: createFinder(text, "'") },
    isQuoteAware: true,
    unclosed: new Set(),
  };
}

/** The `>` ending a tag, skipping those in quoted attribute values (`<a title="a > b">`). */
function quotedTagEnd(scanner: Scanner, lt: number): number {
  const { text } = scanner;
  for (let at = lt + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === GT) return at;
    if (code !== EQUALS) continue;
    let value = at + 1;
    while (isSpace(text.charCodeAt(value))) value++;
    const nextQuote = scanner.nextQuote[text.charCodeAt(value)];
    const close = nextQuote === undefined ? -1 : nextQuote(value + 1);
    if (close >= 0) at = close;
  }
  return -1;
}

/** Whether a quote comes before `end`, the first `>` after `lt`. */
function hasQuoteBefore(scanner: Scanner, lt: number, end: number): boolean {
  const double = scanner.nextQuote[0x22]!(lt + 1);
  const single = scanner.nextQuote[0x27]!(lt + 1);
  return (double >= 0 && double < end) || (single >= 0 && single < end);
}

/** The index of the `>` that ends the tag opened at `lt`, or -1 when none is left. */
function tagEnd(scanner: Scanner, lt: number): number {
  const firstGt = scanner.nextGt(lt + 1);
  if (firstGt < 0 || !scanner.isQuoteAware || !hasQuoteBefore(scanner, lt, firstGt)) return firstGt;
  const end = quotedTagEnd(scanner, lt);
  if (end >= 0) return end;
  // An unbalanced quote: read as the first `>`, as before, and never walk to the end again.
  scanner.isQuoteAware = false;
  return firstGt;
}

/** Whether `name` (lower-case) is written at `at`, in any case. */
function hasNameAt(text: string, at: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) {
    if ((text.charCodeAt(at + k) | 0x20) !== name.charCodeAt(k)) return false;
  }
  return true;
}

/** The index after `</name\s*>` at or after `from`, or -1 (then remembered for `name`). */
function closingTagEnd(scanner: Scanner, name: string, from: number): number {
  const { text } = scanner;
  if (scanner.unclosed.has(name)) return -1;
  for (let at = text.indexOf('</', from); at >= 0; at = text.indexOf('</', at + 2)) {
    if (!hasNameAt(text, at + 2, name)) continue;
    let end = at + 2 + name.length;
    while (isSpace(text.charCodeAt(end))) end++;
    if (text.charCodeAt(end) === GT) return end + 1;
  }
  scanner.unclosed.add(name);
  return -1;
}

/** A `<` opens markup when a letter, `/`, `!` or `?` follows (HTML's tag open state). */
function isMarkupStart(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    code === SLASH ||
    code === 0x21 ||
    code === 0x3f
  );
}

interface Markup {
  /** Index after the markup. */
  end: number;
  /** What the markup becomes in the text. */
  text: string;
}

/** The markup at `lt` (a `<`) and what replaces it, or undefined when the `<` is text. */
function markupAt(scanner: Scanner, lt: number): Markup | undefined {
  const { text } = scanner;
  if (text.startsWith('<!--', lt)) {
    const close = scanner.nextCommentEnd(lt + 4);
    if (close >= 0) return { end: close + 3, text: ' ' };
  }
  if (!isMarkupStart(text.charCodeAt(lt + 1))) return undefined;
  const gt = tagEnd(scanner, lt);
  if (gt < 0) return undefined;
  const isClosing = text.charCodeAt(lt + 1) === SLASH;
  const name = nameAt(text, nameStart(text, lt));
  if (!isClosing && RAW_TEXT.has(name)) {
    const end = closingTagEnd(scanner, name, gt + 1);
    if (end >= 0) return { end, text: ' ' };
  }
  return { end: gt + 1, text: BLOCKS.has(name) ? '\n' : '' };
}

/** The text with its markup replaced: comments and raw-text elements by a space, blocks by `\n`. */
function stripMarkup(html: string): string {
  const scanner = createScanner(html);
  const parts: string[] = [];
  let textFrom = 0;
  for (let lt = html.indexOf('<'); lt >= 0;) {
    const markup = markupAt(scanner, lt);
    if (markup === undefined) {
      // No `>` left: no later `<` can open markup either.
      if (scanner.nextGt(lt + 1) < 0) break;
      lt = html.indexOf('<', lt + 1);
      continue;
    }
    parts.push(html.slice(textFrom, lt), markup.text);
    textFrom = markup.end;
    lt = html.indexOf('<', markup.end);
  }
  parts.push(html.slice(textFrom));
  return parts.join('');
}

/**
 * Turns an HTML fragment into plain text: scripts, styles and comments dropped, block elements
 * and `<br>` become line breaks, other tags removed, entities decoded, blank runs squeezed. A `<`
 * that opens no tag (`giá < 5 triệu`) is text, as in a browser; a `<script>` with no closing tag
 * loses only its tag. Linear in the length of `html`, whatever it holds.
 */
export function htmlToText(html: string): string {
  // Blank runs squeezed to one space, then spaces around a line break dropped. Neither pattern
  // matches a lone space or a lone `\n` (replacing those by themselves cost 8 ms on 400,000
  // characters of `<p `). Both are linear: a run is matched whole from its first character, and
  // after the first replacement no two spaces are adjacent.
  return decodeEntities(stripMarkup(html))
    .replace(/[\t\f\v\u00a0][ \t\f\v\u00a0]*| [ \t\f\v\u00a0]+/g, ' ')
    .replace(/ +\n\s*|\n\s+/g, '\n')
    .trim();
}
