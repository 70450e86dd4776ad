import { AuthorizationResponseError, ResponseBodyError } from 'openid-client';
import { LangngheError } from '../core/errors.js';

/** An OAuth error code as the spec allows it (RFC 6749 §4.1.2.1); anything else is not echoed. */
const OAUTH_ERROR_CODE = /^[\x20-\x21\x23-\x5b\x5d-\x7e]{1,64}$/;

/** openid-client codes for a provider that answered, but not as an OAuth server would. */
const PROVIDER_MALFUNCTION = new Set([
  'OAUTH_RESPONSE_IS_NOT_CONFORM',
  'OAUTH_RESPONSE_IS_NOT_JSON',
]);

/** `auth.oidc_failed`: the login attempt is refused; the user has to start again. */
export function oidcFailed(message: string, options: { cause?: unknown; reason?: string } = {}) {
  return new LangngheError('auth.oidc_failed', message, {
    details: options.reason === undefined ? {} : { reason: options.reason },
    cause: options.cause,
  });
}

/** `auth.oidc_unavailable`: the identity provider could not be reached or misbehaved. */
export function oidcUnavailable(message: string, cause: unknown) {
  return new LangngheError('auth.oidc_unavailable', message, { cause });
}

/** The provider's `error` parameter if it is a well-formed OAuth error code. */
export function oauthErrorCode(value: string | null | undefined): string {
  return value != null && OAUTH_ERROR_CODE.test(value) ? value : 'unknown';
}

/**
 * Translates what openid-client threw while finishing a login. The cause is a copy that keeps
 * the name, code and message only: openid-client attaches the raw response, the token endpoint
 * body or the JWT itself to some of its errors, and those must not reach a log.
 */
export function toOidcFinishError(error: unknown): LangngheError {
  if (error instanceof LangngheError) return error;
  if (error instanceof AuthorizationResponseError) {
    const code = oauthErrorCode(error.error);
    return oidcFailed(`The identity provider refused the login (${code}).`, {
      reason: code,
      cause: redacted(error),
    });
  }
  if (error instanceof ResponseBodyError) {
    const code = oauthErrorCode(error.error);
    return oidcFailed(`The identity provider refused the authorization code (${code}).`, {
      reason: code,
      cause: redacted(error),
    });
  }
  if (isNetworkFailure(error) || PROVIDER_MALFUNCTION.has(codeOf(error) ?? '')) {
    return oidcUnavailable('The identity provider could not complete the login.', redacted(error));
  }
  const detail = innermostMessage(error);
  return oidcFailed(`The identity provider's answer failed validation: ${detail}.`, {
    reason: codeOf(error) ?? 'invalid',
    cause: redacted(error),
  });
}

function redacted(error: unknown): Error {
  const copy = new Error(error instanceof Error ? innermostMessage(error) : String(error));
  copy.name = error instanceof Error ? error.name : 'Error';
  const code = codeOf(error);
  return code === undefined ? copy : Object.assign(copy, { code });
}

/** openid-client wraps oauth4webapi's precise (and token-free, static) message in a generic one. */
function innermostMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error.cause;
  return inner instanceof Error && inner.message !== '' ? inner.message : error.message;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  // undici rejects with a plain TypeError ("fetch failed"); openid-client's own argument errors
  // are TypeErrors too, but always carry an ERR_* code.
  return error instanceof TypeError && codeOf(error) === undefined;
}
