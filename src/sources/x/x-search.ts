import { z } from 'zod';
import { LangngheError } from '../../core/errors.js';
import type { Connector, ConnectorItem, PollBatch, PollContext } from '../connector.js';
import { formatSearchCursor, parseSearchCursor } from './search-cursor.js';
import type { SearchCursor } from './search-cursor.js';
import { itemsOf } from './tweet-to-item.js';
import {
  TWEET_EXPANSIONS,
  TWEET_FIELDS,
  USER_FIELDS,
  apiBaseUrlSchema,
  bearerHeaders,
  bearerTokenSchema,
  compareIds,
  describeProblems,
  problemsOf,
  xUrl,
} from './x-api.js';

const configSchema = z.object({
  bearerToken: bearerTokenSchema,
  query: z
    .string()
    .min(1)
    .max(512)
    .describe('An X search query (operators as in X search, at most 512 characters)'),
  maxResults: z.coerce
    .number()
    .int()
    .min(10)
    .max(100)
    .default(100)
    .describe('Posts per page, 10 to 100'),
  maxPages: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe(
      'Pages read per run; a longer backlog is read on by the next runs (a first run keeps only the newest pages)',
    ),
  apiBaseUrl: apiBaseUrlSchema,
});

export type XSearchConfig = z.infer<typeof configSchema>;

const metaSchema = z.object({
  newest_id: z.string().regex(/^\d+$/).optional().catch(undefined),
  next_token: z.string().min(1).optional().catch(undefined),
});

type SearchAnswer = { kind: 'page'; body: unknown } | { kind: 'stale_since_id' };

/** True when a 400 names `since_id`: X accepts only ids of the last 7 days. */
function isStaleSinceId(body: unknown): boolean {
  const errors = (body as { errors?: unknown } | null)?.errors;
  return (
    Array.isArray(errors) &&
    errors.some((entry) => {
      const parameters = (entry as { parameters?: unknown } | null)?.parameters;
      return typeof parameters === 'object' && parameters !== null && 'since_id' in parameters;
    })
  );
}

async function search(ctx: PollContext<XSearchConfig>, state: SearchCursor): Promise<SearchAnswer> {
  const { config } = ctx;
  // https://docs.x.com/x-api/posts/search/api-reference/get-tweets-search-recent
  const url = xUrl(config.apiBaseUrl, '/tweets/search/recent', {
    query: config.query,
    max_results: config.maxResults,
    since_id: state.sinceId,
    next_token: state.nextToken,
    'tweet.fields': TWEET_FIELDS,
    expansions: TWEET_EXPANSIONS,
    'user.fields': USER_FIELDS,
  });
  const response = await ctx.http.request(url, {
    headers: { ...bearerHeaders(config.bearerToken), accept: 'application/json' },
    signal: ctx.signal,
    acceptStatus: [400],
  });
  const body = response.json();
  if (response.status === 400) {
    if (state.sinceId !== undefined && isStaleSinceId(body)) return { kind: 'stale_since_id' };
    throw new LangngheError(
      'source.config',
      `X refused the search (400): ${describeProblems(problemsOf(body)) || 'no reason given'}`,
      { details: { status: 400 } },
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new LangngheError('source.bad_response', 'X answered the search with no JSON object');
  return { kind: 'page', body };
}

function newestIdOf(items: readonly ConnectorItem[]): string | undefined {
  let newest: string | undefined;
  for (const item of items)
    if (newest === undefined || compareIds(item.externalId, newest) > 0) newest = item.externalId;
  return newest;
}

function newerOf(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareIds(a, b) >= 0 ? a : b;
}

/**
 * Where the run stands after a page: finished (the run's newest id becomes `since_id`), or the
 * token of the next page kept with the old `since_id`. A run without a `since_id` (the first)
 * that reaches `maxPages` stops there: it keeps the newest Posts of the week, not all of them.
 */
function cursorAfter(
  state: SearchCursor,
  page: { nextToken?: string; newestId?: string },
  isLastAllowedPage: boolean,
): { cursor: SearchCursor; isDone: boolean } {
  const newest = newerOf(state.pendingNewestId, page.newestId);
  const isBackfill = state.sinceId === undefined;
  // A page naming itself as the next would be read again by every later run: treat it as the end.
  const isRepeated = page.nextToken !== undefined && page.nextToken === state.nextToken;
  if (page.nextToken === undefined || isRepeated || (isLastAllowedPage && isBackfill))
    return { cursor: { sinceId: newerOf(state.sinceId, newest) }, isDone: true };
  return {
    cursor: { sinceId: state.sinceId, nextToken: page.nextToken, pendingNewestId: newest },
    isDone: isLastAllowedPage,
  };
}

function startingCursor(ctx: PollContext<XSearchConfig>): SearchCursor {
  const parsed = parseSearchCursor(ctx.cursor);
  if (parsed !== undefined) return parsed;
  ctx.log({ level: 'warn', message: 'x-search: unreadable cursor; starting over' });
  return {};
}

/** One page; a `since_id` X no longer accepts is dropped and the run starts over without it. */
async function readPage(
  ctx: PollContext<XSearchConfig>,
  state: SearchCursor,
): Promise<{ body: unknown; state: SearchCursor }> {
  const answer = await search(ctx, state);
  if (answer.kind === 'page') return { body: answer.body, state };
  ctx.log({
    level: 'warn',
    message: 'x-search: since_id is older than the 7-day search window; starting over',
  });
  const again = await search(ctx, {});
  if (again.kind === 'page') return { body: again.body, state: {} };
  throw new LangngheError('source.bad_response', 'X refused a search without since_id');
}

async function* pollSearch(ctx: PollContext<XSearchConfig>): AsyncIterable<PollBatch> {
  let state = startingCursor(ctx);
  const seen = new Set<string>();
  for (let page = 0; page < ctx.config.maxPages; page++) {
    const answer = await readPage(ctx, state);
    state = answer.state;
    const { items, skipped } = itemsOf(answer.body);
    const problems = problemsOf(answer.body);
    if (problems.length > 0 || skipped > 0)
      ctx.log({
        level: 'warn',
        message: `x-search: ${problems.length} partial errors, ${skipped} unreadable posts: ${describeProblems(problems)}`,
      });
    const meta = metaSchema.safeParse((answer.body as { meta?: unknown }).meta ?? {});
    const next = cursorAfter(
      state,
      {
        nextToken: meta.success ? meta.data.next_token : undefined,
        newestId: (meta.success ? meta.data.newest_id : undefined) ?? newestIdOf(items),
      },
      page + 1 >= ctx.config.maxPages,
    );
    const fresh = items.filter((item) => !seen.has(item.externalId));
    for (const item of fresh) seen.add(item.externalId);
    yield { items: fresh, cursor: formatSearchCursor(next.cursor) };
    if (next.isDone) {
      if (next.cursor.nextToken !== undefined)
        ctx.log({
          level: 'info',
          message: `x-search: read ${ctx.config.maxPages} pages; the next run reads on`,
        });
      return;
    }
    state = next.cursor;
  }
}

/**
 * Polls X API v2 recent search (the last 7 days) for a query, newest first, paging with
 * `next_token` and asking each later run only for Posts newer than the last one stored
 * (`since_id`). The cursor is safe to crash on: see `SearchCursor`.
 */
export const xSearchConnector: Connector<XSearchConfig> = {
  kind: 'x-search',
  platform: 'x',
  description: 'X (Twitter) recent search for a query, via X API v2 with a Bearer Token',
  mode: 'poll',
  configSchema,
  secretFields: ['bearerToken'],
  defaultIntervalSeconds: 300,
  poll: pollSearch,
};
