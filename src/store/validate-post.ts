import { LangngheError } from '../core/errors.js';
import { PLATFORMS, POST_KINDS } from '../core/types.js';
import { normalizeIso } from './iso-time.js';
import type { StoredPost } from './store.js';

const platforms = new Set<string>(PLATFORMS);
const kinds = new Set<string>(POST_KINDS);
const OPTIONAL_STRINGS = [
  'url',
  'title',
  'lang',
  'parentId',
  'duplicateOf',
  'folded',
  'enrichmentJson',
  'privateTo',
] as const;
const COUNTS = ['likes', 'comments', 'shares', 'views'] as const;

/** A post checked for storing, with its timestamps normalized. */
export interface ValidPost {
  post: StoredPost;
  publishedAt: string;
  collectedAt: string;
}

/**
 * Checks what the store relies on (types, known platform and kind, parseable timestamps, finite
 * counts) and normalizes the timestamps. Fails with `store.invalid`, naming the batch index and id.
 */
export function validatePost(post: StoredPost, index: number): ValidPost {
  const fail = (problem: string): never => {
    throw new LangngheError('store.invalid', `Post ${index} cannot be stored: ${problem}`, {
      details: { index, id: typeof post?.id === 'string' ? post.id.slice(0, 200) : undefined },
    });
  };
  if (post === null || typeof post !== 'object') return fail('not an object');
  if (typeof post.id !== 'string' || post.id === '') fail('id must be a non-empty string');
  if (!platforms.has(post.platform)) fail(`unknown platform ${String(post.platform)}`);
  if (!kinds.has(post.kind)) fail(`unknown kind ${String(post.kind)}`);
  if (typeof post.text !== 'string') fail('text must be a string');
  if (typeof post.sourceId !== 'string' || post.sourceId === '') fail('sourceId is required');
  for (const key of OPTIONAL_STRINGS) {
    if (post[key] !== undefined && typeof post[key] !== 'string') fail(`${key} must be a string`);
  }
  if (post.privateTo === '') fail('privateTo must name a workspace');
  if (post.author !== undefined) {
    if (typeof post.author?.id !== 'string') fail('author.id must be a string');
    const followers = post.author.followers;
    if (followers !== undefined && !Number.isFinite(followers)) fail('author.followers');
  }
  for (const key of COUNTS) {
    const count = post.engagement?.[key];
    if (count !== undefined && !Number.isFinite(count)) fail(`engagement.${key} must be finite`);
  }
  if (post.enrichment !== undefined && !isPlainObject(post.enrichment)) fail('enrichment');
  if (post.enrichmentJson !== undefined && !post.enrichmentJson.startsWith('{'))
    fail('enrichmentJson must be a JSON object');
  if (post.labels !== undefined && !isPlainObject(post.labels)) fail('labels');
  try {
    return {
      post,
      publishedAt: normalizeIso(post.publishedAt, 'publishedAt'),
      collectedAt: normalizeIso(post.collectedAt, 'collectedAt'),
    };
  } catch (cause) {
    return fail(cause instanceof Error ? cause.message : String(cause));
  }
}

function isPlainObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
