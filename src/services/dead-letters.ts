import type { Scope } from '../core/scope.js';
import { requirePermission } from '../core/scope.js';
import type { Pipeline, PipelineMessage } from '../pipeline/pipeline.js';
import type { DeadLetter, Store, StoredPost } from '../store/index.js';
import type { AuditService } from './audit.js';
import type { PrivacyService } from './privacy.js';

/** Items the pipeline refused, as their workspace's admins see and replay them. */
export interface DeadLetterService {
  /** Newest first; personal data masked without `pii:read`. */
  list(scope: Scope, query?: { before?: number; limit?: number }): Promise<DeadLetterPage>;
  /**
   * Hands the items to the pipeline again; those it now stores leave the dead letters, those it
   * refuses again stay (with one more attempt). Unknown ids (or another workspace's) are skipped.
   */
  retry(scope: Scope, ids: readonly number[]): Promise<DeadLetterRetry>;
  /** Deletes the items for good; returns how many. */
  drop(scope: Scope, ids: readonly number[]): Promise<number>;
}

export interface DeadLetterPage {
  items: DeadLetter[];
  total: number;
}

export interface DeadLetterRetry {
  /** Stored now (inserted or refreshed), removed from the dead letters. */
  stored: number;
  /** Refused again, still in the dead letters. */
  failed: { id: number; code: string; message: string }[];
}

/** How many dead letters one call replays or drops. */
export const MAX_DEAD_LETTER_IDS = 500;

/** A letter's post, as the scope may see it. */
async function shown(
  privacy: PrivacyService,
  scope: Scope,
  letters: DeadLetter[],
): Promise<DeadLetter[]> {
  const posts = letters.map((l) => (l.payload as { post?: StoredPost } | null)?.post);
  const present = posts.filter((p): p is StoredPost => typeof p?.text === 'string');
  const masked = await privacy.present(scope, present, 'dead letters');
  const byPost = new Map(present.map((p, i) => [p, masked[i]!]));
  return letters.map((letter, i) => {
    const post = posts[i];
    if (post === undefined || !byPost.has(post)) return letter;
    return { ...letter, payload: { ...(letter.payload as object), post: byPost.get(post) } };
  });
}

export function createDeadLetterService(deps: {
  store: Store;
  pipeline: Pipeline;
  audit: AuditService;
  privacy: PrivacyService;
}): DeadLetterService {
  const { store } = deps;
  return {
    async list(scope, query = {}) {
      requirePermission(scope, 'ingest:write');
      const items = await store.deadLetters.list({ ...query, workspaceId: scope.workspaceId });
      return {
        items: await shown(deps.privacy, scope, items),
        total: await store.deadLetters.count(scope.workspaceId),
      };
    },

    async retry(scope, ids) {
      requirePermission(scope, 'ingest:write');
      const letters = await store.deadLetters.get(
        ids.slice(0, MAX_DEAD_LETTER_IDS),
        scope.workspaceId,
      );
      const messages = letters.map((l) => l.payload as PipelineMessage);
      const outcome = await deps.pipeline.submit(messages, { timeoutMs: 30_000 });
      const refused = new Map(outcome.failed.map((f) => [f.id, f]));
      const stored = letters.filter((l) => !refused.has(l.itemId));
      await store.deadLetters.remove(
        stored.map((l) => l.id),
        scope.workspaceId,
      );
      await deps.audit.record(scope.principal, {
        action: 'deadletters.retry',
        workspaceId: scope.workspaceId,
        details: { ids: letters.map((l) => l.id), stored: stored.length },
      });
      return {
        stored: stored.length,
        failed: letters.flatMap((l) => {
          const failure = refused.get(l.itemId);
          return failure === undefined
            ? []
            : [{ id: l.id, code: failure.code, message: failure.message }];
        }),
      };
    },

    async drop(scope, ids) {
      requirePermission(scope, 'ingest:write');
      const removed = await store.deadLetters.remove(
        ids.slice(0, MAX_DEAD_LETTER_IDS),
        scope.workspaceId,
      );
      await deps.audit.record(scope.principal, {
        action: 'deadletters.drop',
        workspaceId: scope.workspaceId,
        details: { ids: ids.slice(0, MAX_DEAD_LETTER_IDS), removed },
      });
      return removed;
    },
  };
}
