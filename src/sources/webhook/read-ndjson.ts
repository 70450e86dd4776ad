import { isLangngheError } from '../../core/errors.js';
import type { Platform, Post, PostKind } from '../../core/types.js';
import { normalizePost } from '../../pipeline/post-input.js';
import type { ConnectorItem } from '../connector.js';

/** Most line errors listed in one answer; `rejected` then counts them all. */
export const MAX_LISTED_ERRORS = 100;

export interface LineError {
  /** 1-based line number in the body; 0 for the body as a whole. */
  line: number;
  message: string;
}

export interface NdjsonOptions {
  platform: Platform;
  /** Kind of a line that names none. */
  kind: PostKind;
  /** ISO time, for checking dates the way the pipeline will. */
  now: string;
}

/**
 * Checks one line with the pipeline's own validation (`normalizePost`: types, dates, URL, empty
 * text), so a line the pipeline would refuse is reported in the answer, and turns what it
 * returns back into an item. The platform is always the source's; a line's kind defaults.
 */
function toItem(value: Record<string, unknown>, options: NdjsonOptions): ConnectorItem | string {
  const rawId = value.externalId ?? value.id;
  if (rawId === undefined) return 'id or externalId is required (a stable id per item)';
  let post: Post;
  try {
    ({ post } = normalizePost(
      {
        ...value,
        id: undefined,
        externalId: rawId,
        platform: options.platform,
        kind: value.kind ?? options.kind,
        sourceId: undefined,
      },
      { now: options.now, isStrict: false },
    ));
  } catch (error) {
    if (isLangngheError(error)) return error.message;
    throw error;
  }
  const item: ConnectorItem = {
    externalId: post.id.slice(options.platform.length + 1),
    platform: options.platform,
    kind: post.kind,
    text: post.text,
    publishedAt: post.publishedAt,
  };
  if (post.title !== undefined) item.title = post.title;
  if (post.url !== undefined) item.url = post.url;
  if (post.lang !== undefined) item.lang = post.lang;
  if (post.author !== undefined) item.author = post.author;
  if (post.parentId !== undefined) item.parentId = post.parentId;
  if (post.engagement !== undefined) item.engagement = post.engagement;
  return item;
}

function readLine(text: string, options: NdjsonOptions): ConnectorItem | string {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return `not valid JSON: ${(error as Error).message}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'not a JSON object';
  return toItem(value as Record<string, unknown>, options);
}

/**
 * Reads an NDJSON body into items, each line validated on its own (blank lines skipped). A line
 * repeating an earlier id replaces it, so a batch holds each item once.
 */
export function readNdjson(
  body: Buffer,
  options: NdjsonOptions,
): { items: ConnectorItem[]; errors: LineError[]; rejected: number } {
  const byId = new Map<string, ConnectorItem>();
  const errors: LineError[] = [];
  let rejected = 0;
  const lines = body
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  lines.forEach((text, index) => {
    if (text.trim() === '') return;
    const result = readLine(text, options);
    if (typeof result !== 'string') {
      byId.delete(result.externalId);
      byId.set(result.externalId, result);
      return;
    }
    rejected++;
    if (errors.length < MAX_LISTED_ERRORS) errors.push({ line: index + 1, message: result });
  });
  if (byId.size === 0 && rejected === 0)
    errors.push({ line: 0, message: 'The body is empty: send one JSON object per line (NDJSON)' });
  return { items: [...byId.values()], errors, rejected };
}
