/** Level of a current unit an {@link AreaMatch} points at. */
export type AreaLevel = 'ward' | 'commune' | 'special_zone' | 'province';

/** Where in the original text an area was named: UTF-16 offsets, `text === original.slice(start, end)`. */
export interface AreaEvidence {
  start: number;
  end: number;
  text: string;
}

/**
 * The pre-reform unit the text named, when it named one ("Quận 7", "Phường 12, Quận Gò Vấp",
 * "Bình Dương"). Codes are those of the 2025-03 data (former province codes are not today's: the
 * former Bình Định is 52, today's 52 is Gia Lai). Quận 2, Quận 9 and the old Quận Thủ Đức, merged
 * into TP Thủ Đức in 2021, carry TP Thủ Đức's code 769 and their own name.
 */
export interface FormerUnit {
  code: string;
  /** Full name, as the unit was called: "Quận 7", "Thành phố Thủ Đức", "Phường Tân Định". */
  name: string;
  /** 'ward' covers every level-3 unit (phường, xã, thị trấn). */
  level: 'province' | 'district' | 'ward';
  /** For a former ward: the former district it belonged to. */
  district?: { code: string; name: string };
  /** True when only part of the former unit became the current unit of this match. */
  isPartial?: boolean;
}

/**
 * One current unit the text is about. A former district or ward yields one match per current
 * unit its area went to, all with the same `former` and `evidence` ("Q7" → four matches: Tân Mỹ,
 * Tân Hưng, Tân Thuận, Phú Thuận). A former province (Bình Dương, Quảng Nam) yields one match at
 * province level for the province it is now part of.
 */
export interface AreaMatch {
  /** Current unit code: a ward/commune/special-zone code of HCMC, or a province code. */
  code: string;
  /** Current full name: "Phường Tân Mỹ", "Thành phố Hồ Chí Minh", "Tỉnh Phú Thọ". */
  name: string;
  level: AreaLevel;
  former?: FormerUnit;
  evidence: AreaEvidence;
  /**
   * 0..1. Written-out qualifier ("quận", "phường") ≈ 0.95, abbreviation ("Q.", "P") ≈ 0.85, a
   * bare name ≈ 0.8 with diacritics and ≈ 0.65 without; lowered when other readings had to be set
   * aside (a namesake elsewhere) and when only part of a former unit went into this one.
   */
  confidence: number;
}

/** One reading of an ambiguous mention. */
export interface AreaCandidate {
  /** The unit's own code (a former unit keeps its former code). */
  code: string;
  /** Full name; former wards carry their district: "Phường 12, Quận Gò Vấp". */
  name: string;
  level: AreaLevel | 'district';
  isFormer: boolean;
  /** The current units (HCMC wards, or one province) this reading would give. */
  currentCodes: string[];
}

/**
 * A place named in the text that could not be pinned down: a numbered ward with no district near
 * it ("phường 12"), or a name several units share with nothing to choose between them ("An Phú").
 */
export interface AmbiguousArea {
  evidence: AreaEvidence;
  reason: 'needs_district' | 'shared_name';
  candidates: AreaCandidate[];
}

/** What {@link tagAreas} found: resolved areas in text order, and what stayed ambiguous. */
export interface AreaTagResult {
  areas: AreaMatch[];
  ambiguous: AmbiguousArea[];
}
