/** A run of token positions `[start, end]` (inclusive) in one field. */
export interface PositionSpan {
  start: number;
  end: number;
}

/** Caps the spans any one node produces, so a hostile post cannot make NEAR quadratic forever. */
export const MAX_SPANS = 512;

/**
 * Spans where every list contributes one distinct position, all inside a window of `width`
 * positions, in any order (`"a b"~n` and the reference for phrases with slop).
 */
export function unorderedWindows(
  lists: readonly (readonly number[])[],
  width: number,
): PositionSpan[] {
  const starts = [...new Set(lists.flat())].sort((a, b) => a - b);
  const spans: PositionSpan[] = [];
  // Backtracking is exponential in the worst case (many repeats of one word): bound the work.
  let budget = 20_000;
  for (const start of starts) {
    const end = start + width - 1;
    const used = new Set<number>();
    let last = start;
    const assign = (index: number): boolean => {
      if (index === lists.length) return used.has(start);
      for (const p of lists[index]!) {
        if (--budget < 0) return false;
        if (p < start || p > end || used.has(p)) continue;
        used.add(p);
        const previous = last;
        last = Math.max(last, p);
        if (assign(index + 1)) return true;
        used.delete(p);
        last = previous;
      }
      return false;
    };
    if (assign(0)) spans.push({ start, end: last });
    if (spans.length >= MAX_SPANS) break;
  }
  return spans;
}

/** Spans of `left` and `right` with at most `distance` positions between them. */
export function nearSpans(
  left: readonly PositionSpan[],
  right: readonly PositionSpan[],
  distance: number,
  isOrdered: boolean,
): PositionSpan[] {
  const spans: PositionSpan[] = [];
  for (const a of left) {
    for (const b of right) {
      if (b.start > a.end && b.start - a.end - 1 <= distance)
        spans.push({ start: a.start, end: b.end });
      else if (!isOrdered && a.start > b.end && a.start - b.end - 1 <= distance) {
        spans.push({ start: b.start, end: a.end });
      }
      if (spans.length >= MAX_SPANS) return spans;
    }
  }
  return spans;
}
