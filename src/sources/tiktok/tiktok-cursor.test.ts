import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finishSearch, isAtOrBefore, startSearch, utcDate } from './tiktok-cursor.js';

const NOW = Date.parse('2026-11-23T08:00:00Z');
const DAY = 86_400_000;

describe('TikTok search windows', () => {
  it('writes dates as YYYYMMDD in UTC', () => {
    assert.equal(utcDate(Date.parse('2026-01-02T23:59:59+07:00')), '20260102');
    assert.equal(utcDate(Date.parse('2026-01-03T06:59:59+07:00')), '20260102');
  });

  it('starts a first search lookbackDays back, today included', () => {
    const { search, isClamped } = startSearch({}, { nowMs: NOW, lookbackDays: 7, queryKey: 'q' });

    assert.deepEqual(search, {
      queryKey: 'q',
      startDate: '20261117',
      endDate: '20261123',
      cursor: 0,
    });
    assert.equal(isClamped, false);
  });

  it('starts a later search on the day of the newest video read', () => {
    const newestTime = (NOW - 3 * DAY) / 1000;

    const { search } = startSearch(
      { newestId: '5', newestTime },
      { nowMs: NOW, lookbackDays: 7, queryKey: 'q' },
    );

    assert.equal(search.startDate, '20261120');
  });

  it('never opens a window wider than the API allows, and says so', () => {
    const newestTime = (NOW - 90 * DAY) / 1000;

    const { search, isClamped } = startSearch(
      { newestId: '5', newestTime },
      { nowMs: NOW, lookbackDays: 7, queryKey: 'q' },
    );

    assert.equal(search.startDate, '20261025');
    assert.equal(isClamped, true);
  });

  it('compares int64 ids exactly', () => {
    assert.equal(isAtOrBefore('7306594312292453601', '7306594312292453602'), true);
    assert.equal(isAtOrBefore('7306594312292453603', '7306594312292453602'), false);
    assert.equal(isAtOrBefore('7306594312292453603', undefined), false);
  });

  it('keeps the older mark when a finished search met nothing newer', () => {
    const cursor = { newestId: '9', newestTime: 100 };
    const search = { queryKey: 'q', startDate: '20261123', endDate: '20261123', cursor: 0 };

    assert.deepEqual(finishSearch(cursor, search), cursor);
    assert.deepEqual(finishSearch(cursor, { ...search, newestId: '10', newestTime: 200 }), {
      newestId: '10',
      newestTime: 200,
    });
  });
});
