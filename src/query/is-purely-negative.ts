import type { QueryNode } from './ast.js';
import { compileQuery } from './compile-query.js';
import { prepareDoc } from './match-doc.js';

/**
 * Whether a query matches a post that contains none of its terms (`-zzz`, `NOT a AND NOT b`,
 * `a OR -b`, `-platform:facebook`): such a query names nothing to find and would match nearly
 * every post, so a topic built on it is refused.
 *
 * The test is exact rather than syntactic: the query is compiled and run on an empty post (no
 * title, text, author, URL, labels, platform or language). Every positive part of a query
 * (a term, a phrase, a field comparison) is false there, so the query matches it exactly when
 * it can match without any of them.
 *
 * `platform:facebook -zzz` (or `lang:`, `site:`, `area:` with negations) is not purely negative:
 * the empty post has no platform, so it does not match. Such a query is broad but names what it
 * selects (one platform's posts), which a user may want; refusing broad queries is a question of
 * volume, answered by a topic test's counts, not by this check.
 */
export function isPurelyNegative(ast: QueryNode): boolean {
  return compileQuery(ast)(prepareDoc({ text: '' }));
}
