import { LangngheError } from '../../core/errors.js';
import type { SimplePrefilter, TextPrefilter } from '../text-prefilter.js';
import { simplifyPrefilter } from '../text-prefilter.js';

/** What a prefilter becomes in FTS5: no filter, no rows, or a MATCH expression to bind. */
export type FtsMatch = { kind: 'all' } | { kind: 'none' } | { kind: 'match'; expression: string };

/**
 * unicode61 makes tokens of letters, digits and private-use characters (categories L*, N*, Co);
 * everything else separates them. A value with none of those has no token to look up.
 */
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;

export function isFtsIndexable(folded: string): boolean {
  return TOKEN_CHAR.test(folded);
}

/**
 * Translates a prefilter into an FTS5 MATCH expression. Every value becomes an FTS5 string
 * (`"…"`, inner quotes doubled), inside which `*`, `:`, `^`, `NEAR`, `AND`, `OR`, `NOT` and
 * parentheses are plain characters, so no term can change the expression's structure. FTS5
 * tokenizes a string with the table's tokenizer, so a value of several words is a phrase.
 */
export function toFtsMatch(prefilter: TextPrefilter): FtsMatch {
  const simple = simplifyPrefilter(prefilter, isFtsIndexable);
  if (simple.op === 'all') return { kind: 'all' };
  if (simple.op === 'none') return { kind: 'none' };
  return { kind: 'match', expression: render(simple) };
}

function render(node: SimplePrefilter): string {
  switch (node.op) {
    case 'term':
      return node.prefix ? `${quote(node.folded)}*` : quote(node.folded);
    case 'phrase':
      return node.folded.map(quote).join(' + ');
    case 'and':
      return node.children.map((c) => `(${render(c)})`).join(' AND ');
    case 'or':
      return node.children.map((c) => `(${render(c)})`).join(' OR ');
    case 'all':
    case 'none':
      // simplifyPrefilter only leaves these at the root.
      throw new LangngheError('internal', `unexpected constant "${node.op}" inside a prefilter`);
  }
}

/** NUL would end the expression early inside SQLite, so it becomes a separator like any other. */
function quote(value: string): string {
  return `"${value.replaceAll('"', '""').replaceAll('\0', ' ')}"`;
}
