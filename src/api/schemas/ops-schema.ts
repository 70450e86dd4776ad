import { z } from 'zod';
import { idString } from './common-schema.js';

export const healthResponse = z.object({ status: z.enum(['ok', 'unavailable']) });

export const infoResponse = z.object({
  version: z.string(),
  demo: z.boolean().describe('True when the data shown is the SAMPLE demo data set'),
  mode: z.enum(['embedded']),
});

export const sourceSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  kind: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  health: z.object({
    sourceId: z.string(),
    lastRunAt: z.string().optional(),
    lastSuccessAt: z.string().optional(),
    lastError: z.object({ at: z.string(), message: z.string() }).optional(),
    consecutiveFailures: z.number().int(),
    itemsLastHour: z.number().int(),
    runsLastHour: z.number().int(),
  }),
});

export const sourceListResponse = z.object({ sources: z.array(sourceSchema) });

export const ingestQuery = z.strictObject({
  sourceId: idString.optional().describe('Source to credit items without a sourceId to'),
});

export const ingestResponse = z.object({
  accepted: z.number().int().describe('Items that passed validation and went to the pipeline'),
  inserted: z.number().int(),
  updated: z.number().int(),
  matched: z.number().int(),
  errors: z.array(
    z.object({
      line: z.number().int().optional().describe('1-based line of an NDJSON body'),
      index: z.number().int().optional().describe('0-based index in a JSON array body'),
      code: z.string(),
      message: z.string(),
    }),
  ),
});

export const streamQuery = z.strictObject({
  topic: idString.optional().describe('Only matches of this topic id'),
});
