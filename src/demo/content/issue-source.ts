/** The city issues (and everyday life) the demo generator writes about. */
export type IssueKey =
  | 'flooding'
  | 'traffic'
  | 'environment'
  | 'security'
  | 'construction'
  | 'health'
  | 'education'
  | 'publicServices'
  | 'utilities'
  | 'fraud'
  | 'housing'
  | 'welfare'
  | 'daily';

/** Which place list `{spot}`/`{place}` draw from for an issue. */
export type SpotKind = 'flood' | 'traffic' | 'landmark' | 'street';

/**
 * The raw templates of one issue. Templates use `{slot}` markers filled by `fillSlot`
 * (src/demo/slots.ts); a slot written with a capital (`{Place}`) is the same value capitalized.
 * Social lists are written with diacritics and in standard spelling: teencode and "không dấu"
 * variants are derived from them.
 */
export interface IssueSource {
  key: IssueKey;
  /** Share of the everyday (non-incident) traffic. */
  weight: number;
  /** How likely an incident (burst across platforms) is of this issue. */
  incidentWeight: number;
  spot: SpotKind;
  hashtags: readonly string[];
  /** Values of `{org}`: hospitals, banks, utility companies, vehicles… */
  orgs: readonly string[];
  /** Where `{org}` comes from instead, when it belongs to the place: a canal of the district, a school named after the ward. */
  orgFrom?: 'canal' | 'school';
  /** Social posts that complain (negative). */
  complaints: readonly string[];
  /** Social posts that ask or inform (neutral). */
  questions: readonly string[];
  /** Social posts that praise or thank (positive). */
  praise: readonly string[];
  /** Short replies, 20–200 characters once filled. */
  comments: readonly string[];
  /** Press headlines. */
  titles: readonly string[];
  /** First sentence of an article, usually starting with `{Ptime}`. */
  leads: readonly string[];
  details: readonly string[];
  quotes: readonly string[];
  /** What an agency said or did. */
  officials: readonly string[];
  /** Background paragraphs an article may end with. */
  context: readonly string[];
  /** Posts in English (expats, Reddit). */
  english: readonly string[];
}
