import { PLATFORMS } from '../core/types.js';
import { foldText } from '../nlp/fold.js';
import type { MetaField, TextField } from './ast.js';
import { queryError, quoteInput } from './query-errors.js';

/** Field names a query may use before `:`, lower case; `language` is an alias of `lang`. */
export const TEXT_FIELD_NAMES: Readonly<Record<string, TextField>> = {
  title: 'title',
  text: 'text',
  author: 'author',
};

export const META_FIELD_NAMES: Readonly<Record<string, MetaField>> = {
  site: 'site',
  url: 'url',
  links: 'links',
  platform: 'platform',
  lang: 'lang',
  language: 'lang',
  area: 'area',
  category: 'category',
  sentiment: 'sentiment',
};

export const KNOWN_FIELDS: readonly string[] = [
  ...Object.keys(TEXT_FIELD_NAMES),
  ...Object.keys(META_FIELD_NAMES),
];

const SENTIMENTS: Readonly<Record<string, string>> = {
  negative: 'negative',
  neutral: 'neutral',
  positive: 'positive',
  tieucuc: 'negative',
  trungtinh: 'neutral',
  tichcuc: 'positive',
};

const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
const LANGUAGE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/;

/** `https://www.Tuoitre.vn/` → `tuoitre.vn`; null when the rest is not a domain. */
function normalizeDomain(raw: string): string | null {
  const domain = raw
    .normalize('NFC')
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/$/, '');
  const labels = domain.split('.');
  return labels.every((label) => DOMAIN_LABEL.test(label)) ? domain : null;
}

function siteValue(raw: string, offset: number): string {
  const domain = normalizeDomain(raw);
  if (domain !== null) return domain;
  throw queryError({
    offset,
    expected: 'a domain such as tuoitre.vn',
    vi: (at) =>
      `${quoteInput(raw)} ${at} không phải tên miền; site: nhận tên miền như site:tuoitre.vn (dùng url: cho đường dẫn)`,
    en: (at) =>
      `${quoteInput(raw)} ${at} is not a domain; site: takes a domain such as site:tuoitre.vn (use url: for a path)`,
  });
}

function linksValue(raw: string, offset: number): string {
  return /[/:]/.test(raw) ? raw : siteValue(raw, offset);
}

function platformValue(raw: string, offset: number): string {
  const value = raw.toLowerCase();
  if ((PLATFORMS as readonly string[]).includes(value)) return value;
  const list = PLATFORMS.join(', ');
  throw queryError({
    offset,
    expected: `one of ${list}`,
    vi: (at) => `Nền tảng ${quoteInput(raw)} ${at} không hợp lệ; chọn một trong: ${list}`,
    en: (at) => `unknown platform ${quoteInput(raw)} ${at}; use one of: ${list}`,
  });
}

function langValue(raw: string, offset: number): string {
  const value = raw.toLowerCase();
  if (LANGUAGE.test(value)) return value;
  throw queryError({
    offset,
    expected: 'a language code such as vi or en',
    vi: (at) => `${quoteInput(raw)} ${at} không phải mã ngôn ngữ; dùng mã như lang:vi hoặc lang:en`,
    en: (at) =>
      `${quoteInput(raw)} ${at} is not a language code; use a code such as lang:vi or lang:en`,
  });
}

function sentimentValue(raw: string, offset: number): string {
  const key = foldText(raw).replace(/[\s_-]+/g, '');
  const value = SENTIMENTS[key];
  if (value !== undefined) return value;
  throw queryError({
    offset,
    expected: 'negative, neutral or positive',
    vi: (at) =>
      `Cảm xúc ${quoteInput(raw)} ${at} không hợp lệ; dùng negative, neutral, positive hoặc "tiêu cực", "trung tính", "tích cực"`,
    en: (at) =>
      `unknown sentiment ${quoteInput(raw)} ${at}; use negative, neutral, positive (or "tiêu cực", "trung tính", "tích cực")`,
  });
}

/**
 * Checks and normalizes the value of a meta field (written at `offset`): domains lower case
 * without `www.`, platforms and languages lower case, sentiments as the English word; `url:`
 * exactly as written; `area:` and `category:` NFC and trimmed.
 *
 * @throws LangngheError `query.syntax` when the value is empty or not valid for the field.
 */
export function normalizeMetaValue(field: MetaField, raw: string, offset: number): string {
  const value = raw.trim();
  if (value === '') {
    throw queryError({
      offset,
      expected: `a value for ${field}:`,
      vi: (at) => `Trường ${field}: ${at} thiếu giá trị`,
      en: (at) => `${field}: ${at} has an empty value`,
    });
  }
  switch (field) {
    case 'site':
      return siteValue(value, offset);
    case 'links':
      return linksValue(value, offset);
    case 'platform':
      return platformValue(value, offset);
    case 'lang':
      return langValue(value, offset);
    case 'sentiment':
      return sentimentValue(value, offset);
    case 'url':
      return value;
    default:
      return value.normalize('NFC');
  }
}
