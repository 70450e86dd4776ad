import type { Platform, PostKind } from '../../core/types.js';
import type { StoredPost } from '../store.js';
import type { ValidPost } from '../validate-post.js';

/** The posts columns in the order `postParams` fills them. */
export const POST_COLUMNS = [
  'id',
  'platform',
  'kind',
  'url',
  'title',
  'text',
  'lang',
  'published_at',
  'collected_at',
  'author_id',
  'author_name',
  'author_followers',
  'author_is_press',
  'parent_id',
  'likes',
  'comments',
  'shares',
  'views',
  'source_id',
  'labels',
  'enrichment',
  'truncated',
  'duplicate_of',
  'private_to',
] as const;

/** A posts row as SQLite returns it. */
export interface PostRow {
  id: string;
  platform: string;
  kind: string;
  url: string | null;
  title: string | null;
  text: string;
  lang: string | null;
  published_at: string;
  collected_at: string;
  author_id: string | null;
  author_name: string | null;
  author_followers: number | null;
  author_is_press: number | null;
  parent_id: string | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  views: number | null;
  source_id: string;
  labels: string | null;
  enrichment: string | null;
  truncated: number;
  duplicate_of: string | null;
  private_to: string | null;
}

type Param = string | number | null;

/** Bind values for an INSERT listing `POST_COLUMNS`. */
export function postParams({ post, publishedAt, collectedAt }: ValidPost): Param[] {
  const e = post.engagement;
  const a = post.author;
  return [
    post.id,
    post.platform,
    post.kind,
    post.url ?? null,
    post.title ?? null,
    post.text,
    post.lang ?? null,
    publishedAt,
    collectedAt,
    a?.id ?? null,
    a?.name ?? null,
    a?.followers ?? null,
    a?.isPress === undefined ? null : a.isPress ? 1 : 0,
    post.parentId ?? null,
    e?.likes ?? null,
    e?.comments ?? null,
    e?.shares ?? null,
    e?.views ?? null,
    post.sourceId,
    post.labels === undefined ? null : JSON.stringify(post.labels),
    post.enrichmentJson ?? (post.enrichment === undefined ? null : JSON.stringify(post.enrichment)),
    post.truncated === true ? 1 : 0,
    post.duplicateOf ?? null,
    post.privateTo ?? null,
  ];
}

/** Rebuilds a post; absent values stay absent (no nulls, no empty objects). */
export function rowToPost(row: PostRow): StoredPost {
  const post: StoredPost = {
    id: row.id,
    platform: row.platform as Platform,
    kind: row.kind as PostKind,
    text: row.text,
    publishedAt: row.published_at,
    collectedAt: row.collected_at,
    sourceId: row.source_id,
  };
  if (row.url !== null) post.url = row.url;
  if (row.title !== null) post.title = row.title;
  if (row.lang !== null) post.lang = row.lang;
  if (row.author_id !== null) post.author = authorOf(row, row.author_id);
  if (row.parent_id !== null) post.parentId = row.parent_id;
  const engagement = engagementOf(row);
  if (engagement !== undefined) post.engagement = engagement;
  if (row.labels !== null) post.labels = JSON.parse(row.labels) as StoredPost['labels'];
  if (row.enrichment !== null) {
    post.enrichment = JSON.parse(row.enrichment) as StoredPost['enrichment'];
  }
  if (row.truncated === 1) post.truncated = true;
  if (row.duplicate_of !== null) post.duplicateOf = row.duplicate_of;
  if (row.private_to !== null) post.privateTo = row.private_to;
  return post;
}

function authorOf(row: PostRow, id: string): NonNullable<StoredPost['author']> {
  const author: NonNullable<StoredPost['author']> = { id };
  if (row.author_name !== null) author.name = row.author_name;
  if (row.author_followers !== null) author.followers = row.author_followers;
  if (row.author_is_press !== null) author.isPress = row.author_is_press === 1;
  return author;
}

function engagementOf(row: PostRow): StoredPost['engagement'] {
  const counts = { likes: row.likes, comments: row.comments, shares: row.shares, views: row.views };
  let engagement: StoredPost['engagement'];
  for (const [key, value] of Object.entries(counts)) {
    if (value !== null) (engagement ??= {})[key as keyof typeof counts] = value;
  }
  return engagement;
}
