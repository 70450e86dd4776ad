import type { SourceLogEvent } from './connector.js';

/** How far past the local clock an item's time may still move a checkpoint: room for clock skew. */
export const MARK_SKEW_ALLOWANCE_MS = 10 * 60_000;

/** True when a time lies beyond the skew allowance, so it must not become a checkpoint. */
export function isDatedInFuture(ms: number, nowMs: number): boolean {
  return ms > nowMs + MARK_SKEW_ALLOWANCE_MS;
}

/**
 * A time-based checkpoint pulled back to now plus the skew allowance. One item dated in the future
 * (a platform bug, clock skew, a hostile page) would otherwise move the mark past every real item
 * to come, and the source would silently read nothing ever again. Polls leave such items out of
 * the mark altogether (see `isDatedInFuture`) and cap a mark read back from an older cursor.
 */
export function capMark(ms: number, nowMs: number): number {
  return Math.min(ms, nowMs + MARK_SKEW_ALLOWANCE_MS);
}

/** The one warning per poll that says how many items were dated in the future; undefined for none. */
export function futureItemsWarning(source: string, count: number): SourceLogEvent | undefined {
  if (count === 0) return undefined;
  return {
    level: 'warn',
    message: `${source}: ${count} item(s) dated more than ${MARK_SKEW_ALLOWANCE_MS / 60_000} minutes in the future; stored, but they do not move the checkpoint`,
  };
}
