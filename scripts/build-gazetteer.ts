/**
 * Derives src/nlp/areas/gazetteer.json, the administrative-area data the area tagger reads: the 34
 * provinces after the July 2025 reform, HCMC's 168 current units, the former districts and wards
 * of HCMC, Bình Dương and Bà Rịa–Vũng Tàu (the three provinces that became today's HCMC) with their
 * old → new mapping, and the 63 former provinces with the province each one is now part of.
 *
 *   node --import tsx scripts/build-gazetteer.ts [--data ../shared/data] [--date 2026-11-23] [--out file]
 *
 * The output depends only on the source files and `--date`, so running it twice gives the same
 * file. It is formatted with the project's Prettier settings so `prettier --check` accepts it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { canonicalSpelling } from '../src/nlp/spelling.js';

interface Unit26 {
  Code: string;
  Name: string;
  NameEn: string;
  AdministrativeUnitShortName: string;
  Wards: Unit26[];
}
interface Ward25 {
  Code: string;
  Name: string;
  FullName: string;
}
interface District25 extends Ward25 {
  FullNameEn: string;
  Ward: Ward25[] | null;
}
interface Province25 extends Ward25 {
  District: District25[];
}
interface Merges {
  data: {
    level1_id: string;
    merges: { old_id: string }[];
    level2s: { level2_id: string; merges: { old_id: string; type: string }[] }[];
  }[];
}
interface Splits {
  data: { level1_id: string; splits: { new_id: string }[] }[];
}

const HCMC = '79';
/** Pre-reform provinces merged into today's HCMC: HCMC itself, Bình Dương, Bà Rịa–Vũng Tàu. */
const HCMC_PARTS = ['79', '74', '77'];
const DEFAULT_DATE = '2026-11-23';
const TARGET = join(import.meta.dirname, '..', 'src', 'nlp', 'areas', 'gazetteer.json');

/**
 * Quận 2, Quận 9 and the old Quận Thủ Đức were merged into TP Thủ Đức (code 769) in 2021, but
 * people still name them. Their wards as of the 2025-03 data (after the 2020 ward mergers).
 */
const PRE_2021_DISTRICTS = [
  {
    name: '2',
    kind: 'quan',
    en: 'District 2',
    wards:
      'An Khánh|An Lợi Đông|An Phú|Bình Trưng Đông|Bình Trưng Tây|Cát Lái|Thạnh Mỹ Lợi|Thảo Điền|Thủ Thiêm',
  },
  {
    name: '9',
    kind: 'quan',
    en: 'District 9',
    wards:
      'Hiệp Phú|Long Bình|Long Phước|Long Thạnh Mỹ|Long Trường|Phú Hữu|Phước Bình|Phước Long A|Phước Long B|Tân Phú|Tăng Nhơn Phú A|Tăng Nhơn Phú B|Trường Thạnh',
  },
  {
    name: 'Thủ Đức',
    kind: 'quan',
    en: 'Thu Duc District',
    wards:
      'Bình Chiểu|Bình Thọ|Hiệp Bình Chánh|Hiệp Bình Phước|Linh Chiểu|Linh Đông|Linh Tây|Linh Trung|Linh Xuân|Tam Bình|Tam Phú|Trường Thọ',
  },
];
const THU_DUC_CITY = '769';

const KINDS: Record<string, string> = {
  'Thành phố': 'thanh pho',
  Tỉnh: 'tinh',
  Quận: 'quan',
  Huyện: 'huyen',
  'Thị xã': 'thi xa',
  Phường: 'phuong',
  Xã: 'xa',
  'Thị trấn': 'thi tran',
  'Đặc khu': 'dac khu',
};
const TYPES: Record<string, string> = { Phường: 'ward', Xã: 'commune', 'Đặc khu': 'special_zone' };

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, 'gazetteer', file), 'utf8')) as T;
}

/** The administrative kind of a pre-reform unit, from the prefix of its full name. */
function kindOf(unit: Ward25): string {
  const prefix = unit.FullName.slice(0, unit.FullName.length - unit.Name.length).trim();
  const kind = KINDS[prefix];
  if (kind === undefined) throw new Error(`unknown unit kind "${prefix}" in ${unit.FullName}`);
  return kind;
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : 1);
const sorted = (codes: Iterable<string>) => [...new Set(codes)].sort();

function buildProvinces(units26: Unit26[], provinces25: Province25[], splits: Splits) {
  const provinces = units26.map((p) => ({
    code: p.Code,
    name: p.Name,
    kind: KINDS[p.AdministrativeUnitShortName]!,
    en: p.NameEn,
  }));
  // "Thanh Hóa" (2025) and "Thanh Hoá" (2026) are one province spelt with two tone placements.
  const canonical = (name: string) => name.split(' ').map(canonicalSpelling).join(' ');
  const currentNames = new Set(provinces.map((p) => canonical(p.name)));
  const formerProvinces = provinces25
    .filter((p) => !currentNames.has(canonical(p.Name)))
    .map((p) => {
      const to = splits.data.find((s) => s.level1_id === p.Code)?.splits.map((s) => s.new_id);
      if (to?.length !== 1) throw new Error(`province ${p.Code} does not map to one province`);
      return { code: p.Code, name: p.Name, kind: kindOf(p), to: to[0]! };
    });
  return { provinces: provinces.sort(byCode), formerProvinces: formerProvinces.sort(byCode) };
}

function buildMapping(merges: Merges) {
  const hcmc = merges.data.find((p) => p.level1_id === HCMC);
  if (hcmc === undefined) throw new Error('no HCMC in the merges file');
  /** old code → new code → partial? */
  const oldToNew = new Map<string, Map<string, boolean>>();
  for (const unit of hcmc.level2s) {
    for (const m of unit.merges) {
      const targets = oldToNew.get(m.old_id) ?? new Map<string, boolean>();
      targets.set(unit.level2_id, m.type === 'partial');
      oldToNew.set(m.old_id, targets);
    }
  }
  return oldToNew;
}

function buildFormer(provinces25: Province25[], oldToNew: Map<string, Map<string, boolean>>) {
  const formerDistricts = [];
  const formerWards = [];
  for (const province of provinces25.filter((p) => HCMC_PARTS.includes(p.Code))) {
    for (const district of province.District) {
      const districtWards = new Set<string>(oldToNew.get(district.Code)?.keys() ?? []);
      for (const ward of district.Ward ?? []) {
        const targets = oldToNew.get(ward.Code);
        if (targets === undefined) throw new Error(`former ward ${ward.Code} has no new ward`);
        for (const code of targets.keys()) districtWards.add(code);
        const partial = sorted([...targets].filter(([, isPartial]) => isPartial).map(([c]) => c));
        formerWards.push({
          code: ward.Code,
          name: ward.Name,
          kind: kindOf(ward),
          district: district.Code,
          to: sorted(targets.keys()),
          ...(partial.length > 0 ? { partial } : {}),
        });
      }
      if (districtWards.size === 0) throw new Error(`former district ${district.Code} is empty`);
      formerDistricts.push({
        code: district.Code,
        name: district.Name.replace(/^Quận /, ''),
        kind: kindOf(district),
        province: province.Code,
        en: district.FullNameEn,
        wards: sorted(districtWards),
      });
    }
  }
  return { formerDistricts, formerWards };
}

function buildPre2021(formerWards: ReturnType<typeof buildFormer>['formerWards']) {
  return PRE_2021_DISTRICTS.map((d) => {
    const names = d.wards.split('|');
    const wards = names.map((name) => {
      const ward = formerWards.find((w) => w.district === THU_DUC_CITY && w.name === name);
      if (ward === undefined) throw new Error(`no former ward ${name} in TP Thủ Đức`);
      return ward;
    });
    return {
      code: THU_DUC_CITY,
      name: d.name,
      kind: d.kind,
      province: HCMC,
      en: d.en,
      era: 'pre-2021',
      formerWards: wards.map((w) => w.code),
      wards: sorted(wards.flatMap((w) => w.to)),
    };
  });
}

function buildUnits(hcmc: Unit26, formerDistricts: { code: string; wards: string[] }[]) {
  return hcmc.Wards.map((w) => {
    const type = TYPES[w.AdministrativeUnitShortName];
    if (type === undefined) throw new Error(`unknown type ${w.AdministrativeUnitShortName}`);
    const districts = formerDistricts.filter((d) => d.wards.includes(w.Code)).map((d) => d.code);
    return { code: w.Code, name: w.Name, type, en: w.NameEn, districts: sorted(districts) };
  }).sort(byCode);
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: join(import.meta.dirname, '..', '..', 'shared', 'data') },
      date: { type: 'string', default: DEFAULT_DATE },
      out: { type: 'string', default: TARGET },
    },
  });
  const dir = values.data;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new Error('--date must be YYYY-MM-DD');
  const units26 = readJson<Unit26[]>(dir, 'vn-units-2026.json');
  const provinces25 = readJson<Province25[]>(dir, 'vn-units-2025-03.json');
  const splits = readJson<Splits>(dir, 'legacy-splits-2025-07.json');
  const merges = readJson<Merges>(dir, 'legacy-merges-2025-07.json');

  const hcmc = units26.find((p) => p.Code === HCMC);
  if (hcmc === undefined) throw new Error('no HCMC in vn-units-2026.json');
  const { provinces, formerProvinces } = buildProvinces(units26, provinces25, splits);
  const oldToNew = buildMapping(merges);
  const { formerDistricts, formerWards } = buildFormer(provinces25, oldToNew);
  const pre2021 = buildPre2021(formerWards);
  const units = buildUnits(hcmc, formerDistricts);
  const counts = {
    provinces: provinces.length,
    formerProvinces: formerProvinces.length,
    hcmcUnits: countBy(units, (u) => u.type),
    formerDistricts: countBy(formerDistricts, (d) => d.province),
    pre2021Districts: pre2021.length,
    formerWards: countBy(formerWards, (w) => w.kind),
    formerWardsByProvince: countBy(
      formerWards,
      (w) => formerDistricts.find((d) => d.code === w.district)!.province,
    ),
    oldToNewPairs: formerWards.reduce((n, w) => n + w.to.length, 0),
    partialPairs: formerWards.reduce((n, w) => n + (w.partial?.length ?? 0), 0),
  };
  const out = {
    provenance: {
      description:
        'Administrative units for the area tagger: 34 provinces after the July 2025 reform, HCMC (79) units now and before, old → new mapping.',
      generator: 'scripts/build-gazetteer.ts',
      generated: values.date,
      licence: 'MIT',
      sources: [
        {
          files: ['vn-units-2026.json', 'vn-units-2025-03.json'],
          from: 'thanglequoc/vietnamese-provinces-database @cd58063 (v4.2.0) and tag v2.4.1',
          licence: 'MIT',
        },
        {
          files: ['legacy-splits-2025-07.json', 'legacy-merges-2025-07.json'],
          from: 'dvhcvn/20250701 @dd94887',
          licence: 'MIT',
        },
      ],
      counts,
    },
    provinces,
    formerProvinces,
    units,
    formerDistricts: [...formerDistricts, ...pre2021],
    formerWards,
  };
  // Format with the project's Prettier settings wherever the file goes, so `--out` elsewhere
  // gives the same bytes as the committed file.
  const options = (await resolveConfig(TARGET)) ?? {};
  writeFileSync(values.out, await format(JSON.stringify(out), { ...options, filepath: TARGET }));
  console.log(JSON.stringify(counts));
}

await main();
