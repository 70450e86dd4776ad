import { areaIndex, isWordIn, type NameEntry } from './area-index.js';
import { NUMERIC_QUALIFIERS, QUALIFIER_TARGETS } from './area-lexicon.js';
import type { AreaWord } from './area-words.js';
import type { Mention, MentionStrength } from './find-mentions.js';
import type { GazUnit } from './gazetteer-units.js';

/** A mention with the units it may still refer to after its qualifier and spelling have spoken. */
export interface PreparedMention {
  /** Words spanned, qualifier included (the qualifier is dropped when it did not fit the name). */
  first: number;
  end: number;
  units: GazUnit[];
  strength: MentionStrength;
  isNumeric: boolean;
  /** All words of the name typed without diacritics. */
  isPlain: boolean;
  /** Confidence a bare alias sets for itself ("SG" 0.6), if any. */
  bareConfidence: number | undefined;
}

const isCapitalised = (w: AreaWord) => {
  const first = w.text.charAt(0);
  return first !== first.toLowerCase();
};

function isBareAllowed(entry: NameEntry, name: readonly AreaWord[]): boolean {
  switch (entry.bare) {
    case 'ok':
      return true;
    case 'never':
      return false;
    case 'capitalised':
      return name.every(isCapitalised);
    case 'capitalised-plain':
      return !name.every((w) => w.plain) || name.every(isCapitalised);
    case 'accented':
      return !name.every((w) => w.plain);
  }
}

function uniqueUnits(entries: readonly NameEntry[]): GazUnit[] {
  return [...new Set(entries.map((e) => e.unit!))];
}

function withQualifier(mention: Mention): NameEntry[] {
  const qualifier = mention.qualifier!;
  const targets = QUALIFIER_TARGETS[qualifier.kind];
  const fitting = mention.entries.filter(
    (e) =>
      targets.levels.includes(e.unit!.level) &&
      (!e.isNumeric || NUMERIC_QUALIFIERS.has(qualifier.kind)),
  );
  const preferred = fitting.filter((e) => targets.kinds.includes(e.unit!.kind));
  if (preferred.length > 0) return preferred;
  return qualifier.isWeakWhenPlain && mention.isQualifierPlain ? [] : fitting;
}

function prepared(
  mention: Mention,
  entries: readonly NameEntry[],
  words: readonly AreaWord[],
  strength: MentionStrength,
): PreparedMention {
  const isBare = strength === 'bare';
  const first = isBare ? mention.nameFirst : mention.first;
  const end = isBare ? mention.nameEnd : mention.end;
  return {
    first,
    end,
    units: uniqueUnits(entries),
    strength,
    isNumeric: entries.every((e) => e.isNumeric),
    isPlain: words.slice(first, end).every((w) => w.plain),
    bareConfidence: isBare ? entries.find((e) => e.bareConfidence)?.bareConfidence : undefined,
  };
}

const YEAR = /^(19|20)\d\d$/;

/** "Q1 2026", "Audi Q7", "quý Q2": a quarter or a car, not a district. */
function isQuarterOrModel(mention: Mention, words: readonly AreaWord[]): boolean {
  if (mention.qualifier?.phrase !== 'q') return false;
  const next = words[mention.end];
  if (next !== undefined && !next.isBarrier && YEAR.test(next.folded)) return true;
  return isWordIn(areaIndex.notDistrictBeforeQ, words[mention.first - 1]);
}

/**
 * Narrows a mention's units by what the text says: a qualifier admits only its level ("quận"
 * districts, "phường" wards) and prefers its own kind ("quận Thủ Đức" is the old district, "TP
 * Thủ Đức" the city); a bare name must be allowed bare and not follow a street or bridge word.
 * A qualifier that fits no unit of the name is ignored and the name read bare. Undefined when
 * nothing is left.
 */
export function prepareMention(
  mention: Mention,
  words: readonly AreaWord[],
): PreparedMention | undefined {
  if (mention.qualifier !== null) {
    if (isQuarterOrModel(mention, words)) return undefined;
    const entries = withQualifier(mention);
    if (entries.length > 0) return prepared(mention, entries, words, mention.strength);
    if (mention.strength === 'list') return undefined;
    if (isWordIn(areaIndex.blockers, words[mention.nameFirst - 1])) return undefined;
  }
  const name = words.slice(mention.nameFirst, mention.nameEnd);
  const entries = mention.entries.filter((e) => isBareAllowed(e, name));
  return entries.length > 0 ? prepared(mention, entries, words, 'bare') : undefined;
}
