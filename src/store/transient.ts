import { isLangngheError } from '../core/errors.js';

/** Store errors that say "not now" rather than "never": the same write may succeed later. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set(['store.busy', 'store.full', 'store.io']);

/** True for a store error worth retrying: the write lock held too long, a full disk, an I/O error. */
export function isTransientStoreError(error: unknown): boolean {
  return isLangngheError(error) && TRANSIENT_CODES.has(error.code);
}
