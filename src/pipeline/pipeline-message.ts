import type { Post, PostLabels } from '../core/types.js';
import type { StoredPost } from '../store/index.js';

/** A post on its way through the bus. Plain JSON, so it crosses processes and threads. */
export interface PipelineMessage {
  post: Post;
  truncated: boolean;
  /** The workspace that alone may see the post (a private channel); absent: the shared corpus. */
  privateTo?: string;
  /** The workspace that submitted the post: a dead letter belongs to it. Absent: the default. */
  workspaceId?: string;
  /** Set by `submit` so the caller can learn what became of its items (embedded mode). */
  ticket?: string;
}

/** What the enrichment stage adds to a post (issue-specific labels, all optional). */
export interface Enrichment {
  labels?: PostLabels;
  enrichment?: Record<string, unknown>;
  lang?: string;
  /** 64-bit SimHash (16 hex digits) of the text, for linking near-duplicates. */
  simhash?: string;
}

/** The enrichment stage's work: pure, fast, never throws for any text. */
export type Enricher = (post: Post) => Enrichment;

/** A post after enrichment: what the store keeps, and the SimHash to look near-duplicates up by. */
export interface EnrichedPost {
  message: PipelineMessage;
  post: StoredPost;
  simhash?: string;
}

/** A post after matching: the topics it matched (of every workspace, or its private one's). */
export interface MatchedItem extends EnrichedPost {
  topicIds: string[];
}
