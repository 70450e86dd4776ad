import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from './analyze.js';
import { maskPersonalData, personalDataSummary } from './mask-personal-data.js';
import type { MaskablePost } from './mask-personal-data.js';

const VALUES = [
  '0901234567',
  '+84 90 123 4567',
  'nguyen.van.a@gmail.com',
  '079203001234',
  '0071000123456',
];
const TITLE = 'Bán nhà Thủ Đức, gọi 0901234567';
const TEXT =
  'Liên hệ +84 90 123 4567 hoặc mail nguyen.van.a@gmail.com. CCCD 079203001234. ' +
  'STK Vietcombank 0071000123456. Đường Võ Văn Ngân ngập nặng, kẹt xe.';

function enrichedPost(title: string | undefined, text: string): MaskablePost & { id: string } {
  const input = title === undefined ? { text } : { title, text };
  return { id: 'facebook:1', ...input, enrichment: { ...analyzeText(input) } };
}

function assertNoValueLeft(result: unknown): void {
  const json = JSON.stringify(result);
  for (const value of VALUES) assert.ok(!json.includes(value), `${value} left in ${json}`);
}

/** The title and text outside the places are unchanged; inside, only separators stay. */
function assertMaskedInPlace(input: MaskablePost, output: MaskablePost): void {
  for (const field of ['title', 'text'] as const) {
    const before = input[field] ?? '';
    const after = output[field] ?? '';
    assert.equal(after.length, before.length);
    const places = personalDataSummary(input).filter((p) => p.field === field);
    let at = 0;
    for (const p of places) {
      assert.equal(after.slice(at, p.start), before.slice(at, p.start));
      assert.match(after.slice(p.start, p.end), /^[•+ .@-]+$/);
      at = p.end;
    }
    assert.equal(after.slice(at), before.slice(at));
  }
}

test('phones, a CCCD, an e-mail and a bank account are masked in title and text, same length', () => {
  const post = enrichedPost(TITLE, TEXT);
  const masked = maskPersonalData(post);
  assert.equal(masked.title, 'Bán nhà Thủ Đức, gọi ••••••••••');
  assert.equal(
    masked.text,
    'Liên hệ +•• •• ••• •••• hoặc mail ••••••.•••.•@•••••.•••. CCCD ••••••••••••. ' +
      'STK Vietcombank •••••••••••••. Đường Võ Văn Ngân ngập nặng, kẹt xe.',
  );
  assertMaskedInPlace(post, masked);
  assertNoValueLeft(masked);
});

test('the enrichment keeps each kind and place of personal data but not its value', () => {
  const post = enrichedPost(TITLE, TEXT);
  const masked = maskPersonalData(post);
  assert.deepEqual(masked.enrichment?.pii, [
    { kind: 'phone', field: 'title', start: 21, end: 31 },
    { kind: 'phone', field: 'text', start: 8, end: 23 },
    { kind: 'email', field: 'text', start: 34, end: 56 },
    { kind: 'national_id', field: 'text', start: 63, end: 75 },
    { kind: 'bank_account', field: 'text', start: 93, end: 106 },
  ]);
  assert.deepEqual(personalDataSummary(post), masked.enrichment?.pii);
});

/** Every `{field, start, end, text}` object inside a JSON value. */
function evidenceIn(
  value: unknown,
): { field: 'title' | 'text'; start: number; end: number; text: string }[] {
  if (Array.isArray(value)) return value.flatMap(evidenceIn);
  if (typeof value !== 'object' || value === null) return [];
  const own = 'field' in value && 'start' in value && 'text' in value ? [value as never] : [];
  return [...own, ...Object.values(value).flatMap(evidenceIn)];
}

test("the analyzer's evidence (sentiment, areas, categories) reads the masked text at its offsets", () => {
  const post = enrichedPost(TITLE, TEXT);
  const evidence = evidenceIn({ ...post.enrichment, pii: [] });
  assert.ok(evidence.some((e) => VALUES.some((v) => e.text.includes(v.slice(-8)))));
  const masked = maskPersonalData(post);
  const after = evidenceIn({ ...masked.enrichment, pii: [] });
  assert.equal(after.length, evidence.length);
  for (const e of after) assert.equal(e.text, (masked[e.field] ?? '').slice(e.start, e.end));
});

test('evidence overlapping personal data anywhere in the enrichment reads the masked text', () => {
  const post = {
    text: 'Gọi 0901234567 ngay',
    enrichment: {
      pii: [{ kind: 'phone', field: 'text', start: 4, end: 14, text: '0901234567' }],
      categories: [{ id: 'x', evidence: [{ field: 'text', start: 0, end: 9, text: 'Gọi 09012' }] }],
      intent: { evidence: [{ field: 'text', start: 15, end: 19, text: 'ngay', weight: 1 }] },
      stale: { evidence: { field: 'text', start: 2, end: 8, text: 'xx 0901234567' } },
      note: 'copied: 0901234567',
    },
  };
  const masked = maskPersonalData(post);
  assert.deepEqual(masked.enrichment, {
    pii: [{ kind: 'phone', field: 'text', start: 4, end: 14 }],
    categories: [{ id: 'x', evidence: [{ field: 'text', start: 0, end: 9, text: 'Gọi •••••' }] }],
    intent: { evidence: [{ field: 'text', start: 15, end: 19, text: 'ngay', weight: 1 }] },
    stale: { evidence: { field: 'text', start: 2, end: 8, text: '•• ••••••••••' } },
    note: 'copied: ••••••••••',
  });
});

test('a post without enrichment is still masked, its places found by detection', () => {
  const post = { title: TITLE, text: TEXT };
  const masked = maskPersonalData(post);
  assert.equal('enrichment' in masked, false);
  assert.equal(personalDataSummary(post).length, 5);
  assertMaskedInPlace(post, masked);
  assertNoValueLeft(masked);
});

test('personal data the stored enrichment missed (enrichment without pii) is masked too', () => {
  const post = { text: TEXT, enrichment: { lang: { code: 'vi' }, pii: [] } };
  const masked = maskPersonalData(post);
  assert.equal(masked.enrichment.pii.length, 4);
  assertNoValueLeft(masked);
});

test('another copy of a value found is masked where detection alone would skip it', () => {
  const post = { text: 'STK 0071000123456, mã đơn 0071000123456' };
  assert.equal(maskPersonalData(post).text, 'STK •••••••••••••, mã đơn •••••••••••••');
});

test('the input is not changed', () => {
  const post = enrichedPost(TITLE, TEXT);
  const before = structuredClone(post);
  const masked = maskPersonalData(post);
  assert.deepEqual(post, before);
  assert.notEqual(masked, post);
  assert.notEqual(masked.enrichment, post.enrichment);
});

test('a post with nothing to mask comes back equal, as a new object', () => {
  const post = enrichedPost('Kẹt xe Phạm Văn Đồng', 'Đường ngập 30 cm lúc 17:45, xe chết máy.');
  const masked = maskPersonalData(post);
  assert.deepEqual(masked, post);
  assert.notEqual(masked, post);
  assert.deepEqual(personalDataSummary(post), []);
});

test('masking a masked post changes nothing', () => {
  const once = maskPersonalData(enrichedPost(TITLE, TEXT));
  assert.deepEqual(maskPersonalData(once), once);
});

test('the other fields of the post come back as they were', () => {
  const post = {
    ...enrichedPost(undefined, 'Gọi 0901234567'),
    platform: 'zalo',
    labels: { area: [] },
  };
  const masked = maskPersonalData(post);
  assert.equal(masked.text, 'Gọi ••••••••••');
  assert.equal('title' in masked, false);
  assert.deepEqual(
    { id: masked.id, platform: masked.platform, labels: masked.labels },
    {
      id: 'facebook:1',
      platform: 'zalo',
      labels: { area: [] },
    },
  );
});
