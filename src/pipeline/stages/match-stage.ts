import { prepareDoc } from '../../query/index.js';
import type { EnrichedPost, MatchedItem } from '../pipeline-message.js';
import type { Stage } from '../stage.js';
import { perItemStage } from '../stage.js';
import type { TopicRegistry } from '../topic-registry.js';

/** Matches each post against the registry's topics (its own workspace's only when private). */
export function matchStage(registry: TopicRegistry): Stage<EnrichedPost, MatchedItem> {
  return perItemStage('match', (item): MatchedItem => ({
    ...item,
    topicIds: registry.match(prepareDoc(item.post), item.post.privateTo),
  }));
}
