import { Worker } from 'node:worker_threads';
import { LangngheError } from '../core/errors.js';
import type { Topic } from '../core/types.js';
import type { Analysis } from './pipeline.js';
import type { MatchedItem, PipelineMessage } from './pipeline-message.js';
import type { StageResult } from './stage.js';
import { applyEnrichment } from './stages/enrich-stage.js';
import type { TopicChange } from './subjects.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './worker-protocol.js';

export interface WorkerAnalysisOptions {
  /** Worker threads; at least 1. */
  workers: number;
  enricher: WorkerSetup['enricher'];
  /** Every workspace's topics, as stored. */
  topics: readonly Topic[];
}

/** Enrichment and matching in worker threads, kept in step with the topics by `applyTopicChange`. */
export interface WorkerAnalysis extends Analysis {
  applyTopicChange(change: TopicChange): void;
  close(): Promise<void>;
}

/**
 * Starts the worker: the compiled one next to this file, or, when this file runs from TypeScript
 * (tests, through tsx), a bootstrap that registers tsx's loader in the worker and then imports the
 * source (Node 20 does not hand a loader registered in the main thread to workers).
 */
function startWorker(workerData: WorkerSetup): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./analysis-worker.js', import.meta.url), { workerData });
  const source = new URL('./analysis-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * Enrichment and matching on other cores: each batch is cut into one slice per worker, the
 * slices run side by side, and the results come back in batch order, identical to the in-thread
 * stages (the same functions run). A worker that dies fails its slice's items (they go to the
 * dead letters) and is replaced.
 */
export function createWorkerAnalysis(options: WorkerAnalysisOptions): WorkerAnalysis {
  const setup: WorkerSetup = { enricher: options.enricher, topics: [...options.topics] };
  const topics = new Map(options.topics.map((t) => [t.id, t]));
  const pending = new Map<
    number,
    { resolve: (reply: WorkerReply) => void; reject: (e: Error) => void }
  >();
  const owner = new Map<number, Worker>();
  let nextId = 1;
  let isClosed = false;

  function start(): Worker {
    const worker = startWorker({ ...setup, topics: [...topics.values()] });
    worker.on('message', (reply: WorkerReply) => {
      pending.get(reply.id)?.resolve(reply);
      pending.delete(reply.id);
      owner.delete(reply.id);
    });
    const fail = (error: Error): void => {
      for (const [id, by] of owner) {
        if (by !== worker) continue;
        pending.get(id)?.reject(error);
        pending.delete(id);
        owner.delete(id);
      }
      const index = workers.indexOf(worker);
      if (!isClosed && index >= 0) workers[index] = start();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!isClosed) fail(new Error(`analysis worker exited (${code})`));
    });
    return worker;
  }

  const workers: Worker[] = Array.from({ length: Math.max(1, options.workers) }, () => start());

  function send(worker: Worker, messages: PipelineMessage[]): Promise<WorkerReply> {
    const id = nextId++;
    return new Promise<WorkerReply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      owner.set(id, worker);
      worker.postMessage({ type: 'analyze', id, messages } satisfies WorkerRequest);
    });
  }

  return {
    async analyze(messages) {
      const result: StageResult<MatchedItem> = { passed: [], failed: [] };
      const size = Math.ceil(messages.length / workers.length);
      const slices: Promise<void>[] = [];
      for (let w = 0; w * size < messages.length; w++) {
        const first = w * size;
        const slice = messages.slice(first, first + size);
        slices.push(
          send(workers[w]!, slice).then(
            (reply) => {
              reply.items.forEach((item, i) => {
                const index = first + i;
                if (item.ok) {
                  const enriched = applyEnrichment(messages[index]!, item.added);
                  result.passed.push({ index, value: { ...enriched, topicIds: item.topicIds } });
                } else {
                  const error = new LangngheError(item.code, item.message);
                  result.failed.push({ index, error, stage: item.stage });
                }
              });
            },
            (error: Error) => {
              slice.forEach((_, i) => {
                const failure = new LangngheError('pipeline.worker_failed', error.message);
                result.failed.push({ index: first + i, error: failure, stage: 'enrich' });
              });
            },
          ),
        );
      }
      await Promise.all(slices);
      result.passed.sort((a, b) => a.index - b.index);
      result.failed.sort((a, b) => a.index - b.index);
      return result;
    },

    applyTopicChange(change) {
      if (change.op === 'set') topics.set(change.topic.id, change.topic);
      else topics.delete(change.topicId);
      for (const worker of workers)
        worker.postMessage({ type: 'topic', change } satisfies WorkerRequest);
    },

    async close() {
      isClosed = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
