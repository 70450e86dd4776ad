/**
 * Emerging terms: folded syllable bigrams and trigrams whose rate bursts this hour, found among
 * all terms in bounded memory, to catch what no topic names yet ("sập cầu", "cháy chung cư").
 *
 * Counts go into a count-min sketch (Cormode & Muthukrishnan 2005) for the current hour; a
 * second sketch holds an exponentially weighted baseline of past hours, updated when the hour
 * rolls. Which terms to look at comes from a Space-Saving heavy-hitter list (Metwally et al.
 * 2005) of the hour: the terms seen most, at most `topK` of them. A term is emerging when its
 * count this hour stands far above its baseline by SigniTrend's score with a noise floor, as in
 * `spikes.ts`. Stop-phrases and boilerplate (outlet names, "xem thêm", "theo báo") are dropped,
 * and so is any n-gram made only of function words. Memory is fixed: two sketches of
 * `width × depth` numbers and `topK` candidates, whatever the vocabulary.
 */
import { tokenize } from '../nlp/tokenize.js';

export interface EmergingTermsOptions {
  /** Counters per sketch row; default 16,384. */
  width?: number;
  /** Sketch rows (independent hashes); default 4. */
  depth?: number;
  /** Heavy-hitter candidates kept per hour; default 500. */
  topK?: number;
  /** Weight of the last hour in the baseline; default 0.3. */
  alpha?: number;
  /** Noise floor, in occurrences per hour; default 3. */
  noiseFloor?: number;
  /** Folded phrases never reported (added to the built-in boilerplate). */
  stopPhrases?: readonly string[];
}

export interface EmergingTerm {
  /** The folded n-gram, syllables joined by spaces. */
  term: string;
  /** Occurrences this hour (a count-min estimate: never below the truth). */
  count: number;
  /** The baseline for an hour. */
  expected: number;
  score: number;
}

/** Outlet names and boilerplate of Vietnamese news and social posts, folded. */
const BOILERPLATE = [
  'xem them',
  'doc them',
  'theo bao',
  'nguon tin',
  'tuoi tre',
  'thanh nien',
  'vnexpress',
  'dan tri',
  'vietnamnet',
  'tien phong',
  'nguoi lao dong',
  'sai gon giai phong',
  'lien he',
  'chia se',
  'binh luan',
  'bai viet',
];

/** Folded function words: an n-gram made only of these says nothing. */
const FUNCTION_WORDS = new Set(
  'va la cua co cho cac nhung mot duoc trong voi de thi ma nay do khi da se dang bi tai tu den ra vao len ve nhu cung rat thi nen neu vi boi hay hoac nhieu it moi toi ban anh chi em ho no o the'.split(
    ' ',
  ),
);

/** FNV-1a 32-bit with a seed per sketch row. */
function hash(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

class CountMin {
  readonly cells: Float64Array;
  constructor(
    readonly width: number,
    readonly depth: number,
  ) {
    this.cells = new Float64Array(width * depth);
  }
  add(term: string, by = 1): void {
    for (let d = 0; d < this.depth; d++)
      this.cells[d * this.width + (hash(term, d * 0x9e3779b9) % this.width)]! += by;
  }
  estimate(term: string): number {
    let min = Infinity;
    for (let d = 0; d < this.depth; d++)
      min = Math.min(min, this.cells[d * this.width + (hash(term, d * 0x9e3779b9) % this.width)]!);
    return min;
  }
}

/**
 * Space-Saving: at most `size` terms; a newcomer replaces the least counted one and inherits its
 * count. A binary min-heap on the counts makes each step O(log size).
 */
class HeavyHitters {
  private readonly terms: string[] = [];
  private readonly heapCounts: number[] = [];
  private readonly at = new Map<string, number>();
  constructor(readonly size: number) {}

  get counts(): ReadonlyMap<string, number> {
    return new Map(this.terms.map((t, i) => [t, this.heapCounts[i]!]));
  }

  add(term: string): void {
    const index = this.at.get(term);
    if (index !== undefined) {
      this.heapCounts[index]!++;
      this.down(index);
      return;
    }
    if (this.terms.length < this.size) {
      this.terms.push(term);
      this.heapCounts.push(1);
      this.at.set(term, this.terms.length - 1);
      this.up(this.terms.length - 1);
      return;
    }
    this.at.delete(this.terms[0]!);
    this.terms[0] = term;
    this.heapCounts[0]!++;
    this.at.set(term, 0);
    this.down(0);
  }

  private swap(i: number, j: number): void {
    [this.terms[i], this.terms[j]] = [this.terms[j]!, this.terms[i]!];
    [this.heapCounts[i], this.heapCounts[j]] = [this.heapCounts[j]!, this.heapCounts[i]!];
    this.at.set(this.terms[i]!, i);
    this.at.set(this.terms[j]!, j);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.heapCounts[parent]! <= this.heapCounts[i]!) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.terms.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < n && this.heapCounts[left]! < this.heapCounts[least]!) least = left;
      if (right < n && this.heapCounts[right]! < this.heapCounts[least]!) least = right;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }
}

export interface EmergingTerms {
  /** Counts a post's bigrams and trigrams in the hour starting at `hourStartMs` (hours in order). */
  add(text: string, hourStartMs: number): void;
  /** The current hour's emerging terms, highest score first. */
  emerging(options?: { minCount?: number; minScore?: number; limit?: number }): EmergingTerm[];
}

const HOUR_MS = 3_600_000;

export function createEmergingTerms(options: EmergingTermsOptions = {}): EmergingTerms {
  const width = options.width ?? 16_384;
  const depth = options.depth ?? 4;
  const alpha = options.alpha ?? 0.3;
  const beta = options.noiseFloor ?? 3;
  const stop = new Set([...BOILERPLATE, ...(options.stopPhrases ?? [])]);
  let current = new CountMin(width, depth);
  const baseline = new CountMin(width, depth);
  let hitters = new HeavyHitters(options.topK ?? 500);
  let hour = -1;
  let hoursSeen = 0;

  function roll(nextHour: number): void {
    if (hour >= 0) {
      // The baseline learns the hour that ends, and every empty hour since as zeros.
      const gap = Math.min(nextHour - hour, 48);
      for (let k = 0; k < gap; k++) {
        const keep = 1 - alpha;
        for (let i = 0; i < baseline.cells.length; i++)
          baseline.cells[i] = keep * baseline.cells[i]! + (k === 0 ? alpha * current.cells[i]! : 0);
      }
      hoursSeen++;
    }
    current = new CountMin(width, depth);
    hitters = new HeavyHitters(hitters.size);
    hour = nextHour;
  }

  function isReportable(syllables: readonly string[]): boolean {
    if (syllables.every((s) => FUNCTION_WORDS.has(s))) return false;
    const phrase = syllables.join(' ');
    for (const boilerplate of stop) if (phrase.includes(boilerplate)) return false;
    return true;
  }

  return {
    add(text, hourStartMs) {
      const at = Math.floor(hourStartMs / HOUR_MS);
      if (at > hour) roll(at);
      else if (at < hour) return; // a late post: its hour is over
      const words = tokenize(text)
        .filter((t) => t.kind === 'word')
        .map((t) => t.folded);
      const seen = new Set<string>();
      for (let i = 0; i < words.length; i++) {
        for (const n of [2, 3]) {
          if (i + n > words.length) continue;
          const syllables = words.slice(i, i + n);
          if (!isReportable(syllables)) continue;
          const term = syllables.join(' ');
          // Once per post: a post repeating a phrase is one voice.
          if (seen.has(term)) continue;
          seen.add(term);
          current.add(term);
          hitters.add(term);
        }
      }
    },

    emerging({ minCount = 10, minScore = 3, limit = 20 } = {}) {
      if (hoursSeen === 0) return [];
      const found: EmergingTerm[] = [];
      for (const term of hitters.counts.keys()) {
        const count = current.estimate(term);
        if (count < minCount) continue;
        const expected = baseline.estimate(term);
        // The sketch keeps no variance: a Poisson count's, √expected, stands in.
        const score = (count - Math.max(expected, beta)) / (Math.sqrt(expected) + beta);
        if (score >= minScore) found.push({ term, count, expected, score });
      }
      return found
        .sort((a, b) => b.score - a.score || a.term.localeCompare(b.term))
        .slice(0, limit);
    },
  };
}
