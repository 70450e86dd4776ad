import { z } from 'zod';
import { LangngheError } from '../../core/errors.js';
import type { ConnectorItem } from '../connector.js';

/**
 * A link (`t3`) as a listing carries it; only `id` and `name` are relied on, everything else may
 * be missing on a partial answer. https://github.com/reddit-archive/reddit/wiki/JSON
 */
const linkSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  title: z.string().optional(),
  selftext: z.string().optional(),
  url: z.string().optional(),
  permalink: z.string().optional(),
  created_utc: z.number().optional(),
  author: z.string().optional(),
  subreddit: z.string().optional(),
  score: z.number().optional(),
  num_comments: z.number().optional(),
});

export type RedditLink = z.infer<typeof linkSchema>;

const listingSchema = z.object({
  kind: z.literal('Listing'),
  data: z.object({
    after: z.string().nullish(),
    children: z.array(z.object({ kind: z.string(), data: z.unknown() })),
  }),
});

export interface RedditPage {
  links: RedditLink[];
  /** The fullname to pass as `after` for the next (older) page; undefined at the end. */
  after: string | undefined;
}

/** Reads a `Listing`; children that are not links or lack an id are left out. */
export function parseListing(body: unknown, where: string): RedditPage {
  const parsed = listingSchema.safeParse(body);
  if (!parsed.success)
    throw new LangngheError('source.bad_response', `Reddit answered ${where} with no Listing`, {
      details: { where },
    });
  const links: RedditLink[] = [];
  for (const child of parsed.data.data.children) {
    if (child.kind !== 't3') continue;
    const link = linkSchema.safeParse(child.data);
    if (link.success) links.push(link.data);
  }
  const after = parsed.data.data.after ?? undefined;
  return { links, after: after === '' ? undefined : after };
}

/** Where a listing's incremental read stopped last time: its newest link. */
export interface ListingMark {
  /** The fullname (`t3_…`). */
  name: string;
  /** `created_utc`, in seconds. */
  created: number;
}

/** True when `link` is the mark or older: listings sorted by new can stop reading there. */
export function isAtOrBefore(link: RedditLink, mark: ListingMark | undefined): boolean {
  if (mark === undefined) return false;
  if (link.name === mark.name) return true;
  return link.created_utc !== undefined && link.created_utc < mark.created;
}

/** The newer of a mark and a link (links without a time never become the mark). */
export function newerMark(
  mark: ListingMark | undefined,
  link: RedditLink,
): ListingMark | undefined {
  if (link.created_utc === undefined) return mark;
  if (mark !== undefined && mark.created >= link.created_utc) return mark;
  return { name: link.name, created: link.created_utc };
}

/** Author names Reddit puts in place of a deleted or removed account. */
const GONE_AUTHORS = new Set(['[deleted]', '[removed]', '']);
/** Bodies Reddit puts in place of a deleted or removed self text. */
const GONE_TEXTS = new Set(['[deleted]', '[removed]']);

/** A link as the pipeline's item: title and self text as the text, score and comments. */
export function linkToItem(link: RedditLink): ConnectorItem {
  const title = link.title?.trim() ?? '';
  const body = link.selftext !== undefined && !GONE_TEXTS.has(link.selftext) ? link.selftext : '';
  const item: ConnectorItem = {
    externalId: link.id,
    platform: 'reddit',
    kind: 'post',
    text: [title, body.trim()].filter((part) => part !== '').join('\n\n'),
  };
  if (title !== '') item.title = title;
  if (link.permalink !== undefined) item.url = `https://www.reddit.com${link.permalink}`;
  if (link.created_utc !== undefined) item.publishedAt = Math.round(link.created_utc * 1000);
  if (link.author !== undefined && !GONE_AUTHORS.has(link.author))
    item.author = { id: link.author, name: `u/${link.author}` };
  if (link.score !== undefined || link.num_comments !== undefined)
    item.engagement = { likes: link.score, comments: link.num_comments };
  return item;
}
