import { performance } from 'node:perf_hooks';
import { LangngheError } from '../../core/errors.js';
import type { Connector, ConnectorItem, PollBatch, PollContext } from '../connector.js';
import { DEFAULT_USER_AGENT } from '../http-client.js';
import { blueskyConfigSchema } from './config.js';
import type { BlueskyConfig } from './config.js';
import { POST_COLLECTION, postToItem, readJetstreamMessage } from './jetstream-message.js';
import { openJetstream } from './jetstream-socket.js';
import { createPostFilter } from './post-filter.js';

/** A batch is handed over at this many items, or every second with the cursor reached. */
const MAX_BATCH_ITEMS = 100;
const FLUSH_EVERY_MS = 1000;
/**
 * Replayed before the stored cursor on reconnect: the Jetstream README advises to "subtract a few
 * seconds" from the last `time_us` "to ensure gapless playback". The replayed posts are stored
 * again as updates (same at:// id).
 */
export const REWIND_US = 2_000_000;
/** Malformed messages logged one by one, per connection; the rest are only counted. */
const MAX_LOGGED_MALFORMED = 5;

type Context = PollContext<BlueskyConfig>;

function readCursor(ctx: Context): number | undefined {
  if (ctx.cursor === undefined) return undefined;
  if (/^\d{1,17}$/.test(ctx.cursor)) return Number(ctx.cursor);
  ctx.log({ level: 'warn', message: 'unreadable cursor ignored: starting from the live tail' });
  return undefined;
}

/**
 * The subscribe URL (https://github.com/bluesky-social/jetstream#consuming-jetstream): posts only
 * (`wantedCollections`), `wantedDids` repeated, and `cursor` in unix microseconds.
 */
export function subscribeUrl(config: BlueskyConfig, cursorUs: number | undefined): string {
  const url = new URL(config.jetstreamUrl);
  url.searchParams.append('wantedCollections', POST_COLLECTION);
  for (const did of config.wantedDids ?? []) url.searchParams.append('wantedDids', did);
  if (cursorUs !== undefined) url.searchParams.set('cursor', String(cursorUs));
  return url.toString();
}

/**
 * Reads Jetstream until the server closes the socket, it stalls, or the source stops. Keyword and
 * language filtering happen here (Jetstream filters only by collection and DID). The cursor of a
 * batch is the `time_us` of the last message read, kept or not, so filtered-out traffic moves it
 * too; it is yielded every second, with the items matched since.
 */
async function* streamPosts(ctx: Context): AsyncIterable<PollBatch> {
  const stored = readCursor(ctx);
  const url = subscribeUrl(
    ctx.config,
    stored === undefined ? undefined : Math.max(0, stored - REWIND_US),
  );
  const socket = await openJetstream(url, {
    signal: ctx.signal,
    userAgent: DEFAULT_USER_AGENT,
    nowMs: ctx.clock.now(),
    lookup: ctx.http.guardConnection(url).lookup,
  });
  ctx.log({ level: 'info', message: 'jetstream connected', url });
  const isWanted = createPostFilter(ctx.config);
  let cursor = stored;
  let yieldedCursor = stored;
  let batch = new Map<string, ConnectorItem>();
  let flushedAt = performance.now();
  let lastMessageAt = flushedAt;
  let malformed = 0;
  const hasNews = (): boolean => batch.size > 0 || cursor !== yieldedCursor;
  const takeBatch = (): PollBatch => {
    const out: PollBatch = { items: [...batch.values()] };
    if (cursor !== undefined) out.cursor = String(cursor);
    batch = new Map();
    yieldedCursor = cursor;
    flushedAt = performance.now();
    return out;
  };
  try {
    for (;;) {
      const now = performance.now();
      const untilFlush = flushedAt + FLUSH_EVERY_MS - now;
      const untilStall = lastMessageAt + ctx.config.stallTimeoutMs - now;
      if (untilFlush <= 0) {
        if (hasNews()) yield takeBatch();
        else flushedAt = now;
        continue;
      }
      if (untilStall <= 0) {
        ctx.log({
          level: 'warn',
          message: `jetstream stalled: nothing for ${ctx.config.stallTimeoutMs} ms; reconnecting`,
        });
        break;
      }
      const entry = await socket.next(Math.min(untilFlush, untilStall));
      if (entry === undefined) continue;
      if (entry.type === 'closed') {
        ctx.log({
          level: 'info',
          message: `jetstream closed (${entry.code} ${entry.reason})`.trim(),
        });
        break;
      }
      if (entry.type === 'error') {
        if (hasNews()) yield takeBatch();
        throw new LangngheError(
          'source.network',
          `The Jetstream connection broke: ${entry.error.message}`,
          {
            cause: entry.error,
          },
        );
      }
      lastMessageAt = performance.now();
      const message = readJetstreamMessage(entry.data);
      if (message === undefined) {
        if (++malformed <= MAX_LOGGED_MALFORMED)
          ctx.log({
            level: 'warn',
            message: 'malformed jetstream message skipped',
            sample: entry.data.slice(0, 120),
          });
        continue;
      }
      if (message.timeUs !== undefined && (cursor === undefined || message.timeUs > cursor))
        cursor = message.timeUs;
      const post = message.post;
      if (post === undefined || post.text.trim() === '' || !isWanted(post.text, post.langs))
        continue;
      const item = postToItem(post, message.timeUs);
      batch.set(item.externalId, item);
      if (batch.size >= MAX_BATCH_ITEMS) yield takeBatch();
    }
    if (hasNews()) yield takeBatch();
  } finally {
    socket.close();
    if (malformed > MAX_LOGGED_MALFORMED)
      ctx.log({
        level: 'warn',
        message: `${malformed} malformed jetstream messages skipped in all`,
      });
  }
}

/** Bluesky posts, live from a Jetstream firehose, filtered by keyword and language here. */
export const blueskyConnector: Connector<BlueskyConfig> = {
  kind: 'bluesky',
  platform: 'bluesky',
  description:
    'Bluesky: posts live from Jetstream, filtered by keywords (diacritics ignored) and language',
  mode: 'stream',
  configSchema: blueskyConfigSchema,
  secretFields: [],
  defaultIntervalSeconds: 15,
  poll: streamPosts,
};
