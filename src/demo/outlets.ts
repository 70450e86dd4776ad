import type { Author } from '../core/types.js';
import { foldText } from '../nlp/fold.js';

/** A newspaper: its name, domain, and how its article URLs look. */
export interface Outlet {
  name: string;
  domain: string;
  followers: number;
  /** How often it covers city news, relative to the others. */
  weight: number;
  /** Builds an article URL from a slug, the publication time and a unique number. */
  url(slug: string, publishedMs: number, n: number): string;
}

/** `yyyyMMddHHmmss` in Vietnam time (UTC+7), as several outlets put in their URLs. */
function stamp(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

function pad(n: number, width: number): string {
  return String(n % 10 ** width).padStart(width, '0');
}

export const OUTLETS: readonly Outlet[] = [
  {
    name: 'VnExpress',
    domain: 'vnexpress.net',
    followers: 9_800_000,
    weight: 10,
    url: (s, _ms, n) => `https://vnexpress.net/${s}-${4_800_000 + (n % 5_000_000)}.html`,
  },
  {
    name: 'Tuổi Trẻ',
    domain: 'tuoitre.vn',
    followers: 5_200_000,
    weight: 9,
    url: (s, ms, n) => `https://tuoitre.vn/${s}-${stamp(ms)}${pad(n, 3)}.htm`,
  },
  {
    name: 'Thanh Niên',
    domain: 'thanhnien.vn',
    followers: 4_100_000,
    weight: 8,
    url: (s, ms, n) => `https://thanhnien.vn/${s}-185${stamp(ms).slice(2, 14)}${pad(n, 3)}.htm`,
  },
  {
    name: 'Người Lao Động',
    domain: 'nld.com.vn',
    followers: 2_300_000,
    weight: 6,
    url: (s, ms, n) => `https://nld.com.vn/${s}-196${stamp(ms).slice(2, 14)}${pad(n, 3)}.htm`,
  },
  {
    name: 'SGGP',
    domain: 'sggp.org.vn',
    followers: 900_000,
    weight: 5,
    url: (s, _ms, n) => `https://www.sggp.org.vn/${s}-post${700_000 + (n % 900_000)}.html`,
  },
  {
    name: 'Pháp Luật TP.HCM',
    domain: 'plo.vn',
    followers: 1_600_000,
    weight: 5,
    url: (s, _ms, n) => `https://plo.vn/${s}-post${800_000 + (n % 900_000)}.html`,
  },
  {
    name: 'Dân Trí',
    domain: 'dantri.com.vn',
    followers: 4_600_000,
    weight: 5,
    url: (s, ms, n) => `https://dantri.com.vn/xa-hoi/${s}-${stamp(ms)}${pad(n, 3)}.htm`,
  },
  {
    name: 'VietnamNet',
    domain: 'vietnamnet.vn',
    followers: 2_900_000,
    weight: 4,
    url: (s, _ms, n) => `https://vietnamnet.vn/${s}-${2_300_000 + (n % 900_000)}.html`,
  },
  {
    name: 'Lao Động',
    domain: 'laodong.vn',
    followers: 1_200_000,
    weight: 3,
    url: (s, _ms, n) => `https://laodong.vn/xa-hoi/${s}-${1_400_000 + (n % 900_000)}.ldo`,
  },
  {
    name: 'VTV',
    domain: 'vtv.vn',
    followers: 6_000_000,
    weight: 3,
    url: (s, ms, n) => `https://vtv.vn/xa-hoi/${s}-${stamp(ms)}${pad(n, 3)}.htm`,
  },
  {
    name: 'Znews',
    domain: 'znews.vn',
    followers: 3_300_000,
    weight: 4,
    url: (s, _ms, n) => `https://znews.vn/${s}-post${1_500_000 + (n % 900_000)}.html`,
  },
];

/** The outlet as the author of its articles and of its pages on social platforms. */
export function outletAuthor(outlet: Outlet): Author {
  return { id: outlet.domain, name: outlet.name, followers: outlet.followers, isPress: true };
}

const WORD = /[a-z0-9]+/g;

/** A URL slug the way Vietnamese news sites make them: folded, dash-separated, at most 12 words. */
export function slugify(title: string): string {
  const words = foldText(title).match(WORD);
  return words === null ? '' : words.slice(0, 12).join('-');
}
