import { LangngheError } from '../core/errors.js';
import {
  exclusion,
  issueGroup,
  nearOperator,
  orGroup,
  pickIssueKey,
  placeGroup,
  placeOperand,
  sample,
} from './query-parts.js';
import {
  AUTHOR_TERMS,
  CITY_TERMS,
  COMMON_SYLLABLES,
  ENGLISH_TERMS,
  ISSUE_TERMS,
  MENTION_TERMS,
  ORG_TERMS,
  QUERY_PLATFORMS,
  ROLE_TERMS,
  SENTIMENTS,
  SITES,
  TITLE_PHRASES,
} from './query-vocab.js';
import { createRng, weightedPicker, type Rng } from './rng.js';

/** What to generate. */
export interface TopicQueryOptions {
  /** Same seed, same queries. */
  seed: number;
  count: number;
}

type Shape = (rng: Rng) => string;

const maybeExclusion = (rng: Rng, p: number): string => (rng.chance(p) ? exclusion(rng) : '');

function metaFilter(rng: Rng): string {
  const r = rng.next();
  if (r < 0.35) return `site:${rng.pick(SITES)}`;
  if (r < 0.5) return `site:(${sample(SITES, rng.between(2, 3), rng).join(' OR ')})`;
  if (r < 0.8) return `platform:${rng.pick(QUERY_PLATFORMS)}`;
  if (r < 0.9) return `platform:(${sample(QUERY_PLATFORMS, 2, rng).join(' OR ')})`;
  return `links:${rng.pick(SITES)}`;
}

/** The shapes of real topic queries, with how common each is. */
const SHAPES: ReadonlyArray<readonly [Shape, number]> = [
  [(r) => `${issueGroup(r)} AND ${placeGroup(r)}${maybeExclusion(r, 0.35)}`, 30],
  [(r) => `${issueGroup(r)} AND ${placeGroup(r)} AND ${orGroup(CITY_TERMS, 1, 2, r)}`, 5],
  [
    (r) =>
      `${orGroup(ISSUE_TERMS[pickIssueKey(r)], 1, 1, r)} ${nearOperator(r)} ${placeOperand(r)}`,
    8,
  ],
  [
    (r) =>
      `${issueGroup(r, pickIssueKey(r), 3)} ${nearOperator(r)} ${placeGroup(r, 3)}${maybeExclusion(r, 0.3)}`,
    7,
  ],
  [
    (r) =>
      `"${sample(['kẹt xe', 'ngập nước', 'lừa đảo', 'cúp điện', 'rác thải', 'cướp giật', 'mất nước', 'sốt xuất huyết'], 1, r)[0]!}"~${r.between(1, 4)} AND ${placeGroup(r)}`,
    4,
  ],
  [
    (r) => `${metaFilter(r)} AND ${issueGroup(r)} AND ${placeGroup(r)}${maybeExclusion(r, 0.2)}`,
    12,
  ],
  [
    (r) =>
      `title:${r.pick(TITLE_PHRASES)} AND ${r.chance(0.5) ? orGroup(CITY_TERMS, 1, 3, r) : placeGroup(r)}`,
    4,
  ],
  [
    (r) =>
      `${orGroup(ISSUE_TERMS[pickIssueKey(r)].filter((t) => t.startsWith('#')).concat(['#tphcm', '#saigon']), 1, 3, r)} AND ${placeGroup(r)}`,
    3,
  ],
  [(r) => `${orGroup(ORG_TERMS, 1, 3, r)} AND ${issueGroup(r)}${maybeExclusion(r, 0.5)}`, 8],
  [
    (r) =>
      `${orGroup(ORG_TERMS, 1, 2, r)} AND ${issueGroup(r, 'fraud')} AND ${orGroup(ROLE_TERMS.concat(['"công an"']), 1, 2, r)}${maybeExclusion(r, 0.6)}`,
    3,
  ],
  [(r) => commonAnchored(r), 6],
  [(r) => `${r.pick(MENTION_TERMS)} AND ${issueGroup(r)}`, 2],
  [(r) => `(${issueGroup(r)} AND ${placeGroup(r)}) OR (${issueGroup(r)} AND ${placeGroup(r)})`, 3],
  [(r) => `lang:en AND ${orGroup(ENGLISH_TERMS, 1, 3, r)} AND ${placeGroup(r)}`, 3],
  [
    (r) =>
      `${r.pick(['{TP.HCM}', '{HCMC}', '{EVN}', '{SAWACO}', '{CSGT}'])} AND ${issueGroup(r)} AND ${placeGroup(r)}`,
    2,
  ],
  [
    (r) =>
      `author:${r.pick(AUTHOR_TERMS)} AND ${issueGroup(r)}${r.chance(0.5) ? ` AND ${placeGroup(r)}` : ''}`,
    2,
  ],
  [(r) => `area:${asArea(r)} AND sentiment:${r.pick(SENTIMENTS)} AND ${issueGroup(r)}`, 2],
  [(r) => `${orGroup(ROLE_TERMS, 1, 3, r)} AND ${issueGroup(r)} AND ${placeGroup(r)}`, 3],
  [
    (r) =>
      `text:${issueGroup(r, pickIssueKey(r), 1)} AND ${placeGroup(r)} AND NOT title:${r.pick(TITLE_PHRASES)}`,
    1,
  ],
];

function asArea(rng: Rng): string {
  return rng.pick([
    '"Thủ Đức"',
    '"Bình Thạnh"',
    '"Gò Vấp"',
    '"Tân Mỹ"',
    '"Bến Thành"',
    '"quận 7"',
    '"Tân Bình"',
    '"Cần Giờ"',
  ]);
}

/** Queries built only from very common syllables (`nhà AND quận`): hard for a matcher's index. */
function commonAnchored(rng: Rng): string {
  const words = sample(COMMON_SYLLABLES, rng.between(2, 4), rng);
  if (rng.chance(0.3)) {
    const group = sample(COMMON_SYLLABLES, 2, rng).join(' OR ');
    return `${words.join(' AND ')} AND (${group})`;
  }
  if (rng.chance(0.2))
    return `"${words.slice(0, 2).join(' ')}" AND ${words.slice(2).concat(['dân']).join(' AND ')}`;
  return words.join(' AND ');
}

const pickShape = weightedPicker(
  SHAPES.map(([shape]) => shape),
  SHAPES.map(([, weight]) => weight),
);

/**
 * Generates `count` distinct Brandwatch-style topic queries in the project's query language:
 * issues × places × operators (AND/OR/NOT, NEAR/n, NEAR/nf, ONEAR/n, phrases with ~n, trailing
 * wildcards, `{Exact}`, #hashtags, @mentions, title:/text:/author:/site:/links:/platform:/lang:
 * fields), with a share anchored only on very common syllables. AND and OR never share a level
 * without parentheses.
 *
 * @throws LangngheError `input.invalid` for a negative or non-integer count.
 */
export function generateTopicQueries(options: TopicQueryOptions): string[] {
  if (!Number.isSafeInteger(options.count) || options.count < 0) {
    throw new LangngheError('input.invalid', 'count must be a non-negative integer', {
      details: { count: options.count },
    });
  }
  const rng = createRng(Math.floor(options.seed) ^ 0x70b1c);
  const seen = new Set<string>();
  const out: string[] = [];
  let attempts = 0;
  while (out.length < options.count) {
    let query = pickShape(rng)(rng);
    if (seen.has(query) && ++attempts > 1000) query = `(${query}) AND ${placeGroup(rng, 2)}`;
    if (seen.has(query)) continue;
    seen.add(query);
    out.push(query);
  }
  return out;
}
