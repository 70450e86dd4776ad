import { z } from 'zod';

/** A JSON Schema object as Fastify and @fastify/swagger take it. */
export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema (draft 7, what Fastify's Ajv speaks) of a zod schema. Requests use the input
 * side (fields with defaults are optional), responses the output side; `z.strictObject` becomes
 * `additionalProperties: false`, so unknown fields are rejected, and response objects list only
 * what they may send.
 */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io });
  return rest;
}
