import type { Config } from '../config/index.js';

/** What the HTTP API needs of the configuration, plus knobs for tests and embedding. */
export interface ApiConfig extends Pick<Config, 'demo' | 'bodyLimitBytes' | 'maxStreams'> {
  /** Log level when the server logs (`logger: true`); default `info`. */
  logLevel?: Config['logLevel'];
  /** Milliseconds between SSE heartbeat comments (default 15,000). */
  heartbeatMs?: number;
  /** Version reported by GET /api/info (default: package.json's). */
  version?: string;
  /** Folder holding index.html and the page's assets (default: the package's `web/`). */
  webRoot?: string;
  /** How langnghe runs, reported by GET /api/info. */
  mode?: 'embedded';
  /** The address the server binds to (it is one of the host names it answers to). */
  bindHost?: string;
  /** Host names answered besides loopback and `bindHost`; others get 421. */
  allowedHosts?: readonly string[];
  /** Requests per minute per address or token (default 1,200). */
  rateLimitPerMinute?: number;
  /** Login attempts per minute per address (default 10). */
  loginRateLimitPerMinute?: number;
  /** Live streams per principal (default 5). */
  maxStreamsPerPrincipal?: number;
  /** Mark the session cookie Secure (HTTPS only). */
  cookieSecure?: boolean;
}

export const DEFAULT_HEARTBEAT_MS = 15_000;
export const DEFAULT_RATE_LIMIT = 1_200;
export const DEFAULT_LOGIN_RATE_LIMIT = 10;
export const DEFAULT_STREAMS_PER_PRINCIPAL = 5;
