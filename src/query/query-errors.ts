import { LangngheError } from '../core/errors.js';

/** The two error codes `parseQuery` throws: a syntax mistake, or a limit of `QUERY_LIMITS`. */
export type QueryErrorCode = 'query.syntax' | 'query.limit';

/** What went wrong, where, and what the parser expected there. */
export interface QueryErrorSpec {
  code?: QueryErrorCode;
  /** 0-based UTF-16 offset into the query. */
  offset: number;
  /** Short English description of what was expected there, e.g. `')'` or `a term`. */
  expected: string;
  /** The Vietnamese message, given the position phrase "ở vị trí N" (N = the 1-based column). */
  vi: (at: string) => string;
  /** The English message, given the position phrase "at N". */
  en: (at: string) => string;
  /** More machine-readable context merged into `details` (known fields, readings, the limit). */
  extra?: Record<string, unknown>;
}

/**
 * Builds the `LangngheError` of a bad query. `message` is "<Vietnamese> / <English>"; `details`
 * holds `offset` (0-based UTF-16 index), `column` (offset + 1, the number in the message),
 * `expected`, `messageVi` and `messageEn`.
 */
export function queryError(spec: QueryErrorSpec): LangngheError {
  const column = spec.offset + 1;
  const messageVi = spec.vi(`ở vị trí ${column}`);
  const messageEn = spec.en(`at ${column}`);
  return new LangngheError(spec.code ?? 'query.syntax', `${messageVi} / ${messageEn}`, {
    details: {
      offset: spec.offset,
      column,
      expected: spec.expected,
      messageVi,
      messageEn,
      ...spec.extra,
    },
  });
}

/** Quotes a piece of the user's query for a message, shortened when it is long. */
export function quoteInput(text: string, max = 40): string {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return `'${short}'`;
}
