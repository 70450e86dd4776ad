import { LangngheError } from '../core/errors.js';
import type { VolumeBucketSize } from './store.js';
import { MAX_VOLUME_BUCKETS } from './store.js';

const ISO_PATTERN =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const HAS_TIME_WITHOUT_ZONE = /[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/i;

/**
 * The one form the store keeps timestamps in (`toISOString()`, UTC, milliseconds), so that string
 * order is time order in every dialect. Accepts ISO 8601 dates and date-times; a time without a
 * zone is UTC. Anything else, or a year outside 0000–9999, is `store.invalid`.
 */
export function normalizeIso(value: unknown, field: string): string {
  if (typeof value === 'string' && value.length === 24 && isCanonical(value)) return value;
  if (typeof value !== 'string' || !ISO_PATTERN.test(value)) {
    throw new LangngheError('store.invalid', `${field} is not an ISO 8601 timestamp`, {
      details: { field, value: typeof value === 'string' ? value.slice(0, 64) : typeof value },
    });
  }
  const withZone = HAS_TIME_WITHOUT_ZONE.test(value) ? `${value}Z` : value;
  const ms = Date.parse(withZone.replace(' ', 'T'));
  const iso = Number.isNaN(ms) ? '' : new Date(ms).toISOString();
  if (!/^\d{4}-/.test(iso) || !isRealDay(value)) {
    throw new LangngheError('store.invalid', `${field} is not a valid date`, {
      details: { field, value: value.slice(0, 64) },
    });
  }
  return iso;
}

/** The common case, already in stored form: one parse and format instead of the full check. */
function isCanonical(value: string): boolean {
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === value;
}

/** Date.parse rolls 2025-02-30 over to March 2; the calendar day written must exist. */
function isRealDay(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

const BUCKET_MS: Record<VolumeBucketSize, number> = { hour: 3_600_000, day: 86_400_000 };

/** The start (UTC) of the bucket holding a normalized timestamp. */
export function bucketStart(iso: string, size: VolumeBucketSize): string {
  const ms = Date.parse(iso);
  return new Date(ms - (ms % BUCKET_MS[size])).toISOString();
}

/**
 * Every bucket start from `from` (rounded down) up to, not including, `to`. More than
 * `MAX_VOLUME_BUCKETS` is `store.invalid`; `to` before `from` gives none.
 */
export function bucketStarts(from: string, to: string, size: VolumeBucketSize): string[] {
  if (size !== 'hour' && size !== 'day') {
    throw new LangngheError('store.invalid', 'bucket must be "hour" or "day"', {
      details: { bucket: String(size) },
    });
  }
  const step = BUCKET_MS[size];
  const start = Date.parse(bucketStart(from, size));
  const end = Date.parse(to);
  const count = Math.max(0, Math.ceil((end - start) / step));
  if (count > MAX_VOLUME_BUCKETS) {
    throw new LangngheError('store.invalid', `Too many ${size} buckets: ${count}`, {
      details: { count, max: MAX_VOLUME_BUCKETS },
    });
  }
  return Array.from({ length: count }, (_, i) => new Date(start + i * step).toISOString());
}
