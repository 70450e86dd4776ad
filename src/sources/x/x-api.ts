import { z } from 'zod';

/** Where X API v2 lives; sources change it only to point tests at a local server. */
export const X_API_BASE_URL = 'https://api.x.com/2';

/**
 * The fields asked for on every read: enough for a post's text, time, author, thread and
 * counts. https://docs.x.com/x-api/fundamentals/fields
 */
export const TWEET_FIELDS =
  'created_at,author_id,public_metrics,lang,conversation_id,referenced_tweets,entities';
export const TWEET_EXPANSIONS = 'author_id';
export const USER_FIELDS = 'name,username,public_metrics';

/** The config fields every X source shares. */
export const bearerTokenSchema = z
  .string()
  .min(1)
  .describe('An X API v2 app-only Bearer Token (secret; stored encrypted)');
export const apiBaseUrlSchema = z
  .url()
  .default(X_API_BASE_URL)
  .describe('X API v2 base URL; change it only to point at a test server');

/** Headers of an app-only (OAuth 2.0 Bearer) request. */
export function bearerHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** `base` + `path` + query, with `undefined` parameters left out. */
export function xUrl(
  base: string,
  path: string,
  params: Readonly<Record<string, string | number | undefined>> = {},
): string {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, String(value));
  return url.toString();
}

const problemSchema = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
  message: z.string().optional(),
  details: z.array(z.string()).optional().catch(undefined),
  value: z.string().optional(),
  type: z.string().optional(),
});

/** One entry of X's `errors` array, or the top-level problem object (RFC 7807 style). */
export type XProblem = z.infer<typeof problemSchema>;

/**
 * The problems an X answer carries: the top-level `{title, detail, type}` of a failed request
 * and the `errors` array that partial successes carry beside `data`.
 * https://docs.x.com/x-api/fundamentals/response-codes-and-errors
 */
export function problemsOf(body: unknown): XProblem[] {
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  const out: XProblem[] = [];
  if (Array.isArray(record.errors))
    for (const entry of record.errors) {
      const parsed = problemSchema.safeParse(entry);
      if (parsed.success) out.push(parsed.data);
    }
  if (typeof record.title === 'string') {
    const top = problemSchema.safeParse(record);
    if (top.success) out.push(top.data);
  }
  return out;
}

/** One line per problem, for logs and error messages (short: detail, or title, or message). */
export function describeProblems(problems: readonly XProblem[]): string {
  return problems
    .slice(0, 3)
    .map((problem) =>
      [
        problem.title,
        problem.detail ?? problem.message ?? problem.details?.join(' '),
        problem.value,
      ]
        .filter((part) => part !== undefined && part !== '')
        .join(': '),
    )
    .join('; ')
    .slice(0, 500);
}

/** Compares two X ids (decimal snowflakes longer than a double holds) as numbers. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
