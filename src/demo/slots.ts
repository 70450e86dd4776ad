import type { IssueSource } from './content/issue-source.js';
import { givenName, quotedPersonOf } from './people.js';
import {
  CITY_CASUAL,
  CITY_FORMAL,
  DISTRICTS,
  casualSpot,
  casualWard,
  formalLocation,
  pickDistrictIndex,
  type District,
} from './places.js';
import type { Rng } from './rng.js';
import { capitalize } from './style.js';

/**
 * The facts a post (or every post about one incident) talks about: where, what, how much. Slots
 * that name a fact read it from here, so posts about the same incident agree; slots that are
 * only wording (`{q}`, `{city}`) still vary from post to post.
 */
export interface Scene {
  issue: IssueSource;
  districtIndex: number;
  district: District;
  ward: string;
  street: string;
  /** The issue's spot, full form ("đường Nguyễn Hữu Cảnh", "vòng xoay Hàng Xanh"). */
  spot: string;
  landmark: string;
  org: string;
  /** Seed of the person quoted (`{name}`), so every article about a scene quotes the same one. */
  personSeed: number;
  n: number;
  num: number;
  depth: string;
  minutes: string;
  money: string;
  /** When the event happened (ms); drives "chiều 14/11" and "sáng nay". */
  atMs: number;
  laterMs: number;
}

const DEPTHS = [
  '20 cm',
  '30cm',
  '40 cm',
  '50cm',
  'nửa mét',
  'ngang đầu gối',
  'ngang bánh xe',
  'gần 1 mét',
  '30-40 cm',
];
const MINUTES = [
  '30 phút',
  '45 phút',
  'hơn 1 tiếng',
  'gần 2 tiếng',
  '20 phút',
  'hơn 30 phút',
  'cả tiếng',
  '40 phút',
];
const MONEY = [
  '500 nghìn đồng',
  '2 triệu đồng',
  '15 triệu đồng',
  '120 triệu đồng',
  '1,2 tỉ đồng',
  '300 triệu đồng',
  '45 triệu đồng',
  '8 triệu',
  '3,5 triệu đồng',
  '60 triệu',
];
const VN_OFFSET_MS = 7 * 3_600_000;

function spotsOf(issue: IssueSource, district: District): readonly string[] {
  if (issue.spot === 'flood' && district.flood.length > 0) return district.flood;
  if (issue.spot === 'traffic' && district.traffic.length > 0) return district.traffic;
  if (issue.spot === 'landmark') return district.landmarks;
  return district.streetSpots;
}

const SCHOOL_LEVELS = ['Mầm non', 'Tiểu học', 'Tiểu học', 'THCS', 'THCS', 'THPT'];

function orgOf(issue: IssueSource, district: District, ward: string, rng: Rng): string {
  if (issue.orgFrom === 'canal') return rng.pick(district.canals);
  if (issue.orgFrom === 'school')
    return `Trường ${rng.pick(SCHOOL_LEVELS)} ${ward.replace(/^(phường|xã) /, '')}`;
  return issue.orgs.length > 0 ? rng.pick(issue.orgs) : 'UBND phường';
}

/**
 * Moves a time at night (0–6h in Vietnam) back to the evening before, except for security
 * incidents: floods, jams and offices are reported in the day.
 */
function plausibleHour(issue: IssueSource, atMs: number): number {
  if (issue.key === 'security') return atMs;
  const hour = vnDate(atMs).getUTCHours();
  return hour < 6 ? atMs - (hour + 5) * 3_600_000 : atMs;
}

/** Draws a fresh scene for one issue at (about) one time. */
export function makeScene(issue: IssueSource, time: number, rng: Rng): Scene {
  const atMs = plausibleHour(issue, time);
  const districtIndex = pickDistrictIndex(rng);
  const district = DISTRICTS[districtIndex]!;
  const ward = rng.pick(district.wards);
  const spot = rng.pick(spotsOf(issue, district));
  const street = spot.startsWith('đường ')
    ? spot.slice('đường '.length)
    : rng.pick(district.streets);
  return {
    issue,
    districtIndex,
    district,
    ward,
    street,
    spot,
    landmark: rng.pick(district.landmarks),
    org: orgOf(issue, district, ward, rng),
    personSeed: rng.int(0x7fffffff),
    n: rng.between(2, 9),
    num: rng.between(12, 240),
    depth: rng.pick(DEPTHS),
    minutes: rng.pick(MINUTES),
    money: rng.pick(MONEY),
    atMs,
    laterMs: atMs + rng.between(40, 180) * 60_000,
  };
}

function vnDate(ms: number): Date {
  return new Date(ms + VN_OFFSET_MS);
}

function partOfDay(hour: number): string {
  if (hour < 5) return 'rạng sáng';
  if (hour < 11) return 'sáng';
  if (hour < 13) return 'trưa';
  if (hour < 18) return 'chiều';
  if (hour < 22) return 'tối';
  return 'khuya';
}

/** "14/11" in Vietnam time. */
export function dayMonth(ms: number): string {
  const d = vnDate(ms);
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}`;
}

function clock(ms: number): string {
  const d = vnDate(ms);
  const m = d.getUTCMinutes();
  return m < 10 ? `${d.getUTCHours()}h` : `${d.getUTCHours()}h${m - (m % 5)}`;
}

function casualTime(ms: number, rng: Rng): string {
  const hour = vnDate(ms).getUTCHours();
  if (rng.chance(0.25)) return rng.pick(['hồi nãy', 'mới nãy', 'vừa xong', 'lúc nãy']);
  if (hour < 5) return rng.pick(['tối qua', 'khuya qua', 'đêm qua']);
  if (hour < 11) return rng.pick(['sáng nay', 'hồi sáng', 'sáng sớm nay', `lúc ${hour}h sáng nay`]);
  if (hour < 13) return rng.pick(['trưa nay', 'hồi trưa']);
  if (hour < 18) return rng.pick(['chiều nay', 'hồi chiều', `lúc ${hour - 12}h chiều`]);
  return rng.pick(['tối nay', 'hồi tối', `lúc ${hour - 12}h tối`]);
}

const PHONE_PREFIX = ['090', '093', '097', '098', '091', '070', '077', '035', '036', '083'];

function phone(rng: Rng): string {
  const digits = String(rng.int(10_000_000)).padStart(7, '0');
  return `${rng.pick(PHONE_PREFIX)}${digits.slice(0, 1)} ${digits.slice(1, 4)} ${digits.slice(4)}`;
}

/**
 * The text for one `{slot}` of a template. A slot written with a capital first letter is the
 * lower-case slot's value, capitalized. Unknown slots render as an empty string.
 */
export function fillSlot(slot: string, scene: Scene, rng: Rng): string {
  const first = slot.charCodeAt(0);
  if (first >= 65 && first <= 90) return capitalize(fillSlot(slot.toLowerCase(), scene, rng));
  const d = scene.district;
  switch (slot) {
    case 'q':
      return rng.pick(d.casual);
    case 'dist':
      return d.formal;
    case 'p':
      return casualWard(scene.ward, rng);
    case 'ward':
      return scene.ward;
    case 'loc':
      return formalLocation(d, scene.ward, rng);
    case 'street':
      return scene.street;
    case 'spot':
      return casualSpot(scene.spot, rng);
    case 'place':
      return scene.spot;
    case 'lm':
      return scene.landmark;
    case 'city':
      return rng.pick(CITY_CASUAL);
    case 'hcm':
      return rng.pick(CITY_FORMAL);
    case 'time':
      return casualTime(scene.atMs, rng);
    case 'ptime':
      return `${partOfDay(vnDate(scene.atMs).getUTCHours())} ${dayMonth(scene.atMs)}`;
    case 'date':
      return dayMonth(scene.atMs);
    case 'hour':
      return clock(scene.laterMs);
    case 'at':
      return clock(scene.atMs);
    case 'n':
      return String(scene.n);
    case 'num':
      return String(scene.num);
    case 'depth':
      return scene.depth;
    case 'minutes':
      return scene.minutes;
    case 'money':
      return scene.money;
    case 'org':
      return scene.org;
    case 'name':
      return quotedPersonOf(scene.personSeed);
    case 'en':
      return d.english;
    case 'x':
      return givenName(rng);
    case 'phone':
      return phone(rng);
    case 'code':
      return rng.int(2_000_000_000).toString(36);
    default:
      return '';
  }
}
