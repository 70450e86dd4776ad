import { createFixedClock } from '../../src/core/clock.js';
import { systemScope } from '../../src/core/scope.js';
import { createMemoryBus } from '../../src/bus/index.js';
import { createApp } from '../../src/services/create-app.js';
import type { App } from '../../src/services/app.js';
import type { AddressPolicy } from '../../src/sources/address-policy.js';
import type { AnyConnector } from '../../src/sources/connector.js';
import { createConnectorRegistry } from '../../src/sources/registry.js';
import { runSourceOnce } from '../../src/sources/run-source.js';
import { runWebhook } from '../../src/sources/run-webhook.js';
import type { WebhookOutcome } from '../../src/sources/run-webhook.js';
import type { RunOutcome, SourceRunDeps } from '../../src/sources/run-source.js';
import { createSecretBox, sealConfig } from '../../src/sources/secrets.js';
import { createSqliteStore } from '../../src/store/index.js';
import { LOCAL_SERVERS_POLICY } from './platform-server.js';
import type { Source, Store, StoredPost } from '../../src/store/index.js';

export const HARNESS_NOW = Date.parse('2026-11-23T08:00:00Z');
export const TEST_SECRET_KEY = 'a-test-passphrase-for-secrets';

export interface SourceHarness {
  app: App;
  store: Store;
  clock: ReturnType<typeof createFixedClock>;
  deps: SourceRunDeps;
  /** Every wait the HTTP client asked for (ms), in order: retries do not really sleep. */
  sleeps: number[];
  /** Log lines the framework and connectors wrote (to check no secret leaks). */
  logs: string[];
  /** Stores a source as the CLI would (secret fields sealed). */
  addSource(kind: string, config: Record<string, unknown>, id?: string): Promise<Source>;
  run(sourceId: string, signal?: AbortSignal): Promise<RunOutcome>;
  /** Delivers a webhook request to a source, as POST/GET /api/webhooks/<sourceId> does. */
  webhook(
    sourceId: string,
    request: {
      method?: string;
      headers?: Record<string, string>;
      query?: Record<string, string>;
      body?: string | Buffer;
    },
  ): Promise<WebhookOutcome>;
  /** All stored posts, by id. */
  posts(): Promise<StoredPost[]>;
  cursor(sourceId: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/**
 * A real embedded store and pipeline with the given connectors registered: connector tests run a
 * source against a local platform server and assert what was stored and where the cursor is.
 */
export async function openSourceHarness(
  connectors: readonly AnyConnector[],
  options: { now?: number; env?: Record<string, string>; addressPolicy?: AddressPolicy } = {},
): Promise<SourceHarness> {
  const clock = createFixedClock(options.now ?? HARNESS_NOW);
  const store = createSqliteStore({ path: ':memory:', clock });
  const app = await createApp({
    store,
    bus: createMemoryBus({ capacity: 1000 }),
    clock,
    batchSize: 100,
  });
  const registry = createConnectorRegistry(connectors);
  const secretBox = createSecretBox(TEST_SECRET_KEY, { salt: await store.installSalt() });
  const sleeps: number[] = [];
  const logs: string[] = [];
  const deps: SourceRunDeps = {
    ingest: (items, opts) => app.ingest(systemScope('default'), items, opts),
    store,
    clock,
    registry,
    secretBox,
    env: options.env ?? {},
    addressPolicy: options.addressPolicy ?? LOCAL_SERVERS_POLICY,
    http: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      timeoutMs: 5000,
    },
    log: (event) => logs.push(JSON.stringify(event)),
  };
  return {
    app,
    store,
    clock,
    deps,
    sleeps,
    logs,
    async addSource(kind, config, id = `${kind}-1`) {
      const connector = registry.require(kind);
      return store.upsertSource({
        id,
        workspaceId: 'default',
        kind,
        name: id,
        config: sealConfig(config, {
          secretFields: connector.secretFields,
          box: secretBox,
          sourceId: id,
        }),
        enabled: true,
      });
    },
    async run(sourceId, signal = new AbortController().signal) {
      const source = await store.getSource(sourceId);
      if (source === undefined) throw new Error(`no source ${sourceId}`);
      return runSourceOnce(deps, source, signal);
    },
    async webhook(sourceId, request) {
      const source = await store.getSource(sourceId);
      if (source === undefined) throw new Error(`no source ${sourceId}`);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers ?? {}))
        headers[name.toLowerCase()] = value;
      return runWebhook(deps, source, {
        method: request.method ?? 'POST',
        headers,
        query: request.query ?? {},
        rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body ?? ''),
      });
    },
    async posts() {
      const out: StoredPost[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.scanPosts({ cursor, limit: 500 });
        out.push(...page.posts);
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      return out.sort((a, b) => a.id.localeCompare(b.id));
    },
    cursor: (sourceId) => store.getCursor(sourceId),
    close: () => app.close(),
  };
}
