import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

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

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
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

/**
 * CSV with a header row. `mapping` is field → column (`text=noi_dung`, `author.name=tac_gia`);
 * columns not mapped keep their own name. A mapped column missing from the header is an error
 * for the whole file (thrown); a row that cannot be read is an error for that row only.
 */
export async function* readCsv(
  path: string,
  mapping: Readonly<Record<string, string>>,
  required: readonly string[],
): AsyncGenerator<FileRecord> {
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
      const byColumn = new Map(Object.entries(mapping).map(([field, column]) => [column, field]));
      const missing = Object.values(mapping).filter((column) => !header!.includes(column));
      const absent = required.filter((field) => !(mapping[field] ?? header!.includes(field)));
      if (missing.length > 0 || absent.length > 0) {
        const names = [
          ...missing.map((c) => `column "${c}" (from --map)`),
          ...absent.map((f) => `column for "${f}" (add it or use --map ${f}=COLUMN)`),
        ];
        throw new Error(
          `${path}: the header lacks ${names.join(', ')}; header is: ${header.join(', ')}`,
        );
      }
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
