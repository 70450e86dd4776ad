import type { ConnectorItem } from '../connector.js';
import type { CommentThread, SearchResult, VideoResource } from './youtube-resources.js';

/** The watch page of a video (and of one of its comments, with `lc`). */
export function watchUrl(videoId: string, commentId?: string): string {
  const params = new URLSearchParams({ v: videoId });
  if (commentId !== undefined) params.set('lc', commentId);
  return `https://www.youtube.com/watch?${params.toString()}`;
}

/** A count as the API sends it (a decimal string, or a number); anything else is left out. */
export function toCount(value: string | number | undefined): number | undefined {
  const count = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : undefined;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
};

/** search.list snippets come HTML-escaped (`&quot;`, `&#39;`); videos.list snippets do not. */
function unescapeSnippet(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, name: string) => ENTITIES[name] ?? '');
}

function withoutEmpty<T extends object>(value: T): T | undefined {
  const kept = Object.entries(value).filter(([, field]) => field !== undefined && field !== '');
  return kept.length === 0 ? undefined : (Object.fromEntries(kept) as T);
}

/**
 * A video as a post: title and full description from `videos.list` when it answered for the
 * video, else the search result's (HTML-escaped, description cut short) snippet.
 */
export function toVideoItem(
  videoId: string,
  found: SearchResult,
  video?: VideoResource,
): ConnectorItem {
  const snippet = video?.snippet ?? {
    ...found.snippet,
    title: unescapeSnippet(found.snippet?.title ?? ''),
    description: unescapeSnippet(found.snippet?.description ?? ''),
  };
  const title = snippet.title ?? '';
  const description = snippet.description ?? '';
  const statistics = video?.statistics;
  const item: ConnectorItem = {
    externalId: videoId,
    platform: 'youtube',
    kind: 'video',
    title,
    text: description === '' ? title : `${title}\n\n${description}`,
    url: watchUrl(videoId),
  };
  const publishedAt = snippet.publishedAt ?? found.snippet?.publishedAt;
  if (publishedAt !== undefined) item.publishedAt = publishedAt;
  const author = withoutEmpty({ id: snippet.channelId, name: snippet.channelTitle });
  if (author !== undefined) item.author = author;
  const engagement = withoutEmpty({
    views: toCount(statistics?.viewCount),
    likes: toCount(statistics?.likeCount),
    comments: toCount(statistics?.commentCount),
  });
  if (engagement !== undefined) item.engagement = engagement;
  return item;
}

/**
 * A top-level comment as a post whose parent is its video. `textDisplay` is plain text (the
 * request asks for `textFormat=plainText`); `textOriginal` is only guaranteed to the author.
 * A thread without an id or text is left out (undefined).
 */
export function toCommentItem(videoId: string, thread: CommentThread): ConnectorItem | undefined {
  const comment = thread.snippet?.topLevelComment;
  const id = comment?.id ?? thread.id;
  const snippet = comment?.snippet;
  const text = snippet?.textDisplay ?? snippet?.textOriginal;
  if (id === undefined || text === undefined || text.trim() === '') return undefined;
  const item: ConnectorItem = {
    externalId: id,
    platform: 'youtube',
    kind: 'comment',
    text,
    url: watchUrl(videoId, id),
    parentId: `youtube:${videoId}`,
  };
  if (snippet?.publishedAt !== undefined) item.publishedAt = snippet.publishedAt;
  const author = withoutEmpty({
    id: snippet?.authorChannelId?.value,
    name: snippet?.authorDisplayName,
  });
  if (author !== undefined) item.author = author;
  const engagement = withoutEmpty({
    likes: toCount(snippet?.likeCount),
    comments: toCount(thread.snippet?.totalReplyCount),
  });
  if (engagement !== undefined) item.engagement = engagement;
  return item;
}
