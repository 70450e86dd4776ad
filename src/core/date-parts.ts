import { END, START } from './date-words.js';

/** The order of a numeric date's first two numbers: day-first (Vietnam) or month-first (US). */
export type DateOrder = 'dmy' | 'mdy';

/** How to read what a date leaves unsaid: every door (files, API, feeds, pages) uses these. */
export interface DateReadingOptions {
  /**
   * `02/12/2026` is 2 December (`dmy`, the default) or February 12 (`mdy`); `yyyy-mm-dd` is
   * always year first.
   */
  order?: DateOrder;
  /** Minutes east of UTC for a date that names no zone; Asia/Ho_Chi_Minh (+07:00) by default. */
  offsetMinutes?: number;
  /**
   * Epoch ms that relative dates count from (`2 giờ trước`, `hôm qua`, `23/11` without a year);
   * without it they are refused.
   */
  referenceMs?: number;
  /**
   * Whether the date may sit inside other text (a page's byline); else every word must belong to
   * the date.
   */
  isEmbedded?: boolean;
}

/** What `readDate` made of a text: the instant, or why there is none (never a guess). */
export type DateReading =
  | {
      isRead: true;
      epochMs: number;
      /** Whether the text named its zone (else it was read at `offsetMinutes`). */
      hasZone: boolean;
      /** A numeric date whose first two numbers could both be the month (`02/12/2026`). */
      isOrderAmbiguous: boolean;
    }
  | {
      isRead: false;
      problem: string;
      /** The other order reads this numeric date (`12/13/2026` read day-first). */
      otherOrder?: DateOrder;
    };

/** A wall-clock date and time as written, before its zone is applied. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** A clock time found in a text, with the text around it. */
export interface FoundTime {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** The text with the time cut out (a space in its place). */
  rest: string;
  /** What followed the time, which ends `rest`. */
  after: string;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const TIME = new RegExp(
  `${START}(\\d{1,2})(?:(?::|\\s*[hg]\\s*|\\s*giờ\\s*)(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?(?:\\s*phút)?|\\s*(?:h|giờ)${END})` +
    `(?:\\s*(am|pm|a\\.m\\.|p\\.m\\.|sa|ch|sáng|chiều|tối)${END})?`,
  'u',
);

/** The text with `match` replaced by a space. */
export function cut(text: string, match: RegExpExecArray): string {
  return `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
}

/** Milliseconds of a fraction of a second written after the point (`5` → 500, `123456` → 123). */
export function fraction(text: string | undefined): number {
  return Number((text ?? '0').slice(0, 3).padEnd(3, '0'));
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether day `day` of month `month` (1–12) of `year` exists. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** `2 December 2026`. */
export function describeDay(year: number, month: number, day: number): string {
  return `${day} ${MONTH_NAMES[month - 1] ?? `month ${month}`} ${year}`;
}

/**
 * Epoch ms of a wall-clock time at an offset, or why it is no time: a month past 12, a day the
 * month lacks (31 February), an hour past 23 (24:00:00 alone is the next midnight).
 */
export function localToEpoch(local: LocalDate, offsetMinutes: number): number | string {
  const { year, month, day, hour, minute, second, millisecond } = local;
  if (month < 1 || month > 12) return `${month} is no month`;
  if (!isRealDate(year, month, day))
    return `${MONTH_NAMES[month - 1]} ${year} has ${daysIn(year, month)} days, not ${day}`;
  const isMidnightAfter = hour === 24 && minute === 0 && second === 0 && millisecond === 0;
  if ((hour > 23 && !isMidnightAfter) || minute > 59 || second > 60)
    return `${hour}:${String(minute).padStart(2, '0')} is no time of day`;
  // A leap second (…:60) is read as the second before it, which JavaScript can represent.
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millisecond);
  return utc - offsetMinutes * 60_000;
}

/** The hour of a 12-hour clock with its mark (`SA`/`CH`, sáng/chiều: Vietnamese AM/PM). */
function withMeridiem(hour: number, mark: string | undefined): number {
  if (mark === undefined || hour > 12) return hour;
  if (/^(pm|p\.m\.|ch|chiều|tối)$/u.test(mark)) return hour === 12 ? 12 : hour + 12;
  return hour === 12 ? 0 : hour;
}

/**
 * The first clock time in lower-cased `text` (`08:15`, `8h15`, `8 giờ`, `8:15 pm`, `08:15 ch`);
 * midnight when none.
 */
export function findTime(text: string): FoundTime {
  const match = TIME.exec(text);
  if (match === null)
    return { hour: 0, minute: 0, second: 0, millisecond: 0, rest: text, after: '' };
  const [, hour, minute, second, millis, mark] = match;
  return {
    hour: withMeridiem(Number(hour), mark),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: fraction(millis),
    rest: cut(text, match),
    after: text.slice(match.index + match[0].length),
  };
}
