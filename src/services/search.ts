import { LangngheError } from '../core/errors.js';
import { cleanQueryText } from '../core/clean-text.js';
import type { Scope } from '../core/scope.js';
import { requirePermission } from '../core/scope.js';
import { compileQuery, explainMatch, parseQuery, prepareDoc } from '../query/index.js';
import type { ParsedQuery, QueryNode } from '../query/index.js';
import type { PostFilter, Store } from '../store/index.js';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, encodePageCursor } from '../store/index.js';
import type { TopicRegistry } from '../pipeline/topic-registry.js';
import type { SearchHit, SearchParams, SearchResult } from './app.js';
import type { PrivacyService } from './privacy.js';
import { prefilterOf } from './prefilter.js';

const MAX_QUERY = 4_096;

/** Store pages read per search call before returning what was found (with a cursor). */
const MAX_PAGES_PER_CALL = 10;
/**
 * Most posts read per store page when the matcher verifies: conditions the full-text index cannot
 * narrow (labels, NOT, fields) may keep few of them.
 */
const VERIFY_PAGE_SIZE = MAX_SEARCH_LIMIT;

/** The query a search runs: the `q` given, else the topic's query (for highlights only). */
function queryFor(
  params: SearchParams,
  registry: TopicRegistry,
): { parsed?: ParsedQuery; text?: string; isFilter: boolean } {
  if (params.q !== undefined && params.q.trim() !== '') {
    const text = cleanQueryText(params.q, { maxLength: MAX_QUERY });
    return { parsed: parseQuery(text), text, isFilter: true };
  }
  if (params.topicId !== undefined) {
    const live = registry.get(params.topicId);
    if (live !== undefined) return { parsed: live.parsed, text: live.topic.query, isFilter: false };
  }
  return { isFilter: false };
}

/**
 * Searches stored posts: the store narrows with a full-text superset of the query, the matcher
 * verifies every candidate and explains where it matched. Newest first, keyset paging.
 */
export async function searchPosts(
  deps: { store: Store; registry: TopicRegistry; privacy: PrivacyService },
  scope: Scope,
  params: SearchParams,
): Promise<SearchResult> {
  requirePermission(scope, 'posts:read');
  const limit = Math.min(Math.max(params.limit ?? DEFAULT_SEARCH_LIMIT, 1), MAX_SEARCH_LIMIT);
  if (params.topicId !== undefined) {
    const topic = await deps.store.getTopic(params.topicId);
    if (topic === undefined || topic.workspaceId !== scope.workspaceId)
      throw new LangngheError('store.not_found', `no topic ${params.topicId.slice(0, 80)}`);
  }
  const query = queryFor(params, deps.registry);
  const ast: QueryNode | undefined = query.parsed?.ast;
  const predicate = query.isFilter && ast !== undefined ? compileQuery(ast) : undefined;
  const filter: PostFilter = {
    visibleTo: scope.workspaceId,
    topicId: params.topicId,
    platforms: params.platforms,
    from: params.from,
    to: params.to,
    text: query.isFilter && ast !== undefined ? prefilterOf(ast) : undefined,
  };
  const hits: SearchHit[] = [];
  let cursor = params.cursor;
  // Verifying: twice the page first, doubling after each page, since most candidates pass and
  // every post read costs the store a row.
  let pageSize = predicate === undefined ? limit : Math.min(2 * limit, VERIFY_PAGE_SIZE);
  for (let page = 0; page < MAX_PAGES_PER_CALL && hits.length < limit; page++) {
    const result = await deps.store.searchPosts({ ...filter, cursor, limit: pageSize });
    if (predicate !== undefined) pageSize = Math.min(2 * pageSize, VERIFY_PAGE_SIZE);
    cursor = result.nextCursor;
    for (const post of result.posts) {
      const doc = ast === undefined ? undefined : prepareDoc(post);
      if (predicate !== undefined && !predicate(doc!)) continue;
      hits.push(
        ast === undefined
          ? { post }
          : {
              post,
              explanation: explainMatch(
                ast,
                query.text!,
                doc!,
                predicate === undefined ? undefined : true,
              ),
            },
      );
      if (hits.length === limit) {
        // The next page starts right after the last post returned, not after the page read.
        if (post !== result.posts.at(-1) || cursor !== undefined) cursor = encodePageCursor(post);
        break;
      }
    }
    if (cursor === undefined) break;
  }
  const shown = await deps.privacy.present(
    scope,
    hits.map((hit) => hit.post),
    'posts.search',
  );
  return {
    hits: hits.map((hit, i) => ({ ...hit, post: shown[i]! })),
    nextCursor: cursor,
    warnings: query.parsed?.warnings ?? [],
  };
}
