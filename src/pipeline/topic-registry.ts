import type { Topic } from '../core/types.js';
import { createTopicMatcher, parseQuery } from '../query/index.js';
import type { MatchDoc, ParsedQuery } from '../query/index.js';

/** A topic as the pipeline holds it: parsed once, kept with the text it was parsed from. */
export interface LiveTopic {
  topic: Topic;
  parsed: ParsedQuery;
}

/**
 * The topics the pipeline matches against: every workspace's, in one incremental matcher, since
 * the collected corpus is shared. A post private to one workspace (a Zalo OA message) is matched
 * against that workspace's topics only. Changing one topic touches only its own index entries.
 */
export interface TopicRegistry {
  /** Adds or replaces a topic; throws the parser's error for a query that does not parse. */
  setTopic(topic: Topic, parsed?: ParsedQuery): void;
  removeTopic(topicId: string): void;
  get(topicId: string): LiveTopic | undefined;
  /**
   * Topic ids the document matches: of every workspace, or only of `privateTo` when the post is
   * private to that workspace.
   */
  match(doc: MatchDoc, privateTo?: string): string[];
  /** How many topics a workspace has (for its cap). */
  countOf(workspaceId: string): number;
  size(): number;
  /** Every live topic. */
  list(): LiveTopic[];
}

export function createTopicRegistry(): TopicRegistry {
  const matcher = createTopicMatcher();
  const topics = new Map<string, LiveTopic>();
  const perWorkspace = new Map<string, number>();

  function count(workspaceId: string, delta: number): void {
    const next = (perWorkspace.get(workspaceId) ?? 0) + delta;
    if (next === 0) perWorkspace.delete(workspaceId);
    else perWorkspace.set(workspaceId, next);
  }

  function removeTopic(topicId: string): void {
    const live = topics.get(topicId);
    if (live === undefined) return;
    matcher.remove(topicId);
    topics.delete(topicId);
    count(live.topic.workspaceId, -1);
  }

  return {
    setTopic(topic, parsed = parseQuery(topic.query)) {
      removeTopic(topic.id);
      matcher.set(topic.id, parsed);
      topics.set(topic.id, { topic, parsed });
      count(topic.workspaceId, 1);
    },
    removeTopic,
    get: (topicId) => topics.get(topicId),
    match(doc, privateTo) {
      const ids = matcher.match(doc);
      if (privateTo === undefined) return ids;
      return ids.filter((id) => topics.get(id)?.topic.workspaceId === privateTo);
    },
    countOf: (workspaceId) => perWorkspace.get(workspaceId) ?? 0,
    size: () => topics.size,
    list: () => [...topics.values()],
  };
}
