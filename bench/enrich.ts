/** Enrichment throughput: `analyzeText` (areas, categories, sentiment, toxicity, intent, PII, language, SimHash) per post on one core. */
import { performance } from 'node:perf_hooks';
import { generatePostStream } from '../src/demo/index.js';
import { analyzeText } from '../src/nlp/analyze.js';
import { formatRate, median } from './stats.js';

export function runEnrichBench(
  options: { posts: number; rounds: number },
  log: (line: string) => void,
): { postsPerSecond: number; meanChars: number } {
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
  const rates: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const started = performance.now();
    for (const post of posts) analyzeText(post);
    rates.push(posts.length / ((performance.now() - started) / 1000));
  }
  log(
    `  enrichment: ${formatRate(median(rates))} posts/s (mean ${Math.round(meanChars)} chars; runs ${rates.map(formatRate).join(', ')})`,
  );
  return { postsPerSecond: median(rates), meanChars };
}
