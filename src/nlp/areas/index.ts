export { tagAreas } from './tag-areas.js';
export { areaLabelKeys } from './area-label-keys.js';
export type {
  AmbiguousArea,
  AreaCandidate,
  AreaEvidence,
  AreaLevel,
  AreaMatch,
  AreaTagResult,
  FormerUnit,
} from './area-types.js';
