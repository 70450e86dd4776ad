import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { LangngheError } from '../../core/errors.js';

/** One record of an import file: its decoded value or why it could not be read. */
export interface FileRecord {
  /** 1-based line number where the record starts. */
  line: number;
  value?: unknown;
  error?: string;
  /** Bytes of the file read so far (for progress). */
  bytesRead: number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** JSON lines, decoded line by line, so invalid UTF-8 or JSON costs only its own line. */
export async function* readJsonLines(path: string): AsyncGenerator<FileRecord> {
  let pending: Buffer = Buffer.alloc(0);
  let line = 0;
  let bytesRead = 0;
  const decodeLine = (bytes: Buffer): FileRecord | undefined => {
    line++;
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return { line, error: 'invalid UTF-8', bytesRead };
    }
    if (line === 1) text = text.replace(/^\uFEFF/, '');
    if (text.trim() === '') return undefined;
    try {
      return { line, value: JSON.parse(text), bytesRead };
    } catch (error) {
      return { line, error: `invalid JSON: ${(error as Error).message}`, bytesRead };
    }
  };
  for await (const chunk of createReadStream(path)) {
    bytesRead += (chunk as Buffer).length;
    pending = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
    let start = 0;
    for (let nl = pending.indexOf(10, start); nl !== -1; nl = pending.indexOf(10, start)) {
      const end = nl > start && pending[nl - 1] === 13 ? nl - 1 : nl;
      const record = decodeLine(pending.subarray(start, end));
      if (record !== undefined) yield record;
      start = nl + 1;
    }
    pending = pending.subarray(start);
  }
  if (pending.length > 0) {
    const record = decodeLine(pending);
    if (record !== undefined) yield record;
  }
}

/** Path parts that would reach an object's prototype instead of a field of its own. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  if (parts.some((part) => PROTOTYPE_KEYS.has(part))) return;
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    const inner = node[part];
    // `text` and `text.x` both as columns: the first one wins, rather than a crash.
    if (typeof inner !== 'object' || inner === null) return;
    node = inner as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

const NUMERIC = new Set([
  'engagement.likes',
  'engagement.comments',
  'engagement.shares',
  'engagement.views',
  'author.followers',
]);

/** How `readCsv` turns columns into fields. */
export interface CsvOptions {
  /** Field → column (`text=noi_dung`, `author.name=tac_gia`); other columns keep their own name. */
  mapping: Readonly<Record<string, string>>;
  /** Fields the header must provide, by name or through `mapping`. */
  required: readonly string[];
  /** When given, a column naming no field in it is an error for the whole file (`--strict`). */
  knownFields?: ReadonlySet<string>;
}

function headerProblems(header: readonly string[], options: CsvOptions): string[] {
  const { mapping, required, knownFields } = options;
  const byColumn = new Map(Object.entries(mapping).map(([field, column]) => [column, field]));
  const missing = Object.values(mapping).filter((column) => !header.includes(column));
  const absent = required.filter((field) => !(mapping[field] ?? header.includes(field)));
  const unknown =
    knownFields === undefined
      ? []
      : header.filter((column) => !knownFields.has(byColumn.get(column) ?? column));
  return [
    ...missing.map((c) => `the header lacks column "${c}" (from --map)`),
    ...absent.map((f) => `the header lacks column for "${f}" (add it or use --map ${f}=COLUMN)`),
    ...(unknown.length === 0
      ? []
      : [
          `column(s) ${unknown.map((c) => `"${c}"`).join(', ')} name no post field ` +
            '(map one with --map FIELD=COLUMN, or leave out --strict to ignore them)',
        ]),
  ];
}

/**
 * CSV with a header row, columns named as fields or mapped to them (`options.mapping`). A header
 * that lacks a mapped or required column, or (with `knownFields`) holds one naming no field, is
 * an error for the whole file (`input.invalid`, thrown); a row that cannot be read is an error
 * for that row only.
 */
export async function* readCsv(path: string, options: CsvOptions): AsyncGenerator<FileRecord> {
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      columns: false,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  let header: string[] | undefined;
  let fields: (string | undefined)[] = [];
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number; bytes: number };
  }>) {
    if (header === undefined) {
      header = record.map((h) => h.trim());
      const problems = headerProblems(header, options);
      if (problems.length > 0)
        throw new LangngheError(
          'input.invalid',
          `${path}: ${problems.join('; ')}; header is: ${header.join(', ')}`,
        );
      const byColumn = new Map(Object.entries(options.mapping).map(([f, c]) => [c, f]));
      fields = header.map((column) => byColumn.get(column) ?? column);
      continue;
    }
    const line = info.lines - (record.join('').split('\n').length - 1);
    if (record.some((value) => value.includes('\uFFFD'))) {
      yield { line, error: 'invalid UTF-8 (or U+FFFD) in this row', bytesRead: info.bytes };
      continue;
    }
    const value: Record<string, unknown> = {};
    record.forEach((cell, i) => {
      const field = fields[i];
      if (field === undefined || cell === '') return;
      setPath(
        value,
        field,
        NUMERIC.has(field) && /^\d+$/.test(cell.trim()) ? Number(cell.trim()) : cell,
      );
    });
    if (record.length < fields.length) {
      yield {
        line,
        error: `row has ${record.length} columns, the header has ${fields.length}`,
        bytesRead: info.bytes,
      };
      continue;
    }
    yield { line, value, bytesRead: info.bytes };
  }
}
