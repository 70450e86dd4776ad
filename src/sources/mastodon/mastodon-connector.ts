import { LangngheError } from '../../core/errors.js';
import type { Connector, PollBatch, PollContext } from '../connector.js';
import { mastodonConfigSchema } from './config.js';
import type { MastodonConfig } from './config.js';
import { explainAuthError, mastodonHeaders, rateLimitedError } from './mastodon-api.js';
import { compareIds, newestId, oldestId, parseStatus, statusesToItems } from './status.js';
import type { MastodonStatus, StatusItemContext } from './status.js';
import { PAGE_LIMIT, parsePageLinks, timelineUrl } from './timeline-url.js';
import type { PageBound } from './timeline-url.js';

interface TimelinePage {
  statuses: MastodonStatus[];
  /** Entries in the answer, readable or not: fewer than asked means the end was reached. */
  size: number;
  links: ReturnType<typeof parsePageLinks>;
}

async function fetchPage(ctx: PollContext<MastodonConfig>, url: string): Promise<TimelinePage> {
  const shown = ctx.http.redact(url);
  let response;
  try {
    response = await ctx.http.request(url, {
      headers: mastodonHeaders(ctx.config.accessToken),
      acceptStatus: [429],
      signal: ctx.signal,
    });
  } catch (error) {
    throw explainAuthError(error, ctx.config.accessToken !== undefined);
  }
  if (response.status === 429) throw rateLimitedError(response.headers, shown, ctx.clock.now());
  const body = response.json();
  if (!Array.isArray(body))
    throw new LangngheError(
      'source.bad_response',
      `${shown} answered ${typeof body === 'object' ? JSON.stringify(body).slice(0, 200) : typeof body} instead of an array of statuses`,
      { details: { url: shown, status: response.status } },
    );
  const statuses: MastodonStatus[] = [];
  for (const entry of body) {
    const status = parseStatus(entry);
    if (status !== undefined) statuses.push(status);
  }
  if (statuses.length < body.length)
    ctx.log({
      level: 'warn',
      message: `${body.length - statuses.length} status(es) without an id skipped`,
      url: shown,
    });
  return { statuses, size: body.length, links: parsePageLinks(response.headers.get('link')) };
}

/** The newest status id stored so far, from the cursor `{"newestId": "…"}`. */
function readCursor(ctx: PollContext<MastodonConfig>): string | undefined {
  if (ctx.cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(ctx.cursor) as { newestId?: unknown };
    if (typeof parsed.newestId === 'string' && parsed.newestId !== '') return parsed.newestId;
  } catch {
    // Logged below: an unreadable cursor starts over from the newest page.
  }
  ctx.log({ level: 'warn', message: 'unreadable cursor ignored: reading the newest page again' });
  return undefined;
}

/**
 * Where the page after this one starts. Forward (an incremental poll): right after the newest
 * status read, until a page comes back short (caught up). Backward (the first poll): before the
 * oldest, as the `next` link says; no `next` link, or a short page without links, is the end.
 */
function nextBound(page: TimelinePage, ids: string[], isForward: boolean): PageBound | undefined {
  if (isForward) {
    if (page.size < PAGE_LIMIT) return undefined;
    const minId = page.links.prevMinId ?? newestId(ids);
    return minId === undefined ? undefined : { minId };
  }
  if (page.links.hasLinks) {
    return page.links.nextMaxId === undefined ? undefined : { maxId: page.links.nextMaxId };
  }
  const maxId = oldestId(ids);
  return page.size < PAGE_LIMIT || maxId === undefined ? undefined : { maxId };
}

/**
 * The first poll reads the newest `maxPages` pages, newest first; every later one pages forward
 * from the newest id stored with `min_id`, oldest new page first, so each batch's cursor is true
 * once it is stored and a backlog longer than `maxPages` is finished by the following polls.
 */
async function* pollTimeline(ctx: PollContext<MastodonConfig>): AsyncIterable<PollBatch> {
  const context: StatusItemContext = {
    instanceHost: new URL(ctx.config.instanceUrl).host,
    knownIds: new Map(),
  };
  let newest = readCursor(ctx);
  const isForward = newest !== undefined;
  let bound: PageBound = newest === undefined ? {} : { minId: newest };
  for (let pageNumber = 0; pageNumber < ctx.config.maxPages; pageNumber++) {
    const page = await fetchPage(ctx, timelineUrl(ctx.config, bound));
    const ids = page.statuses.map((status) => status.id);
    const pageNewest = newestId(ids);
    if (pageNewest === undefined) break;
    // A server that ignores min_id would hand the same page back forever.
    if ('minId' in bound && compareIds(pageNewest, bound.minId) <= 0) break;
    if (newest === undefined || compareIds(pageNewest, newest) > 0) newest = pageNewest;
    yield {
      items: statusesToItems(page.statuses, context),
      cursor: JSON.stringify({ newestId: newest }),
    };
    const next = nextBound(page, ids, isForward);
    if (next === undefined) break;
    bound = next;
  }
}

/** A Mastodon instance's hashtag, public or local timeline, polled over the REST API. */
export const mastodonConnector: Connector<MastodonConfig> = {
  kind: 'mastodon',
  platform: 'mastodon',
  description:
    "Mastodon: one instance's hashtag, public or local timeline, polled (REST, min_id paging)",
  mode: 'poll',
  configSchema: mastodonConfigSchema,
  secretFields: ['accessToken'],
  defaultIntervalSeconds: 300,
  poll: pollTimeline,
};
