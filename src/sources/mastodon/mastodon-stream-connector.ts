import { performance } from 'node:perf_hooks';
import { LangngheError, isLangngheError } from '../../core/errors.js';
import type { Connector, ConnectorItem, PollBatch, PollContext } from '../connector.js';
import type { HttpStreamResponse } from '../http-client.js';
import { mastodonStreamConfigSchema } from './config.js';
import type { MastodonStreamConfig } from './config.js';
import { explainAuthError, mastodonHeaders, rateLimitedError } from './mastodon-api.js';
import { createSseParser } from './sse-parser.js';
import type { SseEvent } from './sse-parser.js';
import { parseStatus, statusesToItems } from './status.js';
import type { StatusItemContext } from './status.js';
import { streamUrl } from './timeline-url.js';

/** A batch is handed over at this many items, or this long after its first item. */
const MAX_BATCH_ITEMS = 50;
const MAX_BATCH_AGE_MS = 1000;
const TIMED_OUT = Symbol('timed out');

type Context = PollContext<MastodonStreamConfig>;

function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function openStream(ctx: Context, url: string): Promise<HttpStreamResponse> {
  const shown = ctx.http.redact(url);
  let response: HttpStreamResponse;
  try {
    response = await ctx.http.stream(url, {
      headers: { ...mastodonHeaders(ctx.config.accessToken), accept: 'text/event-stream' },
      acceptStatus: [429],
      signal: ctx.signal,
    });
  } catch (error) {
    throw explainAuthError(error, ctx.config.accessToken !== undefined);
  }
  const type = response.headers.get('content-type') ?? '';
  if (response.status === 429 || !type.includes('text/event-stream')) {
    await response.body.cancel().catch(() => undefined);
    if (response.status === 429) throw rateLimitedError(response.headers, shown, ctx.clock.now());
    throw new LangngheError(
      'source.bad_response',
      `${shown} answered ${type || 'no content type'}, not a text/event-stream: is it the streaming server (see streamingUrl)?`,
      { details: { url: shown, status: response.status } },
    );
  }
  return response;
}

/** The status an `update` (new) or `status.update` (edited) event carries; others are ignored. */
function statusItems(event: SseEvent, ctx: Context, context: StatusItemContext): ConnectorItem[] {
  if (event.event !== 'update' && event.event !== 'status.update') return [];
  let value: unknown;
  try {
    value = JSON.parse(event.data);
  } catch {
    ctx.log({ level: 'warn', message: `malformed ${event.event} event skipped` });
    return [];
  }
  const status = parseStatus(value);
  if (status === undefined) {
    ctx.log({ level: 'warn', message: `${event.event} event without a status id skipped` });
    return [];
  }
  return statusesToItems([status], context);
}

/**
 * Reads the event stream until the server closes it, nothing (not even the `:thump` heartbeat)
 * arrives for `stallTimeoutMs`, or the source stops; items go out in batches of at most 50, or
 * 1 s after the first one waiting. Every end is a normal end: the scheduler reconnects.
 */
async function* readEvents(
  ctx: Context,
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<PollBatch> {
  const context: StatusItemContext = {
    instanceHost: new URL(ctx.config.instanceUrl).host,
    knownIds: new Map(),
  };
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parser = createSseParser();
  let batch = new Map<string, ConnectorItem>();
  let batchSince: number | undefined;
  let lastDataAt = performance.now();
  let pending: ReturnType<typeof reader.read> | undefined;
  const takeBatch = (): PollBatch => {
    const items = [...batch.values()];
    batch = new Map();
    batchSince = undefined;
    return { items };
  };
  try {
    for (;;) {
      const now = performance.now();
      const untilFlush = batchSince === undefined ? Infinity : batchSince + MAX_BATCH_AGE_MS - now;
      const untilStall = lastDataAt + ctx.config.stallTimeoutMs - now;
      if (untilFlush <= 0) yield takeBatch();
      if (untilStall <= 0) {
        ctx.log({
          level: 'warn',
          message: `stream stalled: nothing for ${ctx.config.stallTimeoutMs} ms; reconnecting`,
        });
        break;
      }
      if (untilFlush <= 0) continue;
      pending ??= reader.read();
      const result = await within(pending, Math.min(untilFlush, untilStall));
      if (result === TIMED_OUT) continue;
      pending = undefined;
      if (result.done) break;
      lastDataAt = performance.now();
      for (const event of parser.push(decoder.decode(result.value, { stream: true }))) {
        for (const item of statusItems(event, ctx, context)) {
          batch.set(item.externalId, item);
          batchSince ??= lastDataAt;
          if (batch.size >= MAX_BATCH_ITEMS) yield takeBatch();
        }
      }
    }
  } catch (error) {
    if (batch.size > 0) yield takeBatch();
    if (ctx.signal.aborted) return;
    if (isLangngheError(error)) throw error;
    throw new LangngheError('source.network', `The Mastodon stream broke: ${String(error)}`, {
      cause: error,
    });
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  if (batch.size > 0) yield takeBatch();
}

async function* streamTimeline(ctx: Context): AsyncIterable<PollBatch> {
  const url = streamUrl(ctx.config);
  const response = await openStream(ctx, url);
  ctx.log({ level: 'info', message: 'mastodon stream connected', url: ctx.http.redact(url) });
  yield* readEvents(ctx, response.body);
}

/**
 * A Mastodon timeline as it happens, over the streaming API's server-sent events. The stream has
 * no replay: what is posted while it is disconnected is read by a `mastodon` poll source, if any.
 */
export const mastodonStreamConnector: Connector<MastodonStreamConfig> = {
  kind: 'mastodon-stream',
  platform: 'mastodon',
  description:
    "Mastodon: one instance's hashtag, public or local timeline, live (streaming API, server-sent events)",
  mode: 'stream',
  configSchema: mastodonStreamConfigSchema,
  secretFields: ['accessToken'],
  defaultIntervalSeconds: 15,
  poll: streamTimeline,
};
