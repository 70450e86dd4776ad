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
export function checkBearer(
  header: string | undefined,
  token: string | undefined,
  purpose: BearerPurpose = INGEST,
): void {
  if (token === undefined || token === '') {
    throw new LangngheError(
      'auth.disabled',
      `${purpose.what} over HTTP is disabled because no ${purpose.name} is configured. Set ${purpose.env} (or "${purpose.setting}" in langnghe.config.json), restart, and send it as "Authorization: Bearer <token>".`,
    );
  }
  const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header ?? '');
  if (match === null) {
    throw new LangngheError(
      'auth.required',
      `Send the ${purpose.name} as "Authorization: Bearer <token>"`,
    );
  }
  if (!timingSafeEqual(digest(match[1]!), digest(token))) {
    throw new LangngheError('auth.invalid', `The ${purpose.name} is not valid`);
  }
}

/** Which token a route asks for, to name it in the error messages. */
export interface BearerPurpose {
  what: string;
  name: string;
  env: string;
  setting: string;
}

export const INGEST: BearerPurpose = {
  what: 'Ingest',
  name: 'ingest token',
  env: 'LANGNGHE_INGEST_TOKEN',
  setting: 'ingestToken',
};

export const ADMIN: BearerPurpose = {
  what: 'Source management',
  name: 'admin token',
  env: 'LANGNGHE_ADMIN_TOKEN',
  setting: 'adminToken',
};
