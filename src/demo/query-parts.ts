import { ISSUE_SOURCES, type IssueKey } from './content/index.js';
import { DISTRICTS, pickDistrictIndex, type District } from './places.js';
import { ISSUE_TERMS, NEGATIVE_TERMS } from './query-vocab.js';
import type { Rng } from './rng.js';
import { stripMarks } from './style.js';

/** A name as a query operand: one word bare, several quoted. */
export function asOperand(name: string): string {
  return /^[\p{L}\p{N}]+$/u.test(name) ? name : `"${name}"`;
}

function casualOperand(name: string): string {
  const compact = /^Q(\d+)$/i.exec(name);
  return compact === null ? asOperand(name) : `q${compact[1]}`;
}

function placeOperands(d: District): string[] {
  const names = new Set<string>();
  for (const n of d.casual) if (n.length > 2) names.add(casualOperand(n));
  names.add(asOperand(d.english));
  names.add(asOperand(stripMarks(d.formal)));
  for (const w of d.wards) {
    names.add(asOperand(w));
    names.add(asOperand(w.replace(/^(phường|xã) /, '')));
  }
  for (const s of d.streets) names.add(asOperand(s));
  for (const s of [...d.flood, ...d.traffic]) names.add(asOperand(s.replace(/^đường /, '')));
  for (const l of d.landmarks) names.add(asOperand(l));
  return [...names];
}

const PLACE_OPERANDS: readonly (readonly string[])[] = DISTRICTS.map(placeOperands);
const ISSUE_KEYS = ISSUE_SOURCES.map((s) => s.key).filter((k, i, all) => all.indexOf(k) === i);

/** Distinct place operands the query generator can use (for variety figures). */
export function placeOperandCount(): number {
  return new Set(PLACE_OPERANDS.flat()).size;
}

/** `k` distinct items (k ≤ items.length), in random order. */
export function sample(items: readonly string[], k: number, rng: Rng): string[] {
  const picked = new Set<string>();
  const want = Math.min(k, items.length);
  while (picked.size < want) picked.add(rng.pick(items));
  return [...picked];
}

/** One operand, or several joined by OR inside parentheses. */
export function orGroup(items: readonly string[], min: number, max: number, rng: Rng): string {
  const chosen = sample(items, rng.between(min, max), rng);
  return chosen.length === 1 ? chosen[0]! : `(${chosen.join(' OR ')})`;
}

/** An issue key, weighted like the posts. */
export function pickIssueKey(rng: Rng): IssueKey {
  return rng.pick(ISSUE_KEYS);
}

/** 1–4 ways of naming an issue. */
export function issueGroup(rng: Rng, key: IssueKey = pickIssueKey(rng), max = 4): string {
  return orGroup(ISSUE_TERMS[key], 1, max, rng);
}

/** 1–4 ways of naming places of one former district (district, wards, streets, landmarks). */
export function placeGroup(rng: Rng, max = 4): string {
  return orGroup(PLACE_OPERANDS[pickDistrictIndex(rng)]!, 1, max, rng);
}

/** A single place operand (for NEAR). */
export function placeOperand(rng: Rng): string {
  return rng.pick(PLACE_OPERANDS[pickDistrictIndex(rng)]!);
}

/** ` NOT x`, ` AND NOT (x OR y)` or ` AND -x`: what the analyst excludes. */
export function exclusion(rng: Rng): string {
  const r = rng.next();
  if (r < 0.4) return ` NOT ${orGroup(NEGATIVE_TERMS, 1, 3, rng)}`;
  if (r < 0.8) return ` AND NOT ${orGroup(NEGATIVE_TERMS, 1, 3, rng)}`;
  return ` AND -${rng.pick(NEGATIVE_TERMS)}`;
}

/** `NEAR/n`, `NEAR/nf`, `ONEAR/n` or a bare `NEAR`. */
export function nearOperator(rng: Rng): string {
  const r = rng.next();
  const n = rng.between(1, 8);
  if (r < 0.6) return `NEAR/${n}`;
  if (r < 0.75) return `NEAR/${n}f`;
  if (r < 0.9) return `ONEAR/${n}`;
  return 'NEAR';
}
