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

/** Decodes HTML character references (`&amp;`, `&#7853;`, `&#x1EAD;`); unknown ones stay. */
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

/** True when the text carries HTML markup worth converting (tags, not a lone `<`). */
export function looksLikeHtml(text: string): boolean {
  return /<\/?(?:p|br|div|span|a|b|i|em|strong|img|ul|ol|li|h[1-6]|table|tr|td|figure|figcaption|blockquote|script|style)\b[^>]*>/i.test(
    text,
  );
}

/**
 * Turns an HTML fragment into plain text: scripts, styles and comments dropped, block elements
 * and `<br>` become line breaks, other tags removed, entities decoded, blank runs squeezed.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(
        /<\/?(?:p|div|li|ul|ol|h[1-6]|tr|table|blockquote|figure|figcaption|section|article|header|footer)\b[^>]*>/gi,
        '\n',
      )
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}
