import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The prefix of API tokens, so that a leaked one is recognizable (secret scanners, logs). */
export const API_TOKEN_PREFIX = 'lng_';

/** A new random secret: 32 bytes, base64url. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** An API token's secret, shown once to its creator. */
export function newApiTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomSecret()}`;
}

/** What the store keeps of a session id or a token: SHA-256, hex. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two strings in time independent of where they differ. */
export function isSameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right);
}
