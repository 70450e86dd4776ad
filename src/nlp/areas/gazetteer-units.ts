import gazetteer from './gazetteer.json' with { type: 'json' };
import type { AreaLevel } from './area-types.js';

/** Code of Ho Chi Minh City, today and before the reform. */
export const HCMC_CODE = '79';
/** Former provinces merged into today's HCMC besides HCMC itself. */
const ANNEXED_PROVINCES: ReadonlySet<string> = new Set(['74', '77']);

const KIND_LABELS: Record<string, string> = {
  tinh: 'Tỉnh',
  'thanh pho': 'Thành phố',
  quan: 'Quận',
  huyen: 'Huyện',
  'thi xa': 'Thị xã',
  phuong: 'Phường',
  xa: 'Xã',
  'thi tran': 'Thị trấn',
  'dac khu': 'Đặc khu',
};

/**
 * One unit of the gazetteer, current or former, as the tagger sees it. `wards` is the set of
 * current HCMC unit codes the unit covers (for HCMC itself: all 168), or null for a province
 * outside HCMC, which is then known only by `province`.
 */
export interface GazUnit {
  code: string;
  /** Short name as people write it after a qualifier: "Tân Định", "7", "Gò Vấp". */
  name: string;
  fullName: string;
  en: string | undefined;
  level: 'province' | 'district' | 'ward';
  kind: string;
  isCurrent: boolean;
  /** A former unit of Bình Dương or Bà Rịa–Vũng Tàu (now HCMC): a weaker reading in HCMC posts. */
  isAnnexed: boolean;
  /** The current province the unit is (now) part of. */
  province: string;
  wards: ReadonlySet<string> | null;
  /** `wards` sorted, for output. */
  wardList: readonly string[];
  /** Current units that got only part of this former unit. */
  partial: ReadonlySet<string>;
  /** Current HCMC units: their type. */
  type?: AreaLevel;
  /** Former wards: their former district. */
  district?: GazUnit;
  /** Former districts merged before 2025 (Quận 2, Quận 9, old Quận Thủ Đức): their former wards. */
  formerWards?: ReadonlySet<string>;
  /** Current HCMC units: the former districts their area came from. */
  formerDistricts?: readonly GazUnit[];
}

const fullName = (kind: string, name: string) => `${KIND_LABELS[kind] ?? ''} ${name}`.trim();

function wardsOf(codes: Iterable<string> | null): Pick<GazUnit, 'wards' | 'wardList'> {
  if (codes === null) return { wards: null, wardList: [] };
  const wards = new Set(codes);
  return { wards, wardList: [...wards].sort() };
}

function loadProvinces(): { current: GazUnit[]; former: GazUnit[] } {
  const current = gazetteer.provinces.map((p) => ({
    code: p.code,
    name: p.name,
    fullName: fullName(p.kind, p.name),
    en: p.en,
    level: 'province' as const,
    kind: p.kind,
    isCurrent: true,
    isAnnexed: false,
    province: p.code,
    ...wardsOf(p.code === HCMC_CODE ? gazetteer.units.map((u) => u.code) : null),
    partial: new Set<string>(),
    type: 'province' as const,
  }));
  const former = gazetteer.formerProvinces.map((p) => ({
    code: p.code,
    name: p.name,
    fullName: fullName(p.kind, p.name),
    en: undefined,
    level: 'province' as const,
    kind: p.kind,
    isCurrent: false,
    isAnnexed: false,
    province: p.to,
    ...wardsOf(
      ANNEXED_PROVINCES.has(p.code)
        ? gazetteer.formerDistricts.filter((d) => d.province === p.code).flatMap((d) => d.wards)
        : null,
    ),
    partial: new Set<string>(),
  }));
  return { current, former };
}

function loadDistricts(): GazUnit[] {
  return gazetteer.formerDistricts.map((d) => ({
    code: d.code,
    name: d.name,
    fullName: fullName(d.kind, d.name),
    en: d.en,
    level: 'district' as const,
    kind: d.kind,
    isCurrent: false,
    isAnnexed: ANNEXED_PROVINCES.has(d.province),
    province: HCMC_CODE,
    ...wardsOf(d.wards),
    partial: new Set<string>(),
    ...('formerWards' in d ? { formerWards: new Set(d.formerWards) } : {}),
  }));
}

function loadFormerWards(districts: readonly GazUnit[]): GazUnit[] {
  const byCode = new Map(districts.filter((d) => !d.formerWards).map((d) => [d.code, d]));
  return gazetteer.formerWards.map((w) => {
    const district = byCode.get(w.district)!;
    return {
      code: w.code,
      name: w.name,
      fullName: fullName(w.kind, w.name),
      en: undefined,
      level: 'ward' as const,
      kind: w.kind,
      isCurrent: false,
      isAnnexed: district.isAnnexed,
      province: HCMC_CODE,
      ...wardsOf(w.to),
      partial: new Set('partial' in w ? w.partial : []),
      district,
    };
  });
}

function loadCurrentUnits(districts: readonly GazUnit[]): GazUnit[] {
  const kinds: Record<string, string> = { ward: 'phuong', commune: 'xa', special_zone: 'dac khu' };
  return gazetteer.units.map((u) => ({
    code: u.code,
    name: u.name,
    fullName: fullName(kinds[u.type]!, u.name),
    en: u.en,
    level: 'ward' as const,
    kind: kinds[u.type]!,
    isCurrent: true,
    isAnnexed: false,
    province: HCMC_CODE,
    ...wardsOf([u.code]),
    partial: new Set<string>(),
    type: u.type as AreaLevel,
    formerDistricts: districts.filter((d) => d.wards!.has(u.code)),
  }));
}

/** Every unit of the gazetteer, loaded once. */
export interface GazetteerUnits {
  provinces: readonly GazUnit[];
  formerProvinces: readonly GazUnit[];
  formerDistricts: readonly GazUnit[];
  formerWards: readonly GazUnit[];
  currentUnits: readonly GazUnit[];
  /** Current HCMC units and current provinces by code (the two code spaces do not overlap). */
  currentByCode: ReadonlyMap<string, GazUnit>;
}

function loadUnits(): GazetteerUnits {
  const { current, former } = loadProvinces();
  const formerDistricts = loadDistricts();
  const currentUnits = loadCurrentUnits(formerDistricts);
  const currentByCode = new Map<string, GazUnit>();
  for (const unit of [...current, ...currentUnits]) currentByCode.set(unit.code, unit);
  return {
    provinces: current,
    formerProvinces: former,
    formerDistricts,
    formerWards: loadFormerWards(formerDistricts),
    currentUnits,
    currentByCode,
  };
}

export const gazetteerUnits: GazetteerUnits = loadUnits();
