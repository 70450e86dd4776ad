import { z } from 'zod';
import { LangngheError } from '../../core/errors.js';
import type { Connector, ConnectorItem, PollBatch, PollContext } from '../connector.js';
import { describeAttachment } from './describe-attachment.js';
import { capMark, futureItemsWarning, isDatedInFuture } from '../mark-cap.js';
import { parseZaloJson } from './parse-zalo-json.js';
import { throwIfZaloError } from './zalo-api-error.js';
import type { ZaloEnvelope } from './zalo-api-error.js';

export const zaloOaConfigSchema = z.object({
  accessToken: z
    .string()
    .min(1)
    .describe('Official Account access token (OAuth v4; lasts 25 hours), sent as `access_token`'),
  maxConversations: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(50)
    .describe('Most recent conversations read per run'),
  apiBaseUrl: z
    .url()
    .default('https://openapi.zalo.me')
    .describe('Zalo OpenAPI origin (changed only by tests)'),
});

export type ZaloOaConfig = z.infer<typeof zaloOaConfigSchema>;

/** Zalo's `count` for listrecentchat and conversation is at most 10. */
const PAGE_SIZE = 10;
/** A bound on one conversation's history read in a run (the first run reads it all). */
const MAX_PAGES_PER_CONVERSATION = 50;

const zaloId = z.union([z.string(), z.number()]).transform(String);

/** One message of listrecentchat / conversation; `src` 1 is from the user, 0 from the OA. */
const messageSchema = z.object({
  src: z.number(),
  time: z.number(),
  type: z.string().default('text'),
  message: z.string().optional(),
  message_id: zaloId.optional(),
  from_id: zaloId.optional(),
  to_id: zaloId.optional(),
  from_display_name: z.string().optional(),
  url: z.string().optional(),
  description: z.string().optional(),
  location: z.unknown().optional(),
});

type ZaloMessage = z.infer<typeof messageSchema>;

const FROM_USER = 1;

interface Cursor {
  /** `time` (epoch ms) of the newest message seen by the last complete run. */
  newest: number;
}

function readCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(cursor) as Partial<Cursor>;
    return typeof parsed.newest === 'number' ? parsed.newest : undefined;
  } catch {
    return undefined;
  }
}

/** GET `<base>/v2.0/oa/<endpoint>?data=<JSON>` with the `access_token` header; the `data` array. */
async function fetchMessages(
  ctx: PollContext<ZaloOaConfig>,
  endpoint: 'listrecentchat' | 'conversation',
  data: Record<string, string | number>,
): Promise<ZaloMessage[]> {
  const url = new URL(`/v2.0/oa/${endpoint}`, ctx.config.apiBaseUrl);
  url.searchParams.set('data', JSON.stringify(data));
  const response = await ctx.http.request(url.toString(), {
    headers: { access_token: ctx.config.accessToken, accept: 'application/json' },
    signal: ctx.signal,
  });
  const envelope = parseZaloJson(response.text(), `Zalo ${endpoint}'s answer`);
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope))
    throw new LangngheError('source.bad_response', `Zalo ${endpoint} answered no JSON object`);
  throwIfZaloError(envelope as ZaloEnvelope, endpoint);
  const list = (envelope as ZaloEnvelope).data ?? [];
  if (!Array.isArray(list))
    throw new LangngheError('source.bad_response', `Zalo ${endpoint}: "data" is not a list`);
  return list.flatMap((entry) => {
    const parsed = messageSchema.safeParse(entry);
    if (parsed.success) return [parsed.data];
    ctx.log({ level: 'warn', message: `zalo ${endpoint}: skipped a message without src/time` });
    return [];
  });
}

function placeOf(location: unknown): { latitude?: string; longitude?: string } {
  if (typeof location !== 'object' || location === null) return {};
  const { latitude, longitude } = location as Record<string, unknown>;
  if (latitude === undefined || longitude === undefined) return {};
  return { latitude: String(latitude), longitude: String(longitude) };
}

/** The item a user's message becomes; undefined for OA messages and unsupported types. */
export function zaloMessageToItem(message: ZaloMessage): ConnectorItem | undefined {
  if (message.src !== FROM_USER || message.message_id === undefined) return undefined;
  if (message.type === 'nosupport') return undefined;
  const caption = message.message?.trim() ?? '';
  const text =
    message.type === 'text'
      ? caption
      : describeAttachment({
          type: message.type,
          url: message.url,
          description: caption || message.description,
          ...placeOf(message.location),
        });
  if (text === '') return undefined;
  return {
    externalId: message.message_id,
    platform: 'zalo',
    kind: 'message',
    text,
    publishedAt: message.time,
    author: {
      ...(message.from_id === undefined ? {} : { id: message.from_id }),
      ...(message.from_display_name ? { name: message.from_display_name } : {}),
    },
  };
}

interface RunState {
  /** Messages older than this were read by an earlier run. */
  since: number | undefined;
  newest: number;
  yielded: Set<string>;
  /** `ctx.clock.now()` at the start of the run. */
  nowMs: number;
  /** Messages of this run dated in the future (beyond the skew allowance), by id. */
  futureKeys: Set<string>;
}

/**
 * Moves `newest` to a message's time, unless it is dated in the future: such a message is stored
 * but leaves the mark alone, since even a mark capped at now + 10 min would make the next run skip
 * the messages of those 10 minutes, and an uncapped one would skip every message to come.
 */
function noteTime(state: RunState, message: ZaloMessage): void {
  if (!isDatedInFuture(message.time, state.nowMs))
    state.newest = Math.max(state.newest, message.time);
  else state.futureKeys.add(message.message_id ?? `${message.from_id}:${message.time}`);
}

/** One conversation's user messages newer than `since`, newest page first, each once per run. */
async function readConversation(
  ctx: PollContext<ZaloOaConfig>,
  userId: string,
  state: RunState,
): Promise<ConnectorItem[]> {
  const items: ConnectorItem[] = [];
  for (let page = 0; page < MAX_PAGES_PER_CONVERSATION; page++) {
    const messages = await fetchMessages(ctx, 'conversation', {
      user_id: userId,
      offset: page * PAGE_SIZE,
      count: PAGE_SIZE,
    });
    let hasReachedOld = false;
    for (const message of messages) {
      noteTime(state, message);
      // `<` (not `<=`): a message sent in the cursor's very millisecond is read again, not lost.
      if (state.since !== undefined && message.time < state.since) hasReachedOld = true;
      const item = hasReachedOld ? undefined : zaloMessageToItem(message);
      if (item === undefined || state.yielded.has(item.externalId)) continue;
      state.yielded.add(item.externalId);
      items.push(item);
    }
    if (hasReachedOld || messages.length < PAGE_SIZE) break;
  }
  return items;
}

/** The user of a listrecentchat entry: the sender when the user wrote last, else the recipient. */
function userOf(entry: ZaloMessage): string | undefined {
  return entry.src === FROM_USER ? entry.from_id : entry.to_id;
}

async function* pollZaloOa(ctx: PollContext<ZaloOaConfig>): AsyncIterable<PollBatch> {
  const nowMs = ctx.clock.now();
  const saved = readCursor(ctx.cursor);
  const state: RunState = {
    // A mark saved before marks were capped may lie in the future: it is pulled back too.
    since: saved === undefined ? undefined : capMark(saved, nowMs),
    newest: 0,
    yielded: new Set(),
    nowMs,
    futureKeys: new Set(),
  };
  try {
    yield* readConversations(ctx, state);
  } finally {
    const warning = futureItemsWarning('zalo-oa', state.futureKeys.size);
    if (warning !== undefined) ctx.log(warning);
  }
}

async function* readConversations(
  ctx: PollContext<ZaloOaConfig>,
  state: RunState,
): AsyncIterable<PollBatch> {
  const users = new Set<string>();
  for (let offset = 0; users.size < ctx.config.maxConversations; offset += PAGE_SIZE) {
    const recent = await fetchMessages(ctx, 'listrecentchat', { offset, count: PAGE_SIZE });
    const usersBefore = users.size;
    let hasReachedOld = false;
    for (const entry of recent) {
      noteTime(state, entry);
      // Conversations come most recent first: one last active before the cursor ends the list.
      if (state.since !== undefined && entry.time < state.since) hasReachedOld = true;
      const userId = userOf(entry);
      if (hasReachedOld || userId === undefined || users.has(userId)) continue;
      if (users.size >= ctx.config.maxConversations) break;
      users.add(userId);
      const items = await readConversation(ctx, userId, state);
      if (items.length > 0) yield { items };
    }
    if (hasReachedOld || recent.length < PAGE_SIZE) break;
    // Each conversation is listed once, so a full page naming none new means the platform hands
    // the same page back (an ignored `offset`): paging on would never end.
    if (users.size === usersBefore) {
      ctx.log({
        level: 'warn',
        message: `zalo listrecentchat: the page at offset ${offset} names no new conversation; stopping`,
      });
      break;
    }
  }
  // Saved only once every conversation is stored: a run cut short reads them all again.
  const newest = Math.max(state.newest, state.since ?? 0);
  if (newest > 0) yield { items: [], cursor: JSON.stringify({ newest } satisfies Cursor) };
}

/**
 * Zalo Official Account conversations, polled: the OA's most recent conversations
 * (`/v2.0/oa/listrecentchat`, 10 a page, up to `maxConversations`) and, for each, its messages
 * (`/v2.0/oa/conversation`, 10 a page) back to the newest message the last run saw (a message dated
 * more than ten minutes in the future is stored but never becomes that mark). Messages the
 * user sent (`src` 1) become `message` items; the OA's replies are not stored. Zalo's failures
 * come as HTTP 200 with `{ error, message }`: a refused token is `source.auth`, the call limit or
 * quota `source.rate_limited`. For messages as they arrive, use `zalo-webhook`.
 */
export const zaloOaConnector: Connector<ZaloOaConfig> = {
  kind: 'zalo-oa',
  platform: 'zalo',
  description:
    "Messages citizens sent to a Zalo Official Account, read from the OA's conversations",
  mode: 'poll',
  configSchema: zaloOaConfigSchema,
  secretFields: ['accessToken'],
  defaultIntervalSeconds: 300,
  poll: pollZaloOa,
};
