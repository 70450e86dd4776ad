import { isLangngheError } from '../../core/errors.js';
import type { PostWrite, Store, StoredPost, WriteResult } from '../../store/index.js';
import { isTransientStoreError } from '../../store/index.js';
import type { MatchedItem } from '../pipeline-message.js';
import type { Stage, StageResult } from '../stage.js';
import { asItemError } from '../stage.js';

/** A post as the store took it. */
export interface WrittenItem {
  item: MatchedItem;
  /**
   * The post as written, with `duplicateOf` when the store linked it, write hints (`folded`,
   * `enrichmentJson`) still on: `asRead` makes it what a read returns.
   */
  post: StoredPost;
  /** Stored for the first time (its matches recorded), rather than refreshed. */
  isNew: boolean;
}

/** A written post as the store would return it: hints dropped, the enrichment parsed. */
export function asRead(written: StoredPost): StoredPost {
  const { folded: _folded, enrichmentJson, ...post } = written;
  if (enrichmentJson !== undefined)
    post.enrichment = JSON.parse(enrichmentJson) as StoredPost['enrichment'];
  return post;
}

function toWrite(item: MatchedItem): PostWrite {
  const write: PostWrite = { post: item.post, topicIds: item.topicIds };
  if (item.simhash !== undefined) write.simhash = item.simhash;
  return write;
}

/**
 * Writes the batch (posts, matches, near-duplicate links) in one transaction. A batch the store
 * refuses for something an item may be at fault for (an invalid post, an unexpected error) is
 * written again post by post, so only that post fails. What is no item's fault (a full disk, the
 * write lock held, a closed store) is thrown: the runner retries the batch.
 */
export function storeStage(store: Store): Stage<MatchedItem, WrittenItem> {
  return {
    name: 'store',
    async run(items) {
      const result: StageResult<WrittenItem> = { passed: [], failed: [] };
      const record = (index: number, written: WriteResult, inserted: ReadonlySet<string>): void => {
        const item = items[index]!;
        const post: StoredPost = { ...item.post };
        const duplicateOf = written.duplicateOf[post.id];
        if (duplicateOf !== undefined) post.duplicateOf = duplicateOf;
        result.passed.push({ index, value: { item, post, isNew: inserted.has(post.id) } });
      };
      try {
        const whole = await store.writePosts(items.map(toWrite));
        const inserted = new Set(whole.inserted);
        for (const index of items.keys()) record(index, whole, inserted);
        return result;
      } catch (error) {
        if (!isItemsFault(error)) throw error;
      }
      for (const [index, item] of items.entries()) {
        try {
          const one = await store.writePosts([toWrite(item)]);
          record(index, one, new Set(one.inserted));
        } catch (error) {
          if (!isItemsFault(error)) throw error;
          result.failed.push({ index, error: asItemError('store', error), stage: 'store' });
        }
      }
      return result;
    },
  };
}

/** Whether an item of the batch may be why the store refused it (worth writing one by one). */
function isItemsFault(error: unknown): boolean {
  return (
    !isTransientStoreError(error) && !(isLangngheError(error) && error.code === 'store.closed')
  );
}
