import type { Readable, Writable } from 'node:stream';
import { createInterface } from 'node:readline';

/** The process streams a command uses; tests pass their own. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal (progress bars) . */
  isTty: boolean;
}

export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    isTty: Boolean(process.stderr.isTTY),
  };
}

/** Writes a line and waits for the stream to drain when it is full (back-pressure). */
export async function writeLine(stream: Writable, line: string): Promise<void> {
  if (!stream.write(`${line}\n`))
    await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

/** Reads a stream line by line with 1-based line numbers; CRLF and a BOM are handled. */
export async function* readLines(
  stream: Readable,
): AsyncGenerator<{ line: string; number: number }> {
  const reader = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  for await (const raw of reader) {
    number++;
    yield { line: number === 1 ? raw.replace(/^\uFEFF/, '') : raw, number };
  }
}

/** A usage error: wrong flags or arguments (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Text as the terminal may show it: what strangers typed (a post, a login tried, an author id),
 * with control characters and bidi overrides written as `\u001b` instead of being run.
 */
export function printable(text: string): string {
  return text.replace(
    /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
