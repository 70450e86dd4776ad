import type { AmbiguousArea, AreaMatch, AreaTagResult } from './area-types.js';
import { areaWords, type AreaWord } from './area-words.js';
import { findMentions } from './find-mentions.js';
import type { GazUnit } from './gazetteer-units.js';
import { areaMatches, candidateOf, evidenceOf } from './area-output.js';
import { prepareMention, type PreparedMention } from './prepare-mention.js';
import { fitsContext, resolveMention, type Resolution } from './resolve-mention.js';

/** How far (in words) a district may stand from a ward to say which ward it is. */
const CONTEXT_WINDOW = 6;
const ABBREVIATED_CONTEXT_WINDOW = 3;
const MAX_TEXT_LENGTH = 200_000;

const BASE_CONFIDENCE = { full: 0.95, postfix: 0.9, abbreviation: 0.85, list: 0.8 } as const;

/** How surely the words name a place, before any reading was set aside. */
function baseConfidence(m: PreparedMention, unit: GazUnit): number {
  if (m.strength === 'bare') return m.bareConfidence ?? (m.isPlain ? 0.65 : 0.8);
  // "TP.HCM", "tỉnh Đồng Nai": a qualified province is as plain a statement as it gets.
  if (unit.level === 'province') return BASE_CONFIDENCE.full;
  return BASE_CONFIDENCE[m.strength] - (m.strength === 'full' && m.isPlain ? 0.05 : 0);
}

interface Step {
  mention: PreparedMention;
  resolution: Resolution;
  /** Index of the district or city mention that told which unit this is. */
  context?: number;
}

const isContext = (s: Step | undefined) =>
  s?.resolution.unit !== undefined && s.resolution.unit.level !== 'ward';

function distance(a: PreparedMention, b: PreparedMention): number {
  return b.first >= a.end ? b.first - a.end : a.first - b.end;
}

/**
 * Nearby district or city mentions, nearest first (a following one first on a tie). Mentions are
 * in text order and do not overlap, so the walk stops at the first one beyond the window.
 */
function contextsNear(steps: readonly (Step | undefined)[], index: number): number[] {
  const mention = steps[index]!.mention;
  const window = mention.strength === 'abbreviation' ? ABBREVIATED_CONTEXT_WINDOW : CONTEXT_WINDOW;
  const near: { k: number; d: number }[] = [];
  for (const direction of [1, -1]) {
    for (let k = index + direction; k >= 0 && k < steps.length; k += direction) {
      const other = steps[k];
      if (other === undefined) continue;
      const d = distance(mention, other.mention);
      if (d > window) break;
      if (isContext(other)) near.push({ k, d });
    }
  }
  return near.sort((a, b) => a.d - b.d || b.k - a.k).map((n) => n.k);
}

/**
 * Second pass for ward-level mentions: the nearest district or city named around them picks
 * among their readings ("phường 12 quận Gò Vấp", "An Phú, Thủ Đức"). A number with no district
 * that has it is dropped when a district is there (the district stands for it) or when the
 * qualifier was only an abbreviation ("P1" is often "part 1").
 */
function withContext(steps: (Step | undefined)[], index: number): Step | undefined {
  const step = steps[index]!;
  const { mention } = step;
  if (!mention.units.some((u) => u.level === 'ward')) return step;
  const near = contextsNear(steps, index);
  for (const k of near) {
    const context = steps[k]!.resolution.unit!;
    const fitting = mention.units.filter((u) => fitsContext(u, context));
    if (fitting.length === 0) continue;
    return { mention, resolution: resolveMention(mention, fitting), context: k };
  }
  if (!mention.isNumeric) return step;
  const hasDistrict = near.some((k) => steps[k]!.resolution.unit!.level === 'district');
  if (hasDistrict || mention.strength === 'abbreviation') return undefined;
  return step;
}

function resolveAll(words: readonly AreaWord[], text: string): Step[] {
  const prepared = findMentions(words, text).map((m) => prepareMention(m, words));
  const first: (Step | undefined)[] = prepared.map((mention) =>
    mention === undefined
      ? undefined
      : { mention, resolution: resolveMention(mention, mention.units) },
  );
  const second = first.map((step, k) => (step === undefined ? undefined : withContext(first, k)));
  const usedAsContext = new Set<number>();
  for (const step of second) {
    const context = step?.context;
    if (context === undefined || step!.resolution.unit === undefined) continue;
    if (first[context]!.resolution.unit!.level === 'district') usedAsContext.add(context);
  }
  return second.filter((s, k): s is Step => s !== undefined && !usedAsContext.has(k));
}

function ambiguityOf(step: Step, words: readonly AreaWord[], text: string): AmbiguousArea {
  const units: GazUnit[] = step.resolution.candidates;
  return {
    evidence: evidenceOf(words, step.mention, text),
    reason: step.mention.isNumeric ? 'needs_district' : 'shared_name',
    candidates: units.map(candidateOf),
  };
}

/**
 * Finds the administrative areas a Vietnamese text names: HCMC's current wards and communes,
 * the former districts and wards people still write ("Q7", "P. Tân Định", "phường 12 quận Gò
 * Vấp", "quận 2"), HCMC itself ("TP.HCM", "Sài Gòn") and the 34 provinces (and the former ones,
 * mapped to the province they are now part of). Works on NFC and NFD text, with or without
 * diacritics. Pure and total: any string, however odd, gives a result.
 *
 * A name that several units share, with nothing near it to choose, goes to `ambiguous` rather
 * than being guessed; see docs/gazetteer.md for the rules.
 */
export function tagAreas(text: string): AreaTagResult {
  if (typeof text !== 'string' || text.length === 0) return { areas: [], ambiguous: [] };
  const source = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
  const words = areaWords(source);
  const areas: AreaMatch[] = [];
  const ambiguous: AmbiguousArea[] = [];
  for (const step of resolveAll(words, source)) {
    const { unit, certainty } = step.resolution;
    if (unit === undefined) {
      ambiguous.push(ambiguityOf(step, words, source));
      continue;
    }
    const confidence = baseConfidence(step.mention, unit) * certainty;
    areas.push(...areaMatches(unit, evidenceOf(words, step.mention, source), confidence));
  }
  return { areas: dedupe(areas), ambiguous };
}

/** One match per current unit and former unit named; the most confident mention's evidence. */
function dedupe(areas: readonly AreaMatch[]): AreaMatch[] {
  if (areas.length < 2) return [...areas];
  const byKey = new Map<string, AreaMatch>();
  for (const area of areas) {
    const former = area.former;
    const key = former === undefined ? area.code : `${area.code}|${former.code}|${former.name}`;
    const seen = byKey.get(key);
    if (seen === undefined || area.confidence > seen.confidence) byKey.set(key, area);
  }
  return [...byKey.values()].sort(byPosition);
}

function byPosition(a: AreaMatch, b: AreaMatch): number {
  return a.evidence.start - b.evidence.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
