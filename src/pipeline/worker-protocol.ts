import type { Topic } from '../core/types.js';
import type { PipelineMessage } from './pipeline-message.js';
import type { Additions } from './stages/enrich-stage.js';
import type { TopicChange } from './subjects.js';

/** What a worker starts with: which enricher (functions do not cross threads) and the topics. */
export interface WorkerSetup {
  enricher: 'default' | 'none';
  topics: Topic[];
}

export type WorkerRequest =
  | { type: 'topic'; change: TopicChange }
  | { type: 'analyze'; id: number; messages: PipelineMessage[] };

/** One answer per message, in order: what enrichment added and the topics matched, or why not. */
export interface WorkerReply {
  id: number;
  items: (
    | { ok: true; added: Additions; topicIds: string[] }
    | { ok: false; stage: 'enrich' | 'match'; code: string; message: string }
  )[];
}
