import { z } from 'zod';

/** A condition of a Research API query (https://developers.tiktok.com/doc/research-api-specs-query-videos). */
const conditionSchema = z.object({
  operation: z.enum(['EQ', 'IN', 'GT', 'GTE', 'LT', 'LTE']),
  field_name: z.enum([
    'create_date',
    'username',
    'region_code',
    'video_id',
    'hashtag_name',
    'keyword',
    'music_id',
    'effect_id',
    'video_length',
    'view_count',
    'comment_count',
  ]),
  field_values: z.array(z.string().min(1)).min(1),
});

const querySchema = z
  .object({
    and: z.array(conditionSchema).optional(),
    or: z.array(conditionSchema).optional(),
    not: z.array(conditionSchema).optional(),
  })
  .refine((query) => [query.and, query.or, query.not].some((list) => (list?.length ?? 0) > 0), {
    message: 'a query needs at least one non-empty and/or/not list',
  });

export type TikTokQuery = z.output<typeof querySchema>;

export const tiktokConfigSchema = z
  .object({
    clientKey: z.string().min(1).describe('The research client key'),
    clientSecret: z.string().min(1).describe('The research client secret (stored encrypted)'),
    query: querySchema.optional().describe('A Research API query object, sent as it is'),
    keywords: z
      .array(z.string().trim().min(1))
      .optional()
      .describe('Instead of `query`: videos whose description holds one of these keywords'),
    regionCode: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .default('VN')
      .describe("With `keywords`: the creators' registration region"),
    withComments: z.boolean().default(true).describe("Also read each new video's comments"),
    maxPages: z.number().int().min(1).max(50).default(5).describe('Video pages of 100 a run'),
    maxCommentPages: z.number().int().min(1).max(20).default(1).describe('Comment pages a video'),
    maxCommentRequests: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(100)
      .describe('Comment requests a run (the daily quota is 1,000 requests in all)'),
    lookbackDays: z.number().int().min(1).max(30).default(7).describe('Days read on a first run'),
    apiBaseUrl: z.url().default('https://open.tiktokapis.com'),
  })
  .refine((config) => (config.query === undefined) !== ((config.keywords?.length ?? 0) === 0), {
    message: 'give either a query or keywords (one of them)',
  });

export type TikTokConfig = z.output<typeof tiktokConfigSchema>;

/** The query sent: the configured one, or keywords within a region. */
export function queryOf(config: TikTokConfig): TikTokQuery {
  if (config.query !== undefined) return config.query;
  return {
    and: [
      { operation: 'IN', field_name: 'region_code', field_values: [config.regionCode] },
      { operation: 'IN', field_name: 'keyword', field_values: config.keywords ?? [] },
    ],
  };
}
