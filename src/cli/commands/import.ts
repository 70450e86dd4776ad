import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { systemScope } from '../../core/scope.js';
import { DEFAULT_WORKSPACE_ID } from '../../core/types.js';
import type { CliIo } from '../io.js';
import { UsageError, writeLine } from '../io.js';
import { createProgress } from '../progress.js';
import type { FileRecord } from '../../sources/files/read-records.js';
import { readCsv, readJsonLines } from '../../sources/files/read-records.js';
import { openRuntime, readConfig } from '../runtime.js';
import { defaultEnricher } from '../../pipeline/default-enricher.js';

export const importHelp = `langnghe import FILE [--format jsonl|csv] [--map FIELD=COLUMN ...] [--platform P]
                [--source ID] [--lenient] [--restart] [--batch N] [--data-dir DIR]

Imports posts from a JSON-lines or CSV file (format from the file's extension unless --format).
Each record becomes a post: fields as in the Post type (text required; id, platform, title, url,
publishedAt, author.name, engagement.likes …). CSV columns map to fields by name, or with
--map text=noi_dung --map publishedAt=ngay_dang. Bad records are reported with their line
number and skipped; the others are stored. Importing again is harmless (same ids are updated,
not duplicated), and an interrupted import resumes after the last stored batch (--restart to
read the file from the top). Progress goes to stderr. Exit code 1 when some records were bad.`;

export async function runImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      map: { type: 'string', multiple: true, default: [] },
      platform: { type: 'string' },
      source: { type: 'string' },
      workspace: { type: 'string', default: DEFAULT_WORKSPACE_ID },
      lenient: { type: 'boolean', default: false },
      restart: { type: 'boolean', default: false },
      batch: { type: 'string', default: '1000' },
      'data-dir': { type: 'string' },
      config: { type: 'string' },
    },
  });
  const [file] = positionals;
  if (file === undefined || positionals.length > 1) throw new UsageError(importHelp);
  const format = values.format ?? (/\.csv$/i.test(file) ? 'csv' : 'jsonl');
  if (format !== 'csv' && format !== 'jsonl')
    throw new UsageError(`--format must be jsonl or csv\n\n${importHelp}`);
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000)
    throw new UsageError('--batch must be an integer 1–50000');
  const mapping: Record<string, string> = {};
  for (const pair of values.map) {
    const [field, column] = pair.split('=');
    if (!field || !column) throw new UsageError(`--map takes FIELD=COLUMN, not "${pair}"`);
    mapping[field.trim()] = column.trim();
  }
  const stat = statSync(file);
  const config = readConfig(io, { dataDir: values['data-dir'], config: values.config });
  const runtime = await openRuntime(config, { enrich: defaultEnricher });
  const checkpoint = `import:${resolve(file)}:${stat.size}:${Math.round(stat.mtimeMs)}`;
  try {
    if ((await runtime.store.getWorkspace(values.workspace)) === undefined)
      throw new UsageError(
        `langnghe import: no workspace "${values.workspace}" (see langnghe workspaces list)`,
      );
    const resumeAfter = values.restart
      ? 0
      : Number((await runtime.store.getCursor(checkpoint)) ?? 0);
    if (resumeAfter > 0)
      await writeLine(
        io.stderr,
        `resuming after line ${resumeAfter} (use --restart to read the whole file again)`,
      );
    const records: AsyncIterable<FileRecord> =
      format === 'csv' ? readCsv(file, mapping, ['text']) : readJsonLines(file);
    const progress = createProgress({
      stream: io.stderr,
      isTty: io.isTty,
      total: stat.size,
      label: 'import',
    });
    const totals = { read: 0, inserted: 0, updated: 0, matched: 0, bad: 0 };
    let batch: { line: number; value: unknown }[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const items = batch.map(({ value }) =>
        values.platform && typeof value === 'object' && value !== null && !('platform' in value)
          ? { ...value, platform: values.platform }
          : value,
      );
      const result = await runtime.app.ingest(systemScope(values.workspace), items, {
        sourceId: values.source,
        unit: 'index',
        isStrict: !values.lenient,
      });
      for (const error of result.errors) {
        totals.bad++;
        await writeLine(io.stderr, `${file}:${batch[error.index]?.line ?? '?'}: ${error.message}`);
      }
      totals.inserted += result.inserted;
      totals.updated += result.updated;
      totals.matched += result.matched;
      await runtime.store.saveCursor(checkpoint, String(batch.at(-1)!.line));
      batch = [];
    };
    for await (const record of records) {
      if (record.line <= resumeAfter) continue;
      totals.read++;
      if (record.error !== undefined) {
        totals.bad++;
        await writeLine(io.stderr, `${file}:${record.line}: ${record.error}; skipped`);
      } else {
        batch.push({ line: record.line, value: record.value });
        if (batch.length >= batchSize) await flush();
      }
      progress.update(record.bytesRead, totals.read);
    }
    await flush();
    progress.finish(
      `imported ${file}: ${totals.read} records, ${totals.inserted} new, ${totals.updated} updated, ${totals.matched} topic matches, ${totals.bad} bad`,
    );
    return totals.bad > 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}
