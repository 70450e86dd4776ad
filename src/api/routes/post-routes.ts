import type { FastifyInstance } from 'fastify';
import { LangngheError } from '../../core/errors.js';
import { PLATFORMS } from '../../core/types.js';
import type { Platform } from '../../core/types.js';
import { scopeOf } from '../authenticate.js';
import { toApiHit } from '../highlights.js';
import type { RouteContext } from '../route-context.js';
import { routeSchema } from '../route-schema.js';
import { searchQuery, searchResponse } from '../schemas/post-schema.js';
import type { SearchQuery } from '../schemas/post-schema.js';

const KNOWN_PLATFORMS = new Set<string>(PLATFORMS);

/** `platform=a&platform=b` and `platform=a,b` alike; an unknown name is `input.invalid`. */
export function parsePlatforms(values: readonly string[] | undefined): Platform[] | undefined {
  if (values === undefined) return undefined;
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase());
  const platforms = [...new Set(names.filter((n) => n !== ''))];
  const unknown = platforms.find((p) => !KNOWN_PLATFORMS.has(p));
  if (unknown !== undefined) {
    throw new LangngheError(
      'input.invalid',
      `Unknown platform "${unknown.slice(0, 40)}"; expected one of ${PLATFORMS.join(', ')}`,
      { details: { field: 'querystring.platform' } },
    );
  }
  return platforms.length === 0 ? undefined : (platforms as Platform[]);
}

/** GET /api/posts: search stored posts with the query language, newest first, paged. */
export function registerPostRoutes(api: FastifyInstance, ctx: RouteContext): void {
  api.get<{ Querystring: SearchQuery }>(
    '/api/posts',
    {
      schema: routeSchema({
        summary: 'Search posts',
        description:
          'Newest first. `q` is a topic query; a query that does not parse is 400 with `details.offset`/`details.column`. Page with `cursor` = the previous `nextCursor`.',
        tags: ['posts'],
        querystring: searchQuery,
        response: { 200: searchResponse },
      }),
    },
    async (request) => {
      const { q, topic, platform, from, to, cursor, limit } = request.query;
      const result = await ctx.app.search(scopeOf(request), {
        q,
        topicId: topic,
        platforms: parsePlatforms(platform),
        from,
        to,
        cursor,
        limit,
      });
      return {
        hits: result.hits.map(toApiHit),
        nextCursor: result.nextCursor,
        warnings: result.warnings,
      };
    },
  );
}
