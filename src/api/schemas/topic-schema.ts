import { z } from 'zod';
import { LIMITS, queryString, timestamp, warningSchema } from './common-schema.js';
import { hitSchema } from './post-schema.js';

const name = z.string().min(1).max(LIMITS.name).regex(/\S/).describe('Topic name shown in the UI');
const query = queryString.min(1);

export const topicSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  query: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const topicWithCountSchema = topicSchema.extend({
  count: z.number().int().describe('Posts matched'),
});

export const topicListResponse = z.object({ topics: z.array(topicWithCountSchema) });

export const createTopicBody = z.strictObject({
  name,
  query,
});

/** At least one field; checked by the handler (JSON Schema from zod cannot say it). */
export const updateTopicBody = z.strictObject({ name: name.optional(), query: query.optional() });

export const testTopicBody = z.strictObject({
  query,
  from: timestamp.optional(),
  to: timestamp.optional(),
  sampleSize: z.number().int().min(1).max(100).optional(),
});

export const testTopicResponse = z.object({
  count: z.number().int(),
  examined: z.number().int(),
  isCapped: z.boolean(),
  sample: z.array(hitSchema),
  warnings: z.array(warningSchema),
});

export const volumeQuery = z.strictObject({
  bucket: z.enum(['hour', 'day']).default('day'),
  from: timestamp.optional(),
  to: timestamp.optional(),
});

export const volumeResponse = z.object({
  topicId: z.string(),
  bucket: z.enum(['hour', 'day']),
  buckets: z.array(z.object({ bucket: z.string(), count: z.number().int() })),
});

export const backfillBody = z.strictObject({
  from: timestamp.optional(),
  to: timestamp.optional(),
});

export const backfillResponse = z.object({
  topicId: z.string(),
  scanned: z.number().int(),
  matched: z.number().int(),
});

export type CreateTopicBody = z.output<typeof createTopicBody>;
export type UpdateTopicBody = z.output<typeof updateTopicBody>;
export type TestTopicBody = z.output<typeof testTopicBody>;
export type VolumeQuery = z.output<typeof volumeQuery>;
export type BackfillBody = z.output<typeof backfillBody>;
