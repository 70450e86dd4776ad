import type { Scope } from '../core/scope.js';
import { hasPermission, requirePermission } from '../core/scope.js';
import type { StoredPost } from '../store/index.js';
import type { MatchedPost, Pipeline } from '../pipeline/pipeline.js';
import type { TopicRegistry } from '../pipeline/topic-registry.js';
import type { MatchedEvent } from './app.js';
import type { PrivacyService } from './privacy.js';
import { maskPost } from './privacy.js';

/**
 * New matches as each scope may see them: only its workspace's topics, posts masked unless it may
 * read personal data. Explanations are computed once per event for all listeners (the pipeline
 * caches them).
 */
export function createLiveMatches(deps: {
  pipeline: Pipeline;
  registry: TopicRegistry;
  privacy: PrivacyService;
}) {
  // Every listener without pii:read sees the same masked post: masked once per event.
  const masked = new WeakMap<StoredPost, StoredPost>();
  const maskedOnce = (post: StoredPost): StoredPost => {
    let shown = masked.get(post);
    if (shown === undefined) {
      shown = maskPost(post);
      masked.set(post, shown);
    }
    return shown;
  };
  return {
    subscribe(scope: Scope, listener: (event: MatchedEvent) => void, topicId?: string): () => void {
      requirePermission(scope, 'posts:read');
      const isOwn = (id: string): boolean =>
        deps.registry.get(id)?.topic.workspaceId === scope.workspaceId &&
        (topicId === undefined || id === topicId);
      return deps.pipeline.onMatched((event: MatchedPost) => {
        const topicIds = event.topicIds.filter(isOwn);
        if (topicIds.length === 0) return;
        if (event.post.privateTo !== undefined && event.post.privateTo !== scope.workspaceId)
          return;
        const explanations: MatchedEvent['explanations'] = {};
        for (const id of topicIds) {
          const explanation = event.explain(id);
          if (explanation !== undefined) explanations[id] = explanation;
        }
        if (!hasPermission(scope, 'pii:read')) {
          listener({ post: maskedOnce(event.post), topicIds, explanations });
          return;
        }
        // Unmasked views are audited per viewer, so they go through the privacy service each.
        void deps.privacy.present(scope, [event.post], 'live.stream').then(
          ([post]) => listener({ post: post!, topicIds, explanations }),
          () => undefined,
        );
      });
    },
  };
}
