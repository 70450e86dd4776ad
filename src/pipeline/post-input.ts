import { createHash } from 'node:crypto';
import { z } from 'zod';
import { cleanPostText } from '../core/clean-text.js';
import { LangngheError } from '../core/errors.js';
import { toWellFormed } from '../core/text.js';
import { PLATFORMS, POST_KINDS } from '../core/types.js';
import type { Post } from '../core/types.js';
import { htmlToText, looksLikeHtml } from './html-to-text.js';

/** Longest text kept; a longer one is cut and the post marked `truncated`. */
export const MAX_TEXT_CHARS = 100_000;
export const MAX_TITLE_CHARS = 1_000;
const MAX_ID_CHARS = 512;

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** The fields an ingested item may carry: `Post`, with what can be derived left optional. */
const rawPostShape = {
  id: z.union([z.string().min(1).max(MAX_ID_CHARS), z.number().int()]).optional(),
  externalId: z.union([z.string().min(1).max(MAX_ID_CHARS), z.number().int()]).optional(),
  platform: z.enum(PLATFORMS as [string, ...string[]]).optional(),
  kind: z.enum(POST_KINDS as [string, ...string[]]).optional(),
  url: z.string().max(4096).optional(),
  title: z.string().optional(),
  text: z.string(),
  lang: z.string().max(16).optional(),
  publishedAt: z.union([z.string().max(64), z.number()]).optional(),
  collectedAt: z.union([z.string().max(64), z.number()]).optional(),
  author: z
    .union([
      z.string().max(512),
      z.strictObject({
        id: z.union([z.string().max(MAX_ID_CHARS), z.number()]).optional(),
        name: z.string().max(512).optional(),
        followers: count.optional(),
        isPress: z.boolean().optional(),
      }),
    ])
    .optional(),
  parentId: z.string().max(MAX_ID_CHARS).optional(),
  engagement: z
    .strictObject({
      likes: count.optional(),
      comments: count.optional(),
      shares: count.optional(),
      views: count.optional(),
    })
    .optional(),
  sourceId: z.string().min(1).max(200).optional(),
};
const strictSchema = z.strictObject(rawPostShape);
const lenientSchema = z.object(rawPostShape);

/** A validated post plus what normalization found. */
export interface NormalizedPost {
  post: Post;
  truncated: boolean;
}

export interface NormalizeOptions {
  /** ISO time the item was collected when it does not say. */
  now: string;
  sourceId?: string;
  /** Reject fields `Post` does not know (default true); false ignores them. */
  isStrict?: boolean;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join('.') || 'item';
      if (issue.code === 'unrecognized_keys')
        return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

function toIso(value: string | number | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const date =
    typeof value === 'number' ? new Date(value < 1e12 ? value * 1000 : value) : new Date(value);
  if (
    Number.isNaN(date.getTime()) ||
    date.getUTCFullYear() < 1990 ||
    date.getUTCFullYear() > 2200
  ) {
    throw new LangngheError(
      'input.invalid',
      `${field}: not a valid date: ${JSON.stringify(value).slice(0, 80)}`,
    );
  }
  return date.toISOString();
}

function checkUrl(url: string | undefined): string | undefined {
  if (url === undefined || url.trim() === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new LangngheError(
      'input.invalid',
      `url: not a valid URL: ${JSON.stringify(url.slice(0, 80))}`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new LangngheError(
      'input.invalid',
      `url: only http and https URLs are accepted, not ${parsed.protocol}`,
    );
  }
  return parsed.toString();
}

/** A stable id for an item that has none, so importing the same file twice stores it once. */
function derivedId(parts: readonly (string | undefined)[]): string {
  return createHash('sha256')
    .update(parts.map((p) => p ?? '').join('\u0000'))
    .digest('hex')
    .slice(0, 24);
}

/**
 * Validates one untrusted item and turns it into a `Post`: NFC, HTML to text, control characters
 * and lone surrogates removed, text capped at `MAX_TEXT_CHARS` (marked truncated), dates to ISO
 * UTC, the id made `${platform}:${externalId}`. Throws `input.invalid` with every problem named.
 */
export function normalizePost(raw: unknown, options: NormalizeOptions): NormalizedPost {
  const parsed = (options.isStrict === false ? lenientSchema : strictSchema).safeParse(raw);
  if (!parsed.success) throw new LangngheError('input.invalid', describeIssues(parsed.error));
  const item = parsed.data;
  let text = cleanPostText(item.text);
  if (looksLikeHtml(text)) text = htmlToText(text);
  const truncated = text.length > MAX_TEXT_CHARS;
  if (truncated) text = toWellFormed(text.slice(0, MAX_TEXT_CHARS));
  const title =
    item.title === undefined
      ? undefined
      : cleanPostText(looksLikeHtml(item.title) ? htmlToText(item.title) : item.title)
          .slice(0, MAX_TITLE_CHARS)
          .trim() || undefined;
  if (text.trim() === '' && title === undefined)
    throw new LangngheError('input.invalid', 'text: empty (and no title)');
  const platform = (item.platform ?? 'import') as Post['platform'];
  const url = checkUrl(item.url);
  const publishedAt =
    toIso(item.publishedAt, 'publishedAt') ?? toIso(item.collectedAt, 'collectedAt') ?? options.now;
  const author =
    typeof item.author === 'string' ? { id: item.author, name: item.author } : item.author;
  const rawId = item.id ?? item.externalId;
  const externalId =
    rawId === undefined
      ? derivedId([platform, url, author?.name, publishedAt, text])
      : String(rawId);
  const id = externalId.startsWith(`${platform}:`) ? externalId : `${platform}:${externalId}`;
  const post: Post = {
    id,
    platform,
    kind: (item.kind ?? (platform === 'news' ? 'article' : 'post')) as Post['kind'],
    text,
    publishedAt,
    collectedAt: toIso(item.collectedAt, 'collectedAt') ?? options.now,
    sourceId: item.sourceId ?? options.sourceId ?? 'import',
  };
  if (url !== undefined) post.url = url;
  if (title !== undefined) post.title = title;
  if (item.lang !== undefined) post.lang = item.lang.toLowerCase();
  if (author !== undefined) {
    post.author = { id: String(author.id ?? author.name ?? 'unknown') };
    if (author.name !== undefined) post.author.name = cleanPostText(author.name);
    if (author.followers !== undefined) post.author.followers = author.followers;
    if (author.isPress !== undefined) post.author.isPress = author.isPress;
  }
  if (item.parentId !== undefined) post.parentId = item.parentId;
  if (item.engagement !== undefined) post.engagement = item.engagement;
  return { post, truncated };
}
