import type { Clock } from '../core/clock.js';
import { LangngheError, isLangngheError } from '../core/errors.js';
import type { Scope } from '../core/scope.js';
import { requirePermission } from '../core/scope.js';
import type { Post } from '../core/types.js';
import type { Pipeline, PipelineMessage } from '../pipeline/pipeline.js';
import { unavailable } from '../pipeline/pipeline.js';
import { normalizeStage } from '../pipeline/stages/normalize-stage.js';
import type { Store } from '../store/index.js';
import type { App, IngestItemError, IngestResult } from './app.js';

/**
 * Connector kinds whose items are citizens writing to one agency, not public posts: only the
 * workspace that owns the source sees them.
 */
export const PRIVATE_SOURCE_KINDS: ReadonlySet<string> = new Set(['zalo-oa', 'zalo-webhook']);

type SourceInfo = { workspaceId: string; isPrivate: boolean } | undefined;

/**
 * Where a post may be seen. A registered source decides (its workspace; private for private
 * channels and direct messages); a post from no registered source is public unless it is a
 * message, which stays with the workspace that sent it in. Another workspace's source is refused.
 */
function privacyOf(
  scope: Scope,
  post: Post,
  source: SourceInfo,
  isTrusted: boolean,
): string | undefined {
  if (source !== undefined) {
    if (!isTrusted && source.workspaceId !== scope.workspaceId) {
      throw new LangngheError(
        'auth.forbidden',
        `Source ${post.sourceId.slice(0, 80)} belongs to another workspace`,
        { details: { field: 'sourceId' } },
      );
    }
    return source.isPrivate || post.kind === 'message' ? source.workspaceId : undefined;
  }
  return post.kind === 'message' ? scope.workspaceId : undefined;
}

/** Validates raw items, hands the good ones to the pipeline, and reports each bad one. */
export async function ingestItems(
  deps: {
    store: Store;
    clock: Clock;
    pipeline: Pipeline;
    /** How long a delivery waits for a store that refuses writes before 503; default 30 s. */
    waitMs?: number;
  },
  scope: Scope,
  items: readonly unknown[],
  options: Parameters<App['ingest']>[2] = {},
): ReturnType<App['ingest']> {
  requirePermission(scope, 'ingest:write');
  const unit = options.unit ?? 'index';
  const first = options.firstIndex ?? (unit === 'line' ? 1 : 0);
  const now = new Date(deps.clock.now()).toISOString();
  const errors: IngestItemError[] = [];
  const messages: Omit<PipelineMessage, 'ticket'>[] = [];
  const indexOf = new Map<string, number>();
  const sources = new Map<string, SourceInfo>();
  const sourceOf = async (id: string): Promise<SourceInfo> => {
    if (!sources.has(id)) {
      const source = await deps.store.getSource(id);
      sources.set(
        id,
        source && {
          workspaceId: source.workspaceId,
          isPrivate: PRIVATE_SOURCE_KINDS.has(source.kind),
        },
      );
    }
    return sources.get(id);
  };
  const normalized = await normalizeStage({
    now,
    sourceId: options.sourceId,
    isStrict: options.isStrict,
  }).run(items);
  const refuse = (i: number, error: LangngheError): void => {
    errors.push({ index: first + i, unit, code: error.code, message: error.message });
  };
  for (const { index, error } of normalized.failed) refuse(index, error);
  for (const { index: i, value } of normalized.passed) {
    const { post, truncated } = value;
    try {
      // The system is trusted for the source it runs (or, with none named, as the operator); an
      // item naming another source is checked like anyone's.
      const isTrusted =
        scope.principal.kind === 'system' &&
        (options.sourceId === undefined || post.sourceId === options.sourceId);
      const privateTo = privacyOf(scope, post, await sourceOf(post.sourceId), isTrusted);
      indexOf.set(post.id, first + i);
      const message: Omit<PipelineMessage, 'ticket'> = {
        post,
        truncated,
        workspaceId: scope.workspaceId,
      };
      if (privateTo !== undefined) message.privateTo = privateTo;
      messages.push(message);
    } catch (error) {
      if (!isLangngheError(error)) throw error;
      refuse(i, error);
    }
  }
  // A store that refuses writes now (full disk): refuse the delivery at once, so the sender keeps
  // it and sends it again, rather than queueing more behind the ones waiting.
  if (messages.length > 0 && deps.pipeline.health().status === 'degraded')
    throw unavailable(deps.pipeline.health());
  const isWaiting = options.isWaiting !== false;
  const outcome = await deps.pipeline.submit(
    messages,
    isWaiting ? { timeoutMs: deps.waitMs ?? 30_000 } : { isWaiting: false },
  );
  for (const failure of outcome.failed)
    errors.push({
      index: indexOf.get(failure.id) ?? -1,
      unit,
      code: failure.code,
      message: failure.message,
    });
  errors.sort((a, b) => a.index - b.index);
  const result: IngestResult = {
    accepted: messages.length,
    inserted: outcome.inserted,
    updated: outcome.updated,
    matched: outcome.matched,
    errors,
  };
  if (!isWaiting) result.queued = messages.length;
  return result;
}
