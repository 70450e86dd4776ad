import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from './rng.js';
import { planTimeline } from './timeline.js';

const HOUR = 3_600_000;
const END = Date.UTC(2026, 10, 23, 12);

function run(count: number, spanMs: number, incidentShare?: number) {
  const timeline = planTimeline({ count, endMs: END, spanMs, incidentShare }, createRng(5));
  const draws = Array.from({ length: count }, (_, i) => timeline.next(i));
  return { timeline, draws };
}

describe('planTimeline', () => {
  it('draws times in order inside the span, for short and long spans', () => {
    for (const span of [HOUR, 24 * HOUR, 30 * 24 * HOUR]) {
      const { draws } = run(5000, span);
      draws.forEach((d, i) => {
        assert.ok(d.t >= END - span && d.t <= END, `t outside span ${span}`);
        if (i > 0) assert.ok(d.t >= draws[i - 1]!.t);
      });
    }
  });

  it('plans about three incidents a day with plausible press delays and decay', () => {
    const { timeline } = run(100, 10 * 24 * HOUR);
    assert.ok(timeline.incidents.length >= 25 && timeline.incidents.length <= 40);
    for (const inc of timeline.incidents) {
      assert.ok(inc.pressDelayMs >= 25 * 60_000 && inc.pressDelayMs <= 150 * 60_000);
      assert.ok(inc.tauMs >= HOUR && inc.tauMs <= 5 * HOUR);
      assert.ok(inc.scene.district.wards.includes(inc.scene.ward));
    }
  });

  it('assigns about the requested share of posts to incidents, only after they start', () => {
    const { draws } = run(20_000, 7 * 24 * HOUR, 0.3);
    const about = draws.filter((d) => d.incident !== undefined);
    const share = about.length / draws.length;
    assert.ok(share > 0.22 && share < 0.38, `share ${share}`);
    for (const d of about) assert.ok(d.t >= d.incident!.startMs && d.t <= d.incident!.endMs);
    assert.ok(new Set(about.map((d) => d.incident!.id)).size > 15);
  });

  it('assigns nothing to incidents when the share is 0', () => {
    const { draws } = run(3000, 3 * 24 * HOUR, 0);
    assert.ok(draws.every((d) => d.incident === undefined));
  });
});
