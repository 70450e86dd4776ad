/**
 * `npm run bench`: the project's measured figures. Runs each benchmark in this one process and
 * prints Markdown tables (copied into BENCHMARKS.md) and a JSON record under bench/results/.
 *
 * Runs compiled (tsc → dist-bench/), as the product does, not through a TypeScript loader.
 *
 *   npm run bench                 all benchmarks
 *   npm run bench -- matcher      only the matcher
 *   npm run bench -- adversarial  hostile posts × hostile topic sets, worst time per post; hostile
 *                                 HTML through normalizePost; /healthz while ingesting them
 *   npm run bench -- --quick      smaller sizes, for a smoke run
 *   npm run bench -- ingest --ingest-posts=10000000
 *                                 one long ingest through the pipeline, resident memory sampled
 *                                 (--ingest-workers=N, default 1; --ingest-enrich)
 *   npm run bench -- search --search-posts=10000000 --search-file=/tmp/search-10m.sqlite
 *                                 search over 10 million posts, the filled file kept and reused
 *                                 (--search-rounds=N: rounds of searches, median taken; default 3)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { runEnrichBench } from './enrich.js';
import { adversarialTable, runAdversarialBench } from './adversarial.js';
import { adversarialHtmlTable, runAdversarialHtmlBench } from './adversarial-html.js';
import { healthzTable, runHealthzUnderLoad } from './healthz-under-load.js';
import { matcherTable, runMatcherBench } from './matcher.js';
import { runIngestMemoryBench } from './ingest-memory.js';
import { pipelineTable, runPipelineBench } from './pipeline.js';
import { runSearchBench, searchTable } from './search.js';

const args = process.argv.slice(2);
const isQuick = args.includes('--quick');
const selected = args.filter((a) => !a.startsWith('--'));
const wants = (name: string): boolean => selected.length === 0 || selected.includes(name);
/** `--name=value`, or undefined. */
const option = (name: string): string | undefined =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`langnghe benchmarks — ${machine}`);
const results: Record<string, unknown> = {
  machine,
  date: new Date().toISOString(),
  quick: isQuick,
};
const sections: string[] = [];

if (wants('matcher')) {
  console.log('matcher (one core):');
  const rows = runMatcherBench(
    isQuick
      ? { topicCounts: [100, 1000], posts: 2000, rounds: 3, naivePosts: 500, naiveMaxTopics: 1000 }
      : {
          topicCounts: [1_000, 10_000, 100_000],
          posts: 10_000,
          rounds: 5,
          naivePosts: 1_000,
          naiveMaxTopics: 10_000,
        },
    (line) => console.log(line),
  );
  results.matcher = rows;
  sections.push(`### Matcher\n\n${matcherTable(rows)}`);
}

if (wants('adversarial')) {
  console.log('adversarial posts × adversarial topic sets (one core, target < 10 ms per post):');
  const rows = runAdversarialBench({ rounds: isQuick ? 3 : 5 }, (line) => console.log(line));
  results.adversarial = rows;
  sections.push(`### Adversarial posts\n\n${adversarialTable(rows)}`);
  console.log('hostile HTML posts and titles through normalizePost (target < 10 ms per post):');
  const htmlRows = runAdversarialHtmlBench({ rounds: isQuick ? 3 : 5 }, (line) =>
    console.log(line),
  );
  results.adversarialHtml = htmlRows;
  sections.push(`### Hostile HTML through normalizePost\n\n${adversarialHtmlTable(htmlRows)}`);
  console.log('/healthz while the server ingests hostile posts (target < 100 ms):');
  const health = await runHealthzUnderLoad(
    { rounds: isQuick ? 1 : 2, generatedTopics: isQuick ? 100 : 1_000 },
    (line) => console.log(line),
  );
  results.healthz = health;
  sections.push(`### /healthz under hostile ingest\n\n${healthzTable(health)}`);
}

// Long: run on its own (`npm run bench -- ingest`), not with the rest.
if (selected.includes('ingest')) {
  console.log('ingest with resident memory (pipeline, SQLite file, 1,000 topics):');
  const result = await runIngestMemoryBench(
    {
      posts: Number(option('ingest-posts') ?? (isQuick ? 20_000 : 1_000_000)),
      workers: Number(option('ingest-workers') ?? 1),
      isEnriched: args.includes('--ingest-enrich'),
    },
    (line) => console.log(line),
  );
  results.ingest = result;
  sections.push(
    `### Long ingest\n\n${result.posts.toLocaleString('en-US')} posts${result.isEnriched ? ' with enrichment' : ''}, ${result.workers} worker(s): ${Math.round(result.postsPerSecond).toLocaleString('en-US')} posts/s, resident memory peak ${result.rssPeakMiB} MiB, file ${result.fileGiB.toFixed(2)} GiB.`,
  );
}

if (wants('enrich')) {
  console.log('enrichment (one core):');
  const result = runEnrichBench(
    isQuick ? { posts: 1_000, rounds: 2 } : { posts: 10_000, rounds: 3 },
    (line) => console.log(line),
  );
  results.enrich = result;
  sections.push(
    `### Enrichment\n\n${Math.round(result.postsPerSecond).toLocaleString('en-US')} posts/s on one core (generated posts, mean ${Math.round(result.meanChars)} characters).`,
  );
}

if (wants('pipeline')) {
  console.log('pipeline (one process, SQLite file with FTS5):');
  const rows = await runPipelineBench(
    isQuick
      ? { posts: 5_000, topics: 1_000, rounds: 1 }
      : { posts: 50_000, topics: 1_000, rounds: 3 },
    (line) => console.log(line),
  );
  results.pipeline = rows;
  sections.push(`### Pipeline\n\n${pipelineTable(rows)}`);
}

if (wants('search')) {
  console.log('search latency:');
  const posts = Number(option('search-posts') ?? (isQuick ? 50_000 : 1_000_000));
  const result = await runSearchBench(
    {
      posts,
      repeats: isQuick ? 2 : 5,
      rounds: Number(option('search-rounds') ?? (isQuick ? 1 : 3)),
      file: option('search-file'),
    },
    (line) => console.log(line),
  );
  results.search = { posts, ...result };
  const mib = (bytes: number): string =>
    `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MiB`;
  const filled =
    result.fillRate === undefined
      ? 'a kept file, filled by an earlier run'
      : `filled at ${Math.round(result.fillRate).toLocaleString('en-US')} posts/s straight into the store`;
  sections.push(
    `### Search over ${posts.toLocaleString('en-US')} posts\n\n${searchTable(result.rows)}\n\n(${filled}; file ${mib(result.fileBytes)}; resident ${mib(result.rssBytes)} after the searches, peak ${mib(result.maxRssBytes)})`,
  );
}

console.log(`\n${sections.join('\n\n')}\n`);
const dir = join(process.cwd(), 'bench', 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, `bench-${isQuick ? 'quick' : 'full'}.json`),
  `${JSON.stringify(results, null, 2)}\n`,
);
