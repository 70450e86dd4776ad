import type { ConnectorItem } from '../connector.js';

/** The video fields asked for (https://developers.tiktok.com/doc/research-api-specs-query-videos). */
export const VIDEO_FIELDS = [
  'id',
  'video_description',
  'create_time',
  'region_code',
  'share_count',
  'view_count',
  'like_count',
  'comment_count',
  'username',
  'hashtag_names',
] as const;

/** The comment fields asked for (https://developers.tiktok.com/doc/research-api-specs-query-video-comments). */
export const COMMENT_FIELDS = [
  'id',
  'video_id',
  'text',
  'like_count',
  'reply_count',
  'parent_comment_id',
  'create_time',
] as const;

export interface TikTokVideo {
  /** The int64 id as exact decimal digits. */
  id: string;
  description: string;
  /** Unix seconds. */
  createTime?: number;
  username?: string;
  hashtags: string[];
  likes?: number;
  comments?: number;
  shares?: number;
  views?: number;
}

export interface TikTokComment {
  id: string;
  text: string;
  createTime?: number;
  likes?: number;
  replies?: number;
}

/** An int64 id as digits: a string kept exact by the parser, or a small number. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** Reads one video object; undefined when it has no id. The docs' example names it `video_id`. */
export function readVideo(value: unknown): TikTokVideo | undefined {
  const record = asRecord(value);
  const id = idOf(record.id) ?? idOf(record.video_id);
  if (id === undefined) return undefined;
  return {
    id,
    description: typeof record.video_description === 'string' ? record.video_description : '',
    createTime: count(record.create_time),
    username:
      typeof record.username === 'string' && record.username !== '' ? record.username : undefined,
    hashtags: Array.isArray(record.hashtag_names)
      ? record.hashtag_names.filter((tag): tag is string => typeof tag === 'string' && tag !== '')
      : [],
    likes: count(record.like_count),
    comments: count(record.comment_count),
    shares: count(record.share_count),
    views: count(record.view_count),
  };
}

/** Reads one comment object; undefined when it has no id. */
export function readComment(value: unknown): TikTokComment | undefined {
  const record = asRecord(value);
  const id = idOf(record.id);
  if (id === undefined) return undefined;
  return {
    id,
    text: typeof record.text === 'string' ? record.text : '',
    createTime: count(record.create_time),
    likes: count(record.like_count),
    replies: count(record.reply_count),
  };
}

function videoUrl(video: { id: string; username?: string }): string | undefined {
  return video.username === undefined
    ? undefined
    : `https://www.tiktok.com/@${encodeURIComponent(video.username)}/video/${video.id}`;
}

/**
 * A video as the pipeline's item; undefined when it has neither a description nor hashtags, as
 * there is no text to analyse.
 */
export function videoToItem(video: TikTokVideo): ConnectorItem | undefined {
  const text =
    video.description.trim() !== ''
      ? video.description
      : video.hashtags.map((tag) => `#${tag}`).join(' ');
  if (text === '') return undefined;
  const item: ConnectorItem = { externalId: video.id, platform: 'tiktok', kind: 'video', text };
  const url = videoUrl(video);
  if (url !== undefined) item.url = url;
  if (video.createTime !== undefined) item.publishedAt = video.createTime * 1000;
  if (video.username !== undefined)
    item.author = { id: video.username, name: `@${video.username}` };
  item.engagement = {
    likes: video.likes,
    comments: video.comments,
    shares: video.shares,
    views: video.views,
  };
  return item;
}

/**
 * A comment as the pipeline's item, its parent the video (replies too: the Research API's
 * `parent_comment_id` is not documented precisely enough to thread on). Undefined for an empty text.
 */
export function commentToItem(
  comment: TikTokComment,
  video: { id: string; username?: string },
): ConnectorItem | undefined {
  if (comment.text.trim() === '') return undefined;
  const item: ConnectorItem = {
    externalId: comment.id,
    platform: 'tiktok',
    kind: 'comment',
    text: comment.text,
    parentId: `tiktok:${video.id}`,
    engagement: { likes: comment.likes, comments: comment.replies },
  };
  const url = videoUrl(video);
  if (url !== undefined) item.url = url;
  if (comment.createTime !== undefined) item.publishedAt = comment.createTime * 1000;
  return item;
}
