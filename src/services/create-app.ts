import type { Clock } from '../core/clock.js';
import type { LangngheError } from '../core/errors.js';
import { isLangngheError } from '../core/errors.js';
import { DEFAULT_WORKSPACE_ID } from '../core/types.js';
import type { Bus } from '../bus/index.js';
import type { Store } from '../store/index.js';
import { createPipeline } from '../pipeline/pipeline.js';
import type { Enricher, PipelineMessage } from '../pipeline/pipeline.js';
import { normalizePost } from '../pipeline/post-input.js';
import { createTopicRegistry } from '../pipeline/topic-registry.js';
import type { App, IngestItemError, MatchedEvent } from './app.js';
import { searchPosts } from './search.js';
import { backfillTopic, createTopic, deleteTopic, testTopic, updateTopic } from './topics.js';

export interface AppDeps {
  store: Store;
  bus: Bus;
  clock: Clock;
  enrich?: Enricher;
  /** Posts per pipeline batch (default 500). */
  batchSize?: number;
  /** Called for topics stored earlier whose query no longer parses (they are not matched). */
  onTopicSkipped?: (topicId: string, error: LangngheError) => void;
}

const DAY_MS = 24 * 3600_000;

/** Wires the store, bus and pipeline into the use cases every door calls. */
export async function createApp(deps: AppDeps): Promise<App> {
  const { store, clock } = deps;
  const registry = createTopicRegistry();
  for (const source of await store.listSources())
    registry.setSourceWorkspace(source.id, source.workspaceId);
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
  });
  pipeline.start();
  const topicDeps = { store, registry, clock };
  let isOpen = true;

  return {
    store,
    clock,
    async ingest(items, options = {}) {
      const unit = options.unit ?? 'index';
      const first = options.firstIndex ?? (unit === 'line' ? 1 : 0);
      const now = new Date(clock.now()).toISOString();
      const errors: IngestItemError[] = [];
      const messages: Omit<PipelineMessage, 'ticket'>[] = [];
      const indexOf = new Map<string, number>();
      for (const [i, item] of items.entries()) {
        try {
          const { post, truncated } = normalizePost(item, {
            now,
            sourceId: options.sourceId,
            isStrict: options.isStrict,
          });
          indexOf.set(post.id, first + i);
          messages.push({ post, truncated });
        } catch (error) {
          if (!isLangngheError(error)) throw error;
          errors.push({ index: first + i, unit, code: error.code, message: error.message });
        }
      }
      const outcome = await pipeline.submit(messages);
      for (const failure of outcome.failed)
        errors.push({
          index: indexOf.get(failure.id) ?? -1,
          unit,
          code: failure.code,
          message: failure.message,
        });
      errors.sort((a, b) => a.index - b.index);
      return {
        accepted: messages.length,
        inserted: outcome.inserted,
        updated: outcome.updated,
        matched: outcome.matched,
        errors,
      };
    },
    search: (params) => searchPosts({ store, registry }, params),
    async listTopics(workspaceId = DEFAULT_WORKSPACE_ID) {
      const counts = new Map(
        (await store.topicCounts(workspaceId)).map((c) => [c.topicId, c.count]),
      );
      return (await store.listTopics(workspaceId)).map((topic) => ({
        ...topic,
        count: counts.get(topic.id) ?? 0,
      }));
    },
    getTopic: (id) => store.getTopic(id),
    createTopic: (input) => createTopic(topicDeps, input),
    updateTopic: (id, patch) => updateTopic(topicDeps, id, patch),
    deleteTopic: (id) => deleteTopic(topicDeps, id),
    testTopic: (input) => testTopic(topicDeps, input),
    topicVolume: ({ topicId, bucket, from, to }) => {
      const end = to ?? new Date(clock.now()).toISOString();
      const start = from ?? new Date(Date.parse(end) - 7 * DAY_MS).toISOString();
      return store.topicVolume({ topicId, bucket, from: start, to: end });
    },
    backfillTopic: (topicId, range) => backfillTopic(topicDeps, topicId, range),
    async listSources(workspaceId) {
      const sources = await store.listSources(workspaceId);
      return Promise.all(
        sources.map(async (source) => ({
          ...source,
          health: await store.getSourceHealth(source.id),
        })),
      );
    },
    onMatched(listener, topicId) {
      return pipeline.onMatched((event) => {
        const topicIds =
          topicId === undefined ? event.topicIds : event.topicIds.filter((id) => id === topicId);
        if (topicIds.length === 0) return;
        const explanations: MatchedEvent['explanations'] = {};
        for (const id of topicIds) {
          const explanation = event.explain(id);
          if (explanation !== undefined) explanations[id] = explanation;
        }
        listener({ post: event.post, topicIds, explanations });
      });
    },
    metrics() {
      return {
        ...pipeline.counters(),
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
