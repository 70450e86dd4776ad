import { formatQuery, parseQuery } from '../../query/index.js';
import { isLangngheError } from '../../core/errors.js';
import type { CliIo } from '../io.js';
import { UsageError, writeLine } from '../io.js';

export const queryHelp = `langnghe query check "<query>"

Parses a topic query and prints its canonical form, its syntax tree (JSON) and any hints.
On a syntax error, prints where and what was expected (Vietnamese / English) and exits 1.`;

export async function runQuery(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'check' || rest.length === 0) throw new UsageError(queryHelp);
  const query = rest.join(' ');
  try {
    const parsed = parseQuery(query);
    await writeLine(io.stdout, `ok: ${formatQuery(parsed.ast)}`);
    for (const warning of parsed.warnings) {
      const hint = warning.suggestion ? ` → ${warning.suggestion}` : '';
      await writeLine(
        io.stdout,
        `gợi ý / hint: ${warning.messageVi} / ${warning.messageEn}${hint}`,
      );
    }
    await writeLine(io.stdout, JSON.stringify(parsed.ast, null, 2));
    return 0;
  } catch (error) {
    if (!isLangngheError(error) || !error.code.startsWith('query.')) throw error;
    const offset = typeof error.details.offset === 'number' ? error.details.offset : undefined;
    await writeLine(io.stderr, `lỗi / error: ${error.message}`);
    if (offset !== undefined && !query.includes('\n')) {
      await writeLine(io.stderr, `  ${query}`);
      await writeLine(io.stderr, `  ${' '.repeat(Math.min(offset, query.length))}^`);
    }
    return 1;
  }
}
