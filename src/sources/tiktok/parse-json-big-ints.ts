/** Integers longer than this many digits may not survive a trip through a double. */
const SAFE_DIGITS = 15;
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * `JSON.parse` that keeps integers too long for a double (TikTok's int64 video and comment ids,
 * e.g. 7106594312292453675) as their exact decimal strings; every other value parses as usual.
 * Node 20's `JSON.parse` has no access to the source text of a number, so the long integer
 * literals are quoted before parsing. Throws `SyntaxError` on malformed JSON, as `JSON.parse` does.
 */
export function parseJsonKeepingBigInts(text: string): unknown {
  let out = '';
  let start = 0;
  let isInString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (isInString) {
      if (char === '\\') i++;
      else if (char === '"') isInString = false;
      continue;
    }
    if (char === '"') {
      isInString = true;
      continue;
    }
    if (char !== '-' && (char === undefined || char < '0' || char > '9')) continue;
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (match === null) continue;
    const literal = match[0];
    const isLongInteger =
      match[1] === undefined &&
      match[2] === undefined &&
      literal.replace('-', '').length > SAFE_DIGITS;
    if (isLongInteger) {
      out += `${text.slice(start, i)}"${literal}"`;
      start = i + literal.length;
    }
    i += literal.length - 1;
  }
  return JSON.parse(out + text.slice(start));
}
