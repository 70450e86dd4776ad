/**
 * Writes a demo data set (clearly sample data: ids `…:demo…`, sources `demo:<platform>`) as JSON
 * lines, one Post per line, in publication order.
 *
 *   node --import tsx scripts/generate-demo.ts <out.jsonl> [base-time|now] [--count 5000]
 *     [--days 7] [--seed 2025] [--platforms news,facebook,…] [--incident-share 0.3]
 *
 * `base-time` is the end of the generated period: an ISO 8601 time, epoch milliseconds, or `now`
 * (the default, and the only place the clock is read).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { PLATFORMS, type Platform } from '../src/core/types.js';
import { generatePostStream } from '../src/demo/index.js';

const DAY_MS = 86_400_000;

function fail(message: string): never {
  process.stderr.write(`generate-demo: ${message}\n`);
  process.exit(2);
}

function parseBaseTime(raw: string | undefined): number {
  if (raw === undefined || raw === 'now') return Date.now();
  const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(ms)) fail(`base time must be "now", an ISO time or epoch ms, not ${raw}`);
  return ms;
}

function parsePlatforms(raw: string | undefined): Platform[] | undefined {
  if (raw === undefined) return undefined;
  const list = raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const p of list)
    if (!(PLATFORMS as readonly string[]).includes(p)) fail(`unknown platform ${p}`);
  return list as Platform[];
}

function positive(raw: string, name: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) fail(`--${name} must be a non-negative number`);
  return value;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      count: { type: 'string', default: '5000' },
      days: { type: 'string', default: '7' },
      seed: { type: 'string', default: '2025' },
      platforms: { type: 'string' },
      'incident-share': { type: 'string', default: '0.3' },
    },
  });
  const [outPath, baseTime] = positionals;
  if (outPath === undefined)
    fail('usage: generate-demo.ts <out.jsonl> [base-time|now] [--count N] [--days D] [--seed S]');
  const endMs = parseBaseTime(baseTime);
  const count = Math.floor(positive(values.count, 'count'));
  const options = {
    seed: Math.floor(positive(values.seed, 'seed')),
    count,
    endMs,
    spanMs: positive(values.days, 'days') * DAY_MS,
    platforms: parsePlatforms(values.platforms),
    incidentShare: positive(values['incident-share'], 'incident-share'),
  };
  const out = createWriteStream(outPath, { encoding: 'utf8' });
  const started = performance.now();
  let written = 0;
  for (const post of generatePostStream(options)) {
    if (!out.write(`${JSON.stringify(post)}\n`)) await once(out, 'drain');
    written++;
  }
  out.end();
  await once(out, 'finish');
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `generate-demo: wrote ${written} posts to ${outPath} (${new Date(endMs - options.spanMs).toISOString()} … ${new Date(endMs).toISOString()}) in ${seconds.toFixed(2)} s, ${Math.round(written / seconds)} posts/s\n`,
  );
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
