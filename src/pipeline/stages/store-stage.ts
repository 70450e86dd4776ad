import { isLangngheError } from '../../core/errors.js';
import type { PostWrite, Store, StoredPost, WriteResult } from '../../store/index.js';
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
 * Writes the batch (posts, matches, near-duplicate links) in one transaction. A batch refused for
 * an invalid post is written again post by post, so only that post fails. Anything else the
 * store throws (a full disk, the write lock held) is thrown: it is no item's fault, and the runner
 * retries the batch.
 */
export function storeStage(store: Store): Stage<MatchedItem, WrittenItem> {
  return {
    name: 'store',
    async run(items) {
      const result: StageResult<WrittenItem> = { passed: [], failed: [] };
      const record = (index: number, written: WriteResult): void => {
        const item = items[index]!;
        const post: StoredPost = { ...item.post };
        const duplicateOf = written.duplicateOf[post.id];
        if (duplicateOf !== undefined) post.duplicateOf = duplicateOf;
        const isNew = written.inserted.includes(post.id);
        result.passed.push({ index, value: { item, post, isNew } });
      };
      let whole: WriteResult | undefined;
      try {
        whole = await store.writePosts(items.map(toWrite));
      } catch (error) {
        if (!isInvalid(error)) throw error;
      }
      if (whole !== undefined) {
        const inserted = new Set(whole.inserted);
        for (const index of items.keys()) {
          const id = items[index]!.post.id;
          record(index, { ...whole, inserted: inserted.has(id) ? [id] : [] });
        }
        return result;
      }
      for (const [index, item] of items.entries()) {
        try {
          record(index, await store.writePosts([toWrite(item)]));
        } catch (error) {
          if (!isInvalid(error)) throw error;
          result.failed.push({ index, error: asItemError('store', error), stage: 'store' });
        }
      }
      return result;
    },
  };
}

function isInvalid(error: unknown): boolean {
  return isLangngheError(error) && error.code === 'store.invalid';
}
