/**
 * Loaders for the labelled public data sets under ../shared/data (see its README.md), shared by
 * scripts/train.ts and eval/run.ts. Each returns examples with a label index into SENTIMENT_LABELS
 * or TOXICITY_LABELS.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export const TOXICITY_LABELS = ['clean', 'offensive', 'hate'] as const;

/** One labelled text. */
export interface Example {
  readonly text: string;
  readonly label: number;
}

/** One split of one data set. */
export interface Split {
  readonly dataset: string;
  readonly split: string;
  readonly examples: readonly Example[];
}

/** The default data folder: ../shared/data from the repository root. */
export function defaultDataRoot(): string {
  return resolve(fileURLToPath(new URL('..', import.meta.url)), '../shared/data');
}

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, skip_empty_lines: true, relax_quotes: true });
}

function lines(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

/** UIT-VSFC (students' feedback): sentiments 0 negative, 1 neutral, 2 positive. */
export function loadVsfc(root: string, split: 'train' | 'dev'): Split {
  const dir = join(root, 'sentiment/uit-vsfc', split);
  const sents = lines(join(dir, 'sents.txt'));
  const labels = lines(join(dir, 'sentiments.txt'));
  if (sents.length !== labels.length) throw new Error(`UIT-VSFC ${split}: line counts differ`);
  const examples = sents.map((text, i) => ({ text, label: Number(labels[i]) }));
  return { dataset: 'UIT-VSFC', split, examples };
}

/**
 * The post-level label of a UIT-ViSFD comment: the majority of its aspect polarities (positive vs
 * negative aspects); on a tie, or with no polar aspect, the star rating (1–2 negative, 3 neutral,
 * 4–5 positive).
 */
export function visfdLabel(aspects: string, stars: number): number {
  const pos = aspects.match(/#Positive/g)?.length ?? 0;
  const neg = aspects.match(/#Negative/g)?.length ?? 0;
  if (pos > neg) return 2;
  if (neg > pos) return 0;
  return stars <= 2 ? 0 : stars === 3 ? 1 : 2;
}

/** UIT-ViSFD (smartphone reviews), with the post-level label of `visfdLabel`. */
export function loadVisfd(root: string, split: 'train' | 'dev'): Split {
  const rows = readCsv(join(root, 'sentiment/uit-visfd', `${split}.csv`));
  const examples = rows.map((r) => ({
    text: r.comment ?? '',
    label: visfdLabel(r.label ?? '', Number(r.n_star)),
  }));
  return { dataset: 'UIT-ViSFD', split, examples };
}

/** A small seeded PRNG (mulberry32), for reproducible splits and shuffles. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of 0..n-1 with a seeded PRNG. */
export function shuffledIndices(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** The seed of AIVIVN's held-out split. */
export const AIVIVN_SEED = 2019;

/**
 * AIVIVN 2019 (product reviews, binary: 0 positive, 1 negative) has no dev split: a fixed 10% is
 * held out (seeded shuffle, AIVIVN_SEED), and training examples whose text also occurs in the
 * held-out part are dropped so that the many copied reviews do not leak.
 */
export function loadAivivn(root: string): { train: Split; heldOut: Split } {
  const rows = readCsv(join(root, 'sentiment/aivivn-2019/train.csv'));
  const all = rows.map((r) => ({ text: r.text ?? '', label: r.label === '1' ? 0 : 2 }));
  const order = shuffledIndices(all.length, AIVIVN_SEED);
  const cut = Math.round(all.length * 0.1);
  const heldOut = order.slice(0, cut).map((i) => all[i]!);
  const seen = new Set(heldOut.map((e) => e.text.trim().toLowerCase()));
  const train = order
    .slice(cut)
    .sort((a, b) => a - b)
    .map((i) => all[i]!)
    .filter((e) => !seen.has(e.text.trim().toLowerCase()));
  return {
    train: { dataset: 'AIVIVN-2019', split: 'train-90%', examples: train },
    heldOut: { dataset: 'AIVIVN-2019', split: 'held-out-10%', examples: heldOut },
  };
}

/** ViHSD (Facebook/YouTube comments): 0 clean, 1 offensive, 2 hate. */
export function loadVihsd(root: string, split: 'train' | 'dev'): Split {
  const rows = readCsv(join(root, 'toxicity/vihsd', `${split}.csv`));
  const examples = rows.map((r) => ({ text: r.free_text ?? '', label: Number(r.label_id) }));
  return { dataset: 'ViHSD', split, examples };
}
