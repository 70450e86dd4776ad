import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { LangngheError } from '../../core/errors.js';
import type { HttpClient } from '../http-client.js';
import { graphErrorOf, toGraphError, usageLimitOf } from './graph-errors.js';
import type { UsageLimit } from './graph-errors.js';

/** The Graph API host; `apiBaseUrl` replaces it only so tests can point at a local server. */
export const GRAPH_API_BASE_URL = 'https://graph.facebook.com';
export const GRAPH_API_VERSION = 'v21.0';

/** Config fields every Graph API source shares (Facebook Pages, Instagram). */
export const graphEndpointFields = {
  apiBaseUrl: z
    .url({ protocol: /^https?$/ })
    .default(GRAPH_API_BASE_URL)
    .describe('Graph API origin, without the version (tests point it at a local server)'),
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, 'a Graph API version such as v21.0')
    .default(GRAPH_API_VERSION)
    .describe('Graph API version path segment'),
};

/** A JSON object as the Graph API sends it: read with the helpers below, never trusted. */
export type GraphObject = Record<string, unknown>;

export function isGraphObject(value: unknown): value is GraphObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string, or a number as a string (Graph ids are sometimes numbers). */
export function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A count: a non-negative integer, or undefined when absent or not a count. */
export function countOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

export function objectsOf(value: unknown): GraphObject[] {
  return Array.isArray(value) ? value.filter(isGraphObject) : [];
}

/** `value.a.b…` when every step is an object; undefined otherwise. */
export function pathOf(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isGraphObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The largest time a JavaScript Date holds (ECMA-262 §21.4.1.1). */
const MAX_DATE_MS = 8.64e15;

/**
 * Epoch ms of a Graph time: an ISO string with a `+0000` offset (`created_time`, `timestamp`) or,
 * in webhook payloads, Unix seconds.
 */
export function graphTimeMs(value: unknown): number | undefined {
  let ms: number;
  if (typeof value === 'number') ms = value < 1e12 ? value * 1000 : value;
  else if (typeof value === 'string') ms = Date.parse(value);
  else return undefined;
  // A number past what a Date can hold would make `toISOString` throw further on.
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? ms : undefined;
}

/** `{ id, name }` of a Graph `from` object; undefined when privacy settings hide it. */
export function authorOf(from: unknown): { id: string; name?: string } | undefined {
  const id = stringOf(pathOf(from, 'id'));
  if (id === undefined) return undefined;
  const name = stringOf(pathOf(from, 'name'));
  return name === undefined ? { id } : { id, name };
}

/**
 * `appsecret_proof`: the hex HMAC-SHA256 of the access token keyed with the app secret, which
 * apps with "Require App Secret" must send with every call
 * (https://developers.facebook.com/docs/graph-api/guides/secure-requests).
 */
export function appSecretProof(accessToken: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

export interface GraphClientOptions {
  http: HttpClient;
  accessToken: string;
  appSecret?: string;
  apiBaseUrl: string;
  apiVersion: string;
  signal: AbortSignal;
}

/** One page of an edge: its objects, and the parameters of the next page when there is one. */
export interface GraphPage {
  data: GraphObject[];
  next?: Record<string, string>;
}

export interface GraphClient {
  /** The full URL of a Graph path with its parameters (and `appsecret_proof`). */
  url(path: string, params: Readonly<Record<string, string>>): string;
  /** GETs one Graph object; Graph errors become `LangngheError`s (see `toGraphError`). */
  get(path: string, params: Readonly<Record<string, string>>): Promise<GraphObject>;
  /** Reads an edge page by page, at most `maxPages`, stopping where `paging.next` is absent. */
  pages(
    path: string,
    params: Readonly<Record<string, string>>,
    maxPages: number,
  ): AsyncGenerator<GraphPage>;
}

/** Statuses the Graph API answers errors with; read as responses so the error code can be mapped. */
const GRAPH_ERROR_STATUSES = [400, 401, 403, 404] as const;
const CREDENTIAL_PARAMS = new Set(['access_token', 'appsecret_proof']);

/**
 * The parameters of the next page, or undefined at the end. The docs say the absence of
 * `paging.next` marks the last page (https://developers.facebook.com/docs/graph-api/results).
 * With an `after` cursor we keep our own parameters and add it; time-based edges (a Page feed)
 * page with `until`/`__paging_token`, so their `next` parameters are taken instead. The `next` URL
 * itself is never fetched: it carries the token in its query and may name another host.
 */
export function nextPageParams(
  body: GraphObject,
  current: Readonly<Record<string, string>>,
): Record<string, string> | undefined {
  const next = stringOf(pathOf(body, 'paging', 'next'));
  if (next === undefined) return undefined;
  const after = stringOf(pathOf(body, 'paging', 'cursors', 'after'));
  if (after !== undefined) return { ...current, after };
  let parsed: URL;
  try {
    parsed = new URL(next);
  } catch {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (const [name, value] of parsed.searchParams)
    if (!CREDENTIAL_PARAMS.has(name)) params[name] = value;
  return params;
}

/**
 * A Graph API client for one poll. The token travels in an `Authorization: Bearer` header (the
 * OAuth 2.0 bearer usage Graph accepts), never in a URL, so it cannot leak through logged URLs;
 * `appsecret_proof` is a query parameter as documented and redacted by the HTTP client. When the
 * usage headers say the app or business is at its limit, the next request is not sent: it fails
 * with `source.rate_limited` and the wait the headers give.
 */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const base = `${options.apiBaseUrl.replace(/\/+$/, '')}/${options.apiVersion}`;
  const proof =
    options.appSecret === undefined
      ? undefined
      : appSecretProof(options.accessToken, options.appSecret);
  let limit: UsageLimit | undefined;

  const url = (path: string, params: Readonly<Record<string, string>>): string => {
    const query = new URLSearchParams(params);
    if (proof !== undefined) query.set('appsecret_proof', proof);
    const encodedPath = path.split('/').map(encodeURIComponent).join('/');
    return `${base}/${encodedPath}?${query.toString()}`;
  };

  async function get(path: string, params: Readonly<Record<string, string>>): Promise<GraphObject> {
    const target = url(path, params);
    const shown = options.http.redact(target);
    if (limit !== undefined)
      throw new LangngheError(
        'source.rate_limited',
        `Not calling ${shown}: the Graph API usage headers reported the ${limit.scope} limit reached`,
        { details: { url: shown, retryAfterMs: limit.retryAfterMs } },
      );
    const response = await options.http.request(target, {
      headers: { authorization: `Bearer ${options.accessToken}`, accept: 'application/json' },
      signal: options.signal,
      acceptStatus: GRAPH_ERROR_STATUSES,
    });
    limit = usageLimitOf(response.headers);
    if (response.status >= 400) {
      let body: unknown;
      try {
        body = response.json();
      } catch {
        body = undefined;
      }
      throw toGraphError({ status: response.status, error: graphErrorOf(body), url: shown, limit });
    }
    const body = response.json();
    const error = graphErrorOf(body);
    if (error !== undefined)
      throw toGraphError({ status: response.status, error, url: shown, limit });
    if (!isGraphObject(body))
      throw new LangngheError(
        'source.bad_response',
        `${shown} answered JSON that is not an object`,
        {
          details: { url: shown },
        },
      );
    return body;
  }

  async function* pages(
    path: string,
    params: Readonly<Record<string, string>>,
    maxPages: number,
  ): AsyncGenerator<GraphPage> {
    let current: Readonly<Record<string, string>> | undefined = params;
    for (let page = 0; current !== undefined && page < maxPages; page++) {
      const body = await get(path, current);
      const next = nextPageParams(body, current);
      yield next === undefined
        ? { data: objectsOf(body.data) }
        : { data: objectsOf(body.data), next };
      current = next;
    }
  }

  return { url, get, pages };
}
