import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseVietnameseDate } from './vietnamese-date.js';

/** 2026-11-23 15:00 in Vietnam. */
const NOW = Date.parse('2026-11-23T08:00:00Z');

function iso(text: string): string | undefined {
  const epoch = parseVietnameseDate(text, NOW);
  return epoch === undefined ? undefined : new Date(epoch).toISOString();
}

describe('parseVietnameseDate', () => {
  it('reads ISO 8601 with a zone, with +0700, and without a zone as Vietnam time', () => {
    assert.equal(iso('2026-11-23T08:30:00+07:00'), '2026-11-23T01:30:00.000Z');
    assert.equal(iso('2026-11-23T08:30:00+0700'), '2026-11-23T01:30:00.000Z');
    assert.equal(iso('2026-11-23T01:30:00Z'), '2026-11-23T01:30:00.000Z');
    assert.equal(iso('2026-11-23 08:30'), '2026-11-23T01:30:00.000Z');
    assert.equal(iso('2026-11-23'), '2026-11-22T17:00:00.000Z');
  });

  it('reads day-first dates with the time before or after', () => {
    assert.equal(iso('23/11/2026 08:30'), '2026-11-23T01:30:00.000Z');
    assert.equal(iso('08:30 23/11/2026'), '2026-11-23T01:30:00.000Z');
    assert.equal(iso('Thứ hai, 23/11/2026, 08:30 (GMT+7)'), '2026-11-23T01:30:00.000Z');
    assert.equal(iso('Thứ hai, 23/11/2026 - 08:30'), '2026-11-23T01:30:00.000Z');
    assert.equal(iso('22/11/2026 14:05 GMT+7'), '2026-11-22T07:05:00.000Z');
    assert.equal(iso('23-11-2026, 8h30'), '2026-11-23T01:30:00.000Z');
    assert.equal(iso('23.11.26'), '2026-11-22T17:00:00.000Z');
    assert.equal(iso('ngày 23 tháng 11 năm 2026'), '2026-11-22T17:00:00.000Z');
    assert.equal(iso('2/1 lúc 09:00'), '2026-01-02T02:00:00.000Z');
  });

  it('reads today and yesterday in Vietnam time', () => {
    assert.equal(iso('Hôm nay, 08:30'), '2026-11-23T01:30:00.000Z');
    assert.equal(iso('Hôm qua lúc 21:15'), '2026-11-22T14:15:00.000Z');
    assert.equal(iso('Today at 6:05'), '2026-11-22T23:05:00.000Z');
    assert.equal(iso('Yesterday at 11:00 PM'), '2026-11-22T16:00:00.000Z');
    assert.equal(iso('Today at 12:10 AM'), '2026-11-22T17:10:00.000Z');
  });

  it('reads relative times from now', () => {
    assert.equal(iso('2 giờ trước'), '2026-11-23T06:00:00.000Z');
    assert.equal(iso('5 phút trước'), '2026-11-23T07:55:00.000Z');
    assert.equal(iso('3 ngày trước'), '2026-11-20T08:00:00.000Z');
    assert.equal(iso('vừa xong'), '2026-11-23T08:00:00.000Z');
    assert.equal(iso('an hour ago'), '2026-11-23T07:00:00.000Z');
  });

  it('reads epoch seconds and milliseconds, English months and RFC 2822', () => {
    assert.equal(iso('1795430400'), '2026-11-23T10:40:00.000Z');
    assert.equal(iso('1795430400000'), '2026-11-23T10:40:00.000Z');
    assert.equal(iso('Nov 23, 2026 at 8:30 AM'), '2026-11-23T01:30:00.000Z');
    assert.equal(iso('Mon, 23 Nov 2026 08:30:00 +0700'), '2026-11-23T01:30:00.000Z');
  });

  it('reads nothing from text without a date, or an impossible one', () => {
    assert.equal(iso(''), undefined);
    assert.equal(iso('Thành viên mới'), undefined);
    assert.equal(iso('31/02/2026'), undefined);
    assert.equal(iso('32/13/2026 25:00'), undefined);
  });
});
