import type { Explanation } from '../query/index.js';
import type { StoredPost } from '../services/index.js';
import type { SearchHit } from '../services/app.js';

/** Where a query matched in a post, as the API sends it: offsets into `post[field]`. */
export interface Highlight {
  field: 'title' | 'text' | 'author';
  start: number;
  end: number;
  term: string;
}

/**
 * The highlights of one or more explanations: every hit once (a span matched by several topics is
 * listed once), sorted by field then position.
 */
export function toHighlights(explanations: readonly (Explanation | undefined)[]): Highlight[] {
  const seen = new Map<string, Highlight>();
  for (const explanation of explanations) {
    for (const hit of explanation?.hits ?? []) {
      const key = `${hit.field}:${hit.start}:${hit.end}`;
      if (!seen.has(key)) {
        seen.set(key, { field: hit.field, start: hit.start, end: hit.end, term: hit.term });
      }
    }
  }
  return [...seen.values()].sort((a, b) =>
    a.field === b.field ? a.start - b.start || a.end - b.end : a.field < b.field ? -1 : 1,
  );
}

/** A post without the pipeline's write-only hint, for responses serialized by hand (SSE). */
export function toPublicPost(post: StoredPost): Omit<StoredPost, 'folded'> {
  const { folded: _folded, ...rest } = post;
  return rest;
}

export function toApiHit(hit: SearchHit): { post: StoredPost; highlights: Highlight[] } {
  return { post: hit.post, highlights: toHighlights([hit.explanation]) };
}
