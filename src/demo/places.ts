import { DISTRICT_SPECS, type DistrictSpec } from './places-data.js';
import { weightedPicker, type Rng } from './rng.js';

/** A former district (or merged province) with the many ways people write its name. */
export interface District {
  /** Formal (press) name: "quận 7", "quận Bình Thạnh", "TP Thủ Đức", "huyện Củ Chi". */
  formal: string;
  /** Ways people type it on social media, repeated by how common each is. */
  casual: readonly string[];
  english: string;
  /** New units with their prefix: "phường Tân Mỹ", "xã Bình Mỹ". */
  wards: readonly string[];
  streets: readonly string[];
  landmarks: readonly string[];
  flood: readonly string[];
  traffic: readonly string[];
  /** Streets as spots: "đường Lê Lợi", "Quốc lộ 22". */
  streetSpots: readonly string[];
  /** Canals and rivers through it (the city's main canals where it has none of its own). */
  canals: readonly string[];
}

const CITY_CANALS = [
  'kênh Nhiêu Lộc - Thị Nghè',
  'kênh Tàu Hủ',
  'kênh Tân Hóa - Lò Gốm',
  'kênh Tham Lương',
];

function list(text: string | undefined): string[] {
  return text === undefined ? [] : text.split(', ').map((item) => item.trim());
}

function casualNames(spec: DistrictSpec): string[] {
  const n = spec.name;
  if (/^\d+$/.test(n)) {
    return [
      `Quận ${n}`,
      `quận ${n}`,
      `quận ${n}`,
      `Q${n}`,
      `Q${n}`,
      `q${n}`,
      `Q.${n}`,
      `Q. ${n}`,
      `q.${n}`,
    ];
  }
  if (spec.unit === 'TP') return [n, n, `TP ${n}`, `TP. ${n}`, `tp ${n}`, `Q.${n}`, spec.abbr ?? n];
  if (spec.unit === 'huyện') return [n, n, `huyện ${n}`, `H. ${n}`, `h.${n}`];
  if (spec.unit === 'tỉnh')
    return n.includes('Vũng Tàu') ? ['Vũng Tàu', 'VT', 'Bà Rịa'] : [n, 'BD'];
  const forms = [n, n, `quận ${n}`, `Quận ${n}`, `Q.${n}`, `Q. ${n}`, `Q ${n}`];
  if (spec.abbr !== undefined) forms.push(spec.abbr, `Q.${spec.abbr}`);
  return forms;
}

function formalName(spec: DistrictSpec): string {
  if (spec.unit === 'tỉnh') return `tỉnh ${spec.name}`;
  if (spec.unit === 'TP') return `TP ${spec.name}`;
  return `${spec.unit} ${spec.name}`;
}

function englishName(spec: DistrictSpec): string {
  if (/^\d+$/.test(spec.name)) return `District ${spec.name}`;
  const plain = spec.name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  if (spec.unit === 'TP') return `${plain} City`;
  if (spec.unit === 'tỉnh') return plain.replace(' - ', '-');
  return `${plain} District`;
}

function asSpot(street: string): string {
  return street.startsWith('Quốc lộ') || street.startsWith('Tỉnh lộ') ? street : `đường ${street}`;
}

function toDistrict(spec: DistrictSpec): District {
  return {
    streetSpots: list(spec.streets).map(asSpot),
    canals: spec.canals === undefined ? CITY_CANALS : list(spec.canals),
    formal: formalName(spec),
    casual: casualNames(spec),
    english: englishName(spec),
    wards: list(spec.wards).map((w) => (w.startsWith('xã ') ? w : `phường ${w}`)),
    streets: list(spec.streets),
    landmarks: list(spec.landmarks),
    flood: list(spec.flood),
    traffic: list(spec.traffic),
  };
}

export const DISTRICTS: readonly District[] = DISTRICT_SPECS.map(toDistrict);

/** Picks a district index by how often it is talked about. */
export const pickDistrictIndex = weightedPicker(
  DISTRICTS.map((_, i) => i),
  DISTRICT_SPECS.map((spec) => spec.weight),
);

/** "phường Tân Mỹ" typed casually: "P. Tân Mỹ", "p.Tân Mỹ", "phường Tân Mỹ". */
export function casualWard(ward: string, rng: Rng): string {
  if (ward.startsWith('xã ')) return rng.chance(0.8) ? ward : `X. ${ward.slice(3)}`;
  const name = ward.slice('phường '.length);
  const r = rng.next();
  if (r < 0.55) return ward;
  if (r < 0.75) return `P. ${name}`;
  if (r < 0.88) return `p.${name}`;
  return `P.${name}`;
}

/** The press way after the 2025 reform: "phường Tân Mỹ (quận 7 cũ)" or "phường Tân Mỹ, TP.HCM". */
export function formalLocation(district: District, ward: string, rng: Rng): string {
  const r = rng.next();
  if (r < 0.55) return `${ward} (${district.formal} cũ)`;
  if (r < 0.85) return `${ward}, TP.HCM`;
  return ward;
}

/** "đường Nguyễn Hữu Cảnh" → casual "Nguyễn Hữu Cảnh" half of the time. */
export function casualSpot(spot: string, rng: Rng): string {
  if (spot.startsWith('đường ') && rng.chance(0.5)) return spot.slice('đường '.length);
  return spot;
}

/** How people name the city itself, casually. */
export const CITY_CASUAL: readonly string[] = [
  'Sài Gòn',
  'SG',
  'Saigon',
  'TP.HCM',
  'TPHCM',
  'HCM',
  'thành phố',
  'tp',
  'Sài Gòn',
  'TP HCM',
];

/** How the press names the city. */
export const CITY_FORMAL: readonly string[] = ['TP.HCM', 'TP.HCM', 'TP Hồ Chí Minh', 'TP.HCM'];

/** Every distinct place name the generator can write (for variety figures). */
export function allPlaceNames(): string[] {
  const names = new Set<string>();
  for (const d of DISTRICTS) {
    for (const group of [d.casual, d.wards, d.streets, d.landmarks, d.flood, d.traffic]) {
      for (const name of group) names.add(name);
    }
    names.add(d.formal);
    names.add(d.english);
  }
  return [...names];
}
