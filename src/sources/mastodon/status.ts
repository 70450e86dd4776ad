import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ConnectorItem } from '../connector.js';
import { statusHtmlToText } from './status-html.js';

/** Ids are strings (https://docs.joinmastodon.org/api/guidelines/#id); some forks send numbers. */
const idSchema = z.union([z.string().min(1), z.number()]).transform(String);
const count = z.number().int().nonnegative().optional().catch(undefined);
const optionalText = z.string().nullish().catch(undefined);

const accountSchema = z.object({
  id: idSchema.optional().catch(undefined),
  acct: optionalText,
  username: optionalText,
  display_name: optionalText,
  followers_count: count,
});

/** The fields of a Status entity (https://docs.joinmastodon.org/entities/Status/) read here. */
const baseStatusSchema = z.object({
  id: idSchema,
  created_at: optionalText,
  content: optionalText,
  spoiler_text: optionalText,
  url: optionalText,
  uri: optionalText,
  language: optionalText,
  in_reply_to_id: idSchema.nullish().catch(undefined),
  account: accountSchema.nullish().catch(undefined),
  replies_count: count,
  reblogs_count: count,
  favourites_count: count,
});

const statusSchema = baseStatusSchema.extend({
  reblog: baseStatusSchema.nullish().catch(undefined),
});

export type MastodonStatus = z.infer<typeof statusSchema>;
type StatusBody = z.infer<typeof baseStatusSchema>;

/** A Status from untrusted JSON, or undefined when it has no id. */
export function parseStatus(value: unknown): MastodonStatus | undefined {
  const parsed = statusSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Orders Mastodon ids: they are numbers written as strings, too large for a JS number, so a
 * longer id is newer and ids of one length compare as text
 * (https://docs.joinmastodon.org/api/guidelines/#id).
 */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function newestId(ids: readonly string[]): string | undefined {
  return ids.reduce<string | undefined>(
    (best, id) => (best === undefined || compareIds(id, best) > 0 ? id : best),
    undefined,
  );
}

export function oldestId(ids: readonly string[]): string | undefined {
  return ids.reduce<string | undefined>(
    (best, id) => (best === undefined || compareIds(id, best) < 0 ? id : best),
    undefined,
  );
}

/** Above this an ActivityPub id is hashed, so the post id stays under the pipeline's 512 chars. */
const MAX_URI_CHARS = 400;

/**
 * The id a status keeps on every instance: its ActivityPub `uri`. The `id` field is local to the
 * instance asked (the same post read through two instances has two ids), the `uri` is not.
 */
export function externalIdOf(status: StatusBody, instanceHost: string): string {
  const uri = status.uri ?? status.url ?? `https://${instanceHost}/statuses/${status.id}`;
  if (uri.length <= MAX_URI_CHARS) return uri;
  return `sha256:${createHash('sha256').update(uri).digest('hex')}`;
}

/** `user@host` for every account: local accounts' `acct` has no host (docs: Account#acct). */
function authorOf(status: StatusBody, instanceHost: string): ConnectorItem['author'] {
  const account = status.account;
  if (account === undefined || account === null) return undefined;
  const acct = account.acct ?? account.username ?? undefined;
  const id =
    acct === undefined ? account.id : acct.includes('@') ? acct : `${acct}@${instanceHost}`;
  const name = account.display_name?.trim() || acct;
  if (id === undefined && name === undefined) return undefined;
  const author: NonNullable<ConnectorItem['author']> = {};
  if (id !== undefined) author.id = id;
  if (name !== undefined) author.name = name;
  if (account.followers_count !== undefined) author.followers = account.followers_count;
  return author;
}

function engagementOf(status: StatusBody): ConnectorItem['engagement'] {
  const engagement: NonNullable<ConnectorItem['engagement']> = {};
  if (status.favourites_count !== undefined) engagement.likes = status.favourites_count;
  if (status.replies_count !== undefined) engagement.comments = status.replies_count;
  if (status.reblogs_count !== undefined) engagement.shares = status.reblogs_count;
  return Object.keys(engagement).length === 0 ? undefined : engagement;
}

export interface StatusItemContext {
  instanceHost: string;
  /**
   * Instance-local status id → external id, of the statuses read so far (the newest
   * `MAX_KNOWN_IDS`). A reply names its parent only by the instance-local `in_reply_to_id`, so its
   * `parentId` is known when the parent was read by the same run or connection.
   */
  knownIds: Map<string, string>;
}

const MAX_KNOWN_IDS = 20_000;

function remember(status: MastodonStatus, context: StatusItemContext): void {
  for (const post of status.reblog ? [status.reblog] : [status]) {
    context.knownIds.delete(post.id);
    context.knownIds.set(post.id, externalIdOf(post, context.instanceHost));
  }
  while (context.knownIds.size > MAX_KNOWN_IDS) {
    const oldest = context.knownIds.keys().next();
    if (oldest.done === true) break;
    context.knownIds.delete(oldest.value);
  }
}

/**
 * Statuses as items, one per post (a post met twice, e.g. boosted and posted, is kept once; the
 * later copy wins). Every status is remembered first, so a reply before its parent in a
 * newest-first page still gets its `parentId`.
 */
export function statusesToItems(
  statuses: readonly MastodonStatus[],
  context: StatusItemContext,
): ConnectorItem[] {
  for (const status of statuses) remember(status, context);
  const items = new Map<string, ConnectorItem>();
  for (const status of statuses) {
    const item = statusToItem(status, context);
    if (item !== undefined) items.set(item.externalId, item);
  }
  return [...items.values()];
}

/**
 * A status as a connector item. A boost is stored as the boosted status (the post itself, under
 * its own id; the boost adds no text). Posts with neither text nor content warning (media only)
 * give undefined: there is nothing to analyse.
 */
export function statusToItem(
  status: MastodonStatus,
  context: StatusItemContext,
): ConnectorItem | undefined {
  const post: StatusBody = status.reblog ?? status;
  const externalId = externalIdOf(post, context.instanceHost);
  const text = statusHtmlToText(post.content ?? '');
  const title = post.spoiler_text?.trim() || undefined;
  if (text === '' && title === undefined) return undefined;
  const item: ConnectorItem = {
    externalId,
    platform: 'mastodon',
    kind: post.in_reply_to_id ? 'comment' : 'post',
    text,
  };
  if (title !== undefined) item.title = title;
  const url = post.url ?? post.uri;
  if (url !== undefined && url !== null) item.url = url;
  if (post.language) item.lang = post.language;
  if (post.created_at) item.publishedAt = post.created_at;
  const author = authorOf(post, context.instanceHost);
  if (author !== undefined) item.author = author;
  const parent = post.in_reply_to_id ? context.knownIds.get(post.in_reply_to_id) : undefined;
  if (parent !== undefined) item.parentId = `mastodon:${parent}`;
  const engagement = engagementOf(post);
  if (engagement !== undefined) item.engagement = engagement;
  return item;
}
