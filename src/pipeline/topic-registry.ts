import { DEFAULT_WORKSPACE_ID } from '../core/types.js';
import type { Topic } from '../core/types.js';
import { createTopicMatcher, parseQuery } from '../query/index.js';
import type { MatchDoc, ParsedQuery, TopicMatcher } from '../query/index.js';

/** A topic as the pipeline holds it: parsed once, kept with the text it was parsed from. */
export interface LiveTopic {
  topic: Topic;
  parsed: ParsedQuery;
}

/**
 * The topics the pipeline matches against, one incremental matcher per workspace, and which
 * workspace each source feeds. Changing one topic touches only that topic's index entries.
 */
export interface TopicRegistry {
  /** Adds or replaces a topic; throws the parser's error for a query that does not parse. */
  setTopic(topic: Topic, parsed?: ParsedQuery): void;
  removeTopic(topicId: string): void;
  get(topicId: string): LiveTopic | undefined;
  setSourceWorkspace(sourceId: string, workspaceId: string): void;
  /** The workspace a source feeds; sources not registered feed the default workspace. */
  workspaceOf(sourceId: string): string;
  /** Topic ids of the workspace that the document matches. */
  match(workspaceId: string, doc: MatchDoc): string[];
  size(): number;
}

export function createTopicRegistry(): TopicRegistry {
  const matchers = new Map<string, TopicMatcher>();
  const topics = new Map<string, LiveTopic>();
  const sources = new Map<string, string>();

  function matcherOf(workspaceId: string): TopicMatcher {
    let matcher = matchers.get(workspaceId);
    if (matcher === undefined) {
      matcher = createTopicMatcher();
      matchers.set(workspaceId, matcher);
    }
    return matcher;
  }

  function removeTopic(topicId: string): void {
    const live = topics.get(topicId);
    if (live === undefined) return;
    matchers.get(live.topic.workspaceId)?.remove(topicId);
    topics.delete(topicId);
  }

  return {
    setTopic(topic, parsed = parseQuery(topic.query)) {
      removeTopic(topic.id);
      matcherOf(topic.workspaceId).set(topic.id, parsed);
      topics.set(topic.id, { topic, parsed });
    },
    removeTopic,
    get: (topicId) => topics.get(topicId),
    setSourceWorkspace(sourceId, workspaceId) {
      sources.set(sourceId, workspaceId);
    },
    workspaceOf: (sourceId) => sources.get(sourceId) ?? DEFAULT_WORKSPACE_ID,
    match: (workspaceId, doc) => matchers.get(workspaceId)?.match(doc) ?? [],
    size: () => topics.size,
  };
}
