import type { z } from 'zod';
import type { Clock } from '../core/clock.js';
import type { Platform } from '../core/types.js';
import type { HttpClient } from './http-client.js';

/**
 * One raw item a connector hands to the pipeline: what `App.ingest` accepts (a `Post` with what
 * can be derived left out). `id` (or `platform` + `externalId`) must be stable across polls, so
 * reading an item twice updates it instead of storing it twice. `sourceId` is set by the runner.
 */
export interface ConnectorItem {
  externalId: string;
  platform: Platform;
  kind: 'post' | 'comment' | 'article' | 'video' | 'message';
  text: string;
  title?: string;
  url?: string;
  lang?: string;
  /** ISO 8601 (any offset) or epoch milliseconds. */
  publishedAt?: string | number;
  author?: { id?: string; name?: string; followers?: number; isPress?: boolean };
  /** The parent's full post id (`${platform}:${externalId}`), for comments and replies. */
  parentId?: string;
  engagement?: { likes?: number; comments?: number; shares?: number; views?: number };
}

/**
 * What a poll yields: items and the checkpoint that is true once they are stored. The runner
 * stores `items` first and saves `cursor` after, so a crash between the two re-reads the batch
 * (stored again as an update) and never skips it. `cursor` undefined keeps the saved one.
 */
export interface PollBatch {
  items: ConnectorItem[];
  cursor?: string;
}

/** A structured log line; connectors never put secrets in one (the HTTP client redacts URLs). */
export interface SourceLogEvent {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  sourceId?: string;
  [key: string]: unknown;
}

export interface PollContext<C> {
  sourceId: string;
  /** The source's configuration, validated by `configSchema`, with secrets decrypted. */
  config: C;
  /** The checkpoint saved after the last stored batch; undefined on the first run. */
  cursor: string | undefined;
  http: HttpClient;
  clock: Clock;
  /** Aborted when the scheduler stops or the source is removed: stop promptly. */
  signal: AbortSignal;
  /** Waits (politeness between pages); resolves early when `signal` aborts. Tests record it. */
  sleep(ms: number): Promise<void>;
  log(event: SourceLogEvent): void;
}

/** A webhook delivery, as received: the raw body is kept for signature checks. */
export interface WebhookRequest {
  method: string;
  headers: Readonly<Record<string, string | undefined>>;
  query: Readonly<Record<string, string | undefined>>;
  rawBody: Buffer;
}

export interface WebhookResponse {
  status: number;
  /** A string is sent as text/plain; anything else as JSON. */
  body?: unknown;
  /** Items to store; the response is sent after they are stored. */
  items: ConnectorItem[];
}

export interface WebhookContext<C> {
  sourceId: string;
  config: C;
  clock: Clock;
  log(event: SourceLogEvent): void;
}

/**
 * A platform connector. Pull connectors implement `poll` (an `AsyncIterable` of batches, ending
 * when the platform has nothing newer; `mode: 'stream'` ones stay connected until the signal
 * aborts). Push connectors implement `webhook`, served at `/api/webhooks/<sourceId>`.
 */
export interface Connector<C = unknown> {
  /** The kind users name (`rss`, `youtube`, `facebook-page`, …). */
  kind: string;
  platform: Platform;
  /** One line for `langnghe sources add --help` and the API. */
  description: string;
  mode: 'poll' | 'stream' | 'webhook';
  configSchema: z.ZodType<C>;
  /** Config fields that hold credentials: stored encrypted, never printed, never logged. */
  secretFields: readonly string[];
  /** Seconds between polls when the source does not say. */
  defaultIntervalSeconds: number;
  poll?(ctx: PollContext<C>): AsyncIterable<PollBatch>;
  webhook?(request: WebhookRequest, ctx: WebhookContext<C>): Promise<WebhookResponse>;
}

/** Erases the config type so connectors of different kinds sit in one registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyConnector = Connector<any>;
