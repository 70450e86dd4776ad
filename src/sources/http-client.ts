import type { LookupFunction } from 'node:net';
import type { Clock } from '../core/clock.js';
import { LangngheError, isLangngheError } from '../core/errors.js';
import { checkUrlAddress, DEFAULT_ADDRESS_POLICY } from './address-policy.js';
import type { AddressPolicy } from './address-policy.js';
import { backoffDelay, retryAfterMs, sleep as defaultSleep } from './backoff.js';
import { fetchFollowingRedirects } from './follow-redirects.js';
import { createGuardedFetch, createGuardedLookup, findAddressRefusal } from './guarded-connect.js';
import type { ResolveHost } from './guarded-connect.js';

export const DEFAULT_USER_AGENT = 'langnghe/0.1 (+https://github.com/langnghe/langnghe)';

/** What the client did, for logs and tests (never carries headers or secrets). */
export interface HttpEvent {
  type: 'retry' | 'wait';
  /** The redacted URL. */
  url: string;
  status?: number;
  /** Why: `status 503`, `network: ECONNRESET`, `politeness`. */
  reason: string;
  delayMs: number;
  attempt: number;
}

export interface HttpClientOptions {
  clock: Clock;
  /**
   * Which addresses requests may connect to, checked when each connection is made and on every
   * redirect (default: public addresses only). A refused one is `source.address_refused`.
   */
  addressPolicy?: AddressPolicy;
  /** Resolves host names for the address check (default: the system resolver); tests map names. */
  resolveHost?: ResolveHost;
  /**
   * Replaces the guarded fetch (tests): address literals and redirects are still checked here,
   * host names only as this fetch resolves them.
   */
  fetch?: typeof fetch;
  /** Waits between retries; tests pass one that records instead of sleeping. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  userAgent?: string;
  /** Tries per request, the first included (default 5). */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * The longest `Retry-After` honoured by waiting inside a request (default 5 min); a longer one
   * fails the request with `source.rate_limited` and `details.retryAfterMs`, so the scheduler
   * moves the source's next run instead of holding a slot.
   */
  maxRetryAfterMs?: number;
  /** Per attempt, until the whole body is read (default 30 s; a stream: until its headers). */
  timeoutMs?: number;
  /** Bodies larger than this fail with `source.too_large` (default 20 MiB). */
  maxBodyBytes?: number;
  /** Least time between two requests to one host (politeness; default 0). */
  minIntervalMs?: number;
  /** Values scrubbed from every error message (the source's decrypted credentials). */
  secrets?: readonly string[];
  onEvent?: (event: HttpEvent) => void;
}

export interface HttpRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer | URLSearchParams;
  signal?: AbortSignal;
  /** Statuses returned as responses instead of thrown (e.g. 304, 404 for an optional file). */
  acceptStatus?: readonly number[];
  /** Retry 5xx/429/network errors (default: true for GET and HEAD, false otherwise). */
  isRetryable?: boolean;
  /**
   * Whether a redirect may lead to this URL (a crawler keeps to one site); a refused one is
   * `source.redirect`. Every hop is also held to http(s) and the address policy.
   */
  isRedirectAllowed?: (url: string) => boolean;
}

export interface HttpResponse {
  /** The final URL after redirects. */
  url: string;
  status: number;
  headers: Headers;
  body: Buffer;
  /** The body decoded with the charset of Content-Type (UTF-8 when absent or unknown). */
  text(): string;
  /** The body as JSON; malformed JSON is `source.bad_response`. */
  json(): unknown;
}

export interface HttpStreamResponse {
  url: string;
  status: number;
  headers: Headers;
  body: ReadableStream<Uint8Array>;
}

export interface HttpClient {
  request(url: string, init?: HttpRequestInit): Promise<HttpResponse>;
  /** GET, expecting JSON. */
  getJson(url: string, init?: HttpRequestInit): Promise<unknown>;
  /** Opens a long-lived response (a stream); the connection is retried like a request. */
  stream(url: string, init?: HttpRequestInit): Promise<HttpStreamResponse>;
  /** Redacts credentials in a URL or message, for logs. */
  redact(text: string): string;
  /**
   * Holds a connection made outside this client (a WebSocket) to the same address policy: throws
   * `source.address_refused` when the URL's host is a refused address literal, and gives the
   * `lookup` the connection must use (it refuses names that resolve to refused addresses).
   */
  guardConnection(url: string): { lookup: LookupFunction };
}

const SECRET_PARAM = /(?:key|token|secret|signature|sig|password|passwd|proof|auth|code)$/i;

/** Replaces the values of credential-like query parameters with `***`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    let isChanged = false;
    for (const name of [...parsed.searchParams.keys()]) {
      if (SECRET_PARAM.test(name.replace(/[_-]/g, ''))) {
        parsed.searchParams.set(name, '***');
        isChanged = true;
      }
    }
    if (parsed.password !== '') {
      parsed.password = '***';
      isChanged = true;
    }
    return isChanged ? parsed.toString() : url;
  } catch {
    return url.slice(0, 200);
  }
}

/** The charset named by a Content-Type header, lower-cased, or undefined. */
export function charsetOf(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

/** windows-1252's characters at bytes 0x80–0x9F (the 5 unassigned bytes stay C1 controls). */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Decodes bytes with a WHATWG charset label (UTF-8 for an unknown one). Node 20's TextDecoder
 * reads windows-1252 and the labels that alias it (iso-8859-1, latin1, us-ascii) as plain
 * Latin-1, turning curly quotes, dashes and the euro sign into invisible C1 controls: they are
 * mapped back here. `isFatal` throws on bytes invalid in the charset.
 */
export function decodeBytes(
  bytes: Uint8Array,
  charset: string | undefined,
  isFatal = false,
): string {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8', { fatal: isFatal });
  } catch {
    decoder = new TextDecoder('utf-8', { fatal: isFatal });
  }
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

function snippet(body: Buffer): string {
  return body.toString('utf8', 0, Math.min(body.length, 300)).replace(/\s+/g, ' ').trim();
}

async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  if (body === null) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new LangngheError(
        'source.too_large',
        `The answer of ${url} is over ${maxBytes} bytes`,
        {
          details: { url, maxBytes },
        },
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function isTransientStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * The one HTTP door of every connector: a User-Agent, a timeout per attempt, a body size cap,
 * retries of 5xx / 408 / network errors with exponential backoff and jitter, 429 answered by
 * waiting for `Retry-After` (or the platform's reset header), per-host politeness, and errors as
 * `LangngheError`s whose messages never carry credentials:
 * `source.auth` (401/403: not retried), `source.rate_limited`, `source.http` (other statuses;
 * `details.status`), `source.network`, `source.timeout`, `source.too_large`, `source.bad_response`
 * (malformed JSON), `source.aborted`, `source.address_refused` (an address the policy refuses, at
 * connect time or on a redirect: not retried), `source.redirect` (over 5 redirects, or one
 * `isRedirectAllowed` refuses).
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const policy = options.addressPolicy ?? DEFAULT_ADDRESS_POLICY;
  const doFetch = options.fetch ?? createGuardedFetch(policy, options.resolveHost);
  const lookup = createGuardedLookup(policy, options.resolveHost);
  const wait = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 5 * 60_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBodyBytes = options.maxBodyBytes ?? 20 * 1024 * 1024;
  const minIntervalMs = options.minIntervalMs ?? 0;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  const nextAllowed = new Map<string, number>();

  const redact = (text: string): string => {
    let out = text.replace(/https?:\/\/[^\s"'<>]+/g, (url) => redactUrl(url));
    for (const secret of secrets) out = out.split(secret).join('***');
    return out;
  };

  async function politeWait(url: URL, signal: AbortSignal | undefined): Promise<void> {
    if (minIntervalMs <= 0) return;
    const now = options.clock.now();
    const at = nextAllowed.get(url.host) ?? 0;
    nextAllowed.set(url.host, Math.max(now, at) + minIntervalMs);
    if (at > now) {
      options.onEvent?.({
        type: 'wait',
        url: redact(url.toString()),
        reason: 'politeness',
        delayMs: at - now,
        attempt: 0,
      });
      await wait(at - now, signal);
    }
  }

  async function send(
    url: string,
    init: HttpRequestInit,
    isStream: boolean,
  ): Promise<{ response: Response; url: string; body?: Buffer }> {
    const parsed = new URL(url);
    checkUrlAddress(policy, parsed);
    const shown = redact(url);
    const method = (init.method ?? 'GET').toUpperCase();
    const isRetryable = init.isRetryable ?? (method === 'GET' || method === 'HEAD');
    const attempts = isRetryable ? maxAttempts : 1;
    let lastError: LangngheError | undefined;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (init.signal?.aborted === true)
        throw new LangngheError('source.aborted', `Stopped before fetching ${shown}`);
      await politeWait(parsed, init.signal);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      const onAbort = (): void => controller.abort();
      init.signal?.addEventListener('abort', onAbort, { once: true });
      let delay: number | undefined;
      let reason = '';
      let status: number | undefined;
      let isHandedOver = false;
      try {
        const { response, url: finalUrl } = await fetchFollowingRedirects(url, {
          fetch: doFetch,
          policy,
          method,
          headers: { 'user-agent': userAgent, ...init.headers },
          body: init.body,
          signal: controller.signal,
          isRedirectAllowed: init.isRedirectAllowed,
          redact,
        });
        status = response.status;
        if (response.ok || init.acceptStatus?.includes(response.status) === true) {
          if (isStream) {
            isHandedOver = true;
            return { response, url: finalUrl };
          }
          const body = await readCapped(response.body, maxBodyBytes, shown);
          return { response, url: finalUrl, body };
        }
        const body = await readCapped(response.body, 64 * 1024, shown).catch(() => Buffer.alloc(0));
        const detail = redact(snippet(body));
        if (response.status === 401 || response.status === 403) {
          throw new LangngheError(
            'source.auth',
            `${shown} answered ${response.status}: the credentials are missing, expired or lack a permission${detail === '' ? '' : ` (${detail})`}`,
            { details: { status: response.status, url: shown } },
          );
        }
        const asked = retryAfterMs(response.headers, options.clock.now());
        if (response.status === 429) {
          lastError = new LangngheError(
            'source.rate_limited',
            `${shown} answered 429 Too Many Requests${asked === undefined ? '' : `; retry after ${Math.ceil(asked / 1000)} s`}`,
            { details: { status: 429, url: shown, retryAfterMs: asked } },
          );
          if (asked !== undefined && asked > maxRetryAfterMs) throw lastError;
          delay =
            asked ?? backoffDelay(attempt, { baseMs: baseDelayMs, maxMs: maxDelayMs, random });
        } else {
          lastError = new LangngheError(
            'source.http',
            `${shown} answered ${response.status}${detail === '' ? '' : `: ${detail}`}`,
            { details: { status: response.status, url: shown } },
          );
          if (!isTransientStatus(response.status)) throw lastError;
          delay =
            asked !== undefined && asked <= maxRetryAfterMs
              ? asked
              : backoffDelay(attempt, { baseMs: baseDelayMs, maxMs: maxDelayMs, random });
        }
        reason = `status ${response.status}`;
      } catch (error) {
        if (isLangngheError(error)) {
          if (error.code !== 'source.rate_limited' && error.code !== 'source.http') throw error;
          if (delay === undefined) throw error;
        } else {
          if (isAborted(init.signal))
            throw new LangngheError('source.aborted', `Stopped while fetching ${shown}`);
          const refusal = findAddressRefusal(error);
          if (refusal !== undefined) throw refusal;
          const isTimeout = controller.signal.aborted;
          const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
          lastError = isTimeout
            ? new LangngheError('source.timeout', `${shown} did not answer in ${timeoutMs} ms`, {
                details: { url: shown },
              })
            : new LangngheError(
                'source.network',
                `${shown} could not be reached: ${redact(cause)}`,
                {
                  details: { url: shown },
                },
              );
          reason = isTimeout ? 'timeout' : `network: ${redact(cause)}`;
          delay = backoffDelay(attempt, { baseMs: baseDelayMs, maxMs: maxDelayMs, random });
        }
      } finally {
        clearTimeout(timer);
        // A stream's body keeps following the caller's signal after the headers arrived.
        if (!isHandedOver) init.signal?.removeEventListener('abort', onAbort);
      }
      if (attempt + 1 >= attempts) break;
      options.onEvent?.({ type: 'retry', url: shown, status, reason, delayMs: delay, attempt });
      await wait(delay, init.signal);
    }
    throw lastError ?? new LangngheError('source.network', `${shown} failed`);
  }

  const client: HttpClient = {
    redact,
    guardConnection(url) {
      const parsed = new URL(url);
      checkUrlAddress(policy, parsed, [parsed.protocol]);
      return { lookup };
    },
    async request(url, init = {}) {
      const { response, url: finalUrl, body = Buffer.alloc(0) } = await send(url, init, false);
      return {
        url: finalUrl,
        status: response.status,
        headers: response.headers,
        body,
        text: () => decodeBytes(body, charsetOf(response.headers.get('content-type'))),
        json: () => {
          try {
            return JSON.parse(body.toString('utf8')) as unknown;
          } catch (error) {
            throw new LangngheError(
              'source.bad_response',
              `${redact(finalUrl)} answered malformed JSON: ${(error as Error).message}`,
              { details: { url: redact(finalUrl), status: response.status } },
            );
          }
        },
      };
    },
    async getJson(url, init = {}) {
      const response = await client.request(url, {
        ...init,
        headers: { accept: 'application/json', ...init.headers },
      });
      return response.json();
    },
    async stream(url, init = {}) {
      const { response, url: finalUrl } = await send(url, init, true);
      if (response.body === null)
        throw new LangngheError('source.bad_response', `${redact(url)} answered no body`);
      return {
        url: finalUrl,
        status: response.status,
        headers: response.headers,
        body: response.body,
      };
    },
  };
  return client;
}
