import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Topic } from '../core/types.js';
import { generatePostStream, generateTopicQueries } from '../demo/index.js';
import { defaultEnricher } from './default-enricher.js';
import { createLocalAnalysis } from './pipeline.js';
import type { PipelineMessage } from './pipeline-message.js';
import { createTopicRegistry } from './topic-registry.js';
import { createWorkerAnalysis } from './worker-analysis.js';
import type { WorkerAnalysis } from './worker-analysis.js';

const AT = '2026-11-23T08:00:00.000Z';
const topic = (id: string, query: string, workspaceId = 'default'): Topic => ({
  id,
  workspaceId,
  name: id,
  query,
  createdAt: AT,
  updatedAt: AT,
});
const TOPICS = [
  ...generateTopicQueries({ seed: 11, count: 300 }).map((q, i) => topic(`g${i}`, q)),
  topic('flood', 'ngập OR "triều cường"'),
  topic('q1-only', 'rác', 'ubnd-q1'),
];
const MESSAGES: PipelineMessage[] = [
  ...generatePostStream({ seed: 4, count: 1_500, endMs: Date.parse(AT), spanMs: 86_400_000 }),
].map((post, i) => ({
  post,
  truncated: false,
  ...(i % 50 === 0 ? { privateTo: 'ubnd-q1' } : {}),
}));

describe('worker analysis', () => {
  let workers: WorkerAnalysis;
  before(() => {
    workers = createWorkerAnalysis({ workers: 2, enricher: 'default', topics: TOPICS });
  });
  after(() => workers.close());

  it('gives exactly what the in-thread stages give', async () => {
    const registry = createTopicRegistry();
    for (const t of TOPICS) registry.setTopic(t);
    const local = await createLocalAnalysis(registry, defaultEnricher).analyze(MESSAGES);
    const remote = await workers.analyze(MESSAGES);
    assert.equal(remote.passed.length, MESSAGES.length);
    assert.deepEqual(remote.failed, []);
    assert.deepEqual(remote, local);
    assert.ok(local.passed.some((p) => p.value.topicIds.length > 0));
  });

  it('sees topic changes before the next batch', async () => {
    const flood = MESSAGES.filter((m) => /ngập/i.test(m.post.text)).slice(0, 5);
    assert.ok(flood.length > 0);
    workers.applyTopicChange({ op: 'remove', topicId: 'flood' });
    const without = await workers.analyze(flood);
    assert.ok(without.passed.every((p) => !p.value.topicIds.includes('flood')));
    workers.applyTopicChange({ op: 'set', topic: topic('flood-2', 'ngập') });
    const withNew = await workers.analyze(flood);
    assert.ok(withNew.passed.every((p) => p.value.topicIds.includes('flood-2')));
  });

  it('fails an item the enricher cannot take without failing its batch', async () => {
    const bad = {
      post: { ...MESSAGES[0]!.post, text: 42 },
      truncated: false,
    } as unknown as PipelineMessage;
    const result = await workers.analyze([MESSAGES[1]!, bad, MESSAGES[2]!]);
    assert.deepEqual(
      result.passed.map((p) => p.index),
      [0, 2],
    );
    assert.equal(result.failed[0]!.index, 1);
    assert.equal(result.failed[0]!.stage, 'enrich');
  });
});
