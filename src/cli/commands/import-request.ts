import { parseArgs } from 'node:util';
import { VIETNAM_OFFSET_MINUTES, formatOffset, parseZone } from '../../core/date-zone.js';
import type { DateOrder } from '../../core/read-date.js';
import { DEFAULT_WORKSPACE_ID } from '../../core/types.js';
import { POST_INPUT_FIELDS } from '../../pipeline/post-fields.js';
import { UsageError } from '../io.js';

export const importHelp = `langnghe import FILE [--format jsonl|csv] [--map FIELD=COLUMN ...] [--date-order dmy|mdy] [--zone OFFSET] [--strict] [--restart]

Imports posts from a JSON-lines or CSV file (format from the file's extension unless --format).
Each record becomes a post: fields as in the Post type (text required; id, platform, kind,
title, url, lang, publishedAt, collectedAt, author.name, engagement.likes …). CSV columns map to
fields by name, or with --map text=noi_dung --map publishedAt=ngay_dang.

Dates are read day-first, as Vietnam writes them (02/12/2026 08:15 is 2 December), and also as
ISO 8601, epoch seconds or milliseconds, "ngày 2 tháng 12 năm 2026", "Thứ Tư, 02/12/2026 -
08:15", "08:15 CH", RFC 822 and English month names. A time that names no zone is Vietnam time.
The summary says which reading was used.
  --date-order mdy   read numeric dates month-first (12/02/2026 is December 2); a date that only
                     the other order can read is refused with a hint, never read that way
  --zone OFFSET      zone of times that name none: Asia/Ho_Chi_Minh (+07:00, the default), UTC,
                     +05:30, GMT+8 …

Fields (CSV columns) that posts do not have are ignored with one warning naming them; --strict
refuses them instead (a CSV header holding one refuses the whole file). --lenient, the old name
for ignoring them, is still accepted.

Other options: --platform P (for records naming none), --source ID, --workspace ID (default
"${DEFAULT_WORKSPACE_ID}"), --batch N (records per stored batch, default 1000), --data-dir DIR,
--config FILE.

Bad records are reported with their line number and skipped; the others are stored. Importing
again is harmless (same ids are updated, not duplicated). An interrupted import resumes after the
last stored batch of the same file read with the same options; if the file or an option that
shapes a post (--format, --map, --platform, --source, --date-order, --zone, --strict) changed,
or the last run finished, it starts from the top and says why (--restart always does). Progress
(share, records/s, ETA) goes to stderr on long imports. Exit code 1 when some records were bad.`;

/** An import run as the command line asks for it. */
export interface ImportRequest {
  file: string;
  format: 'csv' | 'jsonl';
  mapping: Record<string, string>;
  order: DateOrder;
  offsetMinutes: number;
  isStrict: boolean;
  isRestart: boolean;
  batchSize: number;
  workspace: string;
  platform?: string;
  source?: string;
  flags: { dataDir?: string; config?: string };
}

function parseMapping(pairs: readonly string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const pair of pairs) {
    const [field, column] = pair.split('=').map((part) => part.trim());
    if (!field || !column) throw new UsageError(`--map takes FIELD=COLUMN, not "${pair}"`);
    if (!POST_INPUT_FIELDS.has(field))
      throw new UsageError(
        `--map ${pair}: posts have no field "${field}" (fields: ${[...POST_INPUT_FIELDS].join(', ')})`,
      );
    mapping[field] = column;
  }
  return mapping;
}

function parseZoneFlag(text: string | undefined): number {
  if (text === undefined) return VIETNAM_OFFSET_MINUTES;
  const offset = parseZone(text);
  if (offset === undefined)
    throw new UsageError(`--zone takes +07:00, UTC, GMT+7 or Asia/Ho_Chi_Minh, not "${text}"`);
  return offset;
}

/** Reads `langnghe import`'s arguments; wrong ones are a `UsageError`. */
export function parseRequest(args: string[]): ImportRequest {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      map: { type: 'string', multiple: true, default: [] },
      platform: { type: 'string' },
      source: { type: 'string' },
      workspace: { type: 'string', default: DEFAULT_WORKSPACE_ID },
      'date-order': { type: 'string', default: 'dmy' },
      zone: { type: 'string' },
      strict: { type: 'boolean', default: false },
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
  const order = values['date-order'];
  if (order !== 'dmy' && order !== 'mdy')
    throw new UsageError(
      `--date-order must be dmy (day first) or mdy (month first), not "${order}"`,
    );
  if (values.strict && values.lenient)
    throw new UsageError('--strict refuses unknown fields and --lenient ignores them: pick one');
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000)
    throw new UsageError('--batch must be an integer 1–50000');
  return {
    file,
    format,
    mapping: parseMapping(values.map),
    order,
    offsetMinutes: parseZoneFlag(values.zone),
    isStrict: values.strict,
    isRestart: values.restart,
    batchSize,
    workspace: values.workspace,
    platform: values.platform,
    source: values.source,
    flags: { dataDir: values['data-dir'], config: values.config },
  };
}

/** The options that decide what a line becomes: a change to one makes a resume start over. */
export function shapingOptions(request: ImportRequest): Record<string, string> {
  const map = Object.entries(request.mapping)
    .map(([field, column]) => `${field}=${column}`)
    .sort();
  return {
    '--format': request.format,
    '--map': map.join(' '),
    '--platform': request.platform ?? '',
    '--source': request.source ?? '',
    '--date-order': request.order,
    '--zone': formatOffset(request.offsetMinutes),
    '--strict': String(request.isStrict),
  };
}
