import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DateReadingOptions } from './read-date.js';
import { describeDateReading, readDate } from './read-date.js';
import { formatOffset, parseZone } from './date-zone.js';

function iso(text: string | number, options?: DateReadingOptions): string | undefined {
  const reading = readDate(text, options);
  return reading.isRead ? new Date(reading.epochMs).toISOString() : undefined;
}

function problem(text: string, options?: DateReadingOptions): string {
  const reading = readDate(text, options);
  assert.equal(reading.isRead, false, `${text} should be refused`);
  return reading.isRead ? '' : reading.problem;
}

/** 2026-11-23 15:00 in Vietnam. */
const NOW = Date.parse('2026-11-23T08:00:00Z');

describe('readDate', () => {
  it('reads ISO 8601 with its zone, and without one as Vietnam time', () => {
    assert.equal(iso('2026-12-02T08:15:00Z'), '2026-12-02T08:15:00.000Z');
    assert.equal(iso('2026-12-02T08:15:00+07:00'), '2026-12-02T01:15:00.000Z');
    assert.equal(iso('2026-12-02T08:15:00.123456-0430'), '2026-12-02T12:45:00.123Z');
    assert.equal(iso('2026-12-02T08:15:00'), '2026-12-02T01:15:00.000Z');
    assert.equal(iso('2026-12-02 08:15'), '2026-12-02T01:15:00.000Z');
    assert.equal(iso('2026-12-02'), '2026-12-01T17:00:00.000Z');
    assert.equal(iso('2026-12-02T08:15:00', { offsetMinutes: 0 }), '2026-12-02T08:15:00.000Z');
  });

  it('says whether the text named its zone', () => {
    const zoned = readDate('2026-12-02T08:15:00Z');
    const bare = readDate('02/12/2026 08:15');
    assert.ok(zoned.isRead && zoned.hasZone);
    assert.ok(bare.isRead && !bare.hasZone);
  });

  it('reads numeric dates day-first, the way Vietnam writes them', () => {
    assert.equal(iso('02/12/2026 08:15'), '2026-12-02T01:15:00.000Z');
    assert.equal(iso('13/12/2026 08:15'), '2026-12-13T01:15:00.000Z');
    assert.equal(iso('13/12/2026'), '2026-12-12T17:00:00.000Z');
    assert.equal(iso('2/12/26'), '2026-12-01T17:00:00.000Z');
    assert.equal(iso('14:30 02-12-2026'), '2026-12-02T07:30:00.000Z');
    assert.equal(iso('02.12.2026 8h15'), '2026-12-02T01:15:00.000Z');
    assert.equal(iso('2026/12/02 08:15'), '2026-12-02T01:15:00.000Z');
    assert.equal(iso('02/12/2026 08:15:30'), '2026-12-02T01:15:30.000Z');
  });

  it('reads numeric dates month-first when told', () => {
    assert.equal(iso('02/12/2026 08:15', { order: 'mdy' }), '2026-02-12T01:15:00.000Z');
    assert.equal(iso('12/13/2026', { order: 'mdy' }), '2026-12-12T17:00:00.000Z');
    assert.equal(iso('2026-12-02', { order: 'mdy' }), '2026-12-01T17:00:00.000Z');
  });

  it('marks a numeric date whose order matters as ambiguous, and only those', () => {
    const flag = (text: string): boolean | undefined => {
      const reading = readDate(text);
      return reading.isRead ? reading.isOrderAmbiguous : undefined;
    };
    assert.equal(flag('02/12/2026'), true);
    assert.equal(flag('13/12/2026'), false);
    assert.equal(flag('05/05/2026'), false);
    assert.equal(flag('2026-12-02'), false);
    assert.equal(flag('ngày 2 tháng 12 năm 2026'), false);
  });

  it('refuses a date only the other order can read, and says which', () => {
    const dayFirst = readDate('12/13/2026 08:15');
    assert.equal(dayFirst.isRead, false);
    assert.ok(!dayFirst.isRead && dayFirst.otherOrder === 'mdy');
    assert.match(
      problem('12/13/2026'),
      /day-first .*13 is no month.*month-first.*13 December 2026/,
    );
    const monthFirst = readDate('13/12/2026', { order: 'mdy' });
    assert.ok(!monthFirst.isRead && monthFirst.otherOrder === 'dmy');
  });

  it('refuses impossible dates and times with a clear reason', () => {
    assert.match(problem('31/02/2026'), /February 2026 has 28 days, not 31/);
    assert.match(problem('29/02/2026'), /February 2026 has 28 days/);
    assert.equal(iso('29/02/2028'), '2028-02-28T17:00:00.000Z');
    assert.match(problem('32/13/2026'), /13 is no month/);
    assert.match(problem('2026-13-01'), /13 is no month/);
    assert.match(problem('02/12/2026 25:00'), /25:00 is no time of day/);
    assert.match(problem('02/12/2026 08:61'), /no time of day/);
    assert.equal(iso('2026-12-02T24:00:00Z'), '2026-12-03T00:00:00.000Z');
  });

  it('reads Vietnamese month words and weekdays', () => {
    assert.equal(iso('ngày 2 tháng 12 năm 2026'), '2026-12-01T17:00:00.000Z');
    assert.equal(iso('2 tháng 12, 2026 08:15'), '2026-12-02T01:15:00.000Z');
    assert.equal(iso('ngày 2 tháng Mười Hai năm 2026'), '2026-12-01T17:00:00.000Z');
    assert.equal(iso('2 tháng Năm năm 2026'), '2026-05-01T17:00:00.000Z');
    assert.equal(iso('Thứ Năm, ngày 7 tháng Giêng năm 2027'), '2027-01-06T17:00:00.000Z');
    assert.equal(iso('ngay 2 thang muoi mot nam 2026'), '2026-11-01T17:00:00.000Z');
    assert.equal(iso('Thứ Tư, 02/12/2026 - 08:15'), '2026-12-02T01:15:00.000Z');
    assert.equal(iso('Thứ hai, 23/11/2026, 08:30 (GMT+7)'), '2026-11-23T01:30:00.000Z');
    assert.equal(iso('Chủ nhật, 29/11/2026 21:00'), '2026-11-29T14:00:00.000Z');
    assert.equal(iso('T4, 02/12/2026 08:15'), '2026-12-02T01:15:00.000Z');
    assert.equal(iso('Cập nhật lúc 08:15 ngày 02/12/2026'), '2026-12-02T01:15:00.000Z');
  });

  it('reads the Vietnamese and English 12-hour clock', () => {
    assert.equal(iso('02/12/2026 08:15 SA'), '2026-12-02T01:15:00.000Z');
    assert.equal(iso('02/12/2026 08:15 CH'), '2026-12-02T13:15:00.000Z');
    assert.equal(iso('02/12/2026 12:05 SA'), '2026-12-01T17:05:00.000Z');
    assert.equal(iso('02/12/2026 8 giờ 15 chiều'), '2026-12-02T13:15:00.000Z');
    assert.equal(iso('Dec 2, 2026 at 8:15 PM'), '2026-12-02T13:15:00.000Z');
  });

  it('reads epoch seconds and milliseconds, as numbers or digits', () => {
    assert.equal(iso(1795430400), '2026-11-23T10:40:00.000Z');
    assert.equal(iso(1795430400000), '2026-11-23T10:40:00.000Z');
    assert.equal(iso('1795430400'), '2026-11-23T10:40:00.000Z');
    assert.equal(iso('1795430400000'), '2026-11-23T10:40:00.000Z');
    assert.equal(iso(Number.NaN), undefined);
  });

  it('reads RFC 822 dates and English month names', () => {
    assert.equal(iso('Wed, 02 Dec 2026 08:15:00 +0700'), '2026-12-02T01:15:00.000Z');
    assert.equal(iso('Wed, 02 Dec 2026 08:15:00 GMT'), '2026-12-02T08:15:00.000Z');
    assert.equal(iso('Wed, 02 Dec 2026 08:15:00 EST'), '2026-12-02T13:15:00.000Z');
    assert.equal(iso('2 December 2026'), '2026-12-01T17:00:00.000Z');
    assert.equal(iso('December 2, 2026'), '2026-12-01T17:00:00.000Z');
    assert.equal(iso('Dec 2nd, 2026 08:15'), '2026-12-02T01:15:00.000Z');
    assert.equal(iso('02 Dec 26 08:15 +0700'), '2026-12-02T01:15:00.000Z');
  });

  it('takes a zone written as +07:00, GMT+7, UTC, ICT or (GMT+7)', () => {
    for (const zone of ['+0700', '+07:00', 'GMT+7', 'UTC+07:00', 'ICT', '(GMT+7)', '(ICT)'])
      assert.equal(iso(`02/12/2026 08:15 ${zone}`), '2026-12-02T01:15:00.000Z', zone);
    assert.equal(iso('02/12/2026 08:15 UTC'), '2026-12-02T08:15:00.000Z');
  });

  it('refuses text that is not wholly a date, unless told the date is embedded', () => {
    assert.match(problem('Wed, 02 Dec 2026 08:15:00 XYZ'), /"xyz" is not part of a date/);
    assert.match(problem('02/12/2026 08:15 +1900'), /unknown zone/);
    assert.match(problem('not-a-date'), /no date/);
    assert.match(problem(''), /empty/);
    assert.match(problem(`02/12/2026 ${' ,'.repeat(200)}`), /longer than 200 characters/);
    assert.match(problem('Mon, 23 Foo 2026 08:30:00 GMT'), /no date/);
    const byline = 'Bắt đầu bởi otofan, 23/11/2026 08:30';
    assert.match(problem(byline), /not part of a date/);
    assert.equal(iso(byline, { isEmbedded: true }), '2026-11-23T01:30:00.000Z');
  });

  it('reads relative dates only against a reference time', () => {
    assert.match(problem('2 giờ trước'), /relative date/);
    assert.match(problem('hôm qua'), /relative date/);
    assert.match(problem('23/11'), /no year/);
    const at = { referenceMs: NOW };
    assert.equal(iso('2 giờ trước', at), '2026-11-23T06:00:00.000Z');
    assert.equal(iso('Hôm qua lúc 21:15', at), '2026-11-22T14:15:00.000Z');
    assert.equal(iso('vừa xong', at), '2026-11-23T08:00:00.000Z');
    assert.equal(iso('2/1 lúc 09:00', at), '2026-01-02T02:00:00.000Z');
    assert.equal(iso('ngày 2 tháng 1', at), '2026-01-01T17:00:00.000Z');
  });
});

describe('describeDateReading', () => {
  it('names the order and the zone a reading used', () => {
    assert.equal(
      describeDateReading(),
      'dates read day-first (dd/mm/yyyy), zone-less times as Asia/Ho_Chi_Minh (+07:00)',
    );
    assert.equal(
      describeDateReading({ order: 'mdy', offsetMinutes: 0 }),
      'dates read month-first (mm/dd/yyyy), zone-less times as UTC (+00:00)',
    );
    assert.match(describeDateReading({ offsetMinutes: 330 }), /as UTC\+05:30 \(\+05:30\)/);
  });
});

describe('parseZone', () => {
  it('reads numeric, prefixed, named and IANA zones in minutes east of UTC', () => {
    assert.equal(parseZone('+0700'), 420);
    assert.equal(parseZone('-03:30'), -210);
    assert.equal(parseZone('GMT+7'), 420);
    assert.equal(parseZone('Asia/Ho_Chi_Minh'), 420);
    assert.equal(parseZone('IST'), undefined);
    assert.equal(parseZone('+15:00'), undefined);
    assert.equal(formatOffset(-210), '-03:30');
  });
});
