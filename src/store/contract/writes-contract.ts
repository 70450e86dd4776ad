import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_WORKSPACE_ID } from '../../core/types.js';
import type { Store } from '../store.js';
import type { MakeStore } from './contract-kit.js';
import { ids, makePost, rejectsWithCode, storeRunner } from './contract-kit.js';

const HASH = '0123456789abcdef';
/** HASH with 2 bits flipped (in two bands): a near-duplicate. */
const NEAR = '1123456789abcdee';
/** HASH 8 bits away, not near. */
const FAR = 'f1334577a9bbcdef';

async function topic(store: Store, name = 'T'): Promise<string> {
  return (await store.createTopic({ workspaceId: DEFAULT_WORKSPACE_ID, name, query: 'tin' })).id;
}

/** `writePosts`: posts with their matches and near-duplicate links in one transaction. */
export function writesContract(makeStore: MakeStore): void {
  const withStore = storeRunner(makeStore);

  describe('writePosts', () => {
    it('stores new posts with their matches; a known post is refreshed and gets none', () =>
      withStore(async (store) => {
        const t1 = await topic(store, 'A');
        const t2 = await topic(store, 'B');
        const a = makePost();
        const b = makePost();
        const first = await store.writePosts([
          { post: a, topicIds: [t1, t2, t1] },
          { post: b, topicIds: ['gone'] },
        ]);
        assert.deepEqual(first.inserted, [a.id, b.id]);
        assert.equal(first.matches, 2, 'a topic named twice or deleted records nothing more');
        const again = await store.writePosts([
          { post: { ...a, engagement: { likes: 3 } }, topicIds: [t2] },
        ]);
        assert.deepEqual(again.updated, [a.id]);
        assert.equal(again.matches, 0);
        assert.equal((await store.getPost(a.id))?.engagement?.likes, 3);
        const page = await store.searchPosts({ topicId: t1 });
        assert.deepEqual(ids(page.posts), [a.id]);
      }));

    it('writes an enrichment sent as JSON and reads it back as an object, never the hint', () =>
      withStore(async (store) => {
        const post = makePost({ enrichmentJson: '{"toxicity":0.2,"areas":[{"ward":"Bến Nghé"}]}' });
        await store.writePosts([{ post }]);
        const read = await store.getPost(post.id);
        assert.deepEqual(read?.enrichment, { toxicity: 0.2, areas: [{ ward: 'Bến Nghé' }] });
        assert.equal(read?.enrichmentJson, undefined);
        await rejectsWithCode(
          store.writePosts([{ post: makePost({ enrichmentJson: '[1]' }) }]),
          'store.invalid',
        );
      }));

    it('writes nothing at all when one post of the batch is invalid', () =>
      withStore(async (store) => {
        const t = await topic(store);
        const good = makePost();
        await rejectsWithCode(
          store.writePosts([
            { post: good, topicIds: [t] },
            { post: { ...makePost(), platform: 'nowhere' as 'facebook' } },
          ]),
          'store.invalid',
        );
        assert.equal(await store.getPost(good.id), undefined);
        assert.deepEqual((await store.topicCounts(DEFAULT_WORKSPACE_ID))[0]?.count, 0);
        await rejectsWithCode(
          store.writePosts([{ post: makePost(), simhash: 'not a hash' }]),
          'store.invalid',
        );
      }));

    it('links a near-duplicate to the first occurrence, and never across workspaces', () =>
      withStore(async (store) => {
        const first = makePost();
        const copy = makePost();
        const other = makePost();
        const result = await store.writePosts([
          { post: first, simhash: HASH },
          { post: copy, simhash: NEAR },
          { post: other, simhash: FAR },
        ]);
        assert.deepEqual(result.duplicateOf, { [copy.id]: first.id });
        assert.equal((await store.getPost(copy.id))?.duplicateOf, first.id);
        assert.equal((await store.getPost(other.id))?.duplicateOf, undefined);
        const later = makePost();
        const hidden = makePost({ privateTo: 'ws-other' });
        const second = await store.writePosts([
          { post: later, simhash: NEAR },
          { post: hidden, simhash: HASH },
        ]);
        assert.deepEqual(second.duplicateOf, { [later.id]: first.id });
        assert.equal((await store.getPost(hidden.id))?.duplicateOf, undefined);
        // A redelivered first occurrence is not a duplicate of itself.
        const redelivered = await store.writePosts([{ post: first, simhash: HASH }]);
        assert.deepEqual(redelivered.duplicateOf, {});
      }));

    it('forgets an erased first occurrence', () =>
      withStore(async (store) => {
        const first = makePost({ author: { id: 'u-9' } });
        await store.writePosts([{ post: first, simhash: HASH }]);
        assert.equal(await store.deletePosts({ platform: 'facebook', authorId: 'u-9' }), 1);
        const copy = makePost();
        const result = await store.writePosts([{ post: copy, simhash: NEAR }]);
        assert.deepEqual(result.duplicateOf, {});
      }));
  });
}
