/** Vietnam's offset (UTC+7), taken for dates that name no zone. */
export const VIETNAM_OFFSET_MINUTES = 420;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/**
 * Zone names feeds write, in minutes east of UTC. RFC 822's own (UT, GMT, the US zones, Z) plus
 * the ones seen on Asian and Vietnamese sites; ambiguous abbreviations (IST, CST of China) are
 * left out so that a wrong guess never moves a date by hours.
 */
const ZONES: Readonly<Record<string, number>> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  wet: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  ict: 420,
  wib: 420,
  sgt: 480,
  hkt: 480,
  pht: 480,
  awst: 480,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
};

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** Milliseconds since the epoch of a wall-clock time at an offset, or undefined when invalid. */
function toEpoch(parts: DateParts, offsetMinutes: number): number | undefined {
  const { year, month, day, hour, minute, second, millisecond } = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (hour > 24 || minute > 59 || second > 60) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millisecond);
  // Date.UTC rolls 31 February over into March: refuse instead of guessing.
  if (new Date(utc).getUTCDate() !== day && hour < 24) return undefined;
  return utc - offsetMinutes * 60_000;
}

/** RFC 2822 §4.3: a two-digit year 00–49 is 20xx, 50–99 is 19xx. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

/**
 * Minutes east of UTC of a zone as feeds write it: `+0700`, `+07:00`, `+7`, `GMT+7`,
 * `UTC+07:00`, `ICT`, `GMT`, `Z`; undefined when it names no zone we know.
 */
export function parseZone(text: string): number | undefined {
  const zone = text.trim().replace(/^\((.*)\)$/, '$1');
  if (zone === '') return undefined;
  const numeric = /^(?:(?:gmt|utc|ut)\s*)?([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (numeric !== null) {
    const [, sign, hours, minutes] = numeric;
    const value = Number(hours) * 60 + Number(minutes ?? 0);
    if (value > 14 * 60) return undefined;
    return sign === '-' ? -value : value;
  }
  return ZONES[zone.toLowerCase()];
}

const RFC822 =
  /^(?:[a-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2,4})(?:[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(.*)$/i;

/** `Mon, 23 Nov 2026 08:30:00 +0700` and its relatives (no weekday, no seconds, 2-digit year). */
function parseRfc822(text: string, defaultOffset: number): number | undefined {
  const match = RFC822.exec(text);
  if (match === null) return undefined;
  const [, day, monthName, year, hour, minute, second, fraction, rest] = match;
  const month = MONTHS[monthName!.toLowerCase().slice(0, 3)];
  if (month === undefined) return undefined;
  const zone = rest === undefined || rest === '' ? defaultOffset : parseZone(rest);
  if (zone === undefined) return undefined;
  return toEpoch(
    {
      year: fullYear(year!),
      month,
      day: Number(day),
      hour: Number(hour ?? 0),
      minute: Number(minute ?? 0),
      second: Number(second ?? 0),
      millisecond: Number((fraction ?? '0').padEnd(3, '0')),
    },
    zone,
  );
}

const ISO8601 =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T\s]+(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** ISO 8601 and its W3C-DTF profile: `2026-11-23`, `2026-11-23T08:30+07:00`, `…T01:30:00.5Z`. */
function parseIso(text: string, defaultOffset: number): number | undefined {
  const match = ISO8601.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const offset = zone === undefined ? defaultOffset : parseZone(zone);
  if (offset === undefined) return undefined;
  return toEpoch(
    {
      year: Number(year),
      month: Number(month ?? 1),
      day: Number(day ?? 1),
      hour: Number(hour ?? 0),
      minute: Number(minute ?? 0),
      second: Number(second ?? 0),
      millisecond: Number((fraction ?? '0').slice(0, 3).padEnd(3, '0')),
    },
    offset,
  );
}

const DAY_FIRST_DATE = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/;
const CLOCK_TIME = /(\d{1,2})[:hg](\d{2})(?::(\d{2}))?/i;
const TRAILING_ZONE =
  /(?:\(?\s*((?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|ict)\s*\)?)\s*$/i;

/**
 * The day-first dates Vietnamese sites print: `23/11/2026 08:30`, `Thứ hai, 23/11/2026, 08:30
 * (GMT+7)`, `08:30 23-11-2026`. Day before month, as in Vietnam; a time is optional.
 */
function parseDayFirst(text: string, defaultOffset: number): number | undefined {
  const date = DAY_FIRST_DATE.exec(text);
  if (date === null) return undefined;
  const [, day, month, year] = date;
  const withoutDate = text.slice(0, date.index) + ' ' + text.slice(date.index + date[0].length);
  const zoneMatch = TRAILING_ZONE.exec(withoutDate);
  const offset = zoneMatch === null ? defaultOffset : parseZone(zoneMatch[1]!);
  if (offset === undefined) return undefined;
  const time = CLOCK_TIME.exec(
    zoneMatch === null ? withoutDate : withoutDate.slice(0, zoneMatch.index),
  );
  return toEpoch(
    {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(time?.[1] ?? 0),
      minute: Number(time?.[2] ?? 0),
      second: Number(time?.[3] ?? 0),
      millisecond: 0,
    },
    offset,
  );
}

/**
 * Reads a date as feeds write it: RFC 822/1123 (`pubDate`, with named or numeric zones, 2-digit
 * years, no weekday, no seconds), ISO 8601 / W3C-DTF (`dc:date`, Atom, JSON Feed) and the
 * day-first dates of Vietnamese sites. A date that names no zone is taken at
 * `defaultOffsetMinutes` (Vietnam's +07:00 unless told). Returns epoch milliseconds, or undefined
 * when the text is no date we can read with certainty (never a guess in the machine's zone).
 */
export function parseFeedDate(
  text: string,
  defaultOffsetMinutes: number = VIETNAM_OFFSET_MINUTES,
): number | undefined {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return undefined;
  return (
    parseIso(trimmed, defaultOffsetMinutes) ??
    parseRfc822(trimmed, defaultOffsetMinutes) ??
    parseDayFirst(trimmed, defaultOffsetMinutes)
  );
}
