export {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  checkPasswordPolicy,
  decoyHash,
  generatePassword,
  hashPassword,
  verifyPassword,
} from './passwords.js';
export {
  API_TOKEN_PREFIX,
  isSameSecret,
  newApiTokenSecret,
  randomSecret,
  secretHash,
} from './secret-tokens.js';
export { OIDC_LOGIN_TTL_MS, createOidcLogin } from './oidc.js';
export type {
  OidcIdentity,
  OidcLogin,
  OidcLoginOptions,
  OidcSettings,
  PendingOidcLogin,
} from './oidc.js';
