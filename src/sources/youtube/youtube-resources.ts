import { z } from 'zod';
import { LangngheError } from '../../core/errors.js';

/*
 * The parts of the YouTube Data API v3 responses the connector reads, as documented in
 * https://developers.google.com/youtube/v3/docs/search/list (youtube#searchListResponse),
 * https://developers.google.com/youtube/v3/docs/videos (youtube#video) and
 * https://developers.google.com/youtube/v3/docs/commentThreads (youtube#commentThread).
 * Every field is optional: a missing one (no `statistics`, a deleted author) leaves the item's
 * field out instead of failing the page; only a response that is not the documented envelope
 * fails, as `source.bad_response`.
 */

const searchResultSchema = z.object({
  id: z.object({ kind: z.string().optional(), videoId: z.string().min(1).optional() }).optional(),
  snippet: z
    .object({
      publishedAt: z.string().optional(),
      channelId: z.string().optional(),
      title: z.string().optional(),
      description: z.string().optional(),
      channelTitle: z.string().optional(),
    })
    .optional(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

/** View, like and comment counts are strings (`unsigned long` in the docs), not numbers. */
const countSchema = z.union([z.string(), z.number()]).optional();

const videoSchema = z.object({
  id: z.string().min(1),
  snippet: z
    .object({
      publishedAt: z.string().optional(),
      channelId: z.string().optional(),
      title: z.string().optional(),
      description: z.string().optional(),
      channelTitle: z.string().optional(),
    })
    .optional(),
  statistics: z
    .object({ viewCount: countSchema, likeCount: countSchema, commentCount: countSchema })
    .optional(),
});
export type VideoResource = z.infer<typeof videoSchema>;

const commentSnippetSchema = z.object({
  videoId: z.string().optional(),
  textDisplay: z.string().optional(),
  textOriginal: z.string().optional(),
  authorDisplayName: z.string().optional(),
  authorChannelId: z.object({ value: z.string().optional() }).optional(),
  likeCount: countSchema,
  publishedAt: z.string().optional(),
});

const commentThreadSchema = z.object({
  id: z.string().optional(),
  snippet: z
    .object({
      videoId: z.string().optional(),
      totalReplyCount: countSchema,
      topLevelComment: z
        .object({ id: z.string().optional(), snippet: commentSnippetSchema.optional() })
        .optional(),
    })
    .optional(),
});
export type CommentThread = z.infer<typeof commentThreadSchema>;

const listEnvelope = z.object({
  nextPageToken: z.string().min(1).optional(),
  items: z.array(z.unknown()).optional(),
});

export interface ResourcePage<T> {
  items: T[];
  nextPageToken?: string;
  /** Entries that were not objects of the documented shape (skipped). */
  skipped: number;
}

function parsePage<T>(
  json: unknown,
  itemSchema: z.ZodType<T>,
  what: string,
  url: string,
): ResourcePage<T> {
  const envelope = listEnvelope.safeParse(json);
  if (!envelope.success)
    throw new LangngheError(
      'source.bad_response',
      `${url} answered something that is not a ${what}: ${envelope.error.issues[0]?.message ?? 'unexpected shape'}`,
      { details: { url } },
    );
  const items: T[] = [];
  let skipped = 0;
  for (const raw of envelope.data.items ?? []) {
    const item = itemSchema.safeParse(raw);
    if (item.success) items.push(item.data);
    else skipped++;
  }
  const { nextPageToken } = envelope.data;
  return nextPageToken === undefined ? { items, skipped } : { items, nextPageToken, skipped };
}

export const parseSearchPage = (json: unknown, url: string): ResourcePage<SearchResult> =>
  parsePage(json, searchResultSchema, 'youtube#searchListResponse', url);

export const parseVideoPage = (json: unknown, url: string): ResourcePage<VideoResource> =>
  parsePage(json, videoSchema, 'youtube#videoListResponse', url);

export const parseCommentThreadPage = (json: unknown, url: string): ResourcePage<CommentThread> =>
  parsePage(json, commentThreadSchema, 'youtube#commentThreadListResponse', url);
