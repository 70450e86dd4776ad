import { z } from 'zod';
import { PLATFORMS, POST_KINDS } from '../core/types.js';

const MAX_ID_CHARS = 512;

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const authorShape = {
  id: z.union([z.string().max(MAX_ID_CHARS), z.number()]).optional(),
  name: z.string().max(512).optional(),
  followers: count.optional(),
  isPress: z.boolean().optional(),
};
const engagementShape = {
  likes: count.optional(),
  comments: count.optional(),
  shares: count.optional(),
  views: count.optional(),
};

/** The fields an ingested item may carry: `Post`, with what can be derived left optional. */
export const rawPostShape = {
  id: z.union([z.string().min(1).max(MAX_ID_CHARS), z.number().int()]).optional(),
  externalId: z.union([z.string().min(1).max(MAX_ID_CHARS), z.number().int()]).optional(),
  platform: z.enum(PLATFORMS as [string, ...string[]]).optional(),
  kind: z.enum(POST_KINDS as [string, ...string[]]).optional(),
  url: z.string().max(4096).optional(),
  title: z.string().optional(),
  text: z.string(),
  lang: z.string().max(16).optional(),
  publishedAt: z.union([z.string().max(64), z.number()]).optional(),
  collectedAt: z.union([z.string().max(64), z.number()]).optional(),
  author: z.union([z.string().max(512), z.strictObject(authorShape)]).optional(),
  parentId: z.string().max(MAX_ID_CHARS).optional(),
  engagement: z.strictObject(engagementShape).optional(),
  sourceId: z.string().min(1).max(200).optional(),
};
const NESTED: Readonly<Record<string, object>> = {
  author: authorShape,
  engagement: engagementShape,
};

/** Dotted names of the fields an item may carry (`text`, `author.name`, `engagement.likes` …). */
export const POST_INPUT_FIELDS: ReadonlySet<string> = new Set([
  ...Object.keys(rawPostShape),
  ...Object.keys(authorShape).map((key) => `author.${key}`),
  ...Object.keys(engagementShape).map((key) => `engagement.${key}`),
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The item without the fields `Post` does not know, and their dotted names (`rating`,
 * `author.avatar`), for a door that ignores extra fields but says which. Anything but a plain
 * object comes back as it is, for validation to refuse.
 */
export function dropUnknownFields(raw: unknown): { item: unknown; unknown: string[] } {
  if (!isPlainObject(raw)) return { item: raw, unknown: [] };
  const item: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const nested = NESTED[key];
    if (!Object.hasOwn(rawPostShape, key)) unknown.push(key);
    else if (nested === undefined || !isPlainObject(value)) item[key] = value;
    else {
      const inner: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(value)) {
        if (Object.hasOwn(nested, name)) inner[name] = field;
        else unknown.push(`${key}.${name}`);
      }
      item[key] = inner;
    }
  }
  return { item, unknown };
}
