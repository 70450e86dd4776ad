/** The words dates are written with in Vietnamese and English, for `readDate`. */

/** Not a letter next: `\b` only knows ASCII, and Vietnamese words end in letters like `ư`. */
export const END = '(?![\\p{L}\\d])';
/** Not a letter before. */
export const START = '(?<![\\p{L}\\d])';

/** Month words after `tháng`, with and without diacritics, longest first. */
const VIETNAMESE_MONTHS: ReadonlyArray<[string, number]> = [
  ['mười một', 11],
  ['muoi mot', 11],
  ['mười hai', 12],
  ['muoi hai', 12],
  ['mười', 10],
  ['muoi', 10],
  ['giêng', 1],
  ['gieng', 1],
  ['một', 1],
  ['mot', 1],
  ['hai', 2],
  ['ba', 3],
  ['tư', 4],
  ['tu', 4],
  ['bốn', 4],
  ['bon', 4],
  ['năm', 5],
  ['nam', 5],
  ['sáu', 6],
  ['sau', 6],
  ['bảy', 7],
  ['bay', 7],
  ['tám', 8],
  ['tam', 8],
  ['chín', 9],
  ['chin', 9],
  ['chạp', 12],
  ['chap', 12],
];

/** `tháng`, `thang`, `thg`: what a month number or word follows. */
export const MONTH_WORD = '(?:tháng|thang|thg)';

const VIETNAMESE_MONTH = new RegExp(
  `${START}(${MONTH_WORD})\\s+(${VIETNAMESE_MONTHS.map(([word]) => word).join('|')})${END}`,
  'gu',
);

/** `tháng Mười Hai` → `tháng 12`, so one numeric pattern reads every Vietnamese month. */
export function monthWordsToNumbers(text: string): string {
  return text.replace(
    VIETNAMESE_MONTH,
    (_, prefix: string, word: string) =>
      `${prefix} ${VIETNAMESE_MONTHS.find(([name]) => name === word)![1]}`,
  );
}

const ENGLISH_MONTHS = [
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sep(?:t(?:ember)?)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
];

/** One English month name or abbreviation, as a capture group. */
export const ENGLISH_MONTH = `(${ENGLISH_MONTHS.join('|')})\\.?${END}`;

/** 1–12 of an English month name matched by `ENGLISH_MONTH`. */
export function englishMonthNumber(name: string): number {
  return ENGLISH_MONTHS.findIndex((pattern) => new RegExp(`^${pattern}$`).test(name)) + 1;
}

/**
 * Weekday names: dropped, never checked against the date (sites print the wrong one often
 * enough), but removed first so that `Thứ Năm` is not read as the year word `năm`.
 */
export const WEEKDAY = new RegExp(
  `${START}(?:(?:thứ|thu)\\s*(?:hai|ba|tư|tu|năm|nam|sáu|sau|bảy|bay|[2-7])|chủ\\s*nhật|chu\\s*nhat|cn|t[2-7]|` +
    `mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\\.?${END}`,
  'gu',
);

/** Words around a date that say nothing about it, allowed in an otherwise exact reading. */
export const FILLER = new RegExp(
  `${START}(?:ngày đăng|ngày|ngay|đăng lúc|đăng ngày|đăng|cập nhật|cap nhat|lúc|luc|vào|vao|hồi|` +
    `xuất bản|published|updated|posted|at|on|the|of)${END}|[\\s,;|()\\-–—/·•:.@]+`,
  'gu',
);

/** Relative-time units in milliseconds. */
export const RELATIVE_UNITS: ReadonlyArray<[RegExp, number]> = [
  [/^(giây|giay|seconds?|secs?)$/u, 1000],
  [/^(phút|phut|minutes?|mins?)$/u, 60_000],
  [/^(giờ|gio|tiếng|tieng|hours?|hrs?)$/u, 3_600_000],
  [/^(ngày|ngay|days?)$/u, 86_400_000],
  [/^(tuần|tuan|weeks?)$/u, 7 * 86_400_000],
  [/^(tháng|thang|months?)$/u, 30 * 86_400_000],
  [/^(năm|nam|years?)$/u, 365 * 86_400_000],
];

/** Days back from today of `hôm nay`, `hôm qua`, `hôm kia` and their English kin. */
export const DAYS_BACK: ReadonlyMap<string, number> = new Map([
  ['hôm nay', 0],
  ['hom nay', 0],
  ['today', 0],
  ['hôm qua', 1],
  ['hom qua', 1],
  ['yesterday', 1],
  ['hôm kia', 2],
  ['hom kia', 2],
]);
