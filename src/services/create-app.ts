import type { Clock } from '../core/clock.js';
import type { LangngheError } from '../core/errors.js';
import { isLangngheError } from '../core/errors.js';
import { requirePermission } from '../core/scope.js';
import type { Bus } from '../bus/index.js';
import type { Store } from '../store/index.js';
import { createPipeline } from '../pipeline/pipeline.js';
import type { Enricher } from '../pipeline/pipeline.js';
import { createTopicRegistry } from '../pipeline/topic-registry.js';
import { createAccountService } from './accounts.js';
import type { SessionSettings } from './accounts.js';
import type { App } from './app.js';
import { createAuditService } from './audit.js';
import { createDeadLetterService } from './dead-letters.js';
import { ingestItems } from './ingest.js';
import { createLiveMatches } from './live.js';
import { createPrivacyService } from './privacy.js';
import { searchPosts } from './search.js';
import {
  backfillTopic,
  createTopic,
  deleteTopic,
  ownTopic,
  testTopic,
  updateTopic,
} from './topics.js';

export interface AppDeps {
  store: Store;
  bus: Bus;
  clock: Clock;
  /** How long a delivery waits for a store that refuses writes before 503; default 30 s. */
  ingestWaitMs?: number;
  /** First pause after a transient store error (doubling, at most 5 s); default 100 ms. */
  retryDelayMs?: number;
  enrich?: Enricher;
  /** Posts per pipeline batch (default 500). */
  batchSize?: number;
  /** Called for topics stored earlier whose query no longer parses (they are not matched). */
  onTopicSkipped?: (topicId: string, error: LangngheError) => void;
  /** Sessions, lockout and single sign-on settings. */
  sessions?: Partial<SessionSettings>;
  /** Most topics one workspace may have. */
  maxTopicsPerWorkspace?: number;
}

/** Wires the store, bus and pipeline into the use cases every door calls. */
export async function createApp(deps: AppDeps): Promise<App> {
  const { store, clock } = deps;
  const registry = createTopicRegistry();
  for (const workspace of await store.listWorkspaces()) {
    for (const topic of await store.listTopics(workspace.id)) {
      try {
        registry.setTopic(topic);
      } catch (error) {
        if (!isLangngheError(error)) throw error;
        deps.onTopicSkipped?.(topic.id, error);
      }
    }
  }
  const pipeline = createPipeline({
    store,
    bus: deps.bus,
    clock,
    registry,
    enrich: deps.enrich,
    batchSize: deps.batchSize,
    retryDelayMs: deps.retryDelayMs,
  });
  pipeline.start();
  const audit = createAuditService(store);
  const privacy = createPrivacyService({ store, clock, audit });
  const accounts = createAccountService({ store, clock, audit, settings: deps.sessions });
  const topicDeps = {
    store,
    registry,
    clock,
    audit,
    privacy,
    maxTopicsPerWorkspace: deps.maxTopicsPerWorkspace,
  };
  const live = createLiveMatches({ pipeline, registry, privacy });
  let isOpen = true;

  return {
    ingest: (scope, items, options) =>
      ingestItems({ store, clock, pipeline, waitMs: deps.ingestWaitMs }, scope, items, options),
    search: (scope, params) => searchPosts({ store, registry, privacy }, scope, params),
    async listTopics(scope) {
      requirePermission(scope, 'topics:read');
      const counts = new Map(
        (await store.topicCounts(scope.workspaceId)).map((c) => [c.topicId, c.count]),
      );
      return (await store.listTopics(scope.workspaceId)).map((topic) => ({
        ...topic,
        count: counts.get(topic.id) ?? 0,
      }));
    },
    async getTopic(scope, id) {
      requirePermission(scope, 'topics:read');
      const topic = await store.getTopic(id);
      return topic?.workspaceId === scope.workspaceId ? topic : undefined;
    },
    createTopic: (scope, input) => createTopic(topicDeps, scope, input),
    updateTopic: (scope, id, patch) => updateTopic(topicDeps, scope, id, patch),
    deleteTopic: (scope, id) => deleteTopic(topicDeps, scope, id),
    testTopic: (scope, input) => testTopic(topicDeps, scope, input),
    async topicVolume(scope, { topicId, bucket, from, to }) {
      requirePermission(scope, 'topics:read');
      await ownTopic(topicDeps, scope, topicId);
      const end = to ?? new Date(clock.now()).toISOString();
      const start = from ?? new Date(Date.parse(end) - 7 * 86_400_000).toISOString();
      return store.topicVolume({ topicId, bucket, from: start, to: end });
    },
    backfillTopic: (scope, topicId, range) => backfillTopic(topicDeps, scope, topicId, range),
    onMatched: (scope, listener, topicId) => live.subscribe(scope, listener, topicId),
    accounts,
    audit,
    privacy,
    deadLetters: createDeadLetterService({ store, pipeline, audit, privacy }),
    metrics() {
      return {
        ...pipeline.counters(),
        storeStatus: pipeline.health().status,
        queueDepth: deps.bus.depth(pipeline.subject),
        queueCapacity: deps.bus.capacity,
      };
    },
    isReady: () => isOpen,
    async close() {
      if (!isOpen) return;
      isOpen = false;
      await pipeline.stop();
      await store.close();
    },
  };
}
