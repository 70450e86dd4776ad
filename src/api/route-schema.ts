import type { z } from 'zod';
import type { FastifySchema } from 'fastify';
import { jsonSchema } from './json-schema.js';
import { errorResponses } from './schemas/common-schema.js';

/** A route's documentation and zod schemas, before conversion to JSON Schema. */
export interface RouteSchemaSpec {
  summary: string;
  description?: string;
  tags: string[];
  querystring?: z.ZodType;
  params?: z.ZodType;
  body?: z.ZodType;
  /** Success responses by status code; 4xx/5xx error bodies are added. */
  response: Record<number, z.ZodType | null>;
  hide?: boolean;
}

/** Converts a route's zod schemas: requests on the input side, responses on the output side. */
export function routeSchema(spec: RouteSchemaSpec): FastifySchema {
  const response: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(spec.response)) {
    response[status] =
      schema === null ? { type: 'null', description: 'No content' } : jsonSchema(schema);
  }
  for (const [status, schema] of Object.entries(errorResponses)) {
    response[status] = jsonSchema(schema);
  }
  return {
    summary: spec.summary,
    ...(spec.description && { description: spec.description }),
    tags: spec.tags,
    ...(spec.hide && { hide: true }),
    ...(spec.querystring && { querystring: jsonSchema(spec.querystring, 'input') }),
    ...(spec.params && { params: jsonSchema(spec.params, 'input') }),
    ...(spec.body && { body: jsonSchema(spec.body, 'input') }),
    response,
  };
}
