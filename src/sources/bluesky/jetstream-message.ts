import type { ConnectorItem } from '../connector.js';

export const POST_COLLECTION = 'app.bsky.feed.post';

/** A post created or edited, as a Jetstream commit carries it. */
export interface JetstreamPost {
  did: string;
  rkey: string;
  text: string;
  createdAt?: string;
  langs?: string[];
  /** The at:// URI of the post replied to. */
  parentUri?: string;
}

export interface JetstreamMessage {
  /** The event's `time_us`: the replay cursor (unix microseconds). */
  timeUs?: number;
  post?: JetstreamPost;
}

const DID = /^did:[a-z]+:[A-Za-z0-9._:%-]{1,2000}$/;
/** Record keys (https://atproto.com/specs/record-key): 1-512 of these characters, not . or .. */
const RKEY = /^[A-Za-z0-9._:~-]{1,512}$/;
const LANG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readLangs(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const langs = value.filter(
    (lang): lang is string => typeof lang === 'string' && lang.length <= 16 && LANG.test(lang),
  );
  return langs.length === 0 ? undefined : langs;
}

function readParentUri(reply: unknown): string | undefined {
  if (!isRecord(reply) || !isRecord(reply.parent)) return undefined;
  const uri = reply.parent.uri;
  return typeof uri === 'string' && uri.startsWith('at://') && uri.length <= 500 ? uri : undefined;
}

function readPost(did: unknown, commit: unknown): JetstreamPost | undefined {
  if (typeof did !== 'string' || !DID.test(did) || !isRecord(commit)) return undefined;
  if (commit.collection !== POST_COLLECTION) return undefined;
  if (commit.operation !== 'create' && commit.operation !== 'update') return undefined;
  const { rkey, record } = commit;
  if (typeof rkey !== 'string' || !RKEY.test(rkey) || rkey === '.' || rkey === '..')
    return undefined;
  if (!isRecord(record) || typeof record.text !== 'string') return undefined;
  const post: JetstreamPost = { did, rkey, text: record.text };
  if (typeof record.createdAt === 'string') post.createdAt = record.createdAt;
  const langs = readLangs(record.langs);
  if (langs !== undefined) post.langs = langs;
  const parentUri = readParentUri(record.reply);
  if (parentUri !== undefined) post.parentUri = parentUri;
  return post;
}

/**
 * One Jetstream message (https://github.com/bluesky-social/jetstream#example-events): its
 * `time_us`, and the post when it is a `commit` creating or updating an `app.bsky.feed.post`.
 * Deletions, identity and account events carry only their time. Undefined: not a JSON object.
 */
export function readJetstreamMessage(raw: string): JetstreamMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  const message: JetstreamMessage = {};
  const timeUs = value.time_us;
  if (typeof timeUs === 'number' && Number.isSafeInteger(timeUs) && timeUs > 0)
    message.timeUs = timeUs;
  if (value.kind === 'commit') {
    const post = readPost(value.did, value.commit);
    if (post !== undefined) message.post = post;
  }
  return message;
}

/** `createdAt` is set by the posting client; a value that is no date falls back to `time_us`. */
function publishedAtOf(post: JetstreamPost, timeUs: number | undefined): string | undefined {
  const created = post.createdAt === undefined ? NaN : Date.parse(post.createdAt);
  if (!Number.isNaN(created)) return new Date(created).toISOString();
  return timeUs === undefined ? undefined : new Date(Math.floor(timeUs / 1000)).toISOString();
}

/**
 * A post as an item: its at:// URI is the id (the same post read again, or edited, is one post),
 * the bsky.app page its URL, a reply a comment whose parent is the post it answers.
 */
export function postToItem(post: JetstreamPost, timeUs: number | undefined): ConnectorItem {
  const item: ConnectorItem = {
    externalId: `at://${post.did}/${POST_COLLECTION}/${post.rkey}`,
    platform: 'bluesky',
    kind: post.parentUri === undefined ? 'post' : 'comment',
    text: post.text,
    url: `https://bsky.app/profile/${post.did}/post/${post.rkey}`,
    author: { id: post.did },
  };
  const lang = post.langs?.[0];
  if (lang !== undefined) item.lang = lang;
  const publishedAt = publishedAtOf(post, timeUs);
  if (publishedAt !== undefined) item.publishedAt = publishedAt;
  if (post.parentUri !== undefined) item.parentId = `bluesky:${post.parentUri}`;
  return item;
}
