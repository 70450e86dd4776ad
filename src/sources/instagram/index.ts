import { z } from 'zod';
import { isLangngheError } from '../../core/errors.js';
import type { Connector, ConnectorItem, PollBatch, PollContext } from '../connector.js';
import {
  countOf,
  createGraphClient,
  graphEndpointFields,
  graphTimeMs,
  isGraphObject,
  objectsOf,
  pathOf,
  stringOf,
} from '../facebook/graph.js';
import type { GraphClient } from '../facebook/graph.js';
import { capMark, futureItemsWarning, isDatedInFuture } from '../mark-cap.js';
import {
  COMMENT_FIELDS,
  HASHTAG_MEDIA_FIELDS,
  OWN_MEDIA_FIELDS,
  commentItem,
  mediaItem,
} from './media.js';

export const instagramConfigSchema = z.object({
  igUserId: z
    .string()
    .regex(/^\d+$/, 'the numeric IG User id of the business or creator account')
    .describe('Instagram business/creator account (IG User id) that reads, and whose media'),
  accessToken: z
    .string()
    .min(1)
    .describe('User access token with instagram_basic (and instagram_manage_comments) (secret)'),
  appSecret: z
    .string()
    .min(1)
    .optional()
    .describe('App secret: when set, every call carries appsecret_proof (secret)'),
  hashtags: z
    .array(
      z
        .string()
        .transform((tag) => tag.trim().replace(/^#/, '').toLowerCase())
        .pipe(z.string().regex(/^[^\s#]+$/, 'one hashtag, without spaces')),
    )
    .max(30, 'Instagram allows 30 unique hashtags per 7 days')
    .default([])
    .describe('Hashtags whose recent media (last 24 hours) is read; needs Public Content Access'),
  withOwnMedia: z.boolean().default(true).describe("Read the account's own media"),
  withComments: z.boolean().default(true).describe('Read the comments of new own media'),
  maxPages: z.number().int().min(1).max(100).default(5).describe('Most pages per edge per poll'),
  ...graphEndpointFields,
});

export type InstagramConfig = z.output<typeof instagramConfigSchema>;

/** `hashtagIds`: hashtag → IG Hashtag id (static and global, so looked up once); `newest`: ISO time per stream. */
interface InstagramCursor {
  hashtagIds: Record<string, string>;
  newest: Record<string, string>;
}

const OWN_STREAM = 'media';

function readCursor(cursor: string | undefined): InstagramCursor {
  const state: InstagramCursor = { hashtagIds: {}, newest: {} };
  let parsed: unknown;
  try {
    parsed = cursor === undefined ? undefined : JSON.parse(cursor);
  } catch {
    return state;
  }
  for (const key of ['hashtagIds', 'newest'] as const) {
    const map = pathOf(parsed, key);
    if (!isGraphObject(map)) continue;
    for (const [name, value] of Object.entries(map))
      if (typeof value === 'string') state[key][name] = value;
  }
  return state;
}

interface StreamContext {
  graph: GraphClient;
  config: InstagramConfig;
  state: InstagramCursor;
  seen: Set<string>;
  /** `ctx.clock.now()` at the start of the poll: no mark is saved past it plus the skew allowance. */
  nowMs: number;
  /** Ids of this poll's items dated beyond that allowance (stored, but kept from moving a mark). */
  futureIds: Set<string>;
}

function takeNew(
  items: readonly (ConnectorItem | undefined)[],
  seen: Set<string>,
): ConnectorItem[] {
  const out: ConnectorItem[] = [];
  for (const item of items) {
    if (item === undefined || seen.has(item.externalId)) continue;
    seen.add(item.externalId);
    out.push(item);
  }
  return out;
}

/**
 * The time an item may move its stream's mark to; undefined (and noted) when it is dated in the
 * future: such media is stored but leaves the mark alone, since even a mark capped at now + 10 min
 * would make the next poll skip the media of those 10 minutes.
 */
function markTimeOf(s: StreamContext, id: string | undefined, ms: number): number | undefined {
  if (!isDatedInFuture(ms, s.nowMs)) return ms;
  s.futureIds.add(id ?? `#${s.futureIds.size}`);
  return undefined;
}

/** The saved newest time of a stream, pulled back to the cap if an older version saved a later one. */
function newestOf(s: StreamContext, stream: string): number | undefined {
  const known = s.state.newest[stream];
  const ms = known === undefined ? Number.NaN : Date.parse(known);
  return Number.isNaN(ms) ? undefined : capMark(ms, s.nowMs);
}

function noteNewest(s: StreamContext, stream: string, ms: number | undefined): void {
  const known = newestOf(s, stream);
  const next = ms === undefined || (known !== undefined && known >= ms) ? known : ms;
  if (next !== undefined) s.state.newest[stream] = new Date(next).toISOString();
}

async function readComments(s: StreamContext, mediaId: string): Promise<ConnectorItem[]> {
  const items: ConnectorItem[] = [];
  const params = { fields: COMMENT_FIELDS };
  for await (const page of s.graph.pages(`${mediaId}/comments`, params, s.config.maxPages))
    items.push(
      ...takeNew(
        page.data.map((raw) => commentItem(raw, mediaId)),
        s.seen,
      ),
    );
  return items;
}

/** The account's media, newest first, down to the newest time of the last poll. */
async function* pollOwnMedia(s: StreamContext): AsyncGenerator<PollBatch> {
  const sinceMs = newestOf(s, OWN_STREAM);
  const params = { fields: OWN_MEDIA_FIELDS };
  let newestMs: number | undefined;
  for await (const page of s.graph.pages(`${s.config.igUserId}/media`, params, s.config.maxPages)) {
    const items: ConnectorItem[] = [];
    let hasReachedSince = false;
    for (const raw of page.data) {
      const id = stringOf(raw.id);
      const ms = graphTimeMs(raw.timestamp);
      if (id === undefined || s.seen.has(id)) continue;
      if (sinceMs !== undefined && ms !== undefined && ms < sinceMs) {
        hasReachedSince = true;
        continue;
      }
      const markMs = ms === undefined ? undefined : markTimeOf(s, id, ms);
      if (markMs !== undefined) newestMs = Math.max(newestMs ?? markMs, markMs);
      items.push(...takeNew([mediaItem(raw, s.config.igUserId)], s.seen));
      if (s.config.withComments && countOf(raw.comments_count) !== 0)
        items.push(...(await readComments(s, id)));
    }
    yield { items };
    if (hasReachedSince) break;
  }
  noteNewest(s, OWN_STREAM, newestMs);
  yield { items: [], cursor: JSON.stringify(s.state) };
}

/** The IG Hashtag id of a hashtag: from the cursor, else `GET /ig_hashtag_search`. */
async function hashtagId(s: StreamContext, tag: string): Promise<string | undefined> {
  const known = s.state.hashtagIds[tag];
  if (known !== undefined) return known;
  const body = await s.graph.get('ig_hashtag_search', { user_id: s.config.igUserId, q: tag });
  // The reference answers { data: [{ id }] }; the hashtag guide shows a bare { id }.
  const id = stringOf(objectsOf(body.data)[0]?.id) ?? stringOf(body.id);
  if (id !== undefined) s.state.hashtagIds[tag] = id;
  return id;
}

/**
 * Recent media of one hashtag: only the last 24 hours, not in time order, 50 per page at most and
 * an `after` cursor that repeats on every page (all documented quirks of `recent_media`), so it
 * is read to its end (or `maxPages`) every poll and stored again as updates.
 */
async function* pollHashtag(s: StreamContext, tag: string): AsyncGenerator<PollBatch> {
  const id = await hashtagId(s, tag);
  if (id === undefined) return;
  const params = { user_id: s.config.igUserId, fields: HASHTAG_MEDIA_FIELDS, limit: '50' };
  let newestMs: number | undefined;
  for await (const page of s.graph.pages(`${id}/recent_media`, params, s.config.maxPages)) {
    for (const raw of page.data) {
      const ms = graphTimeMs(raw.timestamp);
      const markMs = ms === undefined ? undefined : markTimeOf(s, stringOf(raw.id), ms);
      if (markMs !== undefined) newestMs = Math.max(newestMs ?? markMs, markMs);
    }
    yield {
      items: takeNew(
        page.data.map((raw) => mediaItem(raw)),
        s.seen,
      ),
    };
  }
  noteNewest(s, `#${tag}`, newestMs);
  yield { items: [], cursor: JSON.stringify(s.state) };
}

async function* pollInstagram(ctx: PollContext<InstagramConfig>): AsyncGenerator<PollBatch> {
  const graph = createGraphClient({ ...ctx.config, http: ctx.http, signal: ctx.signal });
  const s: StreamContext = {
    graph,
    config: ctx.config,
    state: readCursor(ctx.cursor),
    seen: new Set(),
    nowMs: ctx.clock.now(),
    futureIds: new Set(),
  };
  try {
    yield* pollStreams(ctx, s);
  } finally {
    const warning = futureItemsWarning('instagram', s.futureIds.size);
    if (warning !== undefined) ctx.log(warning);
  }
}

async function* pollStreams(
  ctx: PollContext<InstagramConfig>,
  s: StreamContext,
): AsyncGenerator<PollBatch> {
  if (ctx.config.withOwnMedia) yield* pollOwnMedia(s);
  for (const tag of new Set(ctx.config.hashtags)) {
    try {
      yield* pollHashtag(s, tag);
    } catch (error) {
      // Graph answers a generic error for hashtags it deems sensitive: skip that one, keep the rest.
      // Auth and rate-limit failures concern every hashtag and end the poll.
      const isGraphAnswer =
        isLangngheError(error) &&
        error.code === 'source.http' &&
        typeof error.details.code === 'number';
      if (!isGraphAnswer) throw error;
      ctx.log({ level: 'warn', message: `instagram: hashtag #${tag} skipped: ${error.message}` });
    }
  }
}

/**
 * Instagram through the Graph API (Instagram API with Facebook Login): the business account's own
 * media and their comments, incrementally by timestamp, and the recent media of chosen hashtags.
 * The cursor keeps each hashtag's id and the newest timestamp seen per stream, never later than
 * now plus ten minutes, so media dated in the future cannot stop a stream.
 */
export const instagramConnector: Connector<InstagramConfig> = {
  kind: 'instagram',
  platform: 'instagram',
  description: 'Instagram business media, comments and hashtag media through the Graph API',
  mode: 'poll',
  configSchema: instagramConfigSchema,
  secretFields: ['accessToken', 'appSecret'],
  defaultIntervalSeconds: 900,
  poll: pollInstagram,
};

export { commentItem, mediaItem } from './media.js';
