import type { Author } from '../core/types.js';
import { hash32, type Rng } from './rng.js';
import { stripMarks } from './style.js';

/** A list written as `a|b|c`, to keep name pools compact. */
const list = (items: string): readonly string[] => items.split('|');

const FAMILY = list(
  'Nguyễn|Nguyễn|Nguyễn|Nguyễn|Trần|Trần|Lê|Lê|Phạm|Huỳnh|Hoàng|Phan|Võ|Vũ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Trương|Đinh|Lâm|Mai|Tô|Châu|Lương|Tạ|Quách',
);
const MIDDLE_M = list('Văn|Hữu|Đức|Minh|Quốc|Thanh|Hoàng|Công|Tuấn|Gia|Nhật|Trọng');
const MIDDLE_F = list('Thị|Ngọc|Thu|Thanh|Mỹ|Kim|Thùy|Bảo|Phương|Hồng|Khánh|Diệu');
const GIVEN_M = list(
  'Hùng|Dũng|Tuấn|Minh|Nam|Phong|Long|Khang|Huy|Bảo|Hải|Tài|Phúc|Lộc|Sơn|Trung|Hiếu|Khoa|Tín|Vinh|Quang|Thành|Đạt|Nhân|Toàn|Thịnh|Kiệt|An|Duy|Khải|Tâm|Cường',
);
const GIVEN_F = list(
  'Lan|Hương|Trang|Linh|Thảo|Ngọc|Vy|Anh|Hạnh|Mai|Nhung|Hoa|Yến|Hằng|Trâm|Ngân|Thư|Uyên|Quyên|Diễm|Loan|Phương|Nhi|Tiên|My|Hân|Châu|Giang|Huyền|Thủy|Oanh|Xuân',
);
const NICK_PREFIX = list('Mẹ|Bé|Anh|Chị|Cô|Chú|Bố|Ba');
const NICK_SUFFIX = list('Sài Gòn|SG|Quận 7|Gò Vấp|Bình Thạnh|Thủ Đức|Official|🌸|✨|88|99');
const NICK_KID = list('Bắp|Bơ|Sữa|Cốm|Na|Su|Tôm|Gấu|Mít|Xoài');
const EN_WORDS = list(
  'saigon|hcmc|d7|d2|thaodien|expat|local|rider|grab|pho|banhmi|monsoon|scooter',
);
const EN_TAILS = list('guy|life|dad|mom|fan|walker|nomad|teacher|dev|rat');

function at<T>(items: readonly T[], h: number): T {
  return items[h % items.length]!;
}

const plainLower = (names: readonly string[]): string[] =>
  names.map((n) => stripMarks(n).toLowerCase());
const FAMILY_PLAIN = plainLower(FAMILY);
const GIVEN_M_PLAIN = plainLower(GIVEN_M);
const GIVEN_F_PLAIN = plainLower(GIVEN_F);

interface Person {
  female: boolean;
  family: number;
  middle: number;
  given: number;
}

/** The same person for the same index: name, gender and handle depend only on `(seedTag, k)`. */
function personOf(seedTag: number, k: number): Person {
  const h1 = hash32(seedTag, k);
  const h2 = hash32(h1, 7);
  const female = (h1 & 1) === 1;
  const middles = female ? MIDDLE_F : MIDDLE_M;
  const givens = female ? GIVEN_F : GIVEN_M;
  const middle = (h2 >>> 2) % middles.length;
  let given = (h2 >>> 9) % givens.length;
  // "Phương Phương", "Thanh Thanh": never the same middle and given name.
  if (givens[given] === middles[middle]) given = (given + 1) % givens.length;
  return { female, family: (h1 >>> 3) % FAMILY.length, middle, given };
}

function fullName(p: Person): string {
  const middle = (p.female ? MIDDLE_F : MIDDLE_M)[p.middle]!;
  return `${FAMILY[p.family]!} ${middle} ${givenOf(p)}`;
}

function givenOf(p: Person): string {
  return (p.female ? GIVEN_F : GIVEN_M)[p.given]!;
}

function displayName(p: Person, seedTag: number, k: number): string {
  const h = hash32(k, seedTag ^ 0x5bd1e995) % 100;
  if (h < 50) return fullName(p);
  if (h < 75) return `${givenOf(p)} ${FAMILY[p.family]!}`;
  if (h < 85) return `${givenOf(p)} ${at(NICK_SUFFIX, k)}`;
  return `${at(NICK_PREFIX, k >>> 2)} ${at(NICK_KID, k >>> 5)}`;
}

function handleOf(p: Person, seedTag: number, k: number): string {
  const g = (p.female ? GIVEN_F_PLAIN : GIVEN_M_PLAIN)[p.given]!;
  const f = FAMILY_PLAIN[p.family]!;
  const n = hash32(k, seedTag) % 4;
  const base = n === 0 ? `${g}.${f}` : n === 1 ? `${g}${f}` : n === 2 ? `${f}_${g}` : `${g}.sg`;
  return `${base}${k}`;
}

/** Heavy-tailed follower count: most people have hundreds, a few tens of thousands. */
function followersOf(seedTag: number, k: number): number {
  const h = hash32(k ^ 0x1234567, seedTag);
  const u = ((h & 0xffff) + ((h >>> 16) & 0xffff)) / 131072;
  return Math.floor(Math.exp(3 + 9 * u * u));
}

/** What a person looks like everywhere: computed once per `(seedTag, k)` for active authors. */
interface Identity {
  id: string;
  handle: string;
  display: string;
  followers: number;
}

const CACHED_IDENTITIES = 65_536;
let cachedSeedTag = Number.NaN;
const identities: Identity[] = [];

function computeIdentity(seedTag: number, k: number): Identity {
  const person = personOf(seedTag, k);
  const handle = handleOf(person, seedTag, k);
  return {
    id: `demo-u-${handle}`,
    handle: `@${handle}`,
    display: displayName(person, seedTag, k),
    followers: followersOf(seedTag, k),
  };
}

function identityOf(seedTag: number, k: number): Identity {
  if (k >= CACHED_IDENTITIES) return computeIdentity(seedTag, k);
  if (seedTag !== cachedSeedTag) {
    identities.length = 0;
    cachedSeedTag = seedTag;
  }
  return (identities[k] ??= computeIdentity(seedTag, k));
}

/**
 * A private citizen's account on one platform; the same `k` is the same person everywhere. Each
 * call returns a new object.
 */
export function citizenAuthor(platform: string, k: number, seedTag: number): Author {
  if (platform === 'reddit') {
    const h = hash32(seedTag, k);
    return {
      id: `demo-u-${k}`,
      name: `${at(EN_WORDS, h)}_${at(EN_TAILS, h >>> 8)}${k % 1000}`,
      followers: followersOf(seedTag, k) % 5000,
    };
  }
  const who = identityOf(seedTag, k);
  const name = platform === 'x' || platform === 'tiktok' ? who.handle : who.display;
  return { id: who.id, name, followers: who.followers };
}

/** Community pages and groups that repost local news (not press). */
export const COMMUNITY_PAGES: readonly string[] = list(
  'Tin Nóng Sài Gòn|Hóng Biến Sài Gòn|Cộng đồng Gò Vấp|Hội Những Người Yêu Sài Gòn|Otofun Sài Gòn|Cư dân Quận 7|Chuyện Phú Mỹ Hưng|Thủ Đức Plus|Góc Bình Thạnh|Tin Tức Bình Tân|Review Ăn Uống Sài Gòn|Sài Gòn Kẹt Xe|Cảnh Báo Lừa Đảo SG|Người Tân Bình|Hội Phụ huynh Sài Gòn',
);

/** A community page as an author (large following, not press). */
export function pageAuthor(index: number): Author {
  const name = COMMUNITY_PAGES[index % COMMUNITY_PAGES.length]!;
  const slug = stripMarks(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
  return { id: `demo-page-${slug}`, name, followers: 40_000 + (hash32(index) % 900_000) };
}

/** Names of people quoted in press articles, "anh Nguyễn Văn Hùng (35 tuổi)", derived from a seed. */
export function quotedPersonOf(seed: number): string {
  const person = personOf(0x51ed, seed % 1_000_000);
  const full = fullName(person);
  const female = person.female;
  const h = hash32(seed, 0xa9e);
  const age = 22 + (h % 47);
  const title = age > 55 ? (female ? 'bà' : 'ông') : female ? 'chị' : 'anh';
  return (h >>> 8) % 10 < 6 ? `${title} ${full} (${age} tuổi)` : `${title} ${full}`;
}

/** The given name alone, for comments ("Chị Lan ơi"). */
export function givenName(rng: Rng): string {
  return rng.pick(rng.chance(0.5) ? GIVEN_F : GIVEN_M);
}

/** Distinct citizen names the pools can produce (for variety figures). */
export const NAME_COMBINATIONS =
  new Set(FAMILY).size * (MIDDLE_M.length * GIVEN_M.length + MIDDLE_F.length * GIVEN_F.length);
