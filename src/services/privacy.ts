import { setImmediate } from 'node:timers/promises';
import type { Clock } from '../core/clock.js';
import { LangngheError } from '../core/errors.js';
import type { Scope } from '../core/scope.js';
import { hasPermission, requirePermission } from '../core/scope.js';
import type { Platform } from '../core/types.js';
import { PLATFORMS } from '../core/types.js';
import { maskPersonalData, personalDataSummary } from '../nlp/mask-personal-data.js';
import type { Store, StoredPost } from '../store/index.js';
import type { AuditService } from './audit.js';

/** Days to keep posts, per platform; a platform not listed keeps its posts. */
export type RetentionPolicy = Partial<Record<Platform, number>>;

/**
 * Personal data: how posts leave the system (masked for anyone without `pii:read`, every unmasked
 * view recorded), retention, and erasure of one author's posts on request (Decree 13/2023).
 */
export interface PrivacyService {
  /**
   * The posts as the scope may see them. Without `pii:read`, phone numbers, ID numbers, bank
   * accounts and e-mail addresses are masked (same length, so highlights stay right) and the
   * enrichment keeps only their kind and place. With it, posts come whole and the view is
   * recorded in the audit log (`pii.view`, the post ids) when any of them holds personal data.
   */
  present(scope: Scope, posts: readonly StoredPost[], via: string): Promise<StoredPost[]>;
  /** Deletes every post by one author (all workspaces' view of it); `data:erase`. */
  eraseAuthor(
    scope: Scope,
    input: { platform: Platform; authorId: string },
  ): Promise<{ deleted: number }>;
  /** Deletes posts older than the policy allows; the server runs it on a schedule. */
  applyRetention(
    scope: Scope,
    policy: RetentionPolicy,
  ): Promise<{ deleted: Partial<Record<Platform, number>> }>;
}

const DAY_MS = 86_400_000;
/** Posts deleted per transaction, so a large deletion never holds the write lock long. */
const DELETE_CHUNK = 2_000;
const MAX_AUDITED_IDS = 100;

/** Reads `facebook=90,zalo=30` (the setting's text form) into a policy; `config.invalid` otherwise. */
export function parseRetention(text: string): RetentionPolicy {
  const policy: RetentionPolicy = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const [name, days] = part.split('=').map((p) => p.trim());
    const value = Number(days);
    if (
      !(PLATFORMS as readonly string[]).includes(name ?? '') ||
      !Number.isInteger(value) ||
      value < 1
    ) {
      throw new LangngheError(
        'config.invalid',
        `retention: "${part.slice(0, 60)}" is not platform=days (e.g. facebook=90,zalo=30)`,
      );
    }
    policy[name as Platform] = value;
  }
  return policy;
}

/** A post masked for one without `pii:read`; sellers often put a phone number in their name. */
export function maskPost(post: StoredPost): StoredPost {
  const masked = maskPersonalData(post);
  const name = post.author?.name;
  if (post.author === undefined || name === undefined) return masked;
  return { ...masked, author: { ...post.author, name: maskPersonalData({ text: name }).text } };
}

export function createPrivacyService(deps: {
  store: Store;
  clock: Clock;
  audit: AuditService;
}): PrivacyService {
  const { store, clock, audit } = deps;

  async function deleteAll(which: Parameters<Store['deletePosts']>[0]): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await store.deletePosts({ ...which, limit: DELETE_CHUNK });
      total += deleted;
      if (deleted < DELETE_CHUNK) return total;
      // Lets requests in between chunks (the store is synchronous in the embedded mode).
      await setImmediate();
    }
  }

  return {
    async present(scope, posts, via) {
      if (!hasPermission(scope, 'pii:read')) return posts.map(maskPost);
      const withData = posts.filter((post) => personalDataSummary(post).length > 0);
      if (withData.length > 0) {
        await audit.record(scope.principal, {
          action: 'pii.view',
          workspaceId: scope.workspaceId,
          details: {
            via,
            posts: withData.slice(0, MAX_AUDITED_IDS).map((p) => p.id),
            count: withData.length,
          },
        });
      }
      return [...posts];
    },

    async eraseAuthor(scope, input) {
      requirePermission(scope, 'data:erase');
      const authorId = input.authorId.trim();
      if (authorId === '' || authorId.length > 500)
        throw new LangngheError('input.invalid', 'authorId: 1–500 characters', {
          details: { field: 'authorId' },
        });
      // The shared corpus and this workspace's own private channels; never another agency's.
      const visibleTo = scope.principal.kind === 'system' ? undefined : scope.workspaceId;
      const deleted = await deleteAll({ platform: input.platform, authorId, visibleTo });
      await audit.record(scope.principal, {
        action: 'privacy.erase_author',
        workspaceId: scope.workspaceId,
        target: `${input.platform}:${authorId}`,
        details: { deleted },
      });
      return { deleted };
    },

    async applyRetention(scope, policy) {
      requirePermission(scope, 'data:erase');
      const deleted: Partial<Record<Platform, number>> = {};
      for (const [platform, days] of Object.entries(policy) as [Platform, number][]) {
        const publishedBefore = new Date(clock.now() - days * DAY_MS).toISOString();
        const count = await deleteAll({ platform, publishedBefore });
        if (count > 0) deleted[platform] = count;
      }
      if (Object.keys(deleted).length > 0) {
        await audit.record(scope.principal, {
          action: 'privacy.retention',
          workspaceId: scope.workspaceId,
          details: { deleted, policy },
        });
      }
      return { deleted };
    },
  };
}
