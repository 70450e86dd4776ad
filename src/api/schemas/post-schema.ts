import { z } from 'zod';
import { LIMITS, idString, queryString, timestamp, warningSchema } from './common-schema.js';

const count = z.number();

/** A stored post as the API returns it (the pipeline's write-only fields left out). */
export const postSchema = z.object({
  id: z.string(),
  platform: z.string(),
  kind: z.string(),
  url: z.string().optional(),
  title: z.string().optional(),
  text: z.string(),
  lang: z.string().optional(),
  publishedAt: z.string(),
  collectedAt: z.string(),
  author: z
    .object({
      id: z.string().optional(),
      name: z.string().optional(),
      followers: count.optional(),
      isPress: z.boolean().optional(),
    })
    .optional(),
  parentId: z.string().optional(),
  engagement: z
    .object({
      likes: count.optional(),
      comments: count.optional(),
      shares: count.optional(),
      views: count.optional(),
    })
    .optional(),
  sourceId: z.string(),
  labels: z
    .object({
      area: z.array(z.string()).optional(),
      category: z.array(z.string()).optional(),
      sentiment: z.array(z.string()).optional(),
    })
    .optional(),
  enrichment: z.record(z.string(), z.unknown()).optional(),
  truncated: z.boolean().optional(),
  duplicateOf: z.string().optional(),
});

/** Where a query matched: UTF-16 offsets into `post[field]` (`author` is `post.author.name`). */
export const highlightSchema = z.object({
  field: z.enum(['title', 'text', 'author']),
  start: z.number().int(),
  end: z.number().int(),
  term: z.string().describe('The query part that matched, as written'),
});

export const hitSchema = z.object({ post: postSchema, highlights: z.array(highlightSchema) });

export const searchQuery = z.strictObject({
  q: queryString.optional(),
  topic: idString.optional().describe('Only posts matched to this topic id'),
  platform: z
    .array(z.string().max(LIMITS.id))
    .max(LIMITS.platforms)
    .optional()
    .describe('Platforms: repeat the parameter or give a comma-separated list'),
  from: timestamp.optional().describe('Published at or after (inclusive)'),
  to: timestamp.optional().describe('Published before (exclusive)'),
  cursor: z.string().max(LIMITS.cursor).optional().describe('nextCursor of the previous page'),
  limit: z.number().int().min(1).max(500).optional(),
});

export const searchResponse = z.object({
  hits: z.array(hitSchema),
  nextCursor: z.string().optional(),
  warnings: z.array(warningSchema),
});

export type SearchQuery = z.output<typeof searchQuery>;
