import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LangngheError } from '../../core/errors.js';
import type { Post } from '../../core/types.js';
import { createSqliteStore } from '../../store/index.js';
import type { Store } from '../../store/index.js';
import type { EnrichedPost, MatchedItem, PipelineMessage } from '../pipeline-message.js';
import { createTopicRegistry } from '../topic-registry.js';
import { dedupeStage } from './dedupe-stage.js';
import { enrichStage } from './enrich-stage.js';
import { matchStage } from './match-stage.js';
import { normalizeStage } from './normalize-stage.js';
import { storeStage } from './store-stage.js';

const AT = '2026-11-23T08:00:00.000Z';

function post(id: string, text: string, extra: Partial<Post> = {}): Post {
  return {
    id: `import:${id}`,
    platform: 'import',
    kind: 'post',
    text,
    publishedAt: AT,
    collectedAt: AT,
    sourceId: 'import',
    ...extra,
  };
}

const message = (p: Post, extra: Partial<PipelineMessage> = {}): PipelineMessage => ({
  post: p,
  truncated: false,
  ...extra,
});

const LONG =
  'Nước ngập sâu trên đường Nguyễn Hữu Cảnh sau cơn mưa chiều nay, xe chết máy hàng loạt';

describe('normalize stage', () => {
  it('passes valid items and fails each bad one with its own error', async () => {
    const result = await normalizeStage({ now: AT }).run([
      { text: 'Kẹt xe ở vòng xoay Dân Chủ' },
      { text: 42 },
      { text: 'ok', url: 'javascript:alert(1)' },
    ]);
    assert.deepEqual(
      result.passed.map((p) => p.index),
      [0],
    );
    assert.deepEqual(
      result.failed.map((f) => [f.index, f.error.code, f.stage]),
      [
        [1, 'input.invalid', 'normalize'],
        [2, 'input.invalid', 'normalize'],
      ],
    );
  });
});

describe('dedupe stage', () => {
  it('keeps the last copy of an id, in batch order, and absorbs the others', async () => {
    const a1 = message(post('a', 'một'));
    const b = message(post('b', 'hai'));
    const a2 = message(post('a', 'một'), { truncated: true });
    const result = await dedupeStage.run([a1, b, a2]);
    assert.deepEqual(
      result.passed.map((p) => [p.index, p.value]),
      [
        [1, b],
        [2, a2],
      ],
    );
    assert.deepEqual(result.failed, []);
  });
});

describe('enrich stage', () => {
  it('folds the text, adds labels, keeps privacy and truncation, and a SimHash only for long texts', async () => {
    const result = await enrichStage(() => ({
      labels: { category: ['flooding'] },
      lang: 'vi',
      simhash: '0123456789abcdef',
    })).run([
      message(post('long', LONG), { privateTo: 'ubnd-q1', truncated: true }),
      message(post('short', 'Ngập quá')),
    ]);
    const [long, short] = result.passed.map((p) => p.value);
    assert.equal(
      long!.post.folded,
      `\n${'nuoc ngap sau tren duong nguyen huu canh sau con mua chieu nay, xe chet may hang loat'}`,
    );
    assert.deepEqual(long!.post.labels, { category: ['flooding'] });
    assert.equal(long!.post.lang, 'vi');
    assert.equal(long!.post.privateTo, 'ubnd-q1');
    assert.equal(long!.post.truncated, true);
    assert.equal(long!.simhash, '0123456789abcdef');
    assert.equal(short!.simhash, undefined, 'short texts collide by nature');
  });

  it('fails only the item whose enrichment throws', async () => {
    const result = await enrichStage((p) => {
      if (p.text === 'boom') throw new Error('classifier crashed');
      return {};
    }).run([message(post('a', 'tốt')), message(post('b', 'boom')), message(post('c', 'tốt'))]);
    assert.deepEqual(
      result.passed.map((p) => p.index),
      [0, 2],
    );
    assert.equal(result.failed[0]!.index, 1);
    assert.equal(result.failed[0]!.error.code, 'pipeline.enrich_failed');
    assert.match(result.failed[0]!.error.message, /classifier crashed/);
  });
});

describe('match stage', () => {
  it('matches public posts against every workspace and private ones against their own', async () => {
    const registry = createTopicRegistry();
    const topic = (id: string, workspaceId: string) => ({
      id,
      workspaceId,
      name: id,
      query: 'ngập',
      createdAt: AT,
      updatedAt: AT,
    });
    registry.setTopic(topic('t-default', 'default'));
    registry.setTopic(topic('t-q1', 'ubnd-q1'));
    const enriched = (p: Post): EnrichedPost => ({ message: message(p), post: p });
    const result = await matchStage(registry).run([
      enriched(post('pub', 'Ngập ở Quận 1')),
      enriched(post('priv', 'Ngập ở Quận 1', { privateTo: 'ubnd-q1' } as Partial<Post>)),
      enriched(post('none', 'Trời đẹp')),
    ]);
    assert.deepEqual(
      result.passed.map((p) => p.value.topicIds.sort()),
      [['t-default', 't-q1'], ['t-q1'], []],
    );
  });
});

describe('store stage', () => {
  async function withStore(body: (store: Store) => Promise<void>): Promise<void> {
    const store = createSqliteStore({ path: ':memory:' });
    try {
      await body(store);
    } finally {
      await store.close();
    }
  }
  const matched = (p: Post, topicIds: string[] = []): MatchedItem => ({
    message: message(p),
    post: p,
    topicIds,
  });

  it('writes posts with their matches and says which are new', () =>
    withStore(async (store) => {
      await store.createTopic({ id: 't', workspaceId: 'default', name: 't', query: 'ngập' });
      const stage = storeStage(store);
      const first = await stage.run([matched(post('a', 'ngập'), ['t'])]);
      assert.equal(first.passed[0]!.value.isNew, true);
      const again = await stage.run([matched(post('a', 'ngập'), ['t'])]);
      assert.equal(again.passed[0]!.value.isNew, false);
      assert.equal((await store.topicCounts('default'))[0]!.count, 1);
    }));

  it('fails only the invalid post of a batch', () =>
    withStore(async (store) => {
      const result = await storeStage(store).run([
        matched(post('a', 'một')),
        matched({ ...post('b', 'hai'), kind: 'nonsense' as Post['kind'] }),
        matched(post('c', 'ba')),
      ]);
      assert.deepEqual(
        result.passed.map((p) => p.index),
        [0, 2],
      );
      assert.deepEqual(
        result.failed.map((f) => [f.index, f.error.code, f.stage]),
        [[1, 'store.invalid', 'store']],
      );
      assert.equal(await store.countPosts(), 2);
    }));

  it('throws what is no item’s fault (a full disk), for the runner to retry', async () => {
    const full = {
      writePosts: async () => {
        throw new LangngheError('store.full', 'database or disk is full');
      },
    } as unknown as Store;
    await assert.rejects(storeStage(full).run([matched(post('a', 'một'))]), /disk is full/);
  });
});
