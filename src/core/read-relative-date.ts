import type { DateReading } from './date-parts.js';
import { findTime, localToEpoch } from './date-parts.js';
import { DAYS_BACK, RELATIVE_UNITS } from './date-words.js';

const JUST_NOW = /^(?:vừa xong|vừa mới|mới đây|just now|vài giây trước|a moment ago)/u;
const AGO = /(?:^|\s)(\d+|một|vài|an?)\s*(\p{L}+)\s+(?:trước|ago)(?![\p{L}])/u;
const DAY_WORD = /^(hôm nay|hom nay|today|hôm qua|hom qua|yesterday|hôm kia|hom kia)(?![\p{L}])/u;

/** Year, month and day on the wall clock at `offsetMinutes` at instant `epochMs`. */
export function localDayOf(
  epochMs: number,
  offsetMinutes: number,
): { year: number; month: number; day: number } {
  const shifted = new Date(epochMs + offsetMinutes * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

function read(epochMs: number | string): DateReading {
  return typeof epochMs === 'string'
    ? { isRead: false, problem: epochMs }
    : { isRead: true, epochMs, hasZone: false, isOrderAmbiguous: false };
}

function readDayWord(text: string, referenceMs: number, offsetMinutes: number): DateReading {
  const match = DAY_WORD.exec(text)!;
  const daysBack = DAYS_BACK.get(match[1]!) ?? 0;
  const day = localDayOf(referenceMs - daysBack * 86_400_000, offsetMinutes);
  const { hour, minute, second, millisecond } = findTime(text.slice(match[0].length));
  return read(localToEpoch({ ...day, hour, minute, second, millisecond }, offsetMinutes));
}

/**
 * Relative dates in lower-cased `text`, counted from `referenceMs`: `vừa xong`, `5 phút trước`,
 * `an hour ago`, `Hôm nay, 08:30`, `Hôm qua lúc 21:15`. Undefined when the text is none of these;
 * refused when it is one but there is no reference time to count from.
 */
export function readRelativeDate(
  text: string,
  options: { offsetMinutes: number; referenceMs?: number },
): DateReading | undefined {
  const isJustNow = JUST_NOW.test(text);
  const ago = isJustNow ? null : AGO.exec(text);
  const unit = ago === null ? undefined : RELATIVE_UNITS.find(([pattern]) => pattern.test(ago[2]!));
  const isDayWord = DAY_WORD.test(text);
  if (!isJustNow && unit === undefined && !isDayWord) return undefined;
  const { referenceMs } = options;
  if (referenceMs === undefined)
    return { isRead: false, problem: 'a relative date, and no time it was read to count from' };
  if (isJustNow) return read(referenceMs);
  if (unit !== undefined && ago !== null) {
    const word = ago[1]!;
    const amount = /^\d+$/.test(word) ? Number(word) : word === 'vài' ? 2 : 1;
    return read(referenceMs - amount * unit[1]);
  }
  return readDayWord(text, referenceMs, options.offsetMinutes);
}
