import { cut } from './date-parts.js';
import { END, START } from './date-words.js';

/** Vietnam's offset (Asia/Ho_Chi_Minh, UTC+7, no daylight saving), for dates that name no zone. */
export const VIETNAM_OFFSET_MINUTES = 420;

/**
 * Zone names dates are written with, in minutes east of UTC. RFC 822's own (UT, GMT, the US
 * zones, Z) plus the ones seen on Asian and Vietnamese sites; ambiguous abbreviations (IST, CST of
 * China) are left out so that a wrong guess never moves a date by hours. The IANA names are only
 * those without daylight saving, so one offset is always right.
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
  'asia/ho_chi_minh': 420,
  'asia/saigon': 420,
  'asia/bangkok': 420,
  'asia/jakarta': 420,
  'asia/singapore': 480,
  'asia/tokyo': 540,
  'etc/utc': 0,
};

/** Zone words `readDate` recognises inside a date, longest first so `cest` wins over `cet`. */
export const ZONE_WORDS: readonly string[] = Object.keys(ZONES)
  .filter((name) => !name.includes('/'))
  .sort((a, b) => b.length - a.length);

/**
 * Minutes east of UTC of a zone as dates write it: `+0700`, `+07:00`, `+7`, `GMT+7`,
 * `UTC+07:00`, `ICT`, `GMT`, `Z`, `Asia/Ho_Chi_Minh`; undefined when it names no zone we know
 * or an offset beyond ±14:00.
 */
export function parseZone(text: string): number | undefined {
  const zone = text.trim().replace(/^\((.*)\)$/, '$1');
  if (zone === '') return undefined;
  const numeric = /^(?:(?:gmt|utc|ut)\s*)?([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (numeric !== null) {
    const [, sign, hours, minutes] = numeric;
    if (Number(minutes ?? 0) > 59) return undefined;
    const value = Number(hours) * 60 + Number(minutes ?? 0);
    if (value > 14 * 60) return undefined;
    return sign === '-' ? -value : value;
  }
  return ZONES[zone.toLowerCase()];
}

/** `+07:00`, `-03:30`, `+00:00`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(offsetMinutes);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}

const PREFIXED_ZONE = /(?<![a-z])(?:gmt|utc|ut)\s*[+-]\s*\d{1,2}(?::?\d{2})?(?!\d)/;
const AFTER_TIME_ZONE = /^\s*\(?\s*(z|[+-]\d{2}:?\d{2})(?!\d)/;
const NAMED_ZONE = new RegExp(`${START}(${ZONE_WORDS.join('|')})${END}`, 'u');

/**
 * The zone named in lower-cased `text` around a time: `GMT+7` anywhere, `+07:00` right after the
 * time (`after` is what follows it, the end of `text`), a zone word (`ICT`, `(GMT)`) after the
 * time or, unless `isEmbedded`, anywhere. `zone` without `offset` is a zone we cannot read.
 */
export function findZone(
  text: string,
  after: string,
  isEmbedded: boolean,
): { offset?: number; zone?: string; rest: string } {
  const prefixed = PREFIXED_ZONE.exec(text);
  if (prefixed !== null)
    return { offset: parseZone(prefixed[0]), zone: prefixed[0], rest: cut(text, prefixed) };
  const afterStart = text.length - after.length;
  const numeric = AFTER_TIME_ZONE.exec(after);
  if (numeric !== null) {
    const rest = `${text.slice(0, afterStart)} ${text.slice(afterStart + numeric[0].length)}`;
    return { offset: parseZone(numeric[1]!), zone: numeric[1]!, rest };
  }
  const from = isEmbedded ? afterStart : 0;
  const named = NAMED_ZONE.exec(text.slice(from));
  if (named === null) return { rest: text };
  const at = from + named.index;
  const rest = `${text.slice(0, at)} ${text.slice(at + named[0].length)}`;
  return { offset: parseZone(named[1]!), zone: named[1]!, rest };
}
