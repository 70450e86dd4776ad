import { LangngheError } from '../core/errors.js';
import { checkUrlAddress } from './address-policy.js';
import type { AddressPolicy } from './address-policy.js';

/** Redirects followed per request, as most browsers' and crawlers' limit of 5 hops. */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Not sent on to another origin (as the Fetch standard and undici drop them). */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding']);

export interface RedirectingRequest {
  fetch: typeof fetch;
  policy: AddressPolicy;
  method: string;
  headers: Record<string, string>;
  body?: string | Buffer | URLSearchParams;
  signal: AbortSignal;
  /** Whether a redirect may lead to this URL; a refused one is `source.redirect`. */
  isRedirectAllowed?: (url: string) => boolean;
  redact(text: string): string;
}

function without(headers: Record<string, string>, names: Set<string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !names.has(name.toLowerCase())),
  );
}

/**
 * Fetches `url`, following up to `MAX_REDIRECTS` redirects by hand so each hop is checked before
 * it is requested: an http(s) scheme, an allowed address literal (names are checked when they
 * are resolved, by the fetch's guarded connections), and `isRedirectAllowed`. 303, and 301/302
 * after a POST, go on as a GET without a body; credentials are not sent to another origin.
 * Resolves with the first answer that is not a redirect, and the URL that gave it.
 */
export async function fetchFollowingRedirects(
  url: string,
  request: RedirectingRequest,
): Promise<{ response: Response; url: string }> {
  let current = new URL(url);
  let { method, headers, body } = request;
  for (let hop = 0; ; hop++) {
    checkUrlAddress(request.policy, current);
    const response = await request.fetch(current.toString(), {
      method,
      headers,
      body,
      signal: request.signal,
      redirect: 'manual',
    });
    const location = REDIRECT_STATUSES.has(response.status)
      ? response.headers.get('location')
      : null;
    if (location === null) return { response, url: current.toString() };
    await response.body?.cancel().catch(() => undefined);
    const shown = request.redact(current.toString());
    if (hop >= MAX_REDIRECTS)
      throw new LangngheError(
        'source.redirect',
        `${request.redact(url)} redirected more than ${MAX_REDIRECTS} times`,
        { details: { url: request.redact(url) } },
      );
    let next: URL;
    try {
      next = new URL(location, current);
    } catch (error) {
      throw new LangngheError('source.bad_response', `${shown} redirected to an unreadable URL`, {
        details: { url: shown, status: response.status },
        cause: error,
      });
    }
    if (request.isRedirectAllowed?.(next.toString()) === false)
      throw new LangngheError(
        'source.redirect',
        `${shown} redirected to ${request.redact(next.toString())}, which it may not lead to`,
        { details: { url: shown, location: request.redact(next.toString()) } },
      );
    if (next.origin !== current.origin) headers = without(headers, CREDENTIAL_HEADERS);
    if (response.status === 303 || (response.status <= 302 && method === 'POST')) {
      if (method !== 'HEAD') method = 'GET';
      body = undefined;
      headers = without(headers, BODY_HEADERS);
    }
    current = next;
  }
}
