import type { Config } from '../config/index.js';

/** What the HTTP API needs of the configuration, plus knobs for tests and embedding. */
export interface ApiConfig extends Pick<Config, 'demo' | 'bodyLimitBytes' | 'maxStreams'> {
  /** Log level when the server logs (`logger: true`); default `info`. */
  logLevel?: Config['logLevel'];
  /** Bearer token for POST /api/ingest; without one, ingest over HTTP is refused (403). */
  ingestToken?: string;
  /** Bearer token for managing sources over HTTP; without one those routes answer 403. */
  adminToken?: string;
  /** Milliseconds between SSE heartbeat comments (default 15,000). */
  heartbeatMs?: number;
  /** Version reported by GET /api/info (default: package.json's). */
  version?: string;
  /** Folder holding index.html and the page's assets (default: the package's `web/`). */
  webRoot?: string;
  /** How langnghe runs, reported by GET /api/info. */
  mode?: 'embedded';
}

export const DEFAULT_HEARTBEAT_MS = 15_000;
