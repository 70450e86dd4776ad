import { isLangngheError } from '../../core/errors.js';
import type { DateOrder, DateReadingOptions } from '../../core/read-date.js';
import { describeDateReading } from '../../core/read-date.js';
import { dropUnknownFields } from '../../pipeline/post-fields.js';
import { readDateField } from '../../pipeline/post-input.js';

/** How an import reads its file's records. */
export interface PrepareOptions {
  /** Day/month order and the offset of zone-less times, one reading for the whole file. */
  dates: Required<Pick<DateReadingOptions, 'order' | 'offsetMinutes'>>;
  /** Keep unknown fields for ingest to refuse (`--strict`); else drop them, warning once. */
  isStrict: boolean;
  /** Platform of a record that names none. */
  platform?: string;
}

/** A record ready for ingest (`item`), or why it is not (`error`); `warning` to print once. */
export interface PreparedRecord {
  item?: unknown;
  error?: string;
  warning?: string;
}

/** Readies an import file's records for ingest and keeps the counts its summary reports. */
export interface RecordPreparer {
  /** `line`: where the record starts in the file, for the summary's examples. */
  prepare(value: unknown, line: number): PreparedRecord;
  /** Lines for the import summary: the date reading used, and what the dates suggest about it. */
  summary(): string[];
}

const DATE_FIELDS = ['publishedAt', 'collectedAt'] as const;

const ORDER_NAMES: Readonly<Record<DateOrder, string>> = {
  dmy: 'day-first',
  mdy: 'month-first',
};

interface DateCounts {
  read: number;
  zoneless: number;
  ambiguous: number;
  otherOrder: number;
  otherOrderExample?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function orderWarning(counts: DateCounts, order: DateOrder): string | undefined {
  if (counts.otherOrder === 0) return undefined;
  const other: DateOrder = order === 'dmy' ? 'mdy' : 'dmy';
  const meanwhile =
    counts.ambiguous === 0
      ? ''
      : `, while ${count(counts.ambiguous, 'date')} that read either way ${counts.ambiguous === 1 ? 'was' : 'were'} read ${ORDER_NAMES[order]}`;
  return (
    `warning: ${count(counts.otherOrder, 'date')} could be read only ${ORDER_NAMES[other]} ` +
    `(first: ${counts.otherOrderExample}) and ${counts.otherOrder === 1 ? 'was' : 'were'} refused${meanwhile}. ` +
    `If the file is ${ORDER_NAMES[other]}, run again with --date-order ${other} ` +
    '(the import then starts over by itself).'
  );
}

/**
 * A preparer for one import run: drops (or, strict, keeps) unknown fields, warning once per new
 * name; fills in the platform; reads `publishedAt` and `collectedAt` with the file's reading into
 * ISO 8601 UTC so that ingest sees no ambiguity. A date only the other day/month order can read is
 * refused with a hint rather than read that way, so a file's dates are never silently mixed.
 */
export function createRecordPreparer(options: PrepareOptions): RecordPreparer {
  const warned = new Set<string>();
  const counts: DateCounts = { read: 0, zoneless: 0, ambiguous: 0, otherOrder: 0 };
  const other: DateOrder = options.dates.order === 'dmy' ? 'mdy' : 'dmy';
  const readDates = (item: Record<string, unknown>, line: number): string | undefined => {
    for (const field of DATE_FIELDS) {
      const value = item[field];
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      try {
        const date = readDateField(value, field, options.dates);
        item[field] = date.iso;
        counts.read++;
        if (!date.hasZone) counts.zoneless++;
        if (date.isOrderAmbiguous) counts.ambiguous++;
      } catch (error) {
        if (!isLangngheError(error)) throw error;
        if (error.details.otherOrder !== other) return error.message;
        counts.otherOrder++;
        counts.otherOrderExample ??= `line ${line}, ${JSON.stringify(value).slice(0, 40)}`;
        return `${error.message}; if the file is ${ORDER_NAMES[other]}, use --date-order ${other}`;
      }
    }
    return undefined;
  };
  return {
    prepare(value, line) {
      const { item, unknown } = options.isStrict
        ? { item: value, unknown: [] }
        : dropUnknownFields(value);
      if (!isRecord(item)) return { item };
      const fresh = unknown.filter((name) => !warned.has(name));
      for (const name of fresh) warned.add(name);
      const warning =
        fresh.length === 0
          ? undefined
          : `ignoring unknown field(s) ${fresh.map((name) => `"${name}"`).join(', ')} ` +
            '(--strict refuses them; --map FIELD=COLUMN maps a column to a field)';
      if (options.platform !== undefined && !('platform' in item)) item.platform = options.platform;
      const error = readDates(item, line);
      return error === undefined ? { item, warning } : { error, warning };
    },
    summary() {
      const reading = describeDateReading(options.dates);
      const found =
        counts.read === 0
          ? 'no dates read (a post without one is dated when it is imported)'
          : `${count(counts.read, 'date')}, ${counts.zoneless} without a zone, ` +
            `${counts.ambiguous} whose day and month could swap`;
      const warning = orderWarning(counts, options.dates.order);
      return warning === undefined ? [`${reading}: ${found}`] : [`${reading}: ${found}`, warning];
    },
  };
}
