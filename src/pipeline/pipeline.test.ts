import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFixedClock } from '../core/clock.js';
import type { Post } from '../core/types.js';
import { createMemoryBus } from '../bus/index.js';
import { createSqliteStore } from '../store/index.js';
import { createPipeline } from './pipeline.js';
import type { MatchedPost, Pipeline } from './pipeline.js';
import { createTopicRegistry } from './topic-registry.js';

const NOW = Date.parse('2026-11-23T08:00:00Z');

async function openPipeline(): Promise<{ pipeline: Pipeline; close(): Promise<void> }> {
  const clock = createFixedClock(NOW);
  const store = createSqliteStore({ path: ':memory:', clock });
  const registry = createTopicRegistry();
  for (const [id, query] of [
    ['flood', 'ngập'],
    ['jam', '"kẹt xe"'],
  ] as const) {
    registry.setTopic(await store.createTopic({ id, workspaceId: 'default', name: id, query }));
  }
  const pipeline = createPipeline({ store, bus: createMemoryBus(), clock, registry });
  pipeline.start();
  return {
    pipeline,
    async close() {
      await pipeline.stop();
      await store.close();
    },
  };
}

function post(id: string, text: string): Post {
  const at = new Date(NOW).toISOString();
  return {
    id: `import:${id}`,
    platform: 'import',
    kind: 'post',
    text,
    publishedAt: at,
    collectedAt: at,
    sourceId: 'import',
  };
}

test('explains a match once per event, however many listeners ask', async () => {
  const { pipeline, close } = await openPipeline();
  try {
    const events: MatchedPost[] = [];
    const explained: unknown[][] = [[], []];
    for (const seen of explained) {
      pipeline.onMatched((event) => {
        events.push(event);
        seen.push(event.explain('flood'), event.explain('flood'));
      });
    }
    await pipeline.submit([{ post: post('p1', 'Ngập và kẹt xe ở Q7'), truncated: false }]);
    assert.equal(events.length, 2);
    assert.equal(events[0], events[1]);
    assert.deepEqual(events[0]!.topicIds.sort(), ['flood', 'jam']);
    const [first, second] = explained as [unknown[], unknown[]];
    assert.ok(first[0] !== undefined);
    assert.equal(first[0], first[1]);
    assert.equal(second[0], first[0]);
    assert.equal(second[1], first[0]);
    assert.notEqual(events[0]!.explain('jam'), first[0]);
  } finally {
    await close();
  }
});

test('explains each event afresh and nothing for a topic it did not match', async () => {
  const { pipeline, close } = await openPipeline();
  try {
    const events: MatchedPost[] = [];
    pipeline.onMatched((event) => events.push(event));
    await pipeline.submit([{ post: post('p1', 'ngập'), truncated: false }]);
    await pipeline.submit([{ post: post('p2', 'ngập nữa'), truncated: false }]);
    assert.equal(events.length, 2);
    assert.notEqual(events[0]!.explain('flood'), events[1]!.explain('flood'));
    assert.equal(events[0]!.explain('no-such-topic'), undefined);
  } finally {
    await close();
  }
});
