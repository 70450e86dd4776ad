import { LangngheError } from '../core/errors.js';

const LOGIN = /^[a-z0-9][a-z0-9._@-]{1,63}$/;
const WORKSPACE_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** A login: 2–64 of a–z, 0–9, `.`, `_`, `@`, `-`, starting with a letter or digit; lower-cased. */
export function checkLogin(login: string): string {
  const value = login.normalize('NFC').trim().toLowerCase();
  if (!LOGIN.test(value)) {
    throw new LangngheError(
      'input.invalid',
      'Tên đăng nhập gồm 2–64 ký tự a–z, 0–9, . _ @ - / a login is 2–64 characters of a–z, 0–9, . _ @ -',
      { details: { field: 'login' } },
    );
  }
  return value;
}

/** A workspace id: 2–63 of a–z, 0–9 and `-` (it appears in URLs and headers). */
export function checkWorkspaceId(id: string): string {
  if (!WORKSPACE_ID.test(id)) {
    throw new LangngheError(
      'input.invalid',
      'Mã không gian làm việc gồm 2–63 ký tự a–z, 0–9, - / a workspace id is 2–63 characters of a–z, 0–9, -',
      { details: { field: 'id' } },
    );
  }
  return id;
}
