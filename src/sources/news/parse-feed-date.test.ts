import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeedDate, parseZone } from './parse-feed-date.js';

function iso(text: string, offset?: number): string | undefined {
  const epoch = parseFeedDate(text, offset);
  return epoch === undefined ? undefined : new Date(epoch).toISOString();
}

test('reads RFC 822 / 1123 dates with numeric zones', () => {
  assert.equal(iso('Mon, 23 Nov 2026 08:30:00 +0700'), '2026-11-23T01:30:00.000Z');
  assert.equal(iso('Mon, 23 Nov 2026 08:30:00 -0430'), '2026-11-23T13:00:00.000Z');
  assert.equal(iso('Mon, 23 Nov 2026 08:30:00 +07:00'), '2026-11-23T01:30:00.000Z');
});

test('reads the zones Vietnamese sites write', () => {
  for (const zone of [
    '+0700',
    '+07:00',
    'GMT+7',
    'GMT+07:00',
    'GMT +0700',
    'UTC+7',
    'ICT',
    '(GMT+7)',
  ])
    assert.equal(iso(`Mon, 23 Nov 2026 08:30:00 ${zone}`), '2026-11-23T01:30:00.000Z', zone);
});

test('reads RFC 822 named zones', () => {
  assert.equal(iso('Mon, 23 Nov 2026 08:30:00 GMT'), '2026-11-23T08:30:00.000Z');
  assert.equal(iso('Mon, 23 Nov 2026 08:30:00 UT'), '2026-11-23T08:30:00.000Z');
  assert.equal(iso('Mon, 23 Nov 2026 08:30:00 EST'), '2026-11-23T13:30:00.000Z');
  assert.equal(iso('Mon, 23 Nov 2026 08:30:00 EDT'), '2026-11-23T12:30:00.000Z');
  assert.equal(iso('Mon, 23 Nov 2026 08:30:00 PST'), '2026-11-23T16:30:00.000Z');
  assert.equal(iso('Mon, 23 Nov 2026 08:30:00 Z'), '2026-11-23T08:30:00.000Z');
});

test('takes a date with no zone at the default offset, +07:00 unless told', () => {
  assert.equal(iso('Mon, 23 Nov 2026 08:30:00'), '2026-11-23T01:30:00.000Z');
  assert.equal(iso('Mon, 23 Nov 2026 08:30:00', 0), '2026-11-23T08:30:00.000Z');
  assert.equal(iso('2026-11-23T08:30:00'), '2026-11-23T01:30:00.000Z');
  assert.equal(iso('2026-11-23'), '2026-11-22T17:00:00.000Z');
});

test('reads two-digit years as RFC 2822 says (00–49 → 20xx, 50–99 → 19xx)', () => {
  assert.equal(iso('23 Nov 26 08:30 +0700'), '2026-11-23T01:30:00.000Z');
  assert.equal(iso('Fri, 31 Dec 99 23:00:00 GMT'), '1999-12-31T23:00:00.000Z');
  assert.equal(iso('Sat, 01 Jan 50 00:00:00 GMT'), '1950-01-01T00:00:00.000Z');
});

test('needs no weekday, no seconds, and accepts full month names and odd case', () => {
  assert.equal(iso('23 Nov 2026 08:30 +0700'), '2026-11-23T01:30:00.000Z');
  assert.equal(iso('Monday, 23 November 2026 08:30:00 GMT'), '2026-11-23T08:30:00.000Z');
  assert.equal(iso('mon 23 nov 2026 08:30 gmt'), '2026-11-23T08:30:00.000Z');
  assert.equal(iso('Wed, 2 Sept 2026 8:05:00 +0700'), '2026-09-02T01:05:00.000Z');
  assert.equal(iso('23 Nov 2026'), '2026-11-22T17:00:00.000Z');
});

test('reads ISO 8601 and W3C-DTF with their zones and fractions', () => {
  assert.equal(iso('2026-11-23T08:30:00Z'), '2026-11-23T08:30:00.000Z');
  assert.equal(iso('2026-11-23T08:30:00.123456+07:00'), '2026-11-23T01:30:00.123Z');
  assert.equal(iso('2026-11-23T08:30+07:00'), '2026-11-23T01:30:00.000Z');
  assert.equal(iso('2026-11-23 08:30:00 +0700'), '2026-11-23T01:30:00.000Z');
  assert.equal(iso('2026-11'), '2026-10-31T17:00:00.000Z');
  assert.equal(iso('2026'), '2025-12-31T17:00:00.000Z');
});

test('reads the day-first dates of Vietnamese sites', () => {
  assert.equal(iso('23/11/2026 08:30'), '2026-11-23T01:30:00.000Z');
  assert.equal(iso('23/11/2026 08:30:15'), '2026-11-23T01:30:15.000Z');
  assert.equal(iso('Thứ Hai, 23/11/2026 - 08:30 (GMT+7)'), '2026-11-23T01:30:00.000Z');
  assert.equal(iso('Thứ hai, 23/11/2026, 08:30 GMT+7'), '2026-11-23T01:30:00.000Z');
  assert.equal(iso('08:30 23-11-2026'), '2026-11-23T01:30:00.000Z');
  assert.equal(iso('8h30 ngày 3.1.2027'), '2027-01-03T01:30:00.000Z');
  assert.equal(iso('22-11-2026'), '2026-11-21T17:00:00.000Z');
});

test('refuses what is no date instead of guessing', () => {
  for (const text of [
    '',
    'hôm qua',
    'Mon, 23 Nov 2026 08:30:00 XYZ',
    'Mon, 31 Feb 2026 08:30:00 GMT',
    '2026-13-01',
    '32/11/2026',
    'Mon, 23 Foo 2026 08:30:00 GMT',
    '2026-11-23T25:00:00Z',
    'Mon, 23 Nov 2026 08:30:00 +1900',
  ])
    assert.equal(parseFeedDate(text), undefined, text);
});

test('parseZone reads numeric, prefixed and named zones in minutes east of UTC', () => {
  assert.equal(parseZone('+0700'), 420);
  assert.equal(parseZone('-03:30'), -210);
  assert.equal(parseZone('GMT+7'), 420);
  assert.equal(parseZone('ict'), 420);
  assert.equal(parseZone('IST'), undefined);
});
