import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createFixedClock } from '../../core/clock.js';
import { createQuotaLedger, msUntilPacificMidnight, pacificDay } from './pacific-quota.js';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

describe('pacificDay', () => {
  it('turns at midnight Pacific, not UTC (UTC−8 in winter, UTC−7 in summer)', () => {
    assert.equal(pacificDay(at('2026-11-23T07:59:59Z')), '2026-11-22');
    assert.equal(pacificDay(at('2026-11-23T08:00:00Z')), '2026-11-23');
    assert.equal(pacificDay(at('2026-07-01T06:59:59Z')), '2026-06-30');
    assert.equal(pacificDay(at('2026-07-01T07:00:00Z')), '2026-07-01');
  });
});

describe('msUntilPacificMidnight', () => {
  it('counts to the next Pacific midnight in winter and in summer', () => {
    assert.equal(msUntilPacificMidnight(at('2026-11-23T20:00:00Z')), 12 * HOUR);
    assert.equal(msUntilPacificMidnight(at('2026-11-23T08:00:00Z')), 24 * HOUR);
    assert.equal(msUntilPacificMidnight(at('2026-07-01T06:59:59.500Z')), 500);
    assert.equal(msUntilPacificMidnight(at('2026-07-01T19:00:00Z')), 12 * HOUR);
  });

  it('knows the days clocks change are 23 and 25 hours long', () => {
    // 2026-03-08: 02:00 PST becomes 03:00 PDT; 2026-11-01: 02:00 PDT becomes 01:00 PST.
    assert.equal(msUntilPacificMidnight(at('2026-03-08T08:00:00Z')), 23 * HOUR);
    assert.equal(msUntilPacificMidnight(at('2026-03-08T09:30:00Z')), 21.5 * HOUR);
    assert.equal(msUntilPacificMidnight(at('2026-11-01T07:00:00Z')), 25 * HOUR);
    assert.equal(msUntilPacificMidnight(at('2026-11-01T10:00:00Z')), 22 * HOUR);
  });
});

describe('createQuotaLedger', () => {
  it('keeps the saved tally on its own day and starts from zero on a later one', () => {
    const clock = createFixedClock(at('2026-11-23T20:00:00Z'));
    const ledger = createQuotaLedger({
      clock,
      limit: 300,
      saved: { day: '2026-11-23', used: 200 },
    });
    assert.equal(ledger.used, 200);
    assert.equal(ledger.canSpend(100), true);
    assert.equal(ledger.canSpend(101), false);
    ledger.spend(100);
    assert.equal(ledger.canSpend(1), false);

    clock.advance(12 * HOUR);
    assert.equal(ledger.canSpend(300), true, 'midnight Pacific passed during the run');
    assert.deepEqual([ledger.day, ledger.used], ['2026-11-24', 0]);

    const stale = createQuotaLedger({ clock, limit: 300, saved: { day: '2026-11-20', used: 300 } });
    assert.equal(stale.used, 0);
  });

  it('spends nothing more once the API says the quota is used up', () => {
    const ledger = createQuotaLedger({
      clock: createFixedClock(at('2026-11-23T20:00:00Z')),
      limit: 10_000,
    });
    ledger.spend(101);
    ledger.markExhausted();
    assert.equal(ledger.used, 10_000);
    assert.equal(ledger.canSpend(1), false);
  });
});
