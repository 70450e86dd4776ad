import { charsetOf, decodeBytes } from '../http-client.js';

/** A feed's bytes as text, and the charset they were read with. */
export interface DecodedFeed {
  text: string;
  charset: string;
  warnings: string[];
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  return undefined;
}

/** UTF-16 without a BOM shows as `<` next to a zero byte (XML 1.0 appendix F). */
function sniffUtf16(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return 'utf-16be';
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return 'utf-16le';
  return undefined;
}

function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  const match = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return match?.[1]?.toLowerCase();
}

/** Decodes with a WHATWG charset label (windows-1252 by its real table, see `decodeBytes`). */
function decode(bytes: Uint8Array, charset: string, isFatal = false): string {
  return decodeBytes(bytes, charset, isFatal);
}

function isSupported(charset: string): boolean {
  try {
    new TextDecoder(charset);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a feed the way XML says to find its charset: a byte order mark first, then the HTTP
 * Content-Type's charset (RFC 7303 lets it override the document), then the `<?xml encoding?>`
 * declaration, then UTF-8. Undeclared bytes that are not valid UTF-8 are read as windows-1252,
 * the usual mistake of old CMSs, with a warning. UTF-16 declared in a document that is 8-bit
 * (its declaration was readable as ASCII) is ignored, as browsers do.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): DecodedFeed {
  const warnings: string[] = [];
  const bom = bomCharset(bytes);
  if (bom !== undefined)
    return {
      text: decode(bytes.subarray(bom.length), bom.charset),
      charset: bom.charset,
      warnings,
    };
  const sniffed = sniffUtf16(bytes);
  let charset = charsetOf(contentType) ?? sniffed ?? declaredCharset(bytes);
  if (charset !== undefined && /^utf-?16/.test(charset) && sniffed === undefined)
    charset = undefined;
  if (charset !== undefined && !isSupported(charset)) {
    warnings.push(`unknown charset "${charset}", read as UTF-8`);
    charset = undefined;
  }
  if (charset !== undefined) return { text: decode(bytes, charset), charset, warnings };
  try {
    return {
      text: decode(bytes, 'utf-8', true),
      charset: 'utf-8',
      warnings,
    };
  } catch {
    warnings.push('bytes are not UTF-8 and no charset is declared: read as windows-1252');
    return {
      text: decode(bytes, 'windows-1252'),
      charset: 'windows-1252',
      warnings,
    };
  }
}
