import { availableParallelism } from 'node:os';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Clock } from '../core/clock.js';
import { LangngheError } from '../core/errors.js';
import type { Config } from '../config/index.js';
import { loadConfig } from '../config/index.js';
import { createMemoryBus } from '../bus/index.js';
import type { Bus } from '../bus/index.js';
import { createSqliteStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import type { Enricher } from '../pipeline/pipeline.js';
import { systemScope } from '../core/scope.js';
import { DEFAULT_WORKSPACE_ID } from '../core/types.js';
import { createOidcLogin } from '../auth/oidc.js';
import type { OidcLogin } from '../auth/oidc.js';
import { createApp } from '../services/create-app.js';
import type { App } from '../services/app.js';
import { createScopedSources } from '../services/sources.js';
import type { ScopedSources } from '../services/sources.js';
import { defaultConnectorRegistry } from '../sources/all-connectors.js';
import type { SourceLogEvent } from '../sources/connector.js';
import type { SourceRunDeps } from '../sources/run-source.js';
import { createScheduler } from '../sources/scheduler.js';
import type { Scheduler } from '../sources/scheduler.js';
import { parseAddressPolicy } from '../sources/address-policy.js';
import type { AddressPolicy } from '../sources/address-policy.js';
import { createSecretBox } from '../sources/secrets.js';
import { createSourceService } from '../sources/source-service.js';
import type { CliIo } from './io.js';

/** Wall-clock time: the one place the process reads it for the pure code. */
export const systemClock: Clock = { now: () => Date.now() };

/** Reads the configuration from the environment, the config file and the command's flags. */
export function readConfig(io: CliIo, flags: Record<string, unknown> = {}): Config {
  return loadConfig({
    env: io.env,
    argv: flags,
    readFile: (path) => {
      try {
        return readFileSync(resolve(path), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  });
}

export interface Runtime {
  app: App;
  store: Store;
  bus: Bus;
  config: Config;
  /** Source management (CLI, API), scoped to a workspace; runs go through the scheduler. */
  sources: ScopedSources;
  /** Single sign-on, when the config names a provider. */
  oidc?: OidcLogin;
  /** Polls the enabled sources on their schedules once started (`serve` starts it). */
  scheduler: Scheduler;
  close(): Promise<void>;
}

function openStore(config: Config): Store {
  if (config.store === 'sqlite') {
    mkdirSync(config.dataDir, { recursive: true });
    return createSqliteStore({ path: join(config.dataDir, 'langnghe.sqlite') });
  }
  throw new LangngheError(
    'config.invalid',
    `LANGNGHE_STORE=${config.store}: only the embedded "sqlite" store is available in this version`,
  );
}

function openBus(config: Config): Bus {
  if (config.bus === 'memory') return createMemoryBus({ capacity: 20_000 });
  throw new LangngheError(
    'config.invalid',
    `LANGNGHE_BUS=${config.bus}: only the embedded "memory" bus is available in this version`,
  );
}

/** A comma-separated setting as a list; empty means "not set" (undefined), not "nothing". */
function listSetting(text: string): string[] | undefined {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length === 0 ? undefined : items;
}

/** Which private addresses connectors may reach: none, unless `fetchAllowList` names them. */
export function addressPolicyOf(config: Pick<Config, 'fetchAllowList'>): AddressPolicy {
  return parseAddressPolicy(listSetting(config.fetchAllowList) ?? []);
}

function openOidc(config: Config): OidcLogin | undefined {
  const { oidcIssuer, oidcClientId, oidcRedirectUri } = config;
  if (oidcIssuer === undefined || oidcClientId === undefined || oidcRedirectUri === undefined)
    return undefined;
  const issuerHost = new URL(oidcIssuer).hostname;
  return createOidcLogin(
    {
      issuer: oidcIssuer,
      clientId: oidcClientId,
      clientSecret: config.oidcClientSecret,
      redirectUri: oidcRedirectUri,
    },
    // A provider on this machine (a test, a local Keycloak) may speak plain HTTP.
    { allowInsecureHttp: ['127.0.0.1', 'localhost', '[::1]'].includes(issuerHost) },
  );
}

/** The composition root: picks the Store and Bus implementations the config names. */
export async function openRuntime(
  config: Config,
  options: {
    enrich?: Enricher;
    clock?: Clock;
    env?: Readonly<Record<string, string | undefined>>;
    /** Where sources' warnings and errors go (never credentials: URLs are redacted). */
    log?: (event: SourceLogEvent) => void;
  } = {},
): Promise<Runtime> {
  const store = openStore(config);
  const bus = openBus(config);
  const app = await createApp({
    store,
    bus,
    clock: options.clock ?? systemClock,
    enrich: options.enrich,
    maxTopicsPerWorkspace: config.maxTopicsPerWorkspace,
    analysisWorkers: config.pipelineWorkers ?? Math.max(1, availableParallelism() - 1),
    sessions: {
      sessionHours: config.sessionHours,
      oidcDefaultMembership: config.oidcDefaultMembership,
    },
  });
  // Connectors deliver as the system: each post's source decides its workspace and privacy.
  const collector = systemScope(DEFAULT_WORKSPACE_ID);
  const sourceDeps: SourceRunDeps = {
    ingest: (items, opts) => app.ingest(collector, items, opts),
    store,
    clock: options.clock ?? systemClock,
    registry: defaultConnectorRegistry(),
    secretBox:
      config.secretKey === undefined
        ? undefined
        : createSecretBox(config.secretKey, { salt: await store.installSalt() }),
    env: options.env ?? process.env,
    addressPolicy: addressPolicyOf(config),
    allowedEnv: listSetting(config.envAllowList),
    log: options.log,
  };
  const scheduler = createScheduler(sourceDeps, { maxConcurrent: config.maxConcurrentPolls });
  const sources = createScopedSources(createSourceService(sourceDeps, scheduler), app.audit);
  return {
    app,
    store,
    bus,
    config,
    sources,
    oidc: openOidc(config),
    scheduler,
    async close() {
      await scheduler.stop();
      await app.close();
      await bus.close();
    },
  };
}
