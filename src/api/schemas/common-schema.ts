import { z } from 'zod';
import { PLATFORMS } from '../../core/types.js';

/** Longest accepted query, name, id and cursor: hostile input never reaches the app unbounded. */
export const LIMITS = {
  query: 4096,
  name: 200,
  id: 200,
  cursor: 1024,
  timestamp: 64,
  platforms: 20,
} as const;

export const idString = z.string().min(1).max(LIMITS.id);
export const timestamp = z
  .string()
  .min(1)
  .max(LIMITS.timestamp)
  .describe('ISO 8601 date or date-time (UTC when no zone is given)');
export const queryString = z
  .string()
  .max(LIMITS.query)
  .describe('A query in the topic query language (diacritic- and case-insensitive)');

export const errorSchema = z.object({
  error: z.object({
    code: z.string().describe('Stable dotted code, e.g. query.syntax, input.invalid'),
    message: z.string(),
    details: z
      .record(z.string(), z.unknown())
      .describe('Machine-readable context: offset/column for query errors, field problems, …'),
  }),
});

export const idParams = z.strictObject({ id: idString });

export const platformSchema = z.enum(PLATFORMS as [string, ...string[]]);

export const spanSchema = z.object({ start: z.number().int(), end: z.number().int() });

export const warningSchema = z.object({
  code: z.string(),
  messageVi: z.string(),
  messageEn: z.string(),
  span: spanSchema,
  suggestion: z.string().optional(),
});

/** The error responses every route documents. */
export const errorResponses = {
  '4xx': errorSchema,
  '5xx': errorSchema,
} as const;
