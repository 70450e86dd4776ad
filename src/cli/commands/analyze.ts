import { analyzeText } from '../../nlp/analyze.js';
import type { CliIo } from '../io.js';
import { readLines, writeLine } from '../io.js';

export const analyzeHelp = `langnghe analyze < posts.jsonl

Reads JSON lines {"id", "text", "title"?} and prints one JSON line each:
{"id", "lang", "areas", "ambiguousAreas", "categories", "sentiment", "toxicity", "intent",
"pii", "simhash"}, every label with its evidence (offsets into "title" or "text"); see
docs/analyze.md. A bad line is reported on stderr with its number and skipped (exit code 1).`;

export async function runAnalyze(_args: string[], io: CliIo): Promise<number> {
  let bad = 0;
  for await (const { line, number } of readLines(io.stdin)) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      bad++;
      await writeLine(
        io.stderr,
        `stdin:${number}: invalid JSON: ${(error as Error).message}; skipped`,
      );
      continue;
    }
    const record = value as Record<string, unknown> | null;
    if (
      record === null ||
      typeof record !== 'object' ||
      typeof record.text !== 'string' ||
      (record.title !== undefined && typeof record.title !== 'string')
    ) {
      bad++;
      await writeLine(
        io.stderr,
        `stdin:${number}: expected {"id", "text": string, "title"?: string}; skipped`,
      );
      continue;
    }
    const id = record.id ?? number;
    const analysis = analyzeText({ text: record.text, title: record.title as string | undefined });
    await writeLine(io.stdout, JSON.stringify({ id, ...analysis }));
  }
  return bad > 0 ? 1 : 0;
}
