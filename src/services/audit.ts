import type { Principal, Scope } from '../core/scope.js';
import { requirePermission } from '../core/scope.js';
import type { AuditActor, AuditEntry, AuditPage, AuditQuery, Store } from '../store/index.js';

/** Who did it: a principal, or a login attempt nobody is behind yet. */
export type AuditWho = Principal | { anonymous: string; address?: string };

/** The audit log as the doors use it: record what happened, and let admins read it. */
export interface AuditService {
  /** Appends an entry. A failed append rejects: an action that cannot be audited must fail. */
  record(
    who: AuditWho,
    entry: {
      action: string;
      workspaceId?: string;
      target?: string;
      details?: Record<string, unknown>;
    },
  ): Promise<AuditEntry>;
  /** The scope's workspace entries (`audit:read`); an install admin may ask for every entry. */
  search(
    scope: Scope,
    query?: Omit<AuditQuery, 'workspaceId'> & { isAll?: boolean },
  ): Promise<AuditPage>;
  /** Every matching entry, for an export; the export itself is recorded. */
  export(
    scope: Scope,
    query?: Omit<AuditQuery, 'workspaceId' | 'cursor' | 'limit'> & { isAll?: boolean },
  ): Promise<AuditEntry[]>;
  /** Checks the whole install's hash chain (install admins and workspace owners). */
  verify(scope: Scope): ReturnType<Store['audit']['verify']>;
}

/** The most entries one export returns. */
export const MAX_AUDIT_EXPORT = 100_000;

export function actorOf(who: AuditWho): { actor: AuditActor; address?: string } {
  if ('anonymous' in who) {
    return { actor: { kind: 'anonymous', id: who.anonymous.slice(0, 200) }, address: who.address };
  }
  return {
    actor: { kind: who.kind, id: who.tokenId ?? who.id, name: who.name },
    address: who.address,
  };
}

function workspaceFilter(scope: Scope, isAll: boolean | undefined): string | undefined {
  if (isAll === true) {
    if (!scope.principal.isInstallAdmin) requirePermission(scope, 'workspace:write');
    return scope.principal.isInstallAdmin ? undefined : scope.workspaceId;
  }
  return scope.workspaceId;
}

export function createAuditService(store: Store): AuditService {
  return {
    async record(who, entry) {
      const { actor, address } = actorOf(who);
      return store.audit.append({ actor, address, ...entry });
    },
    async search(scope, query = {}) {
      requirePermission(scope, 'audit:read');
      const { isAll, ...rest } = query;
      return store.audit.search({ ...rest, workspaceId: workspaceFilter(scope, isAll) });
    },
    async export(scope, query = {}) {
      requirePermission(scope, 'audit:read');
      const { isAll, ...rest } = query;
      const workspaceId = workspaceFilter(scope, isAll);
      const entries: AuditEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.audit.search({ ...rest, workspaceId, cursor, limit: 1_000 });
        entries.push(...page.entries);
        cursor = page.nextCursor;
      } while (cursor !== undefined && entries.length < MAX_AUDIT_EXPORT);
      await store.audit.append({
        ...actorOf(scope.principal),
        workspaceId: scope.workspaceId,
        action: 'audit.export',
        details: { entries: entries.length, isAll: workspaceId === undefined },
      });
      return entries.slice(0, MAX_AUDIT_EXPORT);
    },
    async verify(scope) {
      requirePermission(scope, 'workspace:write');
      return store.audit.verify();
    },
  };
}
