/** Where an item was published. `import` is a file or webhook import with no platform of its own. */
export type Platform =
  | 'news'
  | 'facebook'
  | 'youtube'
  | 'x'
  | 'zalo'
  | 'tiktok'
  | 'instagram'
  | 'mastodon'
  | 'bluesky'
  | 'reddit'
  | 'forum'
  | 'web'
  | 'import';

export const PLATFORMS: readonly Platform[] = [
  'news',
  'facebook',
  'youtube',
  'x',
  'zalo',
  'tiktok',
  'instagram',
  'mastodon',
  'bluesky',
  'reddit',
  'forum',
  'web',
  'import',
];

export type PostKind = 'post' | 'comment' | 'article' | 'video' | 'message';

export const POST_KINDS: readonly PostKind[] = ['post', 'comment', 'article', 'video', 'message'];

export interface Author {
  id: string;
  name?: string;
  followers?: number;
  /** True for newspapers and official press accounts (press-vs-social spread). */
  isPress?: boolean;
}

export interface Engagement {
  likes?: number;
  comments?: number;
  shares?: number;
  views?: number;
}

/**
 * The one neutral item every stage after a connector speaks. Connectors translate platform
 * objects into it; nothing platform-specific travels further.
 */
export interface Post {
  /** `${platform}:${externalId}`: stable across re-ingest, so storing twice is an update. */
  id: string;
  platform: Platform;
  kind: PostKind;
  url?: string;
  title?: string;
  text: string;
  lang?: string;
  /** ISO 8601, UTC. */
  publishedAt: string;
  /** ISO 8601, UTC. */
  collectedAt: string;
  author?: Author;
  parentId?: string;
  engagement?: Engagement;
  /** The connector instance (source) that collected it. */
  sourceId: string;
}

/**
 * Labels the enrichment stage attaches to a post; the query language's `area:`, `category:` and
 * `sentiment:` fields match against them. Each value is a list of keys the label answers to
 * (codes, names, folded aliases), so the matcher does not need to know the taxonomies.
 */
export interface PostLabels {
  area?: readonly string[];
  category?: readonly string[];
  sentiment?: readonly string[];
}

/** A saved topic query of a workspace. */
export interface Topic {
  id: string;
  workspaceId: string;
  name: string;
  query: string;
  createdAt: string;
  updatedAt: string;
}

export const DEFAULT_WORKSPACE_ID = 'default';
