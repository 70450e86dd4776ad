import { parseArgs } from 'node:util';
import { foldText, tokenize } from '../../nlp/index.js';
import type { CliIo } from '../io.js';
import { readLines, writeLine } from '../io.js';

export const foldHelp = `langnghe fold [--tokens] [TEXT]

Prints the folded form of TEXT (or of each line of standard input): lower case, without
diacritics, đ → d. With --tokens, prints one JSON line per token with its kind and offsets.`;

async function foldOne(text: string, withTokens: boolean, io: CliIo): Promise<void> {
  if (!withTokens) {
    await writeLine(io.stdout, foldText(text.normalize('NFC')));
    return;
  }
  for (const token of tokenize(text)) {
    const { kind, text: raw, start, end, folded, plain } = token;
    await writeLine(io.stdout, JSON.stringify({ kind, text: raw, start, end, folded, plain }));
  }
}

export async function runFold(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { tokens: { type: 'boolean', default: false } },
  });
  if (positionals.length > 0) {
    await foldOne(positionals.join(' '), values.tokens, io);
    return 0;
  }
  for await (const { line } of readLines(io.stdin)) await foldOne(line, values.tokens, io);
  return 0;
}
