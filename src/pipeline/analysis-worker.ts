/**
 * A worker thread's half of `createWorkerAnalysis`: enrichment and matching for the batches the
 * main thread sends, with its own copy of the topics, kept current by the changes it is sent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isLangngheError } from '../core/errors.js';
import { prepareDoc } from '../query/index.js';
import { defaultEnricher } from './default-enricher.js';
import type { Additions } from './stages/enrich-stage.js';
import { enrichmentOf, applyEnrichment } from './stages/enrich-stage.js';
import type { PipelineMessage } from './pipeline-message.js';
import type { TopicChange } from './subjects.js';
import { createTopicRegistry } from './topic-registry.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './worker-protocol.js';

const setup = workerData as WorkerSetup;
const enrich = setup.enricher === 'default' ? defaultEnricher : undefined;
const registry = createTopicRegistry();

function apply(change: TopicChange): void {
  try {
    if (change.op === 'set') registry.setTopic(change.topic);
    else registry.removeTopic(change.topicId);
  } catch {
    // A stored query that no longer parses is skipped, as the main thread's registry does.
    if (change.op === 'set') registry.removeTopic(change.topic.id);
  }
}

for (const topic of setup.topics) apply({ op: 'set', topic });

function analyze(messages: readonly PipelineMessage[]): WorkerReply['items'] {
  return messages.map((message) => {
    let stage: 'enrich' | 'match' = 'enrich';
    try {
      const added: Additions = enrichmentOf(message, enrich);
      stage = 'match';
      const { post } = applyEnrichment(message, added);
      const topicIds = registry.match(prepareDoc(post), post.privateTo);
      return { ok: true as const, added, topicIds };
    } catch (error) {
      const code = isLangngheError(error) ? error.code : `pipeline.${stage}_failed`;
      const text = error instanceof Error ? error.message : String(error);
      return {
        ok: false as const,
        stage,
        code,
        message: isLangngheError(error) ? text : `${stage}: ${text}`,
      };
    }
  });
}

parentPort?.on('message', (request: WorkerRequest) => {
  if (request.type === 'topic') {
    apply(request.change);
    return;
  }
  const reply: WorkerReply = { id: request.id, items: analyze(request.messages) };
  parentPort?.postMessage(reply);
});
