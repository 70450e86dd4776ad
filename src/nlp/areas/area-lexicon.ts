/**
 * How people write Vietnamese place names: the qualifiers before or after a name ("quận", "Q.",
 * "phường", "District", "City"), extra aliases the gazetteer does not carry ("TPHCM", "Sài Gòn"),
 * phrases that contain a place name but are not about the place ("Điện Biên Phủ", "tư tưởng Hồ
 * Chí Minh"), and names that are also common words and so must not be taken bare.
 *
 * Phrases are written with diacritics; the index folds them and keeps the accented spelling so a
 * word typed with marks must carry the same ones ("gia đình" is not "Gia Định").
 */

/** What a qualifier says about the unit that follows (or precedes) it. */
export type QualifierKind =
  | 'ward'
  | 'commune'
  | 'town'
  | 'special'
  | 'district'
  | 'rural'
  | 'city'
  | 'townlevel'
  | 'province';

/** One way of writing a qualifier. */
export interface QualifierSpec {
  phrase: string;
  kind: QualifierKind;
  /** "Q.", "P", "F", "TP", "H.": weaker evidence than the written-out word. */
  isAbbreviation: boolean;
  /** Where it stands relative to the name ("District 7" and "Binh Thanh District" both work). */
  position: 'prefix' | 'postfix' | 'both';
  /**
   * Typed without diacritics, the word is also a common word ("xa" far, "tinh" love): only trust
   * it when the name has a unit of the qualifier's own kind.
   */
  isWeakWhenPlain?: boolean;
}

export const QUALIFIERS: readonly QualifierSpec[] = [
  { phrase: 'phường', kind: 'ward', isAbbreviation: false, position: 'prefix' },
  { phrase: 'p', kind: 'ward', isAbbreviation: true, position: 'prefix' },
  { phrase: 'f', kind: 'ward', isAbbreviation: true, position: 'prefix' },
  { phrase: 'ward', kind: 'ward', isAbbreviation: false, position: 'both' },
  {
    phrase: 'xã',
    kind: 'commune',
    isAbbreviation: false,
    position: 'prefix',
    isWeakWhenPlain: true,
  },
  { phrase: 'commune', kind: 'commune', isAbbreviation: false, position: 'postfix' },
  { phrase: 'thị trấn', kind: 'town', isAbbreviation: false, position: 'prefix' },
  { phrase: 'tt', kind: 'town', isAbbreviation: true, position: 'prefix' },
  { phrase: 'đặc khu', kind: 'special', isAbbreviation: false, position: 'prefix' },
  { phrase: 'quận', kind: 'district', isAbbreviation: false, position: 'prefix' },
  { phrase: 'q', kind: 'district', isAbbreviation: true, position: 'prefix' },
  { phrase: 'district', kind: 'district', isAbbreviation: false, position: 'both' },
  { phrase: 'dist', kind: 'district', isAbbreviation: true, position: 'prefix' },
  { phrase: 'huyện', kind: 'rural', isAbbreviation: false, position: 'prefix' },
  { phrase: 'h', kind: 'rural', isAbbreviation: true, position: 'prefix' },
  { phrase: 'thành phố', kind: 'city', isAbbreviation: false, position: 'prefix' },
  { phrase: 'tp', kind: 'city', isAbbreviation: true, position: 'prefix' },
  { phrase: 'city', kind: 'city', isAbbreviation: false, position: 'postfix' },
  { phrase: 'thị xã', kind: 'townlevel', isAbbreviation: false, position: 'prefix' },
  { phrase: 'tx', kind: 'townlevel', isAbbreviation: true, position: 'prefix' },
  {
    phrase: 'tỉnh',
    kind: 'province',
    isAbbreviation: false,
    position: 'prefix',
    isWeakWhenPlain: true,
  },
  { phrase: 'province', kind: 'province', isAbbreviation: false, position: 'postfix' },
];

/** Qualifiers that may stand before a number ("quận 7", "P12", "Ward 5"). */
export const NUMERIC_QUALIFIERS: ReadonlySet<QualifierKind> = new Set(['ward', 'district']);

/** The unit levels and kinds each qualifier admits; `kinds` is a preference, `levels` a rule. */
export const QUALIFIER_TARGETS: Record<
  QualifierKind,
  { levels: readonly ('province' | 'district' | 'ward')[]; kinds: readonly string[] }
> = {
  ward: { levels: ['ward'], kinds: ['phuong'] },
  commune: { levels: ['ward'], kinds: ['xa'] },
  town: { levels: ['ward'], kinds: ['thi tran'] },
  special: { levels: ['ward', 'district'], kinds: ['dac khu'] },
  district: { levels: ['district'], kinds: ['quan'] },
  rural: { levels: ['district'], kinds: ['huyen'] },
  city: { levels: ['district', 'province'], kinds: ['thanh pho'] },
  townlevel: { levels: ['district'], kinds: ['thi xa'] },
  province: { levels: ['province'], kinds: ['tinh'] },
};

/** Extra names for HCMC (province code 79), with the confidence a bare mention earns. */
export const CITY_ALIASES: readonly { phrase: string; confidence: number }[] = [
  { phrase: 'tphcm', confidence: 0.95 },
  { phrase: 'hcmc', confidence: 0.95 },
  { phrase: 'hcm', confidence: 0.85 },
  { phrase: 'sài gòn', confidence: 0.85 },
  { phrase: 'saigon', confidence: 0.85 },
  { phrase: 'hochiminh', confidence: 0.85 },
  { phrase: 'hochiminhcity', confidence: 0.95 },
  { phrase: 'sg', confidence: 0.6 },
];
/** A bare "Hồ Chí Minh" is often the president, a street or an institution, not the city. */
export const BARE_CITY_NAME_CONFIDENCE = 0.7;

/** Aliases for other units, by the unit's code in the gazetteer (province or former province). */
export const EXTRA_ALIASES: readonly { phrase: string; province: string; isFormer: boolean }[] = [
  { phrase: 'thừa thiên huế', province: '46', isFormer: false },
  { phrase: 'brvt', province: '77', isFormer: true },
  { phrase: 'br vt', province: '77', isFormer: true },
];

/**
 * Phrases that contain a place name but do not place the post there. Found before names, they hide
 * the name inside them unless a qualifier stands right before it ("xã Phú Mỹ Hưng" still counts).
 */
export const STOP_PHRASES: readonly string[] = [
  'điện biên phủ',
  'phú mỹ hưng',
  'chủ tịch hồ chí minh',
  'bác hồ chí minh',
  'tư tưởng hồ chí minh',
  'cộng sản hồ chí minh',
  'tiền phong hồ chí minh',
  'huân chương hồ chí minh',
  'giải thưởng hồ chí minh',
  'sài gòn giải phóng',
  'sài gòn tiếp thị',
  'bia sài gòn',
  'cao bằng nhau',
];

/**
 * A bare name right after one of these words names a street, a bridge, a river or a firm, not the
 * area ("đường Phạm Ngũ Lão", "cầu Sài Gòn", "sông Sài Gòn").
 */
export const BLOCKING_PREVIOUS_WORDS: readonly string[] = [
  'đường',
  'đ',
  'phố',
  'hẻm',
  'ngõ',
  'kiệt',
  'cầu',
  'sông',
  'kênh',
  'rạch',
  'ga',
  'lộ',
  'street',
  'st',
  'road',
  'bridge',
  'ty',
  'cty',
  'báo',
  'bia',
];

/** Names that are common words or people: never taken without a qualifier. */
export const QUALIFIER_REQUIRED: readonly string[] = [
  'hoà bình',
  'bình an',
  'an bình',
  'an lạc',
  'tây nam',
  'đất đỏ',
  'bàn cờ',
  'chợ lớn',
  'trường thọ',
  'phong phú',
  'tân lập',
  'chánh nghĩa',
  'phú cường',
  'diên hồng',
  'tóc tiên',
  'bạch đằng',
  'thắng nhất',
  'thắng nhì',
  'thắng tam',
  'phước lộc',
  'thái hoà',
  'cô giang',
  'trừ văn thố',
];

/**
 * Names whose folded form is also a common word ("hoc mon": học môn, "gia dinh": gia đình): typed
 * without diacritics they count only when capitalised ("Hoc Mon"); "capitalised-always" names are
 * a common word even with their marks ("cao bằng").
 */
export const CAPITALISED_WHEN_PLAIN: readonly string[] = [
  'hóc môn',
  'gia định',
  'bà điểm',
  'tân thành',
  'tam thắng',
  'thái mỹ',
  'tân hải',
  'tam long',
  'chợ quán',
  'đông hoà',
  'hoà hội',
  'hoà lợi',
  'bình hoà',
  'bình giã',
  'phú định',
  'tân tạo',
  'đông thạnh',
  'tam an',
  'xuân hoà',
  'tân hoà',
  'long tâm',
];
export const CAPITALISED_ALWAYS: readonly string[] = ['cao bằng', 'thái bình', 'hải dương'];

/** Family names: a unit named after a person ("Lê Minh Xuân", "Võ Thị Sáu") needs a qualifier. */
export const FAMILY_NAMES: ReadonlySet<string> = new Set([
  'nguyen',
  'tran',
  'le',
  'pham',
  'hoang',
  'huynh',
  'phan',
  'vu',
  'vo',
  'dang',
  'bui',
  'do',
  'ngo',
  'duong',
  'ly',
]);

/** "Audi Q7", "quý Q1": a "Q" + number after these is not a district (nor before a year). */
export const NOT_DISTRICT_BEFORE_Q: readonly string[] = ['audi', 'quý', 'quarter', 'iphone'];

/** Words that mark a list of numbers after a plural qualifier: "các quận 1, 3 và 5". */
export const PLURAL_MARKERS: readonly string[] = ['các', 'những', 'mấy'];
export const LIST_JOINERS: readonly string[] = ['và', 'với', 'and', 'hoặc'];
