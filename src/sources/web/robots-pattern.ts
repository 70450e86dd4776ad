/**
 * Path normalization and wildcard matching for robots.txt rules (RFC 9309 §2.2.2, §2.2.3).
 * Both the rule's pattern and the URL's path are brought to one percent-encoded form before
 * comparing, so `/a/ツ`, `/a/%E3%83%84` and `/a/%e3%83%84` are the same path and `%62` is `b`.
 */

const UNRESERVED = /[A-Za-z0-9\-._~]/;
const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;

function encodeChar(char: string): string {
  return [...Buffer.from(char, 'utf8')]
    .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
    .join('');
}

/**
 * The canonical form of a path (or pattern): characters outside printable US-ASCII are
 * percent-encoded as UTF-8, `%xx` of an unreserved character is decoded, every other `%xx` is
 * upper-cased. `*` and `$` pass through untouched.
 */
export function normalizeRobotsPath(path: string): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const char = path[i] as string;
    if (char === '%') {
      const pair = path.slice(i + 1, i + 3);
      if (HEX_PAIR.test(pair)) {
        const decoded = String.fromCharCode(parseInt(pair, 16));
        out += UNRESERVED.test(decoded) ? decoded : `%${pair.toUpperCase()}`;
        i += 2;
        continue;
      }
      out += '%25';
      continue;
    }
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x20 || code >= 0x7f) {
      const whole = String.fromCodePoint(code);
      out += encodeChar(whole);
      i += whole.length - 1;
      continue;
    }
    out += char;
  }
  return out;
}

/**
 * Whether a normalized `pattern` matches the start of a normalized `path`: `*` is any run of
 * characters, a trailing `$` anchors the end. Greedy with one backtrack point, so a hostile
 * pattern with many `*` costs O(pattern × path), never exponential time.
 */
export function matchesRobotsPattern(pattern: string, path: string): boolean {
  const isAnchored = pattern.endsWith('$');
  const body = isAnchored ? pattern.slice(0, -1) : pattern;
  let p = 0;
  let s = 0;
  let starAt = -1;
  let starPathAt = 0;
  while (s < path.length) {
    if (p === body.length && !isAnchored) return true;
    if (p < body.length && body[p] === '*') {
      starAt = p++;
      starPathAt = s;
    } else if (p < body.length && body[p] === path[s]) {
      p++;
      s++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      s = ++starPathAt;
    } else {
      return false;
    }
  }
  while (p < body.length && body[p] === '*') p++;
  return p === body.length;
}
