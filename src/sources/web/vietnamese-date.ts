import { VIETNAM_OFFSET_MINUTES } from '../../core/date-zone.js';
import { readDate } from '../../core/read-date.js';

export { VIETNAM_OFFSET_MINUTES };

/**
 * Epoch ms of a date as printed on a Vietnamese page, or undefined when it reads as none: the one
 * date reader (`readDate`), day-first, with the date allowed inside other text (`Bắt đầu bởi
 * otofan, 23/11/2026 08:30`) and relative forms (`2 giờ trước`, `Hôm nay, 08:30`, `2/1` without
 * a year) counted from `nowMs`. A time without a zone is read in `offsetMinutes` (Vietnam, UTC+7,
 * by default).
 */
export function parseVietnameseDate(
  text: string,
  nowMs: number,
  offsetMinutes: number = VIETNAM_OFFSET_MINUTES,
): number | undefined {
  const reading = readDate(text, { offsetMinutes, referenceMs: nowMs, isEmbedded: true });
  return reading.isRead ? reading.epochMs : undefined;
}

/**
 * A page's metadata date (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`)
 * as ISO 8601 UTC, or undefined: read like `parseVietnameseDate`, but with no "now" a relative
 * date is refused rather than counted from the epoch.
 */
export function toIsoDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const reading = readDate(text, { isEmbedded: true });
  return reading.isRead ? new Date(reading.epochMs).toISOString() : undefined;
}
