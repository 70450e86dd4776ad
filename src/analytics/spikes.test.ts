import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { explainSpike, newSpikeState, observeHour, vietnamHourSlots } from './spikes.js';
import type { Sensitivity, SpikeState } from './spikes.js';

const HOUR = 3_600_000;
/** Monday 30 November 2026, 00:00 in Ho Chi Minh City. */
const MONDAY = Date.parse('2026-11-30T00:00:00+07:00');

/** A usual day: quiet nights, a morning and an evening peak; deterministic jitter. */
function usual(hourOfDay: number, day: number): number {
  const base =
    hourOfDay >= 7 && hourOfDay <= 9
      ? 20
      : hourOfDay >= 17 && hourOfDay <= 19
        ? 14
        : hourOfDay < 6
          ? 1
          : 6;
  const jitter = ((day * 31 + hourOfDay * 17) % 5) - 2;
  return Math.max(0, base + jitter);
}

/** Three weeks of usual hours; returns the state and the hot hours of the third week. */
function warmUp(sensitivity: Sensitivity = 'balanced'): { state: SpikeState; falseAlarms: number } {
  const state = newSpikeState();
  let falseAlarms = 0;
  for (let day = 0; day < 21; day++) {
    for (let h = 0; h < 24; h++) {
      const verdict = observeHour(
        state,
        MONDAY + (day * 24 + h) * HOUR,
        usual(h, day),
        sensitivity,
      );
      if (day >= 14 && verdict.isHot) falseAlarms++;
    }
  }
  return { state, falseAlarms };
}

describe('spike detection', () => {
  it('reads hours of the week in Vietnam time', () => {
    assert.deepEqual(vietnamHourSlots(Math.floor(MONDAY / HOUR)), { week: 0, day: 0 });
    // Sunday 23:00 in Vietnam is 16:00 UTC: the last hour of the week.
    assert.deepEqual(vietnamHourSlots(Math.floor(Date.parse('2026-12-06T16:00:00Z') / HOUR)), {
      week: 167,
      day: 23,
    });
  });

  it('stays quiet on a usual week, peaks included, at every sensitivity', () => {
    for (const sensitivity of ['low', 'balanced', 'high'] as const)
      assert.equal(warmUp(sensitivity).falseAlarms, 0, sensitivity);
  });

  it('flags a flood hour against the usual for that hour, and explains it in both languages', () => {
    const { state } = warmUp();
    // Week 4, Monday 10:00 (usually ≈ 6–9 posts): 46 posts.
    const at = MONDAY + (21 * 24 + 10) * HOUR;
    const verdict = observeHour(state, at, 46);
    assert.equal(verdict.isHot, true, JSON.stringify(verdict));
    assert.ok(verdict.ratio > 4 && verdict.ratio < 12, String(verdict.ratio));
    assert.equal(verdict.previousWeek, usual(10, 14));
    const text = explainSpike(
      { vi: 'Ngập nước ở phường Tân Mỹ', en: 'Flooding in Tân Mỹ ward' },
      verdict,
    );
    assert.match(
      text.vi,
      /^Ngập nước ở phường Tân Mỹ: 46 bài trong 1 giờ, gấp \d+,\d lần bình thường vào giờ này$/,
    );
    assert.match(
      text.en,
      /^Flooding in Tân Mỹ ward: 46 posts in 1 hour, \d+\.\d times the usual for this hour$/,
    );
  });

  it('keeps the morning peak itself quiet: 22 posts at 8:00 is the usual', () => {
    const { state } = warmUp();
    assert.equal(observeHour(state, MONDAY + (21 * 24 + 8) * HOUR, 22).isHot, false);
  });

  it('keeps tiny counts quiet (noise floor and minimum volume)', () => {
    const { state } = warmUp();
    // 3:00, usually 0–1 posts: 5 posts is a big ratio but no news.
    const verdict = observeHour(state, MONDAY + (21 * 24 + 3) * HOUR, 5);
    assert.ok(verdict.ratio >= 3);
    assert.equal(verdict.isHot, false);
  });

  it('needs the count to stand above yesterday’s same hour too', () => {
    const { state } = warmUp();
    const day4 = MONDAY + 21 * 24 * HOUR;
    for (let h = 0; h < 24; h++) observeHour(state, day4 + h * HOUR, h === 10 ? 46 : usual(h, 21));
    // Tuesday 10:00 again 46: yesterday had as many, so it is not a new spike.
    const again = observeHour(state, day4 + (24 + 10) * HOUR, 46);
    assert.equal(again.previousDay, 46);
    assert.equal(again.isHot, false);
  });

  it('orders the sensitivities: a moderate rise is hot only for "nhiều"', () => {
    const at = MONDAY + (21 * 24 + 13) * HOUR;
    const verdicts = (['low', 'balanced', 'high'] as const).map(
      (s) => observeHour(warmUp(s).state, at, 15, s).isHot,
    );
    assert.deepEqual(verdicts, [false, false, true]);
  });

  it('learns skipped hours as zero and keeps a fixed-size, serializable state', () => {
    const state = newSpikeState();
    observeHour(state, MONDAY, 10);
    observeHour(state, MONDAY + 5 * HOUR, 10);
    assert.equal(state.recent[3], 0, 'hours with no posts are zeros');
    const size = JSON.stringify(state).length;
    for (let h = 6; h < 24 * 60; h++) observeHour(state, MONDAY + h * HOUR, h % 7);
    assert.ok(JSON.stringify(state).length < size * 4, 'bounded');
    assert.deepEqual(JSON.parse(JSON.stringify(state)), state);
  });
});
