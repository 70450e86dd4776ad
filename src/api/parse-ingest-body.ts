import { LangngheError } from '../core/errors.js';

/** A line or array item that could not be read, before any validation of its content. */
export interface BodyItemError {
  /** 1-based line number (NDJSON) or 0-based index (JSON array). */
  position: number;
  code: string;
  message: string;
}

/** The items of an ingest body and where each came from, for error reporting. */
export interface IngestBody {
  unit: 'line' | 'index';
  items: unknown[];
  /** `positions[i]`: the line number (or index) of `items[i]`. */
  positions: number[];
  errors: BodyItemError[];
}

const NEWLINE = 0x0a;
const MAX_MESSAGE = 200;

function isBlank(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d);
}

function shortMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/**
 * Reads an NDJSON body line by line: each line is decoded as strict UTF-8 and parsed alone, so a
 * line with invalid UTF-8 or malformed JSON becomes an error carrying its 1-based line number and
 * the other lines are kept. Blank lines are skipped; CRLF and a leading byte-order mark are fine.
 * Splitting on the byte 0x0A is safe: it never occurs inside a multi-byte UTF-8 sequence.
 */
export function parseNdjson(body: Uint8Array): IngestBody {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const out: IngestBody = { unit: 'line', items: [], positions: [], errors: [] };
  let start = 0;
  for (let line = 1; start <= body.length; line++) {
    const found = body.indexOf(NEWLINE, start);
    const end = found === -1 ? body.length : found;
    const bytes = body.subarray(start, end);
    start = end + 1;
    if (isBlank(bytes)) {
      if (found === -1) break;
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      out.errors.push({
        position: line,
        code: 'input.encoding',
        message: `Line ${line} is not valid UTF-8`,
      });
      continue;
    }
    try {
      out.items.push(JSON.parse(text));
      out.positions.push(line);
    } catch (error) {
      out.errors.push({
        position: line,
        code: 'input.json',
        message: `Line ${line} is not valid JSON: ${shortMessage(error)}`,
      });
    }
    if (found === -1) break;
  }
  return out;
}

/**
 * Reads a JSON array body. Unlike NDJSON, one bad byte spoils the whole document, so invalid
 * UTF-8, malformed JSON or a non-array is an `input.*` error for the request.
 */
export function parseJsonArray(body: Uint8Array): IngestBody {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch (error) {
    throw new LangngheError('input.encoding', 'The request body is not valid UTF-8', {
      cause: error,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new LangngheError(
      'input.json',
      `The request body is not valid JSON: ${shortMessage(error)}`,
      {
        cause: error,
      },
    );
  }
  if (!Array.isArray(data)) {
    throw new LangngheError(
      'input.invalid',
      'Expected a JSON array of posts (or send NDJSON as application/x-ndjson)',
    );
  }
  return { unit: 'index', items: data, positions: data.map((_, i) => i), errors: [] };
}
