import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemScope } from '../../core/scope.js';
import { DEFAULT_WORKSPACE_ID } from '../../core/types.js';
import { defaultEnricher } from '../../pipeline/default-enricher.js';
import type { SourceLogEvent } from '../../sources/connector.js';
import type { SourceView } from '../../sources/source-service.js';
import type { CliIo } from '../io.js';
import { UsageError, writeLine } from '../io.js';
import { openRuntime, readConfig, systemClock } from '../runtime.js';

export const sourcesHelp = `langnghe sources add|list|run|test|remove|kinds …  (the connectors that collect posts)

  langnghe sources kinds
      The connector kinds there are, with their credential fields.
  langnghe sources add KIND [--id ID] [--name NAME] [--set FIELD=VALUE]… [--config JSON|@FILE]
                            [--interval SECONDS] [--disabled]
      Adds a source. VALUE is read as JSON when it parses (numbers, true, ["a","b"]), else as
      text. Credentials (e.g. apiKey) are stored encrypted with LANGNGHE_SECRET_KEY, or given as
      env:VARIABLE to be read from the environment when the source runs.
        langnghe sources add rss --name "VnExpress" --set url=https://vnexpress.net/rss/tin-moi-nhat.rss
        langnghe sources add youtube --set query="ngập nước" --set apiKey=env:YOUTUBE_API_KEY
        langnghe sources add facebook-page --set pageId=123 --set accessToken=env:FB_PAGE_TOKEN
  langnghe sources list [--json]
      Sources with their health: last success, last error, items in the last hour.
  langnghe sources run ID [--json]
      Polls a source once now and stores what arrives (the cursor moves on).
  langnghe sources test ID [--max N]
      Fetches the first items without storing them (checks the config and credentials); prints
      them as JSON lines.
  langnghe sources remove ID
      Removes a source with its cursor and health; its posts stay.

Common options: --workspace ID (default: default), --data-dir DIR, --config-file FILE (langnghe.config.json).`;

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function readConfigOption(value: string | undefined): Record<string, unknown> {
  if (value === undefined) return {};
  const text = value.startsWith('@') ? readFileSync(value.slice(1), 'utf8') : value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`langnghe sources add: --config is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new UsageError('langnghe sources add: --config must be a JSON object');
  return parsed as Record<string, unknown>;
}

function ago(iso: string | undefined, now: number): string {
  if (iso === undefined) return '—';
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (seconds < 90) return `${seconds}s ago`;
  if (seconds < 5400) return `${Math.round(seconds / 60)}m ago`;
  if (seconds < 129600) return `${Math.round(seconds / 3600)}h ago`;
  return `${Math.round(seconds / 86400)}d ago`;
}

/** When the next poll is due: the scheduler's own plan, or (from this CLI) the interval's. */
function nextRun(source: SourceView): string {
  if (source.schedule?.nextRunAt !== undefined) return `, next run ${source.schedule.nextRunAt}`;
  if (!source.enabled || source.intervalSeconds === undefined) return '';
  const last = source.health.lastRunAt;
  if (last === undefined) return ', next run as soon as langnghe serve runs';
  const due = new Date(Date.parse(last) + source.intervalSeconds * 1000).toISOString();
  return source.health.consecutiveFailures > 0
    ? `, next run after a backoff (every ${source.intervalSeconds}s when healthy)`
    : `, next run due ${due} (every ${source.intervalSeconds}s while langnghe serve runs)`;
}

function describe(source: SourceView, now: number): string {
  const h = source.health;
  const state = !source.enabled
    ? 'disabled'
    : h.lastRunAt === undefined
      ? 'never run'
      : h.consecutiveFailures > 0
        ? `FAILING ×${h.consecutiveFailures}`
        : 'ok';
  const lines = [
    `${source.id}  ${source.kind}  "${source.name}"  ${state}`,
    `  last success ${ago(h.lastSuccessAt, now)}, items last hour ${h.itemsLastHour}, runs last hour ${h.runsLastHour}` +
      nextRun(source) +
      (source.webhookPath === undefined ? '' : `, webhook ${source.webhookPath}`),
  ];
  if (h.lastError !== undefined)
    lines.push(`  last error ${ago(h.lastError.at, now)}: ${h.lastError.message}`);
  lines.push(`  config ${JSON.stringify(source.config)}`);
  return lines.join('\n');
}

export async function runSources(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      workspace: { type: 'string', default: DEFAULT_WORKSPACE_ID },
      id: { type: 'string' },
      name: { type: 'string' },
      set: { type: 'string', multiple: true },
      config: { type: 'string' },
      interval: { type: 'string' },
      disabled: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      max: { type: 'string' },
      'data-dir': { type: 'string' },
      'config-file': { type: 'string' },
    },
  });
  const [action, target] = positionals;
  if (action === undefined) throw new UsageError(sourcesHelp);
  const config = readConfig(io, { dataDir: values['data-dir'], config: values['config-file'] });
  const log = (event: SourceLogEvent): void => {
    if (event.level === 'warn' || event.level === 'error')
      io.stderr.write(
        `langnghe sources: ${event.sourceId ?? ''} ${event.level}: ${event.message}\n`,
      );
  };
  const runtime = await openRuntime(config, { env: io.env, log, enrich: defaultEnricher });
  const needTarget = (): string => {
    if (target === undefined) throw new UsageError(`langnghe sources ${action}: name a source ID`);
    return target;
  };
  try {
    const service = runtime.sources;
    const scope = systemScope(values.workspace);
    const now = systemClock.now();
    switch (action) {
      case 'kinds':
        for (const kind of service.kinds(scope))
          await writeLine(
            io.stdout,
            `${kind.kind.padEnd(18)} ${kind.platform.padEnd(10)} ${kind.mode.padEnd(8)} ${kind.description}` +
              (kind.secretFields.length > 0
                ? ` [credentials: ${kind.secretFields.join(', ')}]`
                : ''),
          );
        return 0;
      case 'add': {
        const kind = needTarget();
        const sourceConfig = readConfigOption(values.config);
        for (const assignment of values.set ?? []) {
          const eq = assignment.indexOf('=');
          if (eq <= 0)
            throw new UsageError(
              `langnghe sources add: --set takes FIELD=VALUE, got "${assignment}"`,
            );
          sourceConfig[assignment.slice(0, eq)] = parseValue(assignment.slice(eq + 1));
        }
        if (values.interval !== undefined) sourceConfig.intervalSeconds = Number(values.interval);
        const added = await service.add(scope, {
          id: values.id,
          kind,
          name: values.name,
          config: sourceConfig,
          enabled: !values.disabled,
        });
        if (values.json) await writeLine(io.stdout, JSON.stringify(added));
        else await writeLine(io.stdout, `added ${describe(added, now)}`);
        return 0;
      }
      case 'list': {
        const sources = await service.list(scope);
        if (values.json) await writeLine(io.stdout, JSON.stringify(sources));
        else if (sources.length === 0)
          await writeLine(
            io.stdout,
            'No sources yet: add one with "langnghe sources add KIND …" (see --help).',
          );
        else for (const source of sources) await writeLine(io.stdout, describe(source, now));
        return 0;
      }
      case 'run': {
        const outcome = await service.run(scope, needTarget());
        if (values.json) await writeLine(io.stdout, JSON.stringify(outcome));
        else
          await writeLine(
            io.stdout,
            outcome.ok
              ? `${outcome.sourceId}: ${outcome.items} items (${outcome.inserted} new, ${outcome.updated} updated, ${outcome.rejected} refused) in ${outcome.batches} batches`
              : `${outcome.sourceId}: failed after ${outcome.items} items: ${outcome.error?.message} [${outcome.error?.code}]`,
          );
        return outcome.ok ? 0 : 1;
      }
      case 'test': {
        const max = values.max === undefined ? 20 : Number(values.max);
        if (!Number.isInteger(max) || max < 1 || max > 1000)
          throw new UsageError('langnghe sources test: --max is a whole number 1–1000');
        const result = await service.test(scope, needTarget(), { maxItems: max });
        for (const item of result.items) await writeLine(io.stdout, JSON.stringify(item));
        await writeLine(io.stderr, `${result.items.length} items (nothing stored)`);
        return 0;
      }
      case 'remove':
        await service.remove(scope, needTarget());
        await writeLine(io.stdout, `removed ${target}`);
        return 0;
      default:
        throw new UsageError(`langnghe sources: unknown action "${action}"\n\n${sourcesHelp}`);
    }
  } finally {
    await runtime.close();
  }
}
