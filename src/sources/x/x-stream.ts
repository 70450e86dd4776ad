import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { LangngheError } from '../../core/errors.js';
import { retryAfterMs } from '../backoff.js';
import type { Connector, ConnectorItem, PollBatch, PollContext } from '../connector.js';
import type { HttpStreamResponse } from '../http-client.js';
import { readLines } from './read-lines.js';
import type { LineEvent, LinesEnd } from './read-lines.js';
import { syncStreamRules } from './stream-rules.js';
import { itemsOf } from './tweet-to-item.js';
import {
  TWEET_EXPANSIONS,
  TWEET_FIELDS,
  USER_FIELDS,
  apiBaseUrlSchema,
  bearerHeaders,
  bearerTokenSchema,
  describeProblems,
  problemsOf,
  xUrl,
} from './x-api.js';

/** Items per batch, and the longest an item waits for its batch to fill. */
const BATCH_SIZE = 100;
const BATCH_WINDOW_MS = 1000;

const configSchema = z.object({
  bearerToken: bearerTokenSchema,
  rules: z
    .array(
      z.object({
        value: z.string().min(1).max(1024).describe('A filtered-stream rule, in X rule syntax'),
        tag: z.string().max(256).optional().describe('A label for the rule'),
      }),
    )
    .min(1)
    .max(1000)
    .describe("The stream's rules; on connect the app's rules on X are made equal to these"),
  apiBaseUrl: apiBaseUrlSchema,
  stallTimeoutMs: z.coerce
    .number()
    .int()
    .min(10)
    .default(60_000)
    .describe('Silence (no post, no keep-alive) after which the connection counts as dead'),
});

export type XStreamConfig = z.infer<typeof configSchema>;

async function readSmallBody(body: ReadableStream<Uint8Array>): Promise<unknown> {
  try {
    // X's 429 answer is one small problem object.
    return JSON.parse(await new Response(body).text()) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Connects to the filtered stream. A 429 is X's "TooManyConnections" (another client holds the
 * app's one connection) or a connect rate limit: `source.rate_limited` at once, so the
 * scheduler's reconnect waits instead of the client retrying inside the call.
 * https://docs.x.com/x-api/fundamentals/handling-disconnections
 */
async function connect(ctx: PollContext<XStreamConfig>): Promise<HttpStreamResponse> {
  const url = xUrl(ctx.config.apiBaseUrl, '/tweets/search/stream', {
    'tweet.fields': TWEET_FIELDS,
    expansions: TWEET_EXPANSIONS,
    'user.fields': USER_FIELDS,
  });
  const response = await ctx.http.stream(url, {
    headers: bearerHeaders(ctx.config.bearerToken),
    signal: ctx.signal,
    acceptStatus: [429],
  });
  if (response.status !== 429) return response;
  const body = await readSmallBody(response.body);
  const issue = (body as { connection_issue?: unknown } | undefined)?.connection_issue;
  const waitMs = retryAfterMs(response.headers, ctx.clock.now());
  throw new LangngheError(
    'source.rate_limited',
    `X refused the stream connection (429${typeof issue === 'string' ? ` ${issue}` : ''}): ${describeProblems(problemsOf(body)) || 'too many requests'}`,
    { details: { status: 429, retryAfterMs: waitMs, connectionIssue: issue } },
  );
}

/** The items of one stream line; errors and unreadable lines are logged and give none. */
function itemsOfLine(ctx: PollContext<XStreamConfig>, line: string): ConnectorItem[] {
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    ctx.log({ level: 'warn', message: `x-stream: unreadable line skipped (${line.length} chars)` });
    return [];
  }
  const problems = problemsOf(message);
  // An `errors` line (operational-disconnect, …) comes before X closes the connection.
  if (problems.length > 0)
    ctx.log({ level: 'warn', message: `x-stream: X says ${describeProblems(problems)}` });
  const { items, skipped } = itemsOf(message);
  if (skipped > 0) ctx.log({ level: 'warn', message: `x-stream: ${skipped} unreadable posts` });
  return items;
}

function logEnd(ctx: PollContext<XStreamConfig>, end: LinesEnd): void {
  if (end === 'stalled')
    ctx.log({
      level: 'warn',
      message: `x-stream: nothing (not even a keep-alive) for ${ctx.config.stallTimeoutMs} ms; dropping the connection`,
    });
  else if (end === 'end') ctx.log({ level: 'info', message: 'x-stream: X closed the connection' });
}

async function* pollStream(ctx: PollContext<XStreamConfig>): AsyncIterable<PollBatch> {
  await syncStreamRules(ctx);
  const response = await connect(ctx);
  const pending = new Map<string, ConnectorItem>();
  let pendingSince: number | undefined;
  const lines = readLines(response.body, {
    signal: ctx.signal,
    stallTimeoutMs: ctx.config.stallTimeoutMs,
    idleInMs: () =>
      pendingSince === undefined ? undefined : pendingSince + BATCH_WINDOW_MS - performance.now(),
  });
  const takeBatch = (): PollBatch => {
    const items = [...pending.values()];
    pending.clear();
    pendingSince = undefined;
    return { items, cursor: undefined };
  };
  try {
    for (;;) {
      let next: IteratorResult<LineEvent, LinesEnd>;
      try {
        next = await lines.next();
      } catch (error) {
        // The connection broke: what already arrived is stored before the error is reported.
        if (pending.size > 0) yield takeBatch();
        throw error;
      }
      if (next.done === true) {
        if (pending.size > 0) yield takeBatch();
        logEnd(ctx, next.value);
        return;
      }
      if (next.value.kind === 'line')
        for (const item of itemsOfLine(ctx, next.value.line)) {
          pendingSince ??= performance.now();
          pending.set(item.externalId, item);
        }
      const isWindowOver =
        pendingSince !== undefined && performance.now() - pendingSince >= BATCH_WINDOW_MS;
      if (pending.size >= BATCH_SIZE || isWindowOver) yield takeBatch();
    }
  } finally {
    await lines.return('aborted');
  }
}

/**
 * X API v2 filtered stream: on each connect the app's stream rules are made equal to the
 * configured ones, then Posts matching them arrive as they are posted, in batches of up to 100
 * or every second. The poll ends when X closes the connection, when it stays silent for
 * `stallTimeoutMs` (X sends a keep-alive every ~20 s), or when the signal aborts; the scheduler
 * reconnects. No cursor: the stream has no replay below the Enterprise tier.
 */
export const xStreamConnector: Connector<XStreamConfig> = {
  kind: 'x-stream',
  platform: 'x',
  description: 'X (Twitter) filtered stream for a set of rules, via X API v2 with a Bearer Token',
  mode: 'stream',
  configSchema,
  secretFields: ['bearerToken'],
  // Unused by the scheduler for streams (it reconnects with backoff); a poll-now runs once.
  defaultIntervalSeconds: 60,
  poll: pollStream,
};
