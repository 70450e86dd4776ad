import type { Clock } from '../core/clock.js';
import { randomUUID } from 'node:crypto';
import { LangngheError, isLangngheError } from '../core/errors.js';
import { requirePermission } from '../core/scope.js';
import type { Bus, Subject } from '../bus/index.js';
import type { Store } from '../store/index.js';
import { createPipeline } from '../pipeline/pipeline.js';
import type { Enricher, PipelineMessage } from '../pipeline/pipeline.js';
import { defaultEnricher } from '../pipeline/default-enricher.js';
import { TOPICS_CHANGED } from '../pipeline/subjects.js';
import type { TopicChange } from '../pipeline/subjects.js';
import { createTopicRegistry } from '../pipeline/topic-registry.js';
import { createWorkerAnalysis } from '../pipeline/worker-analysis.js';
import type { ParsedQuery } from '../query/index.js';
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
  /**
   * Worker threads for enrichment and matching (0: in this thread, the default). Workers run
   * the default enricher or none: `enrich` must be `defaultEnricher` or absent.
   */
  analysisWorkers?: number;
  /** The subject the pipeline consumes (default `POSTS_INGEST`). */
  postsSubject?: Subject<PipelineMessage>;
}

/** Which enricher a worker runs: functions do not cross threads, so only the known one can. */
function enricherName(enrich: Enricher | undefined): 'default' | 'none' {
  if (enrich === undefined) return 'none';
  if (enrich === defaultEnricher) return 'default';
  throw new LangngheError(
    'config.invalid',
    'analysis workers run the default enricher only; use analysisWorkers: 0 for another one',
  );
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
  const workers = deps.analysisWorkers ?? 0;
  const analysis =
    workers > 0
      ? createWorkerAnalysis({
          workers,
          enricher: enricherName(deps.enrich),
          topics: registry.list().map((live) => live.topic),
        })
      : undefined;
  const pipeline = createPipeline({
    store,
    bus: deps.bus,
    clock,
    registry,
    enrich: deps.enrich,
    analysis,
    subject: deps.postsSubject,
    batchSize: deps.batchSize,
    retryDelayMs: deps.retryDelayMs,
    // With workers, the next batches are enriched and matched while this one is written.
    concurrency: analysis === undefined ? 1 : workers + 1,
  });
  pipeline.start();
  // Topic changes: applied here at once, and sent on the bus for every other process's matcher.
  const instanceId = randomUUID();
  const applyTopicChange = (change: TopicChange, parsed?: ParsedQuery): void => {
    try {
      if (change.op === 'set') registry.setTopic(change.topic, parsed);
      else registry.removeTopic(change.topicId);
    } catch (error) {
      if (!isLangngheError(error) || change.op !== 'set') throw error;
      registry.removeTopic(change.topic.id);
      deps.onTopicSkipped?.(change.topic.id, error);
    }
    analysis?.applyTopicChange(change);
  };
  const topicChanges = deps.bus.subscribe(TOPICS_CHANGED, (change) => {
    if (change.origin !== instanceId) applyTopicChange(change);
  });
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
    async changeTopic(change: TopicChange, parsed?: ParsedQuery) {
      applyTopicChange(change, parsed);
      await deps.bus.broadcast(TOPICS_CHANGED, { ...change, origin: instanceId });
    },
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
      await topicChanges.stop();
      await pipeline.stop();
      await store.close();
    },
  };
}
