import { foldText } from '../fold.js';
import {
  BARE_CITY_NAME_CONFIDENCE,
  BLOCKING_PREVIOUS_WORDS,
  CAPITALISED_ALWAYS,
  CAPITALISED_WHEN_PLAIN,
  CITY_ALIASES,
  EXTRA_ALIASES,
  FAMILY_NAMES,
  LIST_JOINERS,
  NOT_DISTRICT_BEFORE_Q,
  PLURAL_MARKERS,
  QUALIFIER_REQUIRED,
  QUALIFIERS,
  STOP_PHRASES,
  type QualifierSpec,
} from './area-lexicon.js';
import { gazetteerUnits, HCMC_CODE, type GazUnit } from './gazetteer-units.js';
import {
  addPhrase,
  createTrie,
  fitsAccent,
  phraseWords,
  type TrieNode,
  type TrieWord,
} from './phrase-trie.js';

/**
 * When a name may be taken without a qualifier: always, never (numbers, common words, people),
 * only capitalised, only capitalised when typed without diacritics, or only with diacritics
 * (one-word names such as "Huế", whose folded form is an English word).
 */
export type BarePolicy = 'ok' | 'never' | 'capitalised' | 'capitalised-plain' | 'accented';

/** What a name in the text may refer to; `unit` null marks a stop phrase. */
export interface NameEntry {
  unit: GazUnit | null;
  bare: BarePolicy;
  isNumeric: boolean;
  /** Confidence of a bare mention of this alias, when the alias sets its own ("SG": 0.6). */
  bareConfidence?: number;
}

/** The tagger's lookup structures, built once from the gazetteer and the lexicon. */
export interface AreaIndex {
  names: TrieNode<NameEntry>;
  qualifiers: TrieNode<QualifierSpec>;
  blockers: TrieNode<true>;
  plurals: TrieNode<true>;
  joiners: TrieNode<true>;
  notDistrictBeforeQ: TrieNode<true>;
  /** Folded words a name or a qualifier can start with: any other word is skipped at once. */
  starts: ReadonlySet<string>;
}

const accentedKey = (phrase: string) => phraseWords(phrase).accented.join(' ');
const qualifierRequired = new Set(QUALIFIER_REQUIRED.map(accentedKey));
const capitalisedAlways = new Set(CAPITALISED_ALWAYS.map(accentedKey));
const capitalisedWhenPlain = new Set(CAPITALISED_WHEN_PLAIN.map(accentedKey));
const MIN_RUN_TOGETHER_LENGTH = 5;

function barePolicy(name: string): BarePolicy {
  const { folded, accented } = phraseWords(name);
  const key = accented.join(' ');
  if (folded.every((w) => /^\d+$/.test(w))) return 'never';
  if (qualifierRequired.has(key)) return 'never';
  if (folded.length >= 3 && FAMILY_NAMES.has(folded[0]!)) return 'never';
  if (capitalisedAlways.has(key)) return 'capitalised';
  if (capitalisedWhenPlain.has(key)) return 'capitalised-plain';
  return folded.length === 1 ? 'accented' : 'ok';
}

function addName(names: TrieNode<NameEntry>, name: string, unit: GazUnit): void {
  const bare = barePolicy(name);
  addPhrase(names, name, { unit, bare, isNumeric: /^\d+$/.test(name) });
}

/** "Bình Thạnh" also as "binhthanh" (hashtags, URLs-as-words), for districts and provinces. */
function addRunTogether(names: TrieNode<NameEntry>, name: string, unit: GazUnit): void {
  const joined = phraseWords(name).folded.join('');
  const bare = barePolicy(name);
  if (phraseWords(name).folded.length < 2 || joined.length < MIN_RUN_TOGETHER_LENGTH) return;
  if (bare === 'never' || /^\d+$/.test(joined)) return;
  addPhrase(names, joined, { unit, bare: 'ok', isNumeric: false }, true);
}

function addEnglish(names: TrieNode<NameEntry>, unit: GazUnit): void {
  if (unit.en === undefined || unit.level !== 'province') return;
  if (foldText(unit.en) === foldText(unit.name)) return;
  addPhrase(names, unit.en, { unit, bare: 'ok', isNumeric: false });
}

function addCity(names: TrieNode<NameEntry>, city: GazUnit): void {
  for (const alias of CITY_ALIASES) {
    addPhrase(names, alias.phrase, {
      unit: city,
      bare: 'ok',
      isNumeric: false,
      bareConfidence: alias.confidence,
    });
  }
  addPhrase(names, city.name, {
    unit: city,
    bare: 'ok',
    isNumeric: false,
    bareConfidence: BARE_CITY_NAME_CONFIDENCE,
  });
}

function buildNames(): TrieNode<NameEntry> {
  const names = createTrie<NameEntry>();
  const { provinces, formerProvinces, formerDistricts, formerWards, currentUnits } = gazetteerUnits;
  for (const unit of provinces) {
    if (unit.code === HCMC_CODE) addCity(names, unit);
    else addName(names, unit.name, unit);
    addEnglish(names, unit);
    addRunTogether(names, unit.name, unit);
  }
  for (const unit of formerProvinces) {
    addName(names, unit.name, unit);
    addRunTogether(names, unit.name, unit);
  }
  for (const alias of EXTRA_ALIASES) {
    const pool = alias.isFormer ? formerProvinces : provinces;
    const unit = pool.find((p) => p.code === alias.province);
    if (unit !== undefined) addPhrase(names, alias.phrase, { unit, bare: 'ok', isNumeric: false });
  }
  for (const unit of formerDistricts) {
    addName(names, unit.name, unit);
    addRunTogether(names, unit.name, unit);
  }
  for (const unit of [...formerWards, ...currentUnits]) addName(names, unit.name, unit);
  for (const phrase of STOP_PHRASES) {
    addPhrase(names, phrase, { unit: null, bare: 'ok', isNumeric: false });
  }
  return names;
}

function wordSet(words: readonly string[]): TrieNode<true> {
  const trie = createTrie<true>();
  for (const word of words) addPhrase(trie, word, true);
  return trie;
}

function buildIndex(): AreaIndex {
  const qualifiers = createTrie<QualifierSpec>();
  for (const spec of QUALIFIERS) addPhrase(qualifiers, spec.phrase, spec);
  const names = buildNames();
  return {
    names,
    qualifiers,
    blockers: wordSet(BLOCKING_PREVIOUS_WORDS),
    plurals: wordSet(PLURAL_MARKERS),
    joiners: wordSet(LIST_JOINERS),
    notDistrictBeforeQ: wordSet(NOT_DISTRICT_BEFORE_Q),
    starts: new Set([...(names.next?.keys() ?? []), ...(qualifiers.next?.keys() ?? [])]),
  };
}

export const areaIndex: AreaIndex = buildIndex();

/** True when the one-word phrase set `set` holds this word (with fitting diacritics). */
export function isWordIn(set: TrieNode<true>, word: TrieWord | undefined): boolean {
  if (word === undefined || word.isBarrier) return false;
  const node = set.next?.get(word.folded);
  return node?.values?.some((v) => fitsAccent(word, v.accented[0]!)) ?? false;
}
