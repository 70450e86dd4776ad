import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IngestResult } from '../../services/app.js';
import { scopeOf } from '../authenticate.js';
import type { IngestBody } from '../parse-ingest-body.js';
import { parseJsonArray, parseNdjson } from '../parse-ingest-body.js';
import type { RouteContext } from '../route-context.js';
import { routeSchema } from '../route-schema.js';
import { ingestQuery, ingestResponse } from '../schemas/ops-schema.js';

export const INGEST_ROUTE = '/api/ingest';
const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines'];

interface ApiItemError {
  line?: number;
  index?: number;
  code: string;
  message: string;
}

function readBody(request: FastifyRequest): IngestBody {
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' ? parseJsonArray(body) : parseNdjson(body);
}

/** Merges the body's reading errors with the app's, numbered by line (NDJSON) or index (JSON). */
function mergeErrors(body: IngestBody, result: IngestResult): ApiItemError[] {
  const key = body.unit === 'line' ? 'line' : 'index';
  const errors: { position: number; code: string; message: string }[] = [...body.errors];
  for (const error of result.errors) {
    const position = body.positions[error.index] ?? error.index;
    errors.push({ position, code: error.code, message: error.message });
  }
  errors.sort((a, b) => a.position - b.position);
  return errors.map(({ position, code, message }) => ({ [key]: position, code, message }));
}

/**
 * POST /api/ingest: NDJSON (or a JSON array) of posts, behind a bearer token. Bodies are read as
 * bytes (a parser of this scope only), so one bad line never spoils the others.
 */
export function registerIngestRoutes(api: FastifyInstance, ctx: RouteContext): void {
  const { bodyLimitBytes } = ctx.config;
  api.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      ['application/json', ...NDJSON_TYPES],
      { parseAs: 'buffer', bodyLimit: bodyLimitBytes },
      (_request, body, done) => done(null, body),
    );
    scope.post<{ Querystring: { sourceId?: string; wait?: 'true' | 'false' } }>(
      INGEST_ROUTE,
      {
        bodyLimit: bodyLimitBytes,
        schema: routeSchema({
          summary: 'Ingest posts (NDJSON, one post per line; or a JSON array)',
          description:
            'Requires an API token (or session) with ingest:write in the workspace: `Authorization: Bearer <token>`. Content-Type application/x-ndjson: each line is read on its own; a bad line (invalid UTF-8, malformed JSON, invalid post) is reported in `errors` with its line number and the rest is stored. application/json: an array of posts, errors by index. Bodies over bodyLimitBytes get 413.',
          tags: ['ingest'],
          querystring: ingestQuery,
          response: { 200: ingestResponse, 202: ingestResponse },
        }),
      },
      async (request, reply) => {
        const body = readBody(request);
        const isWaiting = request.query.wait !== 'false';
        const result =
          body.items.length === 0
            ? { accepted: 0, inserted: 0, updated: 0, matched: 0, errors: [] }
            : await ctx.app.ingest(scopeOf(request), body.items, {
                sourceId: request.query.sourceId,
                unit: 'index',
                firstIndex: 0,
                isWaiting,
              });
        return reply
          .code(isWaiting ? 200 : 202)
          .send({ ...result, errors: mergeErrors(body, result) });
      },
    );
  });
}
