import { ISSUE_SOURCES, templateCount } from './content/index.js';
import { OUTLETS } from './outlets.js';
import { NAME_COMBINATIONS } from './people.js';
import { DISTRICTS, allPlaceNames } from './places.js';
import { placeOperandCount } from './query-parts.js';

/** How much material the demo generator draws from. */
export interface DemoVariety {
  /** Sentence and post templates (all issues, openers, closings, comments, spam). */
  templates: number;
  issues: number;
  districts: number;
  wards: number;
  /** Distinct place names and spellings (districts in all spellings, wards, streets, landmarks). */
  placeNames: number;
  /** Distinct place operands used in topic queries. */
  queryPlaces: number;
  outlets: number;
  citizenNames: number;
}

/** Counts of the generator's material, for reports and tests. */
export function demoVariety(): DemoVariety {
  return {
    templates: templateCount(),
    issues: new Set(ISSUE_SOURCES.map((s) => s.key)).size,
    districts: DISTRICTS.length,
    wards: new Set(DISTRICTS.flatMap((d) => d.wards)).size,
    placeNames: allPlaceNames().length,
    queryPlaces: placeOperandCount(),
    outlets: OUTLETS.length,
    citizenNames: NAME_COMBINATIONS,
  };
}
