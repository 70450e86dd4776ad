import { z } from 'zod';
import { idString } from './common-schema.js';

export const healthResponse = z.object({ status: z.enum(['ok', 'degraded', 'unavailable']) });

export const infoResponse = z.object({
  version: z.string(),
  demo: z.boolean().describe('True when the data shown is the SAMPLE demo data set'),
  mode: z.enum(['embedded']),
  isSsoEnabled: z.boolean().describe('True when single sign-on (OpenID Connect) is configured'),
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
  mode: z.enum(['poll', 'stream', 'webhook']).optional(),
  intervalSeconds: z.number().optional().describe('Seconds between polls'),
  schedule: z
    .object({
      isRunning: z.boolean(),
      nextRunAt: z.string().optional(),
      consecutiveFailures: z.number().int(),
    })
    .optional()
    .describe('Present while the server runs the source on its schedule'),
  webhookPath: z.string().optional().describe('Where a push source receives deliveries'),
});

const sourceConfig = z
  .record(z.string().max(100), z.unknown())
  .describe(
    "The connector's configuration (see GET /api/sources/kinds). Credential fields are stored encrypted (LANGNGHE_SECRET_KEY) or given as `env:VARIABLE`. Common field: intervalSeconds (10–604800).",
  );

export const createSourceBody = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/)
    .optional(),
  kind: z.string().min(1).max(60),
  name: z.string().min(1).max(200).optional(),
  config: sourceConfig,
  enabled: z.boolean().optional(),
});

export const updateSourceBody = z.strictObject({
  name: z.string().min(1).max(200).optional(),
  config: sourceConfig.optional(),
  enabled: z.boolean().optional(),
});

export const kindListResponse = z.object({
  kinds: z.array(
    z.object({
      kind: z.string(),
      platform: z.string(),
      mode: z.enum(['poll', 'stream', 'webhook']),
      description: z.string(),
      secretFields: z.array(z.string()),
      defaultIntervalSeconds: z.number(),
    }),
  ),
});

export const runOutcomeResponse = z.object({
  sourceId: z.string(),
  ok: z.boolean(),
  items: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  rejected: z.number().int(),
  batches: z.number().int(),
  error: z
    .object({ code: z.string(), message: z.string(), retryAfterMs: z.number().optional() })
    .optional(),
});

export const testSourceResponse = z.object({
  items: z.array(z.record(z.string(), z.unknown())),
});

export const sourceListResponse = z.object({ sources: z.array(sourceSchema) });

export const ingestQuery = z.strictObject({
  sourceId: idString.optional().describe('Source to credit items without a sourceId to'),
  wait: z
    .enum(['true', 'false'])
    .optional()
    .describe(
      'false: answer 202 as soon as the bus has accepted the items (inserted/matched stay 0, `queued` says how many); default true: once they are stored',
    ),
});

export const ingestResponse = z.object({
  accepted: z.number().int().describe('Items that passed validation and went to the pipeline'),
  inserted: z.number().int(),
  updated: z.number().int(),
  matched: z.number().int(),
  queued: z.number().int().optional().describe('With wait=false: items accepted by the bus'),
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
