/**
 * Hostile posts × hostile topic sets: the worst time per post for reading it (`prepareDoc`),
 * matching it against a topic set and explaining every topic of the set on it. The posts are
 * 100,000 characters (the post text cap) built to blow up positions, phrases, NEAR spans,
 * highlights and the index; the queries stay within the query limits (4 KB, 512 terms, 16
 * wildcards). Each time is the median of `rounds` runs of that one post, after one untimed pass
 * over all of them.
 */
import { performance } from 'node:perf_hooks';
import { generateTopicQueries } from '../src/demo/index.js';
import { createTopicMatcher, explainMatch, parseQuery, prepareDoc } from '../src/query/index.js';
import type { MatchInput, ParsedQuery } from '../src/query/index.js';
import { median, table } from './stats.js';

const TEXT_CAP = 100_000;

/** `unit` repeated (space separated) up to the post text cap. */
function fill(unit: string): string {
  return `${unit} `.repeat(Math.ceil(TEXT_CAP / (unit.length + 1))).slice(0, TEXT_CAP);
}

const PHRASE_50 = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? 'kẹt' : 'xe')).join(' ');

export const ADVERSARIAL_POSTS: Readonly<Record<string, MatchInput>> = {
  'one word repeated': { text: fill('ngập'), title: fill('ngập').slice(0, 4_000) },
  'alternating NEAR terms': { text: fill('ngập nước quận 7') },
  'phrase repeated 4k times': { text: fill('kẹt xe').slice(0, 4_000 * 7) + fill('xe') },
  '50-word phrase repeated': { text: fill(PHRASE_50) },
  'distinct tokens': {
    text: Array.from({ length: 20_000 }, (_, i) => `t${i.toString(36)}`)
      .join(' ')
      .slice(0, TEXT_CAP),
  },
  'one long hashtag': { text: `#${'ngập'.repeat(TEXT_CAP / 4 - 1)}` },
  'hashtags and emoji': { text: fill('#ketxe 😡🔥 @ubnd #ngập') },
  'long accented word': { text: 'ngậ'.repeat(TEXT_CAP / 3) },
  // Only 20,000 characters: tokenizing the full 100,000 takes tens of seconds (see BENCHMARKS.md).
  'url with punctuation (20k)': { text: `https://a.vn/${'.,'.repeat(10_000)}x` },
};

/** `count` NEAR groups joined by OR, as long as the 4 KB limit allows. */
function nearChains(): string {
  const words = ['ngập', 'nước', 'quận', '7', 'kẹt', 'xe'];
  const groups: string[] = [];
  for (let i = 0; ; i++) {
    const [a, b, c, d] = [0, 1, 2, 3].map((k) => words[(i + k) % words.length]!);
    const group = `((${a} NEAR/5 ${b}) NEAR/5 (${c} NEAR/5 "${d} ${a}")) NEAR/3 ${b}`;
    const next = [...groups, `(${group})`].join(' OR ');
    if (next.length > 4_000) return groups.join(' OR ');
    groups.push(`(${group})`);
  }
}

/** The hostile topic sets, by name: each a list of queries within the query limits. */
export function topicSets(): Record<string, string[]> {
  const vocabulary = ['ngập', 'nước', 'quận', '7', 'kẹt', 'xe', 'ngap', 'ket', 'ketxe'];
  const orTerms = Array.from({ length: 512 }, (_, i) =>
    i < vocabulary.length ? vocabulary[i]! : `t${i.toString(36)}`,
  );
  const wildcards = ['ngậ*', 'nướ*', 'quậ*', 'kẹt*', 'ket*', 'ngap*', 't1a*', 't2b*'];
  return {
    '4 KB of NEAR chains': [nearChains()],
    '512-term OR': [orTerms.join(' OR ')],
    '50-word phrases': [`"${PHRASE_50}"`, `"${PHRASE_50}"~3`, `"${PHRASE_50}" NEAR/2 ngập`],
    'wildcard-heavy': [
      wildcards.join(' OR '),
      `(${wildcards.slice(0, 4).join(' OR ')}) NEAR/3 (${wildcards.slice(4).join(' OR ')})`,
    ],
    'generated 1,000 topics': generateTopicQueries({ seed: 7, count: 1_000 }),
  };
}

export interface AdversarialRow {
  set: string;
  /** Worst over the posts of the median time per post, in ms. */
  prepareMs: number;
  matchMs: number;
  explainMs: number;
  worstPost: string;
  worstExplainPost: string;
  maxHits: number;
}

function elapsed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** One set's matcher and its parsed queries (the first 20 are explained). */
interface PreparedSet {
  name: string;
  matcher: ReturnType<typeof createTopicMatcher>;
  explained: [ParsedQuery, string][];
}

function prepareSets(): PreparedSet[] {
  return Object.entries(topicSets()).map(([name, queries]) => {
    const matcher = createTopicMatcher();
    const parsed: [ParsedQuery, string][] = queries.map((q) => [parseQuery(q), q]);
    parsed.forEach(([p], i) => matcher.set(`a${i}`, p));
    // Explaining a thousand ordinary topics is not what a hostile post attacks: the first 20.
    return { name, matcher, explained: parsed.slice(0, 20) };
  });
}

export function runAdversarialBench(
  options: { rounds: number },
  log: (line: string) => void,
): AdversarialRow[] {
  const sets = prepareSets();
  const rows: AdversarialRow[] = sets.map(({ name }) => ({
    set: name,
    prepareMs: 0,
    matchMs: 0,
    explainMs: 0,
    worstPost: '',
    worstExplainPost: '',
    maxHits: 0,
  }));
  // One untimed pass first: the figures are for a warmed-up process, as a server is.
  for (const post of Object.values(ADVERSARIAL_POSTS)) {
    const doc = prepareDoc(post);
    for (const set of sets) {
      set.matcher.match(doc);
      for (const [p, q] of set.explained) explainMatch(p.ast, q, doc);
    }
  }
  for (const [postName, post] of Object.entries(ADVERSARIAL_POSTS)) {
    const times = sets.map(() => ({
      prepare: [] as number[],
      match: [] as number[],
      explain: [] as number[],
    }));
    for (let round = 0; round < options.rounds; round++) {
      // A fresh document each round: caches filled on a document do not carry over.
      let doc = prepareDoc({ text: '' });
      const prepareMs = elapsed(() => (doc = prepareDoc(post)));
      sets.forEach((set, i) => {
        times[i]!.prepare.push(prepareMs);
        times[i]!.match.push(elapsed(() => set.matcher.match(doc)));
        let hits = 0;
        times[i]!.explain.push(
          elapsed(() => {
            for (const [p, q] of set.explained)
              hits = Math.max(hits, explainMatch(p.ast, q, doc).hits.length);
          }),
        );
        rows[i]!.maxHits = Math.max(rows[i]!.maxHits, hits);
      });
    }
    sets.forEach((_, i) => {
      const row = rows[i]!;
      const [prepareMs, matchMs, explainMs] = [
        median(times[i]!.prepare),
        median(times[i]!.match),
        median(times[i]!.explain),
      ];
      row.prepareMs = Math.max(row.prepareMs, prepareMs);
      if (matchMs > row.matchMs) [row.matchMs, row.worstPost] = [matchMs, postName];
      if (explainMs > row.explainMs) [row.explainMs, row.worstExplainPost] = [explainMs, postName];
    });
  }
  for (const row of rows)
    log(
      `  ${row.set}: worst match ${row.matchMs.toFixed(2)} ms (${row.worstPost}), worst explain ${row.explainMs.toFixed(2)} ms (${row.worstExplainPost})`,
    );
  return rows;
}

export function adversarialTable(rows: readonly AdversarialRow[]): string {
  return table(
    [
      'topic set',
      'worst prepareDoc (ms)',
      'worst match (ms)',
      'post',
      'worst explain (ms)',
      'post',
      'max hits / explanation',
    ],
    rows.map((r) => [
      r.set,
      r.prepareMs.toFixed(2),
      r.matchMs.toFixed(2),
      r.worstPost,
      r.explainMs.toFixed(2),
      r.worstExplainPost,
      r.maxHits,
    ]),
  );
}
