/**
 * Enrichment throughput: `analyzeText` (areas, categories, sentiment, toxicity, intent, PII,
 * language, SimHash) per post on one core.
 *
 * `--enrich-baseline=DIR` also loads `DIR/src/nlp/analyze.js` (another commit compiled with
 * `tsc -p tsconfig.bench.json`, e.g. DIR = /tmp/old/dist-bench), checks that it gives every post
 * the same analysis, byte for byte as JSON, and times both in interleaved rounds (which one goes
 * first alternates), so the ratio is taken on the same posts under the same load.
 * `--enrich-rounds=N` sets the number of timed rounds.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generatePostStream } from '../src/demo/index.js';
import { analyzeText } from '../src/nlp/analyze.js';
import { formatRate, median } from './stats.js';

type Analyze = (input: { text: string; title?: string }) => unknown;

const option = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const baselineDir = option('enrich-baseline');
const baseline: Analyze | undefined =
  baselineDir === undefined
    ? undefined
    : (
        (await import(pathToFileURL(resolve(baselineDir, 'src/nlp/analyze.js')).href)) as {
          analyzeText: Analyze;
        }
      ).analyzeText;

/** What the enrichment benchmark measured; the baseline fields only with `--enrich-baseline`. */
export interface EnrichResult {
  postsPerSecond: number;
  meanChars: number;
  rates: number[];
  baseline?: { dir: string; postsPerSecond: number; rates: number[]; ratio: number };
}

function timeRound(analyze: Analyze, posts: readonly { text: string; title?: string }[]): number {
  const started = performance.now();
  for (const post of posts) analyze(post);
  return posts.length / ((performance.now() - started) / 1000);
}

/** Throws unless the baseline gives every post the same analysis as the current code. */
function checkSameResults(old: Analyze, posts: readonly { text: string; title?: string }[]): void {
  for (const [i, post] of posts.entries()) {
    if (JSON.stringify(old(post)) !== JSON.stringify(analyzeText(post))) {
      throw new Error(`enrich: post ${i} is analyzed differently by the baseline`);
    }
  }
}

export function runEnrichBench(
  options: { posts: number; rounds: number },
  log: (line: string) => void,
): EnrichResult {
  const posts = [
    ...generatePostStream({
      seed: 3,
      count: options.posts,
      endMs: Date.UTC(2026, 10, 23),
      spanMs: 7 * 24 * 3600_000,
    }),
  ];
  const meanChars =
    posts.reduce((n, p) => n + p.text.length + (p.title?.length ?? 0), 0) / posts.length;
  const rounds = Number(option('enrich-rounds') ?? options.rounds);
  if (baseline !== undefined) {
    checkSameResults(baseline, posts);
    log(`  baseline ${baselineDir}: the same analysis for all ${posts.length} posts`);
  }
  const rates: number[] = [];
  const oldRates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (baseline !== undefined && round % 2 === 0) oldRates.push(timeRound(baseline, posts));
    rates.push(timeRound(analyzeText, posts));
    if (baseline !== undefined && round % 2 === 1) oldRates.push(timeRound(baseline, posts));
  }
  const rate = median(rates);
  log(
    `  enrichment: ${formatRate(rate)} posts/s (mean ${Math.round(meanChars)} chars; runs ${rates.map(formatRate).join(', ')})`,
  );
  const result: EnrichResult = { postsPerSecond: rate, meanChars, rates };
  if (baseline !== undefined) {
    const oldRate = median(oldRates);
    log(
      `  baseline:   ${formatRate(oldRate)} posts/s (runs ${oldRates.map(formatRate).join(', ')}); new / old = ${(rate / oldRate).toFixed(2)}`,
    );
    result.baseline = {
      dir: baselineDir!,
      postsPerSecond: oldRate,
      rates: oldRates,
      ratio: rate / oldRate,
    };
  }
  return result;
}
