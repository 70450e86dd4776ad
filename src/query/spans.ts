/** A run of token positions `[start, end]` (inclusive) in one field. */
export interface PositionSpan {
  start: number;
  end: number;
}

/**
 * Caps the spans an OR group or a NEAR produces in one field: they are kept sorted by start
 * then end, without duplicates, and only the first `MAX_SPANS` survive. A post whose groups stay
 * under the cap is matched exactly; beyond it, later spans are ignored.
 */
export const MAX_SPANS = 512;

export function compareSpans(a: PositionSpan, b: PositionSpan): number {
  return a.start - b.start || a.end - b.end;
}

/** Sorts, drops duplicates and keeps the first `MAX_SPANS` (the canonical form of a span list). */
export function canonicalSpans(spans: PositionSpan[], max = MAX_SPANS): PositionSpan[] {
  spans.sort(compareSpans);
  const out: PositionSpan[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && last.start === span.start && last.end === span.end) continue;
    out.push(span);
    if (out.length === max) break;
  }
  return out;
}

/** Positions `p` of `lists[0]` such that every `lists[i]` holds `p + i`, by one merge pass. */
export function phraseStarts(lists: readonly (readonly number[])[]): number[] {
  const first = lists[0]!;
  const cursors = new Array<number>(lists.length).fill(0);
  const out: number[] = [];
  for (const start of first) {
    let isMatch = true;
    for (let i = 1; i < lists.length && isMatch; i++) {
      const list = lists[i]!;
      let at = cursors[i]!;
      while (at < list.length && list[at]! < start + i) at++;
      cursors[i] = at;
      if (at === list.length) return out;
      isMatch = list[at] === start + i;
    }
    if (isMatch) out.push(start);
  }
  return out;
}

let cursors = new Int32Array(16);

/**
 * Whether `phraseStarts(lists.slice(0, count))` is non-empty, by the same merge pass, without
 * allocating (the matcher asks this of every phrase of every candidate).
 */
export function hasPhraseStart(lists: readonly (readonly number[])[], count: number): boolean {
  const first = lists[0]!;
  if (count === 1) return first.length > 0;
  if (count > cursors.length) cursors = new Int32Array(count * 2);
  cursors.fill(0, 0, count);
  for (const start of first) {
    let isMatch = true;
    for (let i = 1; i < count && isMatch; i++) {
      const list = lists[i]!;
      let at = cursors[i]!;
      while (at < list.length && list[at]! < start + i) at++;
      cursors[i] = at;
      if (at === list.length) return false;
      isMatch = list[at] === start + i;
    }
    if (isMatch) return true;
  }
  return false;
}

/**
 * Spans where every list contributes one distinct position, all inside a window of `width`
 * positions, in any order (`"a b"~n` and the reference for phrases with slop).
 */
export function unorderedWindows(
  lists: readonly (readonly number[])[],
  width: number,
): PositionSpan[] {
  const starts = [...new Set([...new Set(lists)].flat())].sort((a, b) => a - b);
  const spans: PositionSpan[] = [];
  // Backtracking is exponential in the worst case (many repeats of one word): bound the work.
  // Once the budget is spent no later start can succeed, so the scan stops there.
  let budget = 20_000;
  const used = new Set<number>();
  let start = 0;
  let end = 0;
  let last = 0;
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
  for (const first of starts) {
    [start, end, last] = [first, first + width - 1, first];
    used.clear();
    if (assign(0)) spans.push({ start, end: last });
    if (spans.length >= MAX_SPANS || budget < 0) break;
  }
  return spans;
}

/** First index of `spans` (sorted by start) whose start is at least `start`. */
function lowerBound(spans: readonly PositionSpan[], start: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (spans[mid]!.start < start) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * `(x.start, y.end)` for every `x` and every `y` starting 1 … `distance + 1` positions after
 * `x` ends. Walks `xs` in order and stops after the start group in which `MAX_SPANS` distinct
 * spans are reached, so the first `MAX_SPANS` of the canonical form are all present.
 */
function spansAfter(
  xs: readonly PositionSpan[],
  ys: readonly PositionSpan[],
  distance: number,
  out: PositionSpan[],
  max: number,
): void {
  let distinct = 0;
  let groupStart = -1;
  const groupEnds = new Set<number>();
  for (const x of xs) {
    if (x.start !== groupStart) {
      if (distinct >= max) return;
      groupStart = x.start;
      groupEnds.clear();
    }
    const last = x.end + 1 + distance;
    for (let i = lowerBound(ys, x.end + 1); i < ys.length && ys[i]!.start <= last; i++) {
      const end = ys[i]!.end;
      if (groupEnds.has(end)) continue;
      groupEnds.add(end);
      distinct++;
      out.push({ start: x.start, end });
    }
  }
}

/**
 * Spans of `left` and `right` (each in canonical form) with at most `distance` positions between
 * them, `right` after `left` when `isOrdered`, in canonical form. Cost: one binary search per
 * span and the pairs actually produced, never |left| × |right|.
 */
export function nearSpans(
  left: readonly PositionSpan[],
  right: readonly PositionSpan[],
  distance: number,
  isOrdered: boolean,
  max = MAX_SPANS,
): PositionSpan[] {
  if (left.length === 0 || right.length === 0) return [];
  const out: PositionSpan[] = [];
  spansAfter(left, right, distance, out, max);
  if (!isOrdered) spansAfter(right, left, distance, out, max);
  return canonicalSpans(out, max);
}

/** Whether any span of `left` and any of `right` satisfy `nearSpans`' condition. */
export function hasNear(
  left: readonly PositionSpan[],
  right: readonly PositionSpan[],
  distance: number,
  isOrdered: boolean,
): boolean {
  const isAfter = (xs: readonly PositionSpan[], ys: readonly PositionSpan[]): boolean => {
    for (const x of xs) {
      const i = lowerBound(ys, x.end + 1);
      if (i < ys.length && ys[i]!.start <= x.end + 1 + distance) return true;
    }
    return false;
  };
  return isAfter(left, right) || (!isOrdered && isAfter(right, left));
}
