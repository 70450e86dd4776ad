import type { AreaCandidate, AreaEvidence, AreaMatch, FormerUnit } from './area-types.js';
import type { AreaWord } from './area-words.js';
import { gazetteerUnits, type GazUnit } from './gazetteer-units.js';

/** A current unit that got only part of a former unit is less surely the place meant. */
const PARTIAL_SHARE = 0.8;

const round = (x: number) => Math.round(x * 100) / 100;

/** The original text a mention spans, from its first word to its last. */
export function evidenceOf(
  words: readonly AreaWord[],
  span: { first: number; end: number },
  text: string,
): AreaEvidence {
  const start = words[span.first]!.start;
  const end = words[span.end - 1]!.end;
  return { start, end, text: text.slice(start, end) };
}

function formerOf(unit: GazUnit): FormerUnit {
  const former: FormerUnit = { code: unit.code, name: unit.fullName, level: unit.level };
  if (unit.district !== undefined) {
    former.district = { code: unit.district.code, name: unit.district.fullName };
  }
  return former;
}

function current(code: string): GazUnit {
  const unit = gazetteerUnits.currentByCode.get(code);
  if (unit === undefined) throw new Error(`gazetteer has no current unit ${code}`);
  return unit;
}

function matchOf(
  target: GazUnit,
  evidence: AreaEvidence,
  confidence: number,
  former: FormerUnit | undefined,
): AreaMatch {
  const match: AreaMatch = {
    code: target.code,
    name: target.fullName,
    level: target.type!,
    evidence,
    confidence: round(confidence),
  };
  if (former !== undefined) match.former = former;
  return match;
}

/**
 * The matches a resolved unit gives: itself when current; the province it is now part of when a
 * former province; one match per current HCMC unit its area went to when a former district or
 * ward, each carrying the former unit.
 */
export function areaMatches(
  unit: GazUnit,
  evidence: AreaEvidence,
  confidence: number,
): AreaMatch[] {
  if (unit.isCurrent) return [matchOf(unit, evidence, confidence, undefined)];
  if (unit.level === 'province') {
    return [matchOf(current(unit.province), evidence, confidence, formerOf(unit))];
  }
  return unit.wardList.map((code) => {
    const former = formerOf(unit);
    const isPartial = unit.partial.has(code);
    if (unit.level === 'ward') former.isPartial = isPartial;
    const share = isPartial ? PARTIAL_SHARE : 1;
    return matchOf(current(code), evidence, confidence * share, former);
  });
}

/** How an ambiguous reading is listed. */
export function candidateOf(unit: GazUnit): AreaCandidate {
  const name =
    unit.district === undefined ? unit.fullName : `${unit.fullName}, ${unit.district.fullName}`;
  return {
    code: unit.code,
    name,
    level: unit.isCurrent ? unit.type! : unit.level,
    isFormer: !unit.isCurrent,
    currentCodes: unit.level === 'province' ? [unit.province] : [...unit.wardList],
  };
}
