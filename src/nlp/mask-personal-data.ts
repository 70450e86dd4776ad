import { findPersonalData } from './pii.js';
import type { PersonalDataKind } from './pii.js';

/** What `maskPersonalData` reads of a post: a stored post satisfies it. */
export interface MaskablePost {
  title?: string;
  text: string;
  enrichment?: Readonly<Record<string, unknown>>;
}

type Field = 'title' | 'text';

/** Where one piece of personal data sits, without its value: UTF-16 offsets, end exclusive. */
export interface PersonalDataPlace {
  kind: PersonalDataKind;
  field: Field;
  start: number;
  end: number;
}

const KINDS: ReadonlySet<string> = new Set<PersonalDataKind>([
  'phone',
  'national_id',
  'email',
  'bank_account',
]);
const FIELDS: readonly Field[] = ['title', 'text'];
const MASK = '•';

/** The same number of UTF-16 units, separators kept: `+84 90 123 4567` → `+•• •• ••• ••••`. */
function maskValue(value: string): string {
  return value.replace(/[\p{L}\p{N}\p{M}]/gu, (char) => MASK.repeat(char.length));
}

/** Whether a value still shows something: an already masked one is only `•` and separators. */
function isReadable(value: string): boolean {
  return maskValue(value) !== value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldText(post: MaskablePost, field: Field): string {
  return (field === 'title' ? post.title : post.text) ?? '';
}

/** The offsets of a `{field, start, end}` object when they fit inside that field of the post. */
function placeOf(
  post: MaskablePost,
  value: Record<string, unknown>,
): Omit<PersonalDataPlace, 'kind'> | undefined {
  const { field, start, end } = value;
  if (field !== 'title' && field !== 'text') return undefined;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return undefined;
  const [from, to] = [start as number, end as number];
  if (from < 0 || to <= from || to > fieldText(post, field).length) return undefined;
  return { field, start: from, end: to };
}

/** Stored entries whose offsets fit and whose value (when still there) is the text at them. */
function storedPlaces(
  post: MaskablePost,
  values: Map<string, PersonalDataKind | undefined>,
): PersonalDataPlace[] {
  const stored = post.enrichment?.pii;
  if (!Array.isArray(stored)) return [];
  const places: PersonalDataPlace[] = [];
  for (const entry of stored as unknown[]) {
    if (!isRecord(entry)) continue;
    const kind =
      typeof entry.kind === 'string' && KINDS.has(entry.kind)
        ? (entry.kind as PersonalDataKind)
        : undefined;
    if (typeof entry.text === 'string' && isReadable(entry.text)) values.set(entry.text, kind);
    const place = placeOf(post, entry);
    if (place === undefined || kind === undefined) continue;
    const isStale =
      typeof entry.text === 'string' &&
      entry.text !== fieldText(post, place.field).slice(place.start, place.end);
    if (!isStale) places.push({ kind, ...place });
  }
  return places;
}

/** Every other occurrence of a value already found, so no copy of it stays readable. */
function repeatedPlaces(
  post: MaskablePost,
  values: ReadonlyMap<string, PersonalDataKind | undefined>,
): PersonalDataPlace[] {
  const places: PersonalDataPlace[] = [];
  for (const [value, kind] of values) {
    if (kind === undefined) continue;
    for (const field of FIELDS) {
      const source = fieldText(post, field);
      for (let at = source.indexOf(value); at !== -1; at = source.indexOf(value, at + 1)) {
        places.push({ kind, field, start: at, end: at + value.length });
      }
    }
  }
  return places;
}

interface Found {
  places: PersonalDataPlace[];
  /** Each value found (stored or detected), with its kind when known. */
  values: Map<string, PersonalDataKind | undefined>;
}

function findAll(post: MaskablePost): Found {
  const values = new Map<string, PersonalDataKind | undefined>();
  const places = storedPlaces(post, values);
  for (const field of FIELDS) {
    for (const found of findPersonalData(fieldText(post, field))) {
      places.push({ kind: found.kind, field, start: found.start, end: found.end });
    }
  }
  for (const place of places) {
    const value = fieldText(post, place.field).slice(place.start, place.end);
    if (isReadable(value)) values.set(value, place.kind);
  }
  places.push(...repeatedPlaces(post, values));
  const seen = new Set<string>();
  const unique = places.filter((p) => {
    const key = `${p.field}:${p.start}:${p.end}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  unique.sort(
    (a, b) =>
      FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field) || a.start - b.start || a.end - b.end,
  );
  return { places: unique, values };
}

/**
 * Where a post holds personal data (phone numbers, CCCD/CMND numbers, e-mail addresses, bank
 * accounts), in title then text order, without the values: what the API shows as "a phone
 * number here". Reads the enrichment's `pii` entries and also runs `findPersonalData` on the
 * title and text, so a post stored before enrichment (or with it off, or longer than the
 * analyzer reads) is covered; every other occurrence of a value found is listed too. Never throws.
 */
export function personalDataSummary(post: MaskablePost): PersonalDataPlace[] {
  return findAll(post).places;
}

function maskField(source: string, places: readonly PersonalDataPlace[]): string {
  let out = '';
  let at = 0;
  for (const place of places) {
    const start = Math.max(place.start, at);
    if (place.end <= start) continue;
    out += source.slice(at, start) + maskValue(source.slice(start, place.end));
    at = place.end;
  }
  return out + source.slice(at);
}

interface Masking {
  post: MaskablePost;
  masked: Record<Field, string>;
  places: readonly PersonalDataPlace[];
  values: readonly string[];
}

/** Masks every copy of a value found in a string the offsets cannot place. */
function scrubString(text: string, masking: Masking): string {
  let out = text;
  for (const value of masking.values)
    if (out.includes(value)) out = out.split(value).join(maskValue(value));
  for (const found of findPersonalData(out).reverse()) {
    out = out.slice(0, found.start) + maskValue(found.text) + out.slice(found.end);
  }
  return out;
}

/** An evidence object's text: the masked field at its offsets, or all masked if it is stale. */
function evidenceText(value: Record<string, unknown>, text: string, masking: Masking): string {
  const place = placeOf(masking.post, value);
  if (
    place !== undefined &&
    fieldText(masking.post, place.field).slice(place.start, place.end) === text
  ) {
    return masking.masked[place.field].slice(place.start, place.end);
  }
  const overlaps =
    place !== undefined &&
    masking.places.some(
      (p) => p.field === place.field && p.start < place.end && place.start < p.end,
    );
  return overlaps ? maskValue(text) : scrubString(text, masking);
}

function maskJson(value: unknown, masking: Masking): unknown {
  if (typeof value === 'string') return scrubString(value, masking);
  if (Array.isArray(value)) return value.map((item: unknown) => maskJson(item, masking));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      key === 'text' && typeof item === 'string'
        ? evidenceText(value, item, masking)
        : maskJson(item, masking);
  }
  return out;
}

/**
 * The post as someone without `pii:read` may see it; the input is not changed. Each piece of
 * personal data (see `personalDataSummary`) in the title and text is masked in place, letters and
 * digits becoming `•` and separators kept, so the texts keep their length and every highlight or
 * evidence offset stays right. In the enrichment, `pii` (when present) becomes the summary (kind,
 * field, start, end: no value), every evidence object (`{field, start, end, text}`) reads the
 * masked text, and any other string has every copy of a value masked. A post with nothing to
 * mask comes back equal to the input. Never throws.
 */
export function maskPersonalData<P extends MaskablePost>(post: P): P {
  const { places, values } = findAll(post);
  const copy: P = { ...post };
  if (places.length === 0 && values.size === 0) return copy;
  const byField = (field: Field) => places.filter((p) => p.field === field);
  const masked = {
    title: maskField(post.title ?? '', byField('title')),
    text: maskField(post.text, byField('text')),
  };
  if (post.title !== undefined) copy.title = masked.title;
  copy.text = masked.text;
  if (post.enrichment !== undefined) {
    const masking: Masking = { post, masked, places, values: [...values.keys()] };
    const enrichment = maskJson(post.enrichment, masking) as Record<string, unknown>;
    if ('pii' in post.enrichment) enrichment.pii = places.map((p) => ({ ...p }));
    copy.enrichment = enrichment;
  }
  return copy;
}
