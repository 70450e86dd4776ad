import { LangngheError } from '../core/errors.js';

/** The key a page ends on: posts are ordered by (publishedAt, id). */
export interface PageKey {
  publishedAt: string;
  id: string;
}

/** Encodes a page key as an opaque, URL-safe cursor. */
export function encodePageCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify([key.publishedAt, key.id]), 'utf8').toString('base64url');
}

/** Decodes `encodePageCursor`'s output; anything else is `store.invalid`. */
export function decodePageCursor(cursor: string): PageKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new LangngheError('store.invalid', 'Invalid page cursor', { cause });
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string'
  ) {
    throw new LangngheError('store.invalid', 'Invalid page cursor');
  }
  return { publishedAt: parsed[0], id: parsed[1] };
}

/** A page size: `fallback` when absent, clamped to `max`; not a positive integer → `store.invalid`. */
export function pageLimit(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new LangngheError('store.invalid', 'limit must be a positive integer', {
      details: { limit },
    });
  }
  return Math.min(limit, max);
}
