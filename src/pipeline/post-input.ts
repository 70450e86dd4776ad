import { createHash } from 'node:crypto';
import { z } from 'zod';
import { cleanPostText } from '../core/clean-text.js';
import { LangngheError } from '../core/errors.js';
import type { DateReadingOptions } from '../core/read-date.js';
import { readDate } from '../core/read-date.js';
import { toWellFormed } from '../core/text.js';
import type { Post } from '../core/types.js';
import { htmlToText, looksLikeHtml } from './html-to-text.js';
import { rawPostShape } from './post-fields.js';

/** Longest text kept; a longer one is cut and the post marked `truncated`. */
export const MAX_TEXT_CHARS = 100_000;
export const MAX_TITLE_CHARS = 1_000;
/**
 * Most characters of raw text and title that any processing sees: HTML stripping and cleaning
 * are linear, but a multi-megabyte post should cost what a capped one does. Generous, so that
 * markup around a full-length text still fits; text cut here is marked `truncated`.
 */
const RAW_TEXT_CHARS = 4 * MAX_TEXT_CHARS;
const RAW_TITLE_CHARS = 4 * MAX_TITLE_CHARS;

const strictSchema = z.strictObject(rawPostShape);
const lenientSchema = z.object(rawPostShape);

/** A validated post plus what normalization found. */
export interface NormalizedPost {
  post: Post;
  truncated: boolean;
}

export interface NormalizeOptions {
  /** ISO time the item was collected when it does not say. */
  now: string;
  sourceId?: string;
  /** Reject fields `Post` does not know (default true); false ignores them. */
  isStrict?: boolean;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join('.') || 'item';
      if (issue.code === 'unrecognized_keys')
        return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

/** A date field read: ISO 8601 UTC, and how it was written. */
export interface DateField {
  iso: string;
  /** The value named its zone (else it was read at the reading's offset). */
  hasZone: boolean;
  /** A numeric date whose day and month could be swapped (`02/12/2026`). */
  isOrderAmbiguous: boolean;
}

/**
 * An item's date field read with the one date reader (`readDate`: day-first, Vietnam time when it
 * names no zone, unless `reading` says otherwise). Throws `input.invalid` naming the field, the
 * value and why it is no date, with `details.otherOrder` when the other day/month order reads it.
 */
export function readDateField(
  value: string | number,
  field: string,
  reading: DateReadingOptions = {},
): DateField {
  const result = readDate(value, reading);
  const shown = JSON.stringify(value).slice(0, 80);
  const refuse = (why: string, details: Record<string, unknown> = {}): LangngheError =>
    new LangngheError('input.invalid', `${field}: not a valid date: ${shown} (${why})`, {
      details: { field, ...details },
    });
  if (!result.isRead)
    throw refuse(
      result.problem,
      result.otherOrder === undefined ? {} : { otherOrder: result.otherOrder },
    );
  const year = new Date(result.epochMs).getUTCFullYear();
  if (year < 1990 || year > 2200) throw refuse(`year ${year} is out of range`);
  const { hasZone, isOrderAmbiguous } = result;
  return { iso: new Date(result.epochMs).toISOString(), hasZone, isOrderAmbiguous };
}

function toIso(value: string | number | undefined, field: string): string | undefined {
  return value === undefined ? undefined : readDateField(value, field).iso;
}

function checkUrl(url: string | undefined): string | undefined {
  if (url === undefined || url.trim() === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new LangngheError(
      'input.invalid',
      `url: not a valid URL: ${JSON.stringify(url.slice(0, 80))}`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new LangngheError(
      'input.invalid',
      `url: only http and https URLs are accepted, not ${parsed.protocol}`,
    );
  }
  return parsed.toString();
}

/**
 * The first `max` UTF-16 units of raw input, never ending in half a surrogate pair nor in a tag
 * the cut left open (`…<sp`, looked for in the last kilobyte only, so a plain `<` far back costs
 * no text), which HTML stripping would keep as text.
 */
function head(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = capped(text, max);
  const open = cut.lastIndexOf('<');
  const isTagOpen = open > cut.lastIndexOf('>') && cut.length - open <= 1024;
  return isTagOpen ? cut.slice(0, open) : cut;
}

/** The first `max` UTF-16 units of clean text, never ending in half a surrogate pair. */
function capped(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** A stable id for an item that has none, so importing the same file twice stores it once. */
function derivedId(parts: readonly (string | undefined)[]): string {
  return createHash('sha256')
    .update(parts.map((p) => p ?? '').join('\u0000'))
    .digest('hex')
    .slice(0, 24);
}

/**
 * Text and title as stored: each raw value cut to a few times its cap before cleaning and HTML
 * stripping, then capped; `truncated` when either cut dropped text.
 */
function cleanTextAndTitle(
  rawText: string,
  rawTitle: string | undefined,
): { text: string; title: string | undefined; truncated: boolean } {
  const input = head(rawText, RAW_TEXT_CHARS);
  let text = cleanPostText(input);
  if (looksLikeHtml(text)) text = htmlToText(text);
  const truncated = input.length < rawText.length || text.length > MAX_TEXT_CHARS;
  if (text.length > MAX_TEXT_CHARS) text = toWellFormed(capped(text, MAX_TEXT_CHARS));
  if (rawTitle === undefined) return { text, title: undefined, truncated };
  const titleInput = head(rawTitle, RAW_TITLE_CHARS);
  const cleanTitle = cleanPostText(looksLikeHtml(titleInput) ? htmlToText(titleInput) : titleInput);
  return { text, title: capped(cleanTitle, MAX_TITLE_CHARS).trim() || undefined, truncated };
}

/**
 * Validates one untrusted item and turns it into a `Post`: NFC, HTML to text, control characters
 * and lone surrogates removed, text capped at `MAX_TEXT_CHARS` (marked truncated), dates to ISO
 * UTC (`readDateField`), the id made `${platform}:${externalId}`. Raw text and title are cut to a
 * few times their caps before any of this, so a huge item costs what a capped one does. Throws
 * `input.invalid` with every problem named.
 */
export function normalizePost(raw: unknown, options: NormalizeOptions): NormalizedPost {
  const parsed = (options.isStrict === false ? lenientSchema : strictSchema).safeParse(raw);
  if (!parsed.success) throw new LangngheError('input.invalid', describeIssues(parsed.error));
  const item = parsed.data;
  const { text, title, truncated } = cleanTextAndTitle(item.text, item.title);
  if (text.trim() === '' && title === undefined)
    throw new LangngheError('input.invalid', 'text: empty (and no title)');
  const platform = (item.platform ?? 'import') as Post['platform'];
  const url = checkUrl(item.url);
  const publishedAt =
    toIso(item.publishedAt, 'publishedAt') ?? toIso(item.collectedAt, 'collectedAt') ?? options.now;
  const author =
    typeof item.author === 'string' ? { id: item.author, name: item.author } : item.author;
  const rawId = item.id ?? item.externalId;
  const externalId =
    rawId === undefined
      ? derivedId([platform, url, author?.name, publishedAt, text])
      : String(rawId);
  const id = externalId.startsWith(`${platform}:`) ? externalId : `${platform}:${externalId}`;
  const post: Post = {
    id,
    platform,
    kind: (item.kind ?? (platform === 'news' ? 'article' : 'post')) as Post['kind'],
    text,
    publishedAt,
    collectedAt: toIso(item.collectedAt, 'collectedAt') ?? options.now,
    sourceId: item.sourceId ?? options.sourceId ?? 'import',
  };
  if (url !== undefined) post.url = url;
  if (title !== undefined) post.title = title;
  if (item.lang !== undefined) post.lang = item.lang.toLowerCase();
  if (author !== undefined) {
    post.author = { id: String(author.id ?? author.name ?? 'unknown') };
    if (author.name !== undefined) post.author.name = cleanPostText(author.name);
    if (author.followers !== undefined) post.author.followers = author.followers;
    if (author.isPress !== undefined) post.author.isPress = author.isPress;
  }
  if (item.parentId !== undefined) post.parentId = item.parentId;
  if (item.engagement !== undefined) post.engagement = item.engagement;
  return { post, truncated };
}
