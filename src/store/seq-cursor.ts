import { LangngheError } from '../core/errors.js';

/** Encodes the sequence number a page ended on as an opaque, URL-safe cursor. */
export function encodeSeqCursor(seq: number): string {
  return Buffer.from(`s${seq}`, 'utf8').toString('base64url');
}

/** Decodes `encodeSeqCursor`'s output; anything else is `store.invalid`. */
export function decodeSeqCursor(cursor: string): number {
  const text = typeof cursor === 'string' ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const seq = /^s[1-9]\d{0,15}$/.test(text) ? Number(text.slice(1)) : Number.NaN;
  if (!Number.isSafeInteger(seq)) throw new LangngheError('store.invalid', 'Invalid page cursor');
  return seq;
}
