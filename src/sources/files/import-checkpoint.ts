import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** Enough of a file to notice that it changed: its size, modification time and first bytes. */
export interface FileFingerprint {
  size: number;
  mtimeMs: number;
  /** SHA-256 of the first `HEAD_BYTES` bytes, hex. */
  head: string;
}

/** Where an interrupted import stands, saved after each stored batch. */
export interface ImportCheckpoint {
  /** Last line of the last stored batch. */
  line: number;
  /** The run read the file to its end. */
  isComplete: boolean;
  file: FileFingerprint;
  /** The options that decide what a line becomes, by flag (`--map`, `--date-order` …). */
  options: Readonly<Record<string, string>>;
}

/** Where a run starts, and what to tell the user about it. */
export interface ResumeDecision {
  /** Lines up to this one were stored by an earlier run; 0 reads the whole file. */
  resumeAfter: number;
  notice?: string;
}

const HEAD_BYTES = 64 * 1024;

/** The fingerprint of the file at `path` (reads at most its first 64 KiB). */
export async function fingerprintFile(path: string): Promise<FileFingerprint> {
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, stat.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = createHash('sha256').update(buffer.subarray(0, bytesRead)).digest('hex');
    return { size: stat.size, mtimeMs: Math.round(stat.mtimeMs), head };
  } finally {
    await handle.close();
  }
}

function parseCheckpoint(text: string): ImportCheckpoint | undefined {
  try {
    const value = JSON.parse(text) as Partial<ImportCheckpoint>;
    const isValid =
      Number.isInteger(value.line) &&
      typeof value.file?.head === 'string' &&
      typeof value.options === 'object' &&
      value.options !== null;
    return isValid ? (value as ImportCheckpoint) : undefined;
  } catch {
    return undefined;
  }
}

function fileChange(before: FileFingerprint, now: FileFingerprint): string | undefined {
  if (before.size !== now.size) return `its size went from ${before.size} to ${now.size} bytes`;
  if (before.head !== now.head) return 'its first bytes differ';
  if (before.mtimeMs !== now.mtimeMs) return 'it was modified';
  return undefined;
}

function optionChanges(
  before: Readonly<Record<string, string>>,
  now: Readonly<Record<string, string>>,
): string[] {
  const flags = new Set([...Object.keys(before), ...Object.keys(now)]);
  return [...flags].filter((flag) => before[flag] !== now[flag]).sort();
}

/**
 * Whether a run resumes where the saved checkpoint left off: only when the same file (size,
 * modification time, first bytes) is read with the same options. A changed file or mapping, a
 * finished last run or an unreadable checkpoint start from the top, and the notice says why.
 */
export function decideResume(
  saved: string | undefined,
  current: { file: FileFingerprint; options: Readonly<Record<string, string>> },
): ResumeDecision {
  if (saved === undefined) return { resumeAfter: 0 };
  const checkpoint = parseCheckpoint(saved);
  if (checkpoint === undefined)
    return {
      resumeAfter: 0,
      notice: 'the last run left no usable resume point: starting from the top',
    };
  const change = fileChange(checkpoint.file, current.file);
  if (change !== undefined)
    return {
      resumeAfter: 0,
      notice: `file changed since the last run (${change}): starting from the top`,
    };
  const changed = optionChanges(checkpoint.options, current.options);
  if (changed.length > 0)
    return {
      resumeAfter: 0,
      notice: `${changed.join(', ')} changed since the last run: starting from the top`,
    };
  if (checkpoint.isComplete)
    return {
      resumeAfter: 0,
      notice:
        'the last run imported the whole file: reading it again from the top (same ids are updated, not duplicated)',
    };
  return {
    resumeAfter: checkpoint.line,
    notice: `resuming after line ${checkpoint.line} (use --restart to read the whole file again)`,
  };
}

/** The checkpoint as the store keeps it. */
export function encodeCheckpoint(checkpoint: ImportCheckpoint): string {
  return JSON.stringify(checkpoint);
}
