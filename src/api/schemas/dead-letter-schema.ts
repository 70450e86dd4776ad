import { z } from 'zod';
import { MAX_DEAD_LETTER_LIMIT } from '../../services/index.js';

const MAX_IDS = 500;

export const deadLetterQuery = z.strictObject({
  before: z.coerce.number().int().positive().optional().describe('Items older than this id'),
  limit: z.coerce.number().int().min(1).max(MAX_DEAD_LETTER_LIMIT).optional(),
});
export type DeadLetterQueryString = z.infer<typeof deadLetterQuery>;

export const deadLetterIdsBody = z.strictObject({
  ids: z.array(z.number().int().positive()).min(1).max(MAX_IDS),
});
export type DeadLetterIdsBody = z.infer<typeof deadLetterIdsBody>;

const deadLetter = z.object({
  id: z.number().int(),
  itemId: z.string(),
  stage: z
    .string()
    .describe('The stage that refused it: normalize, enrich, match, store, pipeline'),
  code: z.string(),
  message: z.string(),
  workspaceId: z.string(),
  payload: z
    .unknown()
    .describe('The item as it entered the pipeline (personal data masked without pii:read)'),
  attempts: z.number().int(),
  firstFailedAt: z.string(),
  lastFailedAt: z.string(),
});

export const deadLetterPageResponse = z.object({
  items: z.array(deadLetter),
  total: z.number().int(),
});

export const deadLetterRetryResponse = z.object({
  stored: z.number().int(),
  failed: z.array(z.object({ id: z.number().int(), code: z.string(), message: z.string() })),
});

export const deadLetterDropResponse = z.object({ dropped: z.number().int() });
