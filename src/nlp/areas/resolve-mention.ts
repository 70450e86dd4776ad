import { HCMC_CODE, type GazUnit } from './gazetteer-units.js';
import type { PreparedMention } from './prepare-mention.js';

/** What one mention was resolved to: a unit, or the readings left when none could be chosen. */
export interface Resolution {
  unit: GazUnit | undefined;
  candidates: GazUnit[];
  /** Product of the penalties for readings set aside (1 when there was only one reading). */
  certainty: number;
}

const PENALTY_LOWER_LEVEL_DROPPED = 0.9;
const PENALTY_ANNEXED_DROPPED = 0.85;
const PENALTY_CONTAINED = 0.95;
const LEVEL_RANK = { province: 3, district: 2, ward: 1 } as const;

/** True when every current unit reading `b` gives is also given by reading `a`. */
export function covers(a: GazUnit, b: GazUnit): boolean {
  if (a === b) return true;
  if (a.province !== b.province) return false;
  if (a.wards === null) return b.wards === null;
  if (b.wards === null || b.wards.size > a.wards.size) return false;
  for (const code of b.wards) if (!a.wards.has(code)) return false;
  return true;
}

/**
 * True when a unit fits a place named near it: a former ward its former district, a current
 * ward a former district it overlaps, any HCMC unit the city (or a former province it overlaps).
 */
export function fitsContext(unit: GazUnit, context: GazUnit): boolean {
  if (context.level === 'district') {
    if (unit.level !== 'ward') return false;
    if (unit.isCurrent) return context.wards!.has(unit.code);
    return context.formerWards?.has(unit.code) ?? unit.district === context;
  }
  if (unit.level === 'province' || context.wards === null || unit.wards === null) return false;
  for (const code of unit.wards) if (context.wards.has(code)) return true;
  return false;
}

/** True when every reading set aside is covered by one kept: nothing was really given up. */
function isCoveredBy(all: readonly GazUnit[], kept: readonly GazUnit[]): boolean {
  return all.every((u) => kept.some((k) => covers(k, u)));
}

const isHcmcHigherLevel = (u: GazUnit) => u.level !== 'ward' && u.province === HCMC_CODE;

function preferred(a: GazUnit, b: GazUnit): GazUnit {
  if (a.isCurrent !== b.isCurrent) return a.isCurrent ? a : b;
  return LEVEL_RANK[a.level] >= LEVEL_RANK[b.level] ? a : b;
}

/** The reading that covers all others ("Gò Vấp" the district covers Phường Gò Vấp), if any. */
function container(units: readonly GazUnit[]): { unit: GazUnit; isExact: boolean } | undefined {
  let best: GazUnit | undefined;
  for (const unit of units) {
    if (!units.every((other) => covers(unit, other))) continue;
    best = best === undefined ? unit : preferred(best, unit);
  }
  if (best === undefined) return undefined;
  return { unit: best, isExact: units.every((other) => covers(other, best)) };
}

/**
 * Chooses among a mention's readings, in order: a bare name that names an HCMC district (or the
 * city, or a former province now in it) means that rather than a ward of the same name; readings
 * in the core city and current units go before former units of Bình Dương and Bà Rịa–Vũng Tàu;
 * then the reading that covers all the others wins. When none covers the others the mention is
 * ambiguous and its remaining readings are returned.
 */
export function resolveMention(mention: PreparedMention, units: readonly GazUnit[]): Resolution {
  let left = units;
  let certainty = 1;
  if (mention.strength === 'bare' && left.some(isHcmcHigherLevel)) {
    const higher = left.filter((u) => u.level !== 'ward');
    if (!isCoveredBy(left, higher)) certainty *= PENALTY_LOWER_LEVEL_DROPPED;
    left = higher;
  }
  const core = left.filter((u) => !u.isAnnexed);
  if (core.length > 0 && core.length < left.length) {
    if (!isCoveredBy(left, core)) certainty *= PENALTY_ANNEXED_DROPPED;
    left = core;
  }
  const chosen = container(left);
  if (chosen === undefined) return { unit: undefined, candidates: [...left], certainty };
  if (!chosen.isExact) certainty *= PENALTY_CONTAINED;
  return { unit: chosen.unit, candidates: [chosen.unit], certainty };
}
