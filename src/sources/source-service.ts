import { randomBytes } from 'node:crypto';
import { LangngheError, isLangngheError, toLangngheError } from '../core/errors.js';
import { DEFAULT_WORKSPACE_ID } from '../core/types.js';
import type { Source, SourceHealth } from '../store/index.js';
import type { AnyConnector, ConnectorItem } from './connector.js';
import {
  intervalOf,
  parseConnectorConfig,
  prepareSource,
  runSourceOnce,
  startPoll,
} from './run-source.js';
import type { RunOutcome, SourceRunDeps } from './run-source.js';
import { runWebhook } from './run-webhook.js';
import type { WebhookOutcome } from './run-webhook.js';
import type { Scheduler, SourceSchedule } from './scheduler.js';
import { maskConfig, sealConfig } from './secrets.js';
import type { WebhookRequest } from './connector.js';

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const MAX_CONFIG_BYTES = 16 * 1024;

export interface SourceView extends Source {
  /** Credentials shown as `***` (or `env:NAME`). */
  config: Record<string, unknown>;
  mode: AnyConnector['mode'];
  /** Seconds between polls (absent for webhooks). */
  intervalSeconds?: number;
  health: SourceHealth;
  /** Absent when the scheduler does not run (the CLI) or the source is push-only. */
  schedule?: SourceSchedule;
  /** Where a push source receives deliveries. */
  webhookPath?: string;
}

export interface SourceInputBody {
  id?: string;
  workspaceId?: string;
  kind: string;
  name?: string;
  config: Record<string, unknown>;
  enabled?: boolean;
}

export interface KindInfo {
  kind: string;
  platform: string;
  mode: AnyConnector['mode'];
  description: string;
  secretFields: readonly string[];
  defaultIntervalSeconds: number;
}

export interface TestResult {
  items: ConnectorItem[];
  /** The cursor the first batch would save (not saved). */
  cursor?: string;
}

/** Adding, listing, running and removing sources: what the CLI and the API both call. */
export interface SourceService {
  kinds(): KindInfo[];
  add(input: SourceInputBody): Promise<SourceView>;
  update(
    id: string,
    patch: { name?: string; config?: Record<string, unknown>; enabled?: boolean },
  ): Promise<SourceView>;
  get(id: string): Promise<SourceView | undefined>;
  list(workspaceId?: string): Promise<SourceView[]>;
  remove(id: string): Promise<void>;
  /** Polls now, storing what arrives. */
  run(id: string, signal?: AbortSignal): Promise<RunOutcome>;
  /** Fetches the first batch without storing it or moving the cursor (checks config and credentials). */
  test(id: string, options?: { maxItems?: number; signal?: AbortSignal }): Promise<TestResult>;
  webhook(id: string, request: WebhookRequest): Promise<WebhookOutcome>;
}

function invalid(message: string, details: Record<string, unknown> = {}): LangngheError {
  return new LangngheError('input.invalid', message, { details });
}

function checkCommonFields(config: Record<string, unknown>): void {
  const interval = config.intervalSeconds;
  if (
    interval !== undefined &&
    (typeof interval !== 'number' ||
      !Number.isInteger(interval) ||
      interval < 10 ||
      interval > 7 * 86400)
  )
    throw invalid('"intervalSeconds" must be a whole number of seconds from 10 to 604800', {
      field: 'intervalSeconds',
    });
}

/**
 * Validates a config against the connector's schema before anything is stored: credentials given
 * as `env:NAME` are checked for presence only (their value is read at run time).
 */
function validateConfig(
  connector: AnyConnector,
  config: Record<string, unknown>,
  env: Readonly<Record<string, string | undefined>>,
): void {
  if (JSON.stringify(config).length > MAX_CONFIG_BYTES)
    throw invalid(`A source config is at most ${MAX_CONFIG_BYTES} bytes`);
  checkCommonFields(config);
  // Credentials are checked for presence only: an env reference or a sealed value stands in.
  const probe: Record<string, unknown> = { ...config };
  for (const field of connector.secretFields) {
    const value = probe[field];
    if (typeof value === 'string' && value.startsWith('env:'))
      probe[field] = env[value.slice(4)] ?? 'x'.repeat(32);
    else if (typeof value === 'object' && value !== null) probe[field] = 'x'.repeat(32);
  }
  const parsed = parseConnectorConfig(connector, probe);
  if (!parsed.isValid)
    throw invalid(`Invalid ${connector.kind} config: ${parsed.problems}`, {
      kind: connector.kind,
    });
}

/** Whether two stored configs differ only in their credentials (or not at all). */
function sameSettings(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  secretFields: readonly string[],
): boolean {
  const strip = (config: Readonly<Record<string, unknown>>): string =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries(config)
          .filter(([key]) => !secretFields.includes(key) && key !== 'intervalSeconds')
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    );
  return strip(before) === strip(after);
}

export function createSourceService(deps: SourceRunDeps, scheduler?: Scheduler): SourceService {
  const { store, registry } = deps;

  async function view(source: Source): Promise<SourceView> {
    const connector = registry.get(source.kind);
    const secretFields = connector?.secretFields ?? [];
    return {
      ...source,
      config: maskConfig(source.config, secretFields),
      mode: connector?.mode ?? 'poll',
      intervalSeconds:
        connector === undefined || connector.mode !== 'poll'
          ? undefined
          : intervalOf(source, connector),
      health: await store.getSourceHealth(source.id),
      schedule: scheduler?.schedule(source.id),
      webhookPath: connector?.mode === 'webhook' ? `/api/webhooks/${source.id}` : undefined,
    };
  }

  async function requireSource(id: string): Promise<Source> {
    const source = await store.getSource(id);
    if (source === undefined)
      throw new LangngheError('store.not_found', `No source "${id.slice(0, 80)}"`, {
        details: { id: id.slice(0, 80) },
      });
    return source;
  }

  const service: SourceService = {
    kinds: () =>
      registry.list().map((c) => ({
        kind: c.kind,
        platform: c.platform,
        mode: c.mode,
        description: c.description,
        secretFields: c.secretFields,
        defaultIntervalSeconds: c.defaultIntervalSeconds,
      })),
    async add(input) {
      const connector = registry.require(input.kind);
      const id = input.id ?? `${connector.kind}-${randomBytes(4).toString('hex')}`;
      if (!ID_PATTERN.test(id))
        throw invalid('A source id is 1–64 characters: a-z, 0-9, ".", "_" and "-"', { id });
      if ((await store.getSource(id)) !== undefined)
        throw new LangngheError('store.conflict', `A source "${id}" exists already`, {
          details: { id },
        });
      const name = (input.name ?? id).trim();
      if (name === '' || name.length > 200) throw invalid('A source name is 1–200 characters');
      validateConfig(connector, input.config, deps.env);
      const source = await store.upsertSource({
        id,
        workspaceId: input.workspaceId ?? DEFAULT_WORKSPACE_ID,
        kind: connector.kind,
        name,
        config: sealConfig(input.config, {
          secretFields: connector.secretFields,
          box: deps.secretBox,
          sourceId: id,
          allowedEnv: deps.allowedEnv,
        }),
        enabled: input.enabled ?? true,
      });
      await scheduler?.sync();
      return view(source);
    },
    async update(id, patch) {
      const current = await requireSource(id);
      const connector = registry.require(current.kind);
      let config = current.config as Record<string, unknown>;
      if (patch.config !== undefined) {
        // Credentials left out of the patch keep their stored (sealed) value, but only while
        // they go where they went: a changed address needs them given again.
        const merged: Record<string, unknown> = { ...patch.config };
        const kept = connector.secretFields.filter(
          (field) => merged[field] === undefined && current.config[field] !== undefined,
        );
        const movedAddress = Object.keys({ ...current.config, ...merged }).find(
          (key) =>
            /url$/i.test(key) &&
            JSON.stringify(merged[key]) !== JSON.stringify(current.config[key]),
        );
        if (kept.length > 0 && movedAddress !== undefined)
          throw invalid(
            `Changing "${movedAddress}" changes where the credentials are sent: give ${kept.map((f) => `"${f}"`).join(', ')} again`,
            { field: movedAddress },
          );
        for (const field of kept) merged[field] = current.config[field];
        validateConfig(connector, merged, deps.env);
        config = sealConfig(merged, {
          secretFields: connector.secretFields,
          box: deps.secretBox,
          sourceId: id,
          allowedEnv: deps.allowedEnv,
          keptFields: kept,
        });
        // What was read under the old settings (a query, a page) says nothing about the new ones.
        if (!sameSettings(current.config, config, connector.secretFields))
          await store.saveCursor(id, '');
      }
      const name = patch.name?.trim() ?? current.name;
      if (name === '' || name.length > 200) throw invalid('A source name is 1–200 characters');
      const source = await store.upsertSource({
        id,
        workspaceId: current.workspaceId,
        kind: current.kind,
        name,
        config,
        enabled: patch.enabled ?? current.enabled,
      });
      await scheduler?.sync();
      return view(source);
    },
    async get(id) {
      const source = await store.getSource(id);
      return source === undefined ? undefined : view(source);
    },
    async list(workspaceId) {
      return Promise.all((await store.listSources(workspaceId)).map(view));
    },
    async remove(id) {
      await store.deleteSource(id);
      await scheduler?.sync();
    },
    async run(id, signal = new AbortController().signal) {
      const source = await requireSource(id);
      if (registry.get(source.kind)?.mode === 'stream')
        throw new LangngheError(
          'source.stream',
          `Source "${id}" is a stream: it stays connected while langnghe serve runs; use "sources test" to check it`,
        );
      return scheduler !== undefined ? scheduler.runNow(id) : runSourceOnce(deps, source, signal);
    },
    async test(id, options = {}) {
      const source = await requireSource(id);
      const prepared = prepareSource(deps, source);
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      options.signal?.addEventListener('abort', stop, { once: true });
      const maxItems = options.maxItems ?? 20;
      const items: ConnectorItem[] = [];
      let cursor: string | undefined;
      try {
        // The first batch with items is enough (a stream's first batch, whatever it holds).
        for await (const batch of startPoll(deps, id, prepared, undefined, controller.signal)) {
          items.push(...batch.items);
          cursor = batch.cursor;
          if (items.length > 0 || prepared.connector.mode === 'stream') break;
        }
      } catch (error) {
        // The same redaction as a run's: no credential in what a test reports.
        const wrapped = isLangngheError(error) ? error : toLangngheError(error, 'source.failed');
        throw new LangngheError(wrapped.code, prepared.http.redact(wrapped.message), {
          details: wrapped.details as Record<string, unknown>,
        });
      } finally {
        controller.abort();
        options.signal?.removeEventListener('abort', stop);
      }
      return { items: items.slice(0, maxItems), cursor };
    },
    async webhook(id, request) {
      const source = await store.getSource(id);
      if (source === undefined)
        return {
          status: 404,
          body: { error: 'no such source' },
          stored: { items: 0, inserted: 0, updated: 0, rejected: 0 },
        };
      return runWebhook(deps, source, request);
    },
  };
  return service;
}
