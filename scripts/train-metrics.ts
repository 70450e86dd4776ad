/** Accuracy and macro-F1, shared by scripts/train.ts and eval/run.ts. */

/** Scores of one split. */
export interface SplitScores {
  readonly n: number;
  readonly accuracy: number;
  /** Mean F1 over the labels that occur in the gold labels. */
  readonly macroF1: number;
  /** F1 per label index (NaN for a label absent from gold). */
  readonly f1: readonly number[];
}

/** Accuracy and macro-F1 of predictions against gold labels (indices into `classes` labels). */
export function scoreSplit(
  gold: readonly number[],
  predicted: readonly number[],
  classes: number,
): SplitScores {
  const tp = new Array<number>(classes).fill(0);
  const fp = new Array<number>(classes).fill(0);
  const fn = new Array<number>(classes).fill(0);
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!;
    const p = predicted[i]!;
    if (g === p) {
      correct++;
      tp[g]!++;
    } else {
      fp[p]!++;
      fn[g]!++;
    }
  }
  const f1 = tp.map((t, c) => {
    if (t + fn[c]! === 0) return Number.NaN;
    const denominator = 2 * t + fp[c]! + fn[c]!;
    return denominator === 0 ? 0 : (2 * t) / denominator;
  });
  const present = f1.filter((v) => !Number.isNaN(v));
  const macroF1 = present.reduce((a, b) => a + b, 0) / Math.max(1, present.length);
  return { n: gold.length, accuracy: gold.length ? correct / gold.length : 0, macroF1, f1 };
}

/** A fixed-width table row. */
export function formatRow(cells: readonly (string | number)[], widths: readonly number[]): string {
  return cells
    .map((cell, i) => {
      const text =
        typeof cell === 'number' ? (Number.isInteger(cell) ? String(cell) : cell.toFixed(4)) : cell;
      return i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!);
    })
    .join('  ');
}
