import { LangngheError } from '../core/errors.js';
import type { Scope } from '../core/scope.js';
import { requirePermission } from '../core/scope.js';
import type { WebhookRequest } from '../sources/connector.js';
import type { RunOutcome } from '../sources/run-source.js';
import type { WebhookOutcome } from '../sources/run-webhook.js';
import type {
  KindInfo,
  SourceInputBody,
  SourceService,
  SourceView,
  TestResult,
} from '../sources/source-service.js';
import type { AuditService } from './audit.js';

export type { KindInfo, SourceView, TestResult } from '../sources/source-service.js';

/**
 * Sources (connector instances) as a workspace manages them: a scope sees and changes only its
 * own workspace's sources; another workspace's source is `store.not_found`. Every change is in
 * the audit log (configs masked: credentials never appear there).
 */
export interface ScopedSources {
  kinds(scope: Scope): KindInfo[];
  list(scope: Scope): Promise<SourceView[]>;
  get(scope: Scope, id: string): Promise<SourceView>;
  add(scope: Scope, input: Omit<SourceInputBody, 'workspaceId'>): Promise<SourceView>;
  update(
    scope: Scope,
    id: string,
    patch: { name?: string; config?: Record<string, unknown>; enabled?: boolean },
  ): Promise<SourceView>;
  remove(scope: Scope, id: string): Promise<void>;
  run(scope: Scope, id: string, signal?: AbortSignal): Promise<RunOutcome>;
  test(
    scope: Scope,
    id: string,
    options?: { maxItems?: number; signal?: AbortSignal },
  ): Promise<TestResult>;
  /** A platform's delivery: authenticated by the connector's own signature check, not a scope. */
  webhook(id: string, request: WebhookRequest): Promise<WebhookOutcome>;
}

export function createScopedSources(engine: SourceService, audit: AuditService): ScopedSources {
  async function own(scope: Scope, id: string): Promise<SourceView> {
    const source = await engine.get(id);
    if (source === undefined || source.workspaceId !== scope.workspaceId) {
      throw new LangngheError('store.not_found', `No source ${id.slice(0, 80)}`, {
        details: { sourceId: id },
      });
    }
    return source;
  }
  const record = (scope: Scope, action: string, source: SourceView, details = {}) =>
    audit.record(scope.principal, {
      action,
      workspaceId: scope.workspaceId,
      target: source.id,
      details: { kind: source.kind, name: source.name, ...details },
    });

  return {
    kinds(scope) {
      requirePermission(scope, 'sources:read');
      return engine.kinds();
    },
    async list(scope) {
      requirePermission(scope, 'sources:read');
      return engine.list(scope.workspaceId);
    },
    async get(scope, id) {
      requirePermission(scope, 'sources:read');
      return own(scope, id);
    },
    async add(scope, input) {
      requirePermission(scope, 'sources:write');
      const source = await engine.add({ ...input, workspaceId: scope.workspaceId });
      await record(scope, 'source.create', source, { config: source.config });
      return source;
    },
    async update(scope, id, patch) {
      requirePermission(scope, 'sources:write');
      await own(scope, id);
      const source = await engine.update(id, patch);
      await record(scope, 'source.update', source, {
        config: source.config,
        enabled: source.enabled,
      });
      return source;
    },
    async remove(scope, id) {
      requirePermission(scope, 'sources:write');
      const source = await own(scope, id);
      await engine.remove(id);
      await record(scope, 'source.delete', source);
    },
    async run(scope, id, signal) {
      requirePermission(scope, 'sources:write');
      const source = await own(scope, id);
      await record(scope, 'source.run', source);
      return engine.run(id, signal);
    },
    async test(scope, id, options) {
      requirePermission(scope, 'sources:write');
      const source = await own(scope, id);
      await record(scope, 'source.test', source);
      return engine.test(id, options);
    },
    webhook: (id, request) => engine.webhook(id, request),
  };
}
