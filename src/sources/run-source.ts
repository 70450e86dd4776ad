import type { Clock } from '../core/clock.js';
import { LangngheError, isLangngheError, toLangngheError } from '../core/errors.js';
import type { IngestResult } from '../services/app.js';
import type { Source, Store } from '../store/index.js';
import type { AddressPolicy } from './address-policy.js';
import type { AnyConnector, ConnectorItem, PollBatch, SourceLogEvent } from './connector.js';
import { sleep } from './backoff.js';
import { createHttpClient } from './http-client.js';
import type { HttpClient, HttpClientOptions } from './http-client.js';
import type { ConnectorRegistry } from './registry.js';
import { openConfig } from './secrets.js';
import type { SecretBox } from './secrets.js';

/** Config fields every source has, read by the framework and not passed to the connector. */
export const COMMON_FIELDS = ['intervalSeconds'] as const;

/** What running a source needs; the CLI, the API and the scheduler share one. */
export interface SourceRunDeps {
  /** The pipeline's door (`App.ingest`): resolves once the items are stored. */
  ingest(
    items: readonly unknown[],
    options: { sourceId: string; isStrict?: boolean },
  ): Promise<IngestResult>;
  store: Store;
  clock: Clock;
  registry: ConnectorRegistry;
  secretBox?: SecretBox;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * The variables a credential may name as `env:NAME` (the `envAllowList` setting, split; map an
   * empty setting to undefined). Absent: any variable not starting with LANGNGHE_.
   */
  allowedEnv?: readonly string[];
  /**
   * Which addresses sources may connect to, HTTP and WebSocket alike (`parseAddressPolicy` of
   * the `fetchAllowList` setting). Absent: public addresses only.
   */
  addressPolicy?: AddressPolicy;
  /** Overrides for the HTTP client (tests: a recording sleep; politeness). */
  http?: Partial<Omit<HttpClientOptions, 'clock' | 'secrets' | 'addressPolicy'>>;
  log?(event: SourceLogEvent): void;
}

export interface RunOutcome {
  sourceId: string;
  ok: boolean;
  /** Items the connector delivered to the pipeline. */
  items: number;
  inserted: number;
  updated: number;
  /** Items the pipeline refused (logged; the cursor still moves past them). */
  rejected: number;
  batches: number;
  /** The checkpoint saved last by this run. */
  cursor?: string;
  error?: { code: string; message: string; retryAfterMs?: number };
}

/** A config checked by the connector's schema (common fields left out): its value or the problems. */
export function parseConnectorConfig(
  connector: AnyConnector,
  config: Readonly<Record<string, unknown>>,
): { isValid: true; value: unknown } | { isValid: false; problems: string } {
  const own: Record<string, unknown> = { ...config };
  for (const field of COMMON_FIELDS) delete own[field];
  const parsed = connector.configSchema.safeParse(own);
  if (parsed.success) return { isValid: true, value: parsed.data };
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`)
    .join('; ');
  return { isValid: false, problems };
}

/** Starts a poll of a prepared source; `source.push_only` for a connector that only receives. */
export function startPoll(
  deps: SourceRunDeps,
  sourceId: string,
  prepared: ReturnType<typeof prepareSource>,
  cursor: string | undefined,
  signal: AbortSignal,
): AsyncIterable<PollBatch> {
  const { connector, config, http } = prepared;
  if (connector.poll === undefined)
    throw new LangngheError(
      'source.push_only',
      `Source "${sourceId}" (${connector.kind}) receives webhooks at /api/webhooks/${sourceId}; it has nothing to poll`,
    );
  return connector.poll({
    sourceId,
    config,
    cursor,
    http,
    clock: deps.clock,
    signal,
    sleep: (ms) => (deps.http?.sleep ?? sleep)(ms, signal),
    log: (event) => deps.log?.({ ...event, sourceId }),
  });
}

/** The connector's view of a source: its validated config, secrets opened, and an HTTP client. */
export function prepareSource(
  deps: SourceRunDeps,
  source: Source,
): { connector: AnyConnector; config: unknown; http: HttpClient; secrets: string[] } {
  const connector = deps.registry.require(source.kind);
  const { config: opened, secrets } = openConfig(source.config, {
    secretFields: connector.secretFields,
    box: deps.secretBox,
    sourceId: source.id,
    env: deps.env,
    allowedEnv: deps.allowedEnv,
  });
  const parsed = parseConnectorConfig(connector, opened);
  if (!parsed.isValid)
    throw new LangngheError(
      'source.config',
      `Source "${source.id}" (${source.kind}): ${parsed.problems}`,
      { details: { sourceId: source.id } },
    );
  const http = createHttpClient({
    clock: deps.clock,
    ...deps.http,
    addressPolicy: deps.addressPolicy,
    secrets,
    onEvent: (event) =>
      deps.log?.({
        ...event,
        level: 'warn',
        message: `${event.type === 'retry' ? `retrying after ${event.reason}` : 'waiting (politeness)'}: ${event.delayMs} ms before ${event.url}`,
        sourceId: source.id,
      }),
  });
  return { connector, config: parsed.value, http, secrets };
}

/** Seconds between runs of a source: its own `intervalSeconds`, or the connector's default. */
export function intervalOf(source: Source, connector: AnyConnector): number {
  const own = source.config.intervalSeconds;
  return typeof own === 'number' && Number.isFinite(own) && own >= 1
    ? own
    : connector.defaultIntervalSeconds;
}

/** Stores items through the pipeline; per-item refusals are logged and counted, not thrown. */
export async function deliver(
  deps: SourceRunDeps,
  sourceId: string,
  items: readonly ConnectorItem[],
): Promise<{ inserted: number; updated: number; rejected: number }> {
  if (items.length === 0) return { inserted: 0, updated: 0, rejected: 0 };
  const result = await deps.ingest(items, { sourceId });
  for (const error of result.errors.slice(0, 5))
    deps.log?.({
      level: 'warn',
      message: `item refused: ${error.code}: ${error.message}`,
      sourceId,
      index: error.index,
    });
  return { inserted: result.inserted, updated: result.updated, rejected: result.errors.length };
}

/**
 * Runs one poll of a source to its end: for each batch, the items are stored first and the
 * batch's cursor saved after, so a crash at any point re-reads (an update, never a second copy)
 * and never skips. Records the run in the source's health. Never throws for a connector's or
 * platform's failure: the outcome says what went wrong.
 */
export async function runSourceOnce(
  deps: SourceRunDeps,
  source: Source,
  signal: AbortSignal,
  onBatch?: (outcome: RunOutcome) => void,
): Promise<RunOutcome> {
  const outcome: RunOutcome = {
    sourceId: source.id,
    ok: true,
    items: 0,
    inserted: 0,
    updated: 0,
    rejected: 0,
    batches: 0,
  };
  const log = (event: SourceLogEvent): void => deps.log?.({ ...event, sourceId: source.id });
  let isStream = false;
  let redact = (text: string): string => text;
  try {
    const prepared = prepareSource(deps, source);
    redact = prepared.http.redact;
    isStream = prepared.connector.mode === 'stream';
    // An empty cursor is a reset (the source's settings changed): start as on a first run.
    const cursor = (await deps.store.getCursor(source.id)) || undefined;
    const batches = startPoll(deps, source.id, prepared, cursor, signal);
    for await (const batch of batches) {
      const stored = await deliver(deps, source.id, batch.items);
      outcome.items += batch.items.length;
      outcome.inserted += stored.inserted;
      outcome.updated += stored.updated;
      outcome.rejected += stored.rejected;
      outcome.batches++;
      if (batch.cursor !== undefined) {
        await deps.store.saveCursor(source.id, batch.cursor);
        outcome.cursor = batch.cursor;
      }
      if (isStream && batch.items.length > 0)
        await deps.store.recordSourceRun({
          sourceId: source.id,
          ok: true,
          items: batch.items.length,
          at: new Date(deps.clock.now()).toISOString(),
        });
      onBatch?.(outcome);
      if (signal.aborted) break;
    }
  } catch (thrown) {
    const error = isLangngheError(thrown) ? thrown : toLangngheError(thrown, 'source.failed');
    // Stopped on purpose (shutdown, source removed): what was stored stays, nothing failed.
    if (signal.aborted && error.code === 'source.aborted') return outcome;
    outcome.ok = false;
    outcome.error = {
      code: error.code,
      message: redact(error.message).slice(0, 1000),
      retryAfterMs:
        typeof error.details.retryAfterMs === 'number' ? error.details.retryAfterMs : undefined,
    };
    log({ level: 'error', message: `${outcome.error.code}: ${outcome.error.message}` });
  }
  if (!isStream || !outcome.ok)
    await deps.store.recordSourceRun({
      sourceId: source.id,
      ok: outcome.ok,
      error: outcome.error?.message,
      items: isStream ? 0 : outcome.items,
      at: new Date(deps.clock.now()).toISOString(),
    });
  return outcome;
}
