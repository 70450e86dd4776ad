/**
 * Dates as Vietnamese sites print them: ISO 8601 (with or without a zone), `23/11/2026 08:30`,
 * `08:30 23/11/2026`, `Thứ hai, 23/11/2026, 08:30 (GMT+7)`, `ngày 23 tháng 11 năm 2026`,
 * `Hôm nay, 08:30`, `Hôm qua lúc 21:15`, `2 giờ trước`, `vừa xong`, forum English (`Today at
 * 08:30`, `5 minutes ago`, `Nov 23, 2026`) and epoch seconds/ms (`data-time`). A time without a
 * zone is read in `offsetMinutes` (Vietnam, UTC+7, by default).
 */

import { VIETNAM_OFFSET_MINUTES, parseFeedDate } from '../news/parse-feed-date.js';

export { VIETNAM_OFFSET_MINUTES };

const MINUTE = 60_000;
const UNIT_MS: ReadonlyArray<[RegExp, number]> = [
  [/^(giây|giay|seconds?|secs?)$/, 1000],
  [/^(phút|phut|minutes?|mins?)$/, MINUTE],
  [/^(giờ|gio|tiếng|hours?|hrs?)$/, 60 * MINUTE],
  [/^(ngày|ngay|days?)$/, 24 * 60 * MINUTE],
  [/^(tuần|tuan|weeks?)$/, 7 * 24 * 60 * MINUTE],
  [/^(tháng|thang|months?)$/, 30 * 24 * 60 * MINUTE],
  [/^(năm|nam|years?)$/, 365 * 24 * 60 * MINUTE],
];
const DAYS_BACK = new Map([
  ['hôm nay', 0],
  ['today', 0],
  ['hôm qua', 1],
  ['yesterday', 1],
  ['hôm kia', 2],
]);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function toEpoch(local: LocalTime, offsetMinutes: number): number | undefined {
  const { year, month, day, hour, minute, second } = local;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(utc).getUTCDate() !== day) return undefined;
  return utc - offsetMinutes * MINUTE;
}

function localDateOf(
  nowMs: number,
  offsetMinutes: number,
): { year: number; month: number; day: number } {
  const shifted = new Date(nowMs + offsetMinutes * MINUTE);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

function readClock(text: string): { hour: number; minute: number; second: number } {
  const match = /(\d{1,2})[:hg](\d{2})(?::(\d{2}))?/.exec(text);
  if (match === null) return { hour: 0, minute: 0, second: 0 };
  let hour = Number(match[1]);
  const after = text.slice(match.index + match[0].length);
  if (/^\s*(pm|p\.m\.)/.test(after) && hour < 12) hour += 12;
  if (/^\s*(am|a\.m\.)/.test(after) && hour === 12) hour = 0;
  return { hour, minute: Number(match[2]), second: Number(match[3] ?? 0) };
}

function readOffset(text: string): number | undefined {
  const match = /(?:gmt|utc)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?/i.exec(text);
  if (match === null) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function parseRelative(text: string, nowMs: number): number | undefined {
  if (/^(vừa xong|vừa mới|mới đây|just now|vài giây trước|a moment ago)/.test(text)) return nowMs;
  const match = /(?:^|\s)(\d+|một|vài|an?)\s*(\p{L}+)\s+(trước|ago)/u.exec(text);
  if (match === null) return undefined;
  const amount = /^\d+$/.test(match[1] ?? '') ? Number(match[1]) : match[1] === 'vài' ? 2 : 1;
  const unit = UNIT_MS.find(([pattern]) => pattern.test(match[2] ?? ''));
  return unit === undefined ? undefined : nowMs - amount * unit[1];
}

function parseDayWord(text: string, nowMs: number, offsetMinutes: number): number | undefined {
  const match = /^(hôm nay|today|hôm qua|yesterday|hôm kia)/.exec(text);
  if (match === null) return undefined;
  const daysBack = DAYS_BACK.get(match[1] ?? '') ?? 0;
  const date = localDateOf(nowMs - daysBack * 24 * 60 * MINUTE, offsetMinutes);
  return toEpoch({ ...date, ...readClock(text.slice(match[0].length)) }, offsetMinutes);
}

function parseNumericDate(text: string, nowMs: number, offsetMinutes: number): number | undefined {
  const dmy = /(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?(?!\d)/.exec(text);
  const words = /(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:,|năm)?\s*(\d{4}))?/.exec(text);
  const english = new RegExp(`(${MONTHS.join('|')})[a-z]*\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})`).exec(
    text,
  );
  let date: { year: number; month: number; day: number } | undefined;
  let rest = text;
  if (words !== null || dmy !== null) {
    const found = (words ?? dmy) as RegExpExecArray;
    const yearText = found[3];
    const year =
      yearText === undefined
        ? localDateOf(nowMs, offsetMinutes).year
        : Number(yearText) + (yearText.length === 2 ? 2000 : 0);
    date = { year, month: Number(found[2]), day: Number(found[1]) };
    rest = text.replace(found[0], ' ');
  } else if (english !== null) {
    date = {
      year: Number(english[3]),
      month: MONTHS.indexOf(english[1] as string) + 1,
      day: Number(english[2]),
    };
    rest = text.replace(english[0], ' ');
  }
  if (date === undefined) return undefined;
  const offset = readOffset(text) ?? offsetMinutes;
  return toEpoch(
    { ...date, ...readClock(rest.replace(/(?:gmt|utc)\s*[+-]\s*\d+(?::?\d{2})?/i, ' ')) },
    offset,
  );
}

/**
 * Epoch ms of a date as printed on a Vietnamese page, or undefined when it reads as none;
 * relative forms (`2 giờ trước`, `Hôm nay, 08:30`) count from `nowMs`.
 */
export function parseVietnameseDate(
  text: string,
  nowMs: number,
  offsetMinutes: number = VIETNAM_OFFSET_MINUTES,
): number | undefined {
  const clean = text.replace(/[\s\u00A0]+/g, ' ').trim();
  if (clean === '') return undefined;
  if (/^\d{9,13}$/.test(clean)) {
    const value = Number(clean);
    return value >= 1e12 ? value : value * 1000;
  }
  // Absolute forms (ISO 8601, RFC 2822, `23/11/2026 08:30 (GMT+7)`): the feed parser's reading.
  const absolute = parseFeedDate(clean, offsetMinutes);
  if (absolute !== undefined) return absolute;
  const lower = clean.toLowerCase().normalize('NFC');
  return (
    parseDayWord(lower, nowMs, offsetMinutes) ??
    parseRelative(lower, nowMs) ??
    parseNumericDate(lower, nowMs, offsetMinutes)
  );
}

/** `parseVietnameseDate` as ISO 8601 UTC, or undefined. */
export function toIsoDate(text: string | undefined, nowMs: number): string | undefined {
  if (text === undefined) return undefined;
  const epoch = parseVietnameseDate(text, nowMs);
  return epoch === undefined ? undefined : new Date(epoch).toISOString();
}
