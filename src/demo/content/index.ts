import { compileAll, compileStyled, type StyledTemplate, type Template } from '../style.js';
import {
  CLOSINGS_NEGATIVE,
  CLOSINGS_NEUTRAL,
  CLOSINGS_POSITIVE,
  GENERIC_COMMENTS,
  OPENERS_NEGATIVE,
  OPENERS_NEUTRAL,
  OPENERS_POSITIVE,
  SPAM,
} from './chatter.js';
import { CONSTRUCTION } from './construction.js';
import { DAILY } from './daily.js';
import { EDUCATION } from './education.js';
import { ENVIRONMENT } from './environment.js';
import { FLOODING } from './flooding.js';
import { FRAUD } from './fraud.js';
import { HEALTH } from './health.js';
import { HOUSING } from './housing.js';
import type { IssueSource } from './issue-source.js';
import { PUBLIC_SERVICES } from './public-services.js';
import { SECURITY } from './security.js';
import { TRAFFIC } from './traffic.js';
import { UTILITIES_POWER, UTILITIES_WATER } from './utilities.js';
import { WELFARE } from './welfare.js';

export type { IssueKey, IssueSource, SpotKind } from './issue-source.js';

export const ISSUE_SOURCES: readonly IssueSource[] = [
  FLOODING,
  TRAFFIC,
  ENVIRONMENT,
  SECURITY,
  CONSTRUCTION,
  HEALTH,
  EDUCATION,
  PUBLIC_SERVICES,
  UTILITIES_POWER,
  UTILITIES_WATER,
  FRAUD,
  HOUSING,
  WELFARE,
  DAILY,
];

/** One issue's templates, split once for fast rendering. */
export interface CompiledIssue {
  source: IssueSource;
  complaints: StyledTemplate[];
  questions: StyledTemplate[];
  praise: StyledTemplate[];
  comments: StyledTemplate[];
  titles: Template[];
  leads: Template[];
  details: Template[];
  quotes: Template[];
  officials: Template[];
  context: Template[];
  english: Template[];
}

function compileIssue(source: IssueSource): CompiledIssue {
  return {
    source,
    complaints: compileStyled(source.complaints),
    questions: compileStyled(source.questions),
    praise: compileStyled(source.praise),
    comments: compileStyled(source.comments),
    titles: compileAll(source.titles),
    leads: compileAll(source.leads),
    details: compileAll(source.details),
    quotes: compileAll(source.quotes),
    officials: compileAll(source.officials),
    context: compileAll(source.context),
    english: compileAll(source.english),
  };
}

export const ISSUES: readonly CompiledIssue[] = ISSUE_SOURCES.map(compileIssue);

/** Wrappers and replies shared by every issue, compiled. */
export const CHATTER = {
  openers: {
    negative: compileStyled(OPENERS_NEGATIVE),
    neutral: compileStyled(OPENERS_NEUTRAL),
    positive: compileStyled(OPENERS_POSITIVE),
  },
  closings: {
    negative: compileStyled(CLOSINGS_NEGATIVE),
    neutral: compileStyled(CLOSINGS_NEUTRAL),
    positive: compileStyled(CLOSINGS_POSITIVE),
  },
  comments: compileStyled(GENERIC_COMMENTS),
  spam: compileStyled(SPAM),
};

/** How many distinct templates the generator writes from (for variety figures). */
export function templateCount(): number {
  let total =
    OPENERS_NEGATIVE.length +
    OPENERS_NEUTRAL.length +
    OPENERS_POSITIVE.length +
    CLOSINGS_NEGATIVE.length +
    CLOSINGS_NEUTRAL.length +
    CLOSINGS_POSITIVE.length +
    GENERIC_COMMENTS.length +
    SPAM.length;
  for (const s of ISSUE_SOURCES) {
    total +=
      s.complaints.length +
      s.questions.length +
      s.praise.length +
      s.comments.length +
      s.titles.length +
      s.leads.length +
      s.details.length +
      s.quotes.length +
      s.officials.length +
      s.context.length +
      s.english.length;
  }
  return total;
}
