import type { ConnectorItem } from '../connector.js';
import { countOf, graphTimeMs, stringOf } from '../facebook/graph.js';
import type { GraphObject } from '../facebook/graph.js';

/**
 * IG Media fields (https://developers.facebook.com/docs/instagram-api/reference/ig-media).
 * `username` cannot be asked of hashtag media ("You cannot request the username field"), so the
 * hashtag list leaves it out; `like_count` is omitted where the owner hides like counts.
 */
export const HASHTAG_MEDIA_FIELDS =
  'id,caption,media_type,permalink,timestamp,like_count,comments_count';
export const OWN_MEDIA_FIELDS = `${HASHTAG_MEDIA_FIELDS},username`;
export const COMMENT_FIELDS = 'id,text,timestamp,username,like_count';

/**
 * An IG Media object as an item; undefined without a caption (there is no text to listen to).
 * `ownerId` is the business account's id for its own media; hashtag media has no author.
 */
export function mediaItem(raw: GraphObject, ownerId?: string): ConnectorItem | undefined {
  const id = stringOf(raw.id);
  const text = stringOf(raw.caption);
  if (id === undefined || text === undefined || text.trim() === '') return undefined;
  const username = stringOf(raw.username);
  const item: ConnectorItem = {
    externalId: id,
    platform: 'instagram',
    kind: 'post',
    text,
    url: stringOf(raw.permalink),
    publishedAt: graphTimeMs(raw.timestamp),
    engagement: { likes: countOf(raw.like_count), comments: countOf(raw.comments_count) },
  };
  if (ownerId !== undefined)
    item.author = username === undefined ? { id: ownerId } : { id: ownerId, name: username };
  return item;
}

/** An IG Comment as an item under its media; the commenter is known by username only. */
export function commentItem(raw: GraphObject, mediaId: string): ConnectorItem | undefined {
  const id = stringOf(raw.id);
  const text = stringOf(raw.text);
  if (id === undefined || text === undefined || text.trim() === '') return undefined;
  const username = stringOf(raw.username);
  return {
    externalId: id,
    platform: 'instagram',
    kind: 'comment',
    text,
    publishedAt: graphTimeMs(raw.timestamp),
    author: username === undefined ? undefined : { id: username, name: username },
    parentId: `instagram:${mediaId}`,
    engagement: { likes: countOf(raw.like_count) },
  };
}
