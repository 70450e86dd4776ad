import { foldText } from '../fold.js';
import type { AreaCandidate, AreaMatch, AreaTagResult, FormerUnit } from './area-types.js';
import { CITY_ALIASES } from './area-lexicon.js';
import { gazetteerUnits, HCMC_CODE, type GazUnit } from './gazetteer-units.js';

const fold = (s: string) => foldText(s).replace(/\s+/g, ' ').trim();
const cache = new Map<GazUnit, readonly string[]>();

function cityKeys(): string[] {
  const city = gazetteerUnits.currentByCode.get(HCMC_CODE)!;
  return [
    city.code,
    fold(city.name),
    fold(city.fullName),
    `tp ${fold(city.name)}`,
    'tp hcm',
    'tp.hcm',
    ...CITY_ALIASES.map((a) => fold(a.phrase)),
  ];
}

function namedKeys(unit: GazUnit): string[] {
  const keys = [fold(unit.fullName)];
  if (!/^\d+$/.test(unit.name)) keys.push(fold(unit.name));
  if (unit.en !== undefined) keys.push(fold(unit.en));
  return keys;
}

function districtKeys(unit: GazUnit): string[] {
  const keys = namedKeys(unit);
  if (/^\d+$/.test(unit.name)) keys.push(`q${unit.name}`, `q.${unit.name}`);
  if (unit.kind === 'thanh pho') keys.push(`tp ${fold(unit.name)}`, `tp. ${fold(unit.name)}`);
  return keys;
}

function annexedProvinceKeys(unit: GazUnit): string[] {
  return gazetteerUnits.formerProvinces
    .filter((p) => p.wards !== null && [...unit.wards!].some((c) => p.wards!.has(c)))
    .flatMap(namedKeys);
}

function computeKeys(unit: GazUnit): string[] {
  if (unit.level === 'province') {
    if (unit.isCurrent)
      return unit.code === HCMC_CODE ? cityKeys() : [unit.code, ...namedKeys(unit)];
    return namedKeys(unit);
  }
  const keys = [...cityKeys(), ...annexedProvinceKeys(unit)];
  if (unit.level === 'district') return [...keys, ...districtKeys(unit)];
  if (unit.isCurrent) {
    keys.push(unit.code, ...namedKeys(unit));
    for (const district of unit.formerDistricts ?? []) keys.push(...districtKeys(district));
    return keys;
  }
  keys.push(...namedKeys(unit), `${fold(unit.fullName)} ${fold(unit.district!.fullName)}`);
  return [...keys, ...districtKeys(unit.district!)];
}

/** The keys one unit answers to, current or former (cached: units are few and fixed). */
function keysOf(unit: GazUnit): readonly string[] {
  let keys = cache.get(unit);
  if (keys === undefined) {
    keys = [...new Set(computeKeys(unit))];
    cache.set(unit, keys);
  }
  return keys;
}

function formerUnit(level: string, code: string, name: string): GazUnit | undefined {
  const pool =
    level === 'province'
      ? gazetteerUnits.formerProvinces
      : level === 'district'
        ? gazetteerUnits.formerDistricts
        : gazetteerUnits.formerWards;
  return pool.find((u) => u.code === code && name.startsWith(u.fullName));
}

function matchKeys(match: AreaMatch): readonly string[] {
  const current = gazetteerUnits.currentByCode.get(match.code);
  const former: FormerUnit | undefined = match.former;
  const old = former && formerUnit(former.level, former.code, former.name);
  return [...(current ? keysOf(current) : []), ...(old ? keysOf(old) : [])];
}

function candidateKeys(candidate: AreaCandidate): readonly string[] {
  const unit = candidate.isFormer
    ? formerUnit(candidate.level, candidate.code, candidate.name)
    : gazetteerUnits.currentByCode.get(candidate.code);
  return unit ? keysOf(unit) : [];
}

/**
 * The folded keys a post with this result answers to in the query language's `area:` field, which
 * compares `foldText(value)` against them. For each area: the current unit's code and names
 * ("27487", "tan my", "phuong tan my"), the former districts its area came from ("quan 7", "q7",
 * "district 7"), the city ("79", "ho chi minh", "tphcm", "sai gon"…) or the province; for a former
 * unit named in the text, its own names too. An ambiguous mention adds only the keys every one of
 * its readings shares (for "phường 1": the city). Sorted, without duplicates.
 */
export function areaLabelKeys(result: AreaTagResult): string[] {
  const keys = new Set<string>();
  for (const match of result.areas) for (const key of matchKeys(match)) keys.add(key);
  for (const ambiguous of result.ambiguous) {
    const [first, ...rest] = ambiguous.candidates.map(candidateKeys);
    for (const key of first ?? []) if (rest.every((k) => k.includes(key))) keys.add(key);
  }
  return [...keys].sort();
}
