import { areaIndex, isWordIn, type NameEntry } from './area-index.js';
import type { QualifierSpec } from './area-lexicon.js';
import type { AreaWord } from './area-words.js';
import { longestMatch } from './phrase-trie.js';

/** How the text marked a name as a place. */
export type MentionStrength = 'full' | 'abbreviation' | 'postfix' | 'list' | 'bare';

/**
 * A place name found in the text, before it is resolved: the words it spans (`first` to `end`,
 * qualifier included), the words of the name itself, and every unit the name may refer to.
 */
export interface Mention {
  first: number;
  end: number;
  nameFirst: number;
  nameEnd: number;
  entries: NameEntry[];
  qualifier: QualifierSpec | null;
  /** The qualifier was typed without diacritics ("xa", "tinh"). */
  isQualifierPlain: boolean;
  strength: MentionStrength;
}

const isNumber = (w: AreaWord | undefined) => w !== undefined && /^\d{1,2}$/.test(w.folded);

function named(words: readonly AreaWord[], start: number) {
  const match = longestMatch(areaIndex.names, words, start);
  if (match === undefined) return undefined;
  const units = match.values.filter((e) => e.unit !== null);
  return { end: match.end, entries: units, isStop: units.length < match.values.length };
}

function qualifierAt(words: readonly AreaWord[], start: number, position: 'prefix' | 'postfix') {
  const match = longestMatch(areaIndex.qualifiers, words, start);
  const spec = match?.values.find((s) => s.position === position || s.position === 'both');
  if (match === undefined || spec === undefined) return undefined;
  const isPlain = words.slice(start, match.end).every((w) => w.plain);
  return { spec, end: match.end, isPlain };
}

/** "các quận 1, 3 và 5": numbers after a qualified number that share its qualifier. */
function listedNumbers(words: readonly AreaWord[], head: Mention, text: string): Mention[] {
  const isPlural = isWordIn(areaIndex.plurals, words[head.first - 1]);
  const listed: Mention[] = [];
  let sawJoiner = false;
  let i = head.end;
  while (listed.length < 12) {
    if (isWordIn(areaIndex.joiners, words[i]) && isNumber(words[i + 1])) {
      sawJoiner = true;
      i++;
    } else {
      const previous = words[i - 1]!;
      if (!isNumber(words[i]) || !/^[\s,;/&]*$/.test(text.slice(previous.end, words[i]!.start))) {
        break;
      }
    }
    const entries = named(words, i)?.entries ?? [];
    listed.push({ ...head, first: i, end: i + 1, nameFirst: i, nameEnd: i + 1, entries });
    i++;
  }
  if (!isPlural && !sawJoiner) return [];
  return listed.map((m) => ({ ...m, strength: 'list' as const }));
}

function qualified(words: readonly AreaWord[], i: number, text: string): Mention[] | undefined {
  const qualifier = qualifierAt(words, i, 'prefix');
  if (qualifier === undefined) return undefined;
  const name = named(words, qualifier.end);
  if (name === undefined || name.entries.length === 0) return undefined;
  const mention: Mention = {
    first: i,
    end: name.end,
    nameFirst: qualifier.end,
    nameEnd: name.end,
    entries: name.entries,
    qualifier: qualifier.spec,
    isQualifierPlain: qualifier.isPlain,
    strength: qualifier.spec.isAbbreviation ? 'abbreviation' : 'full',
  };
  const isNumeric = name.entries.every((e) => e.isNumeric);
  return isNumeric ? [mention, ...listedNumbers(words, mention, text)] : [mention];
}

/**
 * Finds every place name in the words, left to right, longest first: a qualifier and a name
 * ("quận 7", "P. Tân Định", "TP.HCM"), a name and an English qualifier ("Binh Thanh District"),
 * or a bare name. Stop phrases ("Điện Biên Phủ") hide the names inside them; a bare name right
 * after a street, bridge or river word ("đường", "cầu", "sông") is skipped.
 */
export function findMentions(words: readonly AreaWord[], text: string): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < words.length) {
    if (!words[i]!.isStart) {
      i++;
      continue;
    }
    const withQualifier = qualified(words, i, text);
    if (withQualifier !== undefined) {
      mentions.push(...withQualifier);
      i = withQualifier[withQualifier.length - 1]!.end;
      continue;
    }
    const name = named(words, i);
    if (name === undefined || name.isStop || name.entries.length === 0) {
      i = name?.end ?? i + 1;
      continue;
    }
    const postfix = qualifierAt(words, name.end, 'postfix');
    const isBlocked = isWordIn(areaIndex.blockers, words[i - 1]);
    if (postfix !== undefined || !isBlocked) {
      mentions.push({
        first: i,
        end: postfix?.end ?? name.end,
        nameFirst: i,
        nameEnd: name.end,
        entries: name.entries,
        qualifier: postfix?.spec ?? null,
        isQualifierPlain: postfix?.isPlain ?? false,
        strength: postfix === undefined ? 'bare' : 'postfix',
      });
    }
    i = postfix?.end ?? name.end;
  }
  return mentions;
}
