import { z } from 'zod';
import { isLangngheError } from '../../core/errors.js';
import { POST_KINDS } from '../../core/types.js';
import type { Platform, PostKind } from '../../core/types.js';
import { normalizePost } from '../../pipeline/post-input.js';
import type { ConnectorItem } from '../connector.js';

/** Most line errors listed in one answer; `rejected` then counts them all. */
export const MAX_LISTED_ERRORS = 100;

const id = z.union([z.string().min(1), z.number().int()]).transform(String);
const count = z.number().int().nonnegative();

/** One NDJSON line; unknown fields are ignored, the platform is always the source's. */
const lineSchema = z.object({
  id: id.optional(),
  externalId: id.optional(),
  text: z.string().optional(),
  title: z.string().optional(),
  url: z.string().optional(),
  lang: z.string().optional(),
  publishedAt: z.union([z.string(), z.number()]).optional(),
  kind: z.enum(POST_KINDS as [PostKind, ...PostKind[]]).optional(),
  author: z
    .union([
      z.string(),
      z.object({
        id: id.optional(),
        name: z.string().optional(),
        followers: count.optional(),
        isPress: z.boolean().optional(),
      }),
    ])
    .optional(),
  parentId: z.string().optional(),
  engagement: z
    .object({
      likes: count.optional(),
      comments: count.optional(),
      shares: count.optional(),
      views: count.optional(),
    })
    .optional(),
});

type Line = z.infer<typeof lineSchema>;

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

function toItem(line: Line, options: NdjsonOptions): ConnectorItem | string {
  const externalId = line.externalId ?? line.id;
  if (externalId === undefined) return 'id or externalId is required (a stable id per item)';
  const { id: _id, externalId: _externalId, author, ...rest } = line;
  const item: ConnectorItem = {
    ...rest,
    externalId,
    platform: options.platform,
    kind: line.kind ?? options.kind,
    text: line.text ?? '',
    ...(author === undefined
      ? {}
      : { author: typeof author === 'string' ? { id: author, name: author } : author }),
  };
  try {
    // The pipeline's own check (dates, URL, empty text): a line it would refuse is reported now.
    normalizePost(item, { now: options.now, isStrict: false });
  } catch (error) {
    if (isLangngheError(error)) return error.message;
    throw error;
  }
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
  const parsed = lineSchema.safeParse(value);
  if (!parsed.success)
    return parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'item'}: ${issue.message}`)
      .join('; ');
  return toItem(parsed.data, options);
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
