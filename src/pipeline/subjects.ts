import type { Topic } from '../core/types.js';
import { broadcastSubject, queueSubject } from '../bus/index.js';
import type { Subject } from '../bus/index.js';
import type { PipelineMessage } from './pipeline-message.js';

/** Posts accepted at a door, waiting for the pipeline's stages. */
export const POSTS_INGEST: Subject<PipelineMessage> = queueSubject('posts.ingest');

/** A topic created, changed or deleted: every process's matcher applies it. */
export type TopicChange = ({ op: 'set'; topic: Topic } | { op: 'remove'; topicId: string }) & {
  /** The process that made the change (it applied it already). */
  origin?: string;
};

export const TOPICS_CHANGED: Subject<TopicChange> = broadcastSubject('topics.changed');
