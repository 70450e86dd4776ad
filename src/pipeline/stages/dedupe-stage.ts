import type { PipelineMessage } from '../pipeline-message.js';
import type { Stage } from '../stage.js';

/**
 * Keeps the last occurrence of each post id in a batch (a later copy has fresher counts); earlier
 * copies are absorbed, neither passed nor failed.
 */
export const dedupeStage: Stage<PipelineMessage, PipelineMessage> = {
  name: 'dedupe',
  async run(items) {
    const lastIndex = new Map<string, number>();
    items.forEach((message, index) => lastIndex.set(message.post.id, index));
    const passed = [...lastIndex.values()]
      .sort((a, b) => a - b)
      .map((index) => ({ index, value: items[index]! }));
    return { passed, failed: [] };
  },
};
