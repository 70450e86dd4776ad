import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isLangngheError } from '../../core/errors.js';
import { formatFeedRecords } from '../../sources/news/feed-record.js';
import { parseFeed } from '../../sources/news/parse-feed.js';
import { createHttpClient } from '../../sources/http-client.js';
import type { CliIo } from '../io.js';
import { UsageError, writeLine } from '../io.js';
import { addressPolicyOf, readConfig, systemClock } from '../runtime.js';
import type { AddressPolicy } from '../../sources/address-policy.js';

export const feedHelp = `langnghe feed parse FILE_OR_URL [--offset MINUTES]

Reads an RSS (0.9x, 1.0, 2.0), Atom (0.3, 1.0) or JSON Feed document from a file or an http(s)
URL and prints its items as a JSON array, each exactly
{ "id", "title", "url", "text", "publishedAt", "author" } (null when missing; publishedAt in
UTC, e.g. 2026-11-23T01:30:00.000Z). See docs/feeds.md.

  --offset MINUTES  minutes east of UTC for dates that name no zone (default 420: Vietnam)

Exits 1 when the document is not a feed.`;

/** The Accept header a feed reader sends: feed types first, any XML or JSON after. */
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

interface FeedDocument {
  bytes: Uint8Array;
  url?: string;
  contentType?: string;
}

async function readDocument(location: string, addressPolicy: AddressPolicy): Promise<FeedDocument> {
  if (!/^https?:\/\//i.test(location)) return { bytes: await readFile(location) };
  const http = createHttpClient({ clock: systemClock, maxAttempts: 3, addressPolicy });
  const response = await http.request(location, { headers: { accept: FEED_ACCEPT } });
  return {
    bytes: response.body,
    url: response.url,
    contentType: response.headers.get('content-type') ?? undefined,
  };
}

function parseOffset(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const offset = Number(text);
  if (!Number.isInteger(offset) || Math.abs(offset) > 14 * 60)
    throw new UsageError(`--offset takes whole minutes between -840 and 840, not "${text}"`);
  return offset;
}

/** `langnghe feed parse`: one feed's items on stdout in the contract of docs/feeds.md. */
export async function runFeed(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { offset: { type: 'string' } },
  });
  const [sub, location, ...rest] = positionals;
  if (sub !== 'parse' || location === undefined || rest.length > 0) throw new UsageError(feedHelp);
  const defaultTimeZoneOffsetMinutes = parseOffset(values.offset);
  // The same address policy as the connectors: an intranet feed needs fetchAllowList.
  const document = await readDocument(location, addressPolicyOf(readConfig(io)));
  try {
    const feed = parseFeed(document.bytes, {
      url: document.url,
      contentType: document.contentType,
      defaultTimeZoneOffsetMinutes,
    });
    await writeLine(io.stdout, formatFeedRecords(feed.items).trimEnd());
    return 0;
  } catch (error) {
    if (!isLangngheError(error) || error.code !== 'feed.invalid') throw error;
    await writeLine(io.stderr, `langnghe feed: ${error.message} [${error.code}]`);
    return 1;
  }
}
