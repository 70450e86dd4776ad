/**
 * `/healthz` while hostile posts are ingested (the hostile HTML items, then those and the hostile
 * matcher posts, each set to a fresh server): the server as `langnghe serve` builds it (the
 * composition root's runtime with the default enricher, SQLite in a fresh data folder, the API on
 * 127.0.0.1) with the hostile topic sets and a live listener, so each post is normalized,
 * enriched, matched, stored and explained. One worker thread posts the hostile items one per
 * request to POST /api/ingest (an admin token); another asks GET /healthz every 20 ms. Both run
 * off the server's thread, so a blocked event loop shows as a slow answer, not a late question.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createApiServer } from '../src/api/index.js';
import { openRuntime } from '../src/cli/runtime.js';
import { loadConfig } from '../src/config/index.js';
import { systemScope } from '../src/core/scope.js';
import { DEFAULT_WORKSPACE_ID } from '../src/core/types.js';
import { generateTopicQueries } from '../src/demo/index.js';
import { defaultEnricher } from '../src/pipeline/default-enricher.js';
import { ADVERSARIAL_POSTS, topicSets } from './adversarial.js';
import { HOSTILE_HTML_ITEMS } from './adversarial-html.js';
import type { HostileItem } from './adversarial-html.js';
import { percentile, table } from './stats.js';

export interface HealthzResult {
  /** Which hostile items were posted. */
  items: string;
  requests: number;
  /** Items the server stored (accepted) over all requests. */
  accepted: number;
  /** Requests answered other than 200. */
  failed: number;
  /** The three slowest ingest requests: the item posted and the request's time. */
  slowestIngests: { item: string; ms: number }[];
  healthzSamples: number;
  healthzP50Ms: number;
  healthzP99Ms: number;
  healthzMaxMs: number;
}

/** The item sets posted, each to a fresh server. */
export const HEALTHZ_ITEM_SETS: Readonly<Record<string, Readonly<Record<string, HostileItem>>>> = {
  'hostile HTML': HOSTILE_HTML_ITEMS,
  'hostile HTML + hostile matcher posts': { ...HOSTILE_HTML_ITEMS, ...ADVERSARIAL_POSTS },
};

/** Asks `url` every `everyMs` until told to stop, then answers with the latencies. */
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
let isStopped = false;
parentPort.on('message', () => { isStopped = true; });
(async () => {
  const latencies = [];
  let failed = 0;
  while (!isStopped) {
    const started = performance.now();
    const response = await fetch(workerData.url);
    await response.text();
    if (response.status !== 200) failed++;
    latencies.push(performance.now() - started);
    const wait = started + workerData.everyMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  parentPort.postMessage({ latencies, failed });
})();
`;

/** Posts each body in turn, answering with each request's time and the items accepted. */
const INGESTER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const results = [];
  for (const { name, body } of workerData.bodies) {
    const started = performance.now();
    const response = await fetch(workerData.url, {
      method: 'POST',
      headers: { authorization: 'Bearer ' + workerData.token, 'content-type': 'application/x-ndjson' },
      body,
    });
    const answer = await response.json().catch(() => ({}));
    results.push({ name, ms: performance.now() - started, status: response.status, accepted: answer.accepted ?? 0 });
  }
  parentPort.postMessage(results);
})();
`;

function runWorker<T>(code: string, data: unknown, onStart?: (worker: Worker) => void): Promise<T> {
  const worker = new Worker(code, { eval: true, workerData: data });
  onStart?.(worker);
  return new Promise((resolve, reject) => {
    worker.once('message', (message: T) => resolve(message));
    worker.once('error', reject);
  });
}

/**
 * One NDJSON body per hostile item and round, each with its own id and its last word changed
 * (`…h0`), so no cache filled by an earlier benchmark or round knows it: an attacker varies posts.
 */
function bodies(
  items: Readonly<Record<string, HostileItem>>,
  rounds: number,
): { name: string; body: string }[] {
  const out: { name: string; body: string }[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [index, [name, item]] of Object.entries(items).entries()) {
      const post = { ...item, id: `h${round}-${index}`, text: `${item.text}h${round}` };
      out.push({ name, body: `${JSON.stringify(post)}\n` });
    }
  }
  return out;
}

interface BenchServer {
  base: string;
  token: string;
  /** Live events heard so far. */
  heard(): number;
  close(): Promise<void>;
}

/** `langnghe serve`'s runtime and API over a fresh data folder, with the hostile topics. */
async function openBenchServer(generatedTopics: number): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'langnghe-healthz-'));
  const config = loadConfig({
    env: {},
    argv: { dataDir: dir, demo: 'false', maxTopicsPerWorkspace: '100000' },
    readFile: () => undefined,
  });
  const runtime = await openRuntime(config, { enrich: defaultEnricher, env: {} });
  const scope = systemScope(DEFAULT_WORKSPACE_ID);
  const queries = [
    ...Object.entries(topicSets())
      .filter(([name]) => !name.startsWith('generated'))
      .flatMap(([, set]) => set),
    ...generateTopicQueries({ seed: 7, count: generatedTopics }),
  ];
  for (const [i, query] of queries.entries())
    await runtime.app.createTopic(scope, { name: `t${i}`, query });
  let heard = 0;
  const stopListening = runtime.app.onMatched(scope, () => heard++);
  const { secret } = await runtime.app.accounts.createToken(scope, {
    name: 'bench',
    role: 'admin',
  });
  const server = createApiServer({
    app: runtime.app,
    sources: runtime.sources,
    // The poller alone asks 3,000 times a minute: the per-address limit would answer 429.
    config: {
      demo: false,
      bodyLimitBytes: config.bodyLimitBytes,
      maxStreams: config.maxStreams,
      rateLimitPerMinute: 1_000_000,
    },
  });
  const base = await server.listen({ port: 0, host: '127.0.0.1' });
  return {
    base,
    token: secret,
    heard: () => heard,
    async close() {
      stopListening();
      await server.close();
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls /healthz while the bodies are posted one after another; then half a second more. */
async function measure(
  server: BenchServer,
  items: string,
  posted: { name: string; body: string }[],
): Promise<HealthzResult> {
  let poller: Worker | undefined;
  const polled = runWorker<{ latencies: number[]; failed: number }>(
    POLLER,
    { url: `${server.base}/healthz`, everyMs: 20 },
    (worker) => (poller = worker),
  );
  const ingested = await runWorker<
    { name: string; ms: number; status: number; accepted: number }[]
  >(INGESTER, { url: `${server.base}/api/ingest`, token: server.token, bodies: posted });
  await new Promise((resolve) => setTimeout(resolve, 500));
  poller!.postMessage('stop');
  const { latencies, failed } = await polled;
  await poller!.terminate();
  const slowest = [...ingested].sort((a, b) => b.ms - a.ms).slice(0, 3);
  return {
    items,
    requests: ingested.length,
    accepted: ingested.reduce((sum, r) => sum + r.accepted, 0),
    failed: ingested.filter((r) => r.status !== 200).length + failed,
    slowestIngests: slowest.map(({ name, ms }) => ({ item: name, ms })),
    healthzSamples: latencies.length,
    healthzP50Ms: percentile(latencies, 50),
    healthzP99Ms: percentile(latencies, 99),
    healthzMaxMs: Math.max(...latencies),
  };
}

export async function runHealthzUnderLoad(
  options: { rounds: number; generatedTopics: number },
  log: (line: string) => void,
): Promise<HealthzResult[]> {
  const results: HealthzResult[] = [];
  for (const [name, items] of Object.entries(HEALTHZ_ITEM_SETS)) {
    const server = await openBenchServer(options.generatedTopics);
    try {
      const result = await measure(server, name, bodies(items, options.rounds));
      log(
        `  ${name}: /healthz over ${result.healthzSamples} polls: p99 ${result.healthzP99Ms.toFixed(1)} ms, max ${result.healthzMaxMs.toFixed(1)} ms; ${result.requests} ingest requests (${server.heard()} live events), slowest ${slowestOf(result)}`,
      );
      results.push(result);
    } finally {
      await server.close();
    }
  }
  return results;
}

function slowestOf(result: HealthzResult): string {
  return result.slowestIngests.map((r) => `${r.item}: ${r.ms.toFixed(0)} ms`).join('; ');
}

export function healthzTable(results: readonly HealthzResult[]): string {
  return table(
    [
      'items posted',
      'ingest requests (items stored)',
      'failed',
      'slowest ingest requests',
      '/healthz polls',
      'p50 (ms)',
      'p99 (ms)',
      'max (ms)',
    ],
    results.map((result) => [
      result.items,
      `${result.requests} (${result.accepted})`,
      result.failed,
      slowestOf(result),
      result.healthzSamples,
      result.healthzP50Ms.toFixed(1),
      result.healthzP99Ms.toFixed(1),
      result.healthzMaxMs.toFixed(1),
    ]),
  );
}
