import type { DateOrder, DateReading, DateReadingOptions, LocalDate } from './date-parts.js';
import { cut, describeDay, findTime, fraction, isRealDate, localToEpoch } from './date-parts.js';
import { VIETNAM_OFFSET_MINUTES, findZone, formatOffset, parseZone } from './date-zone.js';
import {
  ENGLISH_MONTH,
  FILLER,
  MONTH_WORD,
  START,
  WEEKDAY,
  englishMonthNumber,
  monthWordsToNumbers,
} from './date-words.js';
import { localDayOf, readRelativeDate } from './read-relative-date.js';

export type { DateOrder, DateReading, DateReadingOptions } from './date-parts.js';

const ISO8601 =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[t\s]+(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/;
const YEAR_FIRST = /(?<!\d)(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/.-])/;
const NUMERIC = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])/;
const NO_YEAR = /(?<![\d/.-])(\d{1,2})[/-](\d{1,2})(?![\d/.:-])/;
const WORDS = new RegExp(
  `${START}(\\d{1,2})\\s*${MONTH_WORD}\\s*(\\d{1,2})(?:\\s*(?:năm|nam|,|/|-)?\\s*(\\d{4}))?(?!\\d)`,
  'u',
);
const DAY_MONTH_NAME = new RegExp(
  `${START}(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+(?:of\\s+)?${ENGLISH_MONTH}[\\s,-]+(\\d{4}|\\d{2})(?![\\d:h])`,
  'u',
);
const MONTH_NAME_DAY = new RegExp(
  `${START}${ENGLISH_MONTH}\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`,
  'u',
);

/**
 * Longest text read as nothing but a date; `Thứ Tư, ngày 2 tháng Mười Hai năm 2026, 08:15 (GMT+7)`
 * is 51.
 */
const MAX_DATE_CHARS = 200;

type Options = Required<Omit<DateReadingOptions, 'referenceMs'>> & { referenceMs?: number };

/** A calendar day found in a text, and the text without it. */
interface FoundDay {
  year: number;
  month: number;
  day: number;
  rest: string;
  /** The two leading numbers of a `dd/mm/yyyy` or `mm/dd/yyyy` date as written. */
  numeric?: { first: number; second: number };
}

/** RFC 2822 §4.3: a two-digit year 00–49 is 20xx, 50–99 is 19xx. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

function finish(
  local: LocalDate,
  offset: number,
  flags: { hasZone: boolean; isOrderAmbiguous: boolean },
): DateReading {
  const epoch = localToEpoch(local, offset);
  return typeof epoch === 'string'
    ? { isRead: false, problem: epoch }
    : { isRead: true, epochMs: epoch, ...flags };
}

function readIso(text: string, offsetMinutes: number): DateReading | undefined {
  const match = ISO8601.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, millis, zone] = match;
  const offset = zone === undefined ? offsetMinutes : parseZone(zone);
  if (offset === undefined) return { isRead: false, problem: `unknown zone "${zone}"` };
  const local = {
    year: Number(year),
    month: Number(month ?? 1),
    day: Number(day ?? 1),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: fraction(millis),
  };
  return finish(local, offset, { hasZone: zone !== undefined, isOrderAmbiguous: false });
}

function ordered(first: number, second: number, order: DateOrder): [day: number, month: number] {
  return order === 'dmy' ? [first, second] : [second, first];
}

function findNumericDay(text: string, options: Options): FoundDay | string | undefined {
  const ymd = YEAR_FIRST.exec(text);
  if (ymd !== null) {
    const [year, month, day] = [Number(ymd[1]), Number(ymd[3]), Number(ymd[4])];
    return { year, month, day, rest: cut(text, ymd) };
  }
  const numeric = NUMERIC.exec(text);
  if (numeric !== null) {
    const [first, second] = [Number(numeric[1]), Number(numeric[3])];
    const [day, month] = ordered(first, second, options.order);
    return {
      year: fullYear(numeric[4]!),
      month,
      day,
      rest: cut(text, numeric),
      numeric: { first, second },
    };
  }
  const noYear = NO_YEAR.exec(text);
  if (noYear === null) return undefined;
  if (options.referenceMs === undefined) return 'the date has no year';
  const [day, month] = ordered(Number(noYear[1]), Number(noYear[2]), options.order);
  const { year } = localDayOf(options.referenceMs, options.offsetMinutes);
  return { year, month, day, rest: cut(text, noYear) };
}

function findNamedDay(text: string, options: Options): FoundDay | string | undefined {
  const words = WORDS.exec(text);
  if (words !== null) {
    if (words[3] === undefined && options.referenceMs === undefined) return 'the date has no year';
    const year =
      words[3] === undefined
        ? localDayOf(options.referenceMs!, options.offsetMinutes).year
        : Number(words[3]);
    return { year, month: Number(words[2]), day: Number(words[1]), rest: cut(text, words) };
  }
  const dayName = DAY_MONTH_NAME.exec(text);
  if (dayName !== null) {
    const month = englishMonthNumber(dayName[2]!);
    return {
      year: fullYear(dayName[3]!),
      month,
      day: Number(dayName[1]),
      rest: cut(text, dayName),
    };
  }
  const nameDay = MONTH_NAME_DAY.exec(text);
  if (nameDay === null) return undefined;
  const month = englishMonthNumber(nameDay[1]!);
  return { year: Number(nameDay[3]), month, day: Number(nameDay[2]), rest: cut(text, nameDay) };
}

/** Refuses a numeric date that only the other order can read, saying what it would be. */
function orderProblem(found: FoundDay, order: DateOrder): DateReading | undefined {
  const { numeric } = found;
  if (numeric === undefined || isRealDate(found.year, found.month, found.day)) return undefined;
  const otherOrder: DateOrder = order === 'dmy' ? 'mdy' : 'dmy';
  const [day, month] = ordered(numeric.first, numeric.second, otherOrder);
  if (!isRealDate(found.year, month, day)) return undefined;
  const [how, other] =
    order === 'dmy'
      ? ['day-first (dd/mm/yyyy)', 'month-first']
      : ['month-first (mm/dd/yyyy)', 'day-first'];
  return {
    isRead: false,
    problem: `read ${how}, ${found.month} is no month; read ${other} it would be ${describeDay(found.year, month, day)}`,
    otherOrder,
  };
}

function readWritten(text: string, options: Options): DateReading {
  const found = findNumericDay(text, options) ?? findNamedDay(text, options);
  if (found === undefined) return { isRead: false, problem: 'no date in it' };
  if (typeof found === 'string') return { isRead: false, problem: found };
  const wrongOrder = orderProblem(found, options.order);
  if (wrongOrder !== undefined) return wrongOrder;
  const time = findTime(found.rest);
  const zone = findZone(time.rest, time.after, options.isEmbedded);
  if (zone.zone !== undefined && zone.offset === undefined)
    return { isRead: false, problem: `unknown zone "${zone.zone}"` };
  if (!options.isEmbedded) {
    const leftover = zone.rest.replace(WEEKDAY, ' ').replace(FILLER, ' ').trim();
    if (leftover !== '')
      return { isRead: false, problem: `"${leftover.slice(0, 40)}" is not part of a date` };
  }
  const { numeric } = found;
  const isOrderAmbiguous =
    numeric !== undefined &&
    numeric.first !== numeric.second &&
    numeric.first <= 12 &&
    numeric.second <= 12;
  const { hour, minute, second, millisecond } = time;
  const local = {
    year: found.year,
    month: found.month,
    day: found.day,
    hour,
    minute,
    second,
    millisecond,
  };
  return finish(local, zone.offset ?? options.offsetMinutes, {
    hasZone: zone.offset !== undefined,
    isOrderAmbiguous,
  });
}

function readEpoch(value: number): DateReading {
  if (!Number.isFinite(value) || value < 0)
    return { isRead: false, problem: 'not a count of seconds since 1970' };
  // Seconds until the year 33658 fit in 12 digits: from 1e12 up it is milliseconds.
  const epochMs = value < 1e12 ? Math.round(value * 1000) : Math.round(value);
  return { isRead: true, epochMs, hasZone: true, isOrderAmbiguous: false };
}

/**
 * Reads a date as people and platforms write it: the one reader behind every door (files, the
 * API, feeds, pages). ISO 8601 with or without a zone, RFC 822/1123 (`Mon, 23 Nov 2026 08:30:00
 * +0700`), epoch seconds or milliseconds, numeric dates (`02/12/2026 08:15`, `2/12/26`, `14:30
 * 02-12-2026`: day-first unless `order` is `mdy`), Vietnamese words (`ngày 2 tháng 12 năm 2026`,
 * `tháng Mười Hai`, `Thứ Tư, 02/12/2026 - 08:15`, `08:15 CH`), English month names (`Nov 23,
 * 2026`) and, given `referenceMs`, relative ones (`2 giờ trước`, `Hôm qua lúc 21:15`). A time that
 * names no zone is read at `offsetMinutes` (Vietnam, +07:00). An impossible date (`31/02/2026`)
 * is refused with the reason; one that only the other order can read says so in `otherOrder`.
 */
export function readDate(value: string | number, options: DateReadingOptions = {}): DateReading {
  if (typeof value === 'number') return readEpoch(value);
  const text = monthWordsToNumbers(
    value
      .normalize('NFC')
      .replace(/[\s\u00A0]+/g, ' ')
      .trim()
      .toLowerCase(),
  );
  if (text === '') return { isRead: false, problem: 'empty' };
  if (!options.isEmbedded && text.length > MAX_DATE_CHARS)
    return { isRead: false, problem: `longer than ${MAX_DATE_CHARS} characters` };
  if (/^\d{9,13}(?:\.\d+)?$/.test(text)) return readEpoch(Number(text));
  const offsetMinutes = options.offsetMinutes ?? VIETNAM_OFFSET_MINUTES;
  const iso = readIso(text, offsetMinutes);
  if (iso !== undefined) return iso;
  const relative = readRelativeDate(text, { offsetMinutes, referenceMs: options.referenceMs });
  if (relative !== undefined) return relative;
  return readWritten(text.replace(/(\d)t(\d)/g, '$1 $2'), {
    order: options.order ?? 'dmy',
    offsetMinutes,
    isEmbedded: options.isEmbedded ?? false,
    referenceMs: options.referenceMs,
  });
}

/**
 * How dates were read, for a summary: `dates read day-first (dd/mm/yyyy), zone-less times as
 * Asia/Ho_Chi_Minh (+07:00)`.
 */
export function describeDateReading(options: DateReadingOptions = {}): string {
  const order =
    (options.order ?? 'dmy') === 'dmy' ? 'day-first (dd/mm/yyyy)' : 'month-first (mm/dd/yyyy)';
  const offset = options.offsetMinutes ?? VIETNAM_OFFSET_MINUTES;
  const zone =
    offset === VIETNAM_OFFSET_MINUTES
      ? 'Asia/Ho_Chi_Minh'
      : offset === 0
        ? 'UTC'
        : `UTC${formatOffset(offset)}`;
  return `dates read ${order}, zone-less times as ${zone} (${formatOffset(offset)})`;
}
