import { LangngheError } from '../../core/errors.js';

/** SQLite result-code prefixes and the store code each becomes; first match wins. */
const CODES: readonly [string, string][] = [
  ['SQLITE_CONSTRAINT_PRIMARYKEY', 'store.conflict'],
  ['SQLITE_CONSTRAINT_UNIQUE', 'store.conflict'],
  ['SQLITE_CONSTRAINT_FOREIGNKEY', 'store.not_found'],
  ['SQLITE_CONSTRAINT', 'store.invalid'],
  ['SQLITE_READONLY', 'store.readonly'],
  ['SQLITE_BUSY', 'store.busy'],
  ['SQLITE_FULL', 'store.full'],
  ['SQLITE_IOERR', 'store.io'],
  ['SQLITE_LOCKED', 'store.busy'],
  ['SQLITE_NOTADB', 'store.invalid'],
  ['SQLITE_CANTOPEN', 'store.invalid'],
];

/**
 * Translates what better-sqlite3 throws into the store's error codes, keeping the original as
 * `cause`. LangngheErrors pass through unchanged.
 */
export function toStoreError(error: unknown): LangngheError {
  if (error instanceof LangngheError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') {
    // better-sqlite3 throws a plain TypeError once the connection is closed.
    const storeCode = message.includes('connection is not open')
      ? 'store.closed'
      : 'store.internal';
    return new LangngheError(storeCode, message, { cause: error });
  }
  const storeCode = CODES.find(([prefix]) => code.startsWith(prefix))?.[1] ?? 'store.internal';
  return new LangngheError(storeCode, `SQLite: ${message}`, {
    cause: error,
    details: { sqlite: code },
  });
}
