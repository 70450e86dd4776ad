import { createHash, timingSafeEqual } from 'node:crypto';
import { LangngheError } from '../core/errors.js';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Checks an `Authorization` header against the configured token. Both sides are hashed first so
 * that the comparison takes the same time whatever the length or content of the guess. Throws
 * `auth.disabled` (no token configured), `auth.required` (no bearer token sent) or
 * `auth.invalid` (wrong token).
 */
export function checkBearer(header: string | undefined, token: string | undefined): void {
  if (token === undefined || token === '') {
    throw new LangngheError(
      'auth.disabled',
      'Ingest over HTTP is disabled because no ingest token is configured. Set LANGNGHE_INGEST_TOKEN (or "ingestToken" in langnghe.config.json), restart, and send it as "Authorization: Bearer <token>".',
    );
  }
  const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header ?? '');
  if (match === null) {
    throw new LangngheError(
      'auth.required',
      'Send the ingest token as "Authorization: Bearer <token>"',
    );
  }
  if (!timingSafeEqual(digest(match[1]!), digest(token))) {
    throw new LangngheError('auth.invalid', 'The ingest token is not valid');
  }
}
