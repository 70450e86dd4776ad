import { foldText } from './fold.js';

/** The kinds of personal data found in post text. */
export type PersonalDataKind = 'phone' | 'national_id' | 'email' | 'bank_account';

/** One piece of personal data: UTF-16 offsets into the input (end exclusive) and its text. */
export interface PersonalData {
  kind: PersonalDataKind;
  start: number;
  end: number;
  text: string;
}

const EMAIL =
  /(?<![\w.%+-])[A-Za-z0-9][\w.%+-]{0,63}@(?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24}(?![\w-])/g;
/** Not inside a word or a longer number ("1.0901234567" is not a phone). */
const BEFORE = String.raw`(?<![\p{L}\p{N}_+])(?<!\p{N}[.,\-])`;
const AFTER = String.raw`(?!\p{N})(?![.,\-]\p{N})`;
const COUNTRY = String.raw`(?:(?:\+|00)84|\(\+?84\)|84)[ .\-]?(?:\(0\)[ .\-]?)?`;
/** 10-digit mobiles (0 + 9) and 11-digit landlines (02 + 9), written 0… or +84…/84…. */
const PHONE = new RegExp(
  `${BEFORE}(?:${COUNTRY}|0)(?:[35789](?:[ .\\-]?\\d){8}|2(?:[ .\\-]?\\d){9})${AFTER}`,
  'gu',
);
const TWELVE = new RegExp(
  `${BEFORE}(?:\\d{12}|\\d{3}(?:[ .]\\d{3}){3}|\\d{4}(?:[ .]\\d{4}){2})${AFTER}`,
  'gu',
);
const NINE = new RegExp(`${BEFORE}\\d{9}${AFTER}`, 'gu');
/** 8–16 digits, single separators allowed: only taken next to a bank keyword. */
const ACCOUNT = new RegExp(`${BEFORE}\\d(?:[ .\\-]?\\d){7,15}${AFTER}`, 'gu');

/** Mobile prefixes in use (Viettel, Vinaphone, Mobifone, Vietnamobile, Gmobile, Itel, Reddi). */
const MOBILE_PREFIX = /^(?:3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)/;
/** CCCD province codes (the first three digits: where the citizen's birth was registered). */
const PROVINCES = new Set(
  (
    '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 ' +
    '035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 ' +
    '070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'
  ).split(' '),
);

const BANK_WORDS =
  'stk|so tk|so tai khoan|tai khoan|tk|account|acc|chuyen khoan|ck|ngan hang|bank|vietcombank|vcb|' +
  'techcombank|tcb|mb|mbbank|mb bank|acb|bidv|agribank|vietinbank|vpbank|tpbank|sacombank|scb|' +
  'shb|hdbank|ocb|msb|eximbank|seabank|vib|lpbank|nam a bank|bac a bank|abbank|pvcombank|momo';
const ID_WORDS = 'cccd|cmnd|cmt|can cuoc|chung minh|dinh danh|national id|id card';
const PHONE_WORDS =
  'sdt|so dt|dt|dien thoai|so dien thoai|zalo|lien he|goi|hotline|call|phone|tel|lh';
const NOT_PERSONAL_WORDS =
  'ma don|ma van don|van don|don hang|ma hang|ma so thue|mst|hoa don|ma ho so|so ho so|' +
  'ma giao dich|ma gd|order|tracking|ma tra cuu|hop dong|imei|serial|ma sp|ma san pham';

function keywordPattern(words: string, flags = ''): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${words})(?![a-z0-9])`, flags);
}
const BANK = keywordPattern(BANK_WORDS);
const BANK_ALL = keywordPattern(BANK_WORDS, 'g');
const PHONE_ALL = keywordPattern(PHONE_WORDS, 'g');
const ID = keywordPattern(ID_WORDS);
const NOT_PERSONAL = keywordPattern(NOT_PERSONAL_WORDS);
const MONEY = /^\d{1,3}(?:[.,]\d{3})+$/;
const DATE = /^(?:\d{4}[-.]\d{2}[-.]\d{2}|\d{2}[-.]\d{2}[-.]\d{4})$/;
const CURRENCY_AFTER =
  /^\s?(?:đ|d|vnd|vnđ|đồng|dong|k|tr|triệu|trieu|usd|\$|tỷ|ty|nghìn|ngàn|ngan)(?![\p{L}\p{N}])/iu;
/** How far before a number its keyword may stand. */
const CONTEXT_CHARS = 40;

/** The folded text just before `start`, cut after the last digit so a keyword names one number. */
function contextBefore(text: string, start: number): string {
  const window = text.slice(Math.max(0, start - CONTEXT_CHARS), start);
  let cut = window.length;
  while (cut > 0 && !/\d/.test(window[cut - 1]!)) cut--;
  return foldText(window.slice(cut));
}

function lastIndex(pattern: RegExp, s: string): number {
  let last = -1;
  for (const m of s.matchAll(pattern)) last = m.index;
  return last;
}

/** A phone-shaped number is a bank account only when a bank keyword is the nearer one. */
function isAccountContext(before: string, phoneShaped: boolean): boolean {
  if (!BANK.test(before) || NOT_PERSONAL.test(before)) return false;
  return !phoneShaped || lastIndex(BANK_ALL, before) > lastIndex(PHONE_ALL, before);
}

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

interface Candidate extends PersonalData {
  priority: number;
}

function push(out: Candidate[], kind: PersonalDataKind, m: RegExpExecArray, priority: number) {
  out.push({ kind, start: m.index, end: m.index + m[0].length, text: m[0], priority });
}

/**
 * Whether the text has `min` ASCII digits in a row, one space, dot or hyphen allowed between two
 * of them: every number pattern above needs 8 (an account), 9 (a phone, a CMND) or more.
 */
function hasDigitRun(text: string, min: number): boolean {
  let run = 0;
  let afterDigit = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      if (++run >= min) return true;
      afterDigit = true;
    } else if (afterDigit && (code === 0x20 || code === 0x2e || code === 0x2d)) {
      afterDigit = false;
    } else {
      run = 0;
      afterDigit = false;
    }
  }
  return false;
}

function numberCandidates(text: string, out: Candidate[]): void {
  const phones = new Set<number>();
  for (const m of text.matchAll(PHONE)) {
    const national = digitsOf(m[0]).replace(/^(?:0084|84)?0?/, '');
    if (!national.startsWith('2') && !MOBILE_PREFIX.test(national)) continue;
    push(out, 'phone', m, 2);
    phones.add(m.index);
  }
  for (const m of text.matchAll(TWELVE)) {
    const before = contextBefore(text, m.index);
    if (ID.test(before)) push(out, 'national_id', m, 1);
    else if (!NOT_PERSONAL.test(before) && PROVINCES.has(digitsOf(m[0]).slice(0, 3))) {
      push(out, 'national_id', m, 3);
    }
  }
  for (const m of text.matchAll(NINE)) {
    if (ID.test(contextBefore(text, m.index))) push(out, 'national_id', m, 1);
  }
  for (const m of text.matchAll(ACCOUNT)) {
    if (MONEY.test(m[0]) || DATE.test(m[0])) continue;
    if (CURRENCY_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) continue;
    const phoneShaped = phones.has(m.index);
    if (isAccountContext(contextBefore(text, m.index), phoneShaped))
      push(out, 'bank_account', m, 1);
  }
}

/**
 * Finds phone numbers, CCCD/CMND numbers, e-mail addresses and bank account numbers in a text,
 * in text order, never overlapping. Bank accounts and 9-digit CMND numbers are taken only after
 * a keyword ("STK", a bank's name, "CMND"); a 12-digit number without one must start with a
 * province code and not follow "mã đơn", "mã số thuế" and the like. Never throws.
 */
export function findPersonalData(text: string): PersonalData[] {
  const hasAt = text.includes('@');
  const hasNumber = hasDigitRun(text, 8);
  if (!hasAt && !hasNumber) return [];
  const candidates: Candidate[] = [];
  if (hasAt) for (const m of text.matchAll(EMAIL)) push(candidates, 'email', m, 0);
  if (hasNumber) numberCandidates(text, candidates);
  return resolveOverlaps(candidates).map(({ kind, start, end, text: slice }) => ({
    kind,
    start,
    end,
    text: slice,
  }));
}

/** Keeps non-overlapping candidates in text order; of two that overlap, the higher priority. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || a.priority - b.priority);
  const taken: Candidate[] = [];
  for (const c of candidates) {
    const last = taken[taken.length - 1];
    if (last === undefined || last.end <= c.start) taken.push(c);
    else if (c.priority < last.priority) taken[taken.length - 1] = c;
  }
  return taken;
}

function maskOne(value: string, kind: PersonalDataKind | undefined): string {
  if (kind === 'email' || (kind === undefined && value.includes('@'))) {
    const at = value.lastIndexOf('@');
    return `${value.slice(0, 1)}***${value.slice(at)}`;
  }
  const digits = digitsOf(value);
  if (digits.length <= 3) return '*'.repeat(Math.max(1, value.length));
  return '*'.repeat(digits.length - 3) + digits.slice(-3);
}

/**
 * Replaces each span of `text` with a mask: numbers keep their last 3 digits ("*******567"),
 * e-mails their first letter and domain ("n***@gmail.com"). Spans out of range or overlapping an
 * earlier one are ignored; the text is read at the offsets given, not from `span.text`.
 */
export function maskPersonalData(
  text: string,
  spans: readonly Pick<PersonalData, 'start' | 'end'>[] & readonly Partial<PersonalData>[],
): string {
  const ordered = [...spans]
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end))
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const span of ordered) {
    const start = Math.max(span.start, 0);
    const end = Math.min(span.end, text.length);
    if (start < at || end <= start) continue;
    out += text.slice(at, start) + maskOne(text.slice(start, end), span.kind);
    at = end;
  }
  return out + text.slice(at);
}
