import { resolve } from 'node:path';
import { systemScope } from '../../core/scope.js';
import { defaultEnricher } from '../../pipeline/default-enricher.js';
import { POST_INPUT_FIELDS } from '../../pipeline/post-fields.js';
import type { FileFingerprint } from '../../sources/files/import-checkpoint.js';
import {
  decideResume,
  encodeCheckpoint,
  fingerprintFile,
} from '../../sources/files/import-checkpoint.js';
import type { RecordPreparer } from '../../sources/files/prepare-record.js';
import { createRecordPreparer } from '../../sources/files/prepare-record.js';
import type { FileRecord } from '../../sources/files/read-records.js';
import { readCsv, readJsonLines } from '../../sources/files/read-records.js';
import type { CliIo } from '../io.js';
import { UsageError, writeLine } from '../io.js';
import { createProgress } from '../progress.js';
import type { Runtime } from '../runtime.js';
import { openRuntime, readConfig } from '../runtime.js';
import type { ImportRequest } from './import-request.js';
import { parseRequest, shapingOptions } from './import-request.js';

export { importHelp } from './import-request.js';

function readRecords(request: ImportRequest): AsyncIterable<FileRecord> {
  if (request.format === 'jsonl') return readJsonLines(request.file);
  return readCsv(request.file, {
    mapping: request.mapping,
    required: ['text'],
    ...(request.isStrict ? { knownFields: POST_INPUT_FIELDS } : {}),
  });
}

interface Totals {
  read: number;
  inserted: number;
  updated: number;
  matched: number;
  bad: number;
}

type Report = (line: number, message: string) => Promise<void>;

/** Where a run's checkpoint is kept: one per workspace and file. */
function checkpointKey(request: ImportRequest): string {
  return `import:${request.workspace}:${resolve(request.file)}`;
}

/**
 * Stores records through the ingest service in batches, reporting refused ones by line, and
 * calls `onStored` with a batch's last line once it is stored (the checkpoint is saved only then).
 */
function createBatcher(
  request: ImportRequest,
  deps: { runtime: Runtime; report: Report; totals: Totals; onStored(line: number): Promise<void> },
): { add(line: number, value: unknown): Promise<void>; flush(): Promise<void> } {
  const { totals } = deps;
  let batch: { line: number; value: unknown }[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const result = await deps.runtime.app.ingest(
      systemScope(request.workspace),
      batch.map(({ value }) => value),
      { sourceId: request.source, unit: 'index', isStrict: true },
    );
    for (const error of result.errors) {
      totals.bad++;
      await deps.report(batch[error.index]?.line ?? 0, error.message);
    }
    totals.inserted += result.inserted;
    totals.updated += result.updated;
    totals.matched += result.matched;
    await deps.onStored(batch.at(-1)!.line);
    batch = [];
  };
  return {
    async add(line, value) {
      batch.push({ line, value });
      if (batch.length >= request.batchSize) await flush();
    },
    flush,
  };
}

/** Reads the file from `resumeAfter` on, storing batches and saving the checkpoint after each. */
async function importRecords(
  request: ImportRequest,
  deps: { runtime: Runtime; io: CliIo; preparer: RecordPreparer; file: FileFingerprint },
  resumeAfter: number,
): Promise<Totals> {
  const { runtime, io, preparer } = deps;
  const options = shapingOptions(request);
  const save = (line: number, isComplete: boolean): Promise<void> =>
    runtime.store.saveCursor(
      checkpointKey(request),
      encodeCheckpoint({ line, isComplete, file: deps.file, options }),
    );
  const totals: Totals = { read: 0, inserted: 0, updated: 0, matched: 0, bad: 0 };
  const report: Report = (line, message) =>
    writeLine(io.stderr, `${request.file}:${line}: ${message}`);
  const batcher = createBatcher(request, {
    runtime,
    report,
    totals,
    onStored: (line) => save(line, false),
  });
  const progress = createProgress({
    stream: io.stderr,
    isTty: io.isTty,
    total: deps.file.size,
    label: 'import',
    unit: 'records',
  });
  let lastLine = resumeAfter;
  for await (const record of readRecords(request)) {
    if (record.line <= resumeAfter) continue;
    totals.read++;
    lastLine = record.line;
    const prepared =
      record.error === undefined
        ? preparer.prepare(record.value, record.line)
        : { error: `${record.error}; skipped` };
    if (prepared.warning !== undefined) await report(record.line, prepared.warning);
    if (prepared.error === undefined) await batcher.add(record.line, prepared.item);
    else {
      totals.bad++;
      await report(record.line, prepared.error);
    }
    progress.update(record.bytesRead, totals.read);
  }
  await batcher.flush();
  await save(lastLine, true);
  progress.finish(
    `imported ${request.file}: ${totals.read} records, ${totals.inserted} new, ${totals.updated} updated, ${totals.matched} topic matches, ${totals.bad} bad`,
  );
  return totals;
}

/**
 * `langnghe import`: reads a CSV or JSON-lines file into posts through the ingest service, resuming
 * an interrupted run of the same file and options, and prints the date reading it used.
 */
export async function runImport(args: string[], io: CliIo): Promise<number> {
  const request = parseRequest(args);
  const file = await fingerprintFile(request.file);
  const config = readConfig(io, request.flags);
  const runtime = await openRuntime(config, { enrich: defaultEnricher });
  try {
    if ((await runtime.store.getWorkspace(request.workspace)) === undefined)
      throw new UsageError(
        `langnghe import: no workspace "${request.workspace}" (see langnghe workspaces list)`,
      );
    const decision = request.isRestart
      ? { resumeAfter: 0 }
      : decideResume(await runtime.store.getCursor(checkpointKey(request)), {
          file,
          options: shapingOptions(request),
        });
    if (decision.notice !== undefined) await writeLine(io.stderr, decision.notice);
    const preparer = createRecordPreparer({
      dates: { order: request.order, offsetMinutes: request.offsetMinutes },
      isStrict: request.isStrict,
      ...(request.platform === undefined ? {} : { platform: request.platform }),
    });
    const totals = await importRecords(
      request,
      { runtime, io, preparer, file },
      decision.resumeAfter,
    );
    for (const line of preparer.summary()) await writeLine(io.stderr, line);
    return totals.bad > 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}
