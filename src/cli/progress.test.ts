import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { createProgress, formatDuration, formatProgress } from './progress.js';

const HALF_DONE = {
  label: 'import',
  done: 500_000,
  total: 1_000_000,
  startDone: 0,
  items: 20_000,
  unit: 'records',
  elapsedMs: 10_000,
};

function recorder(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

describe('formatProgress', () => {
  it('shows the share, the count, the rate and the time left', () => {
    assert.equal(
      formatProgress(HALF_DONE, false),
      'import  50%  20,000 records  2,000 records/s  ETA 10s',
    );
  });

  it('draws a bar on a terminal', () => {
    assert.match(formatProgress(HALF_DONE, true), /^import █{12}░{12} {2}50%/);
  });

  it('counts the time left from what this run did, not from lines a resume skipped', () => {
    const resumed = { ...HALF_DONE, startDone: 400_000, done: 500_000 };
    assert.match(formatProgress(resumed, false), /ETA 50s$/);
  });

  it('says ? while there is no rate yet', () => {
    assert.match(formatProgress({ ...HALF_DONE, done: 0, elapsedMs: 0 }, false), /ETA \?$/);
  });

  it('formats durations in seconds, minutes and hours', () => {
    assert.equal(formatDuration(45), '45s');
    assert.equal(formatDuration(185), '3m05s');
    assert.equal(formatDuration(4020), '1h07m');
    assert.equal(formatDuration(Infinity), '?');
  });
});

describe('createProgress', () => {
  it('prints nothing in a log for a short job, then a line every ten seconds', () => {
    let t = 0;
    const out = recorder();
    const progress = createProgress({
      stream: out.stream,
      isTty: false,
      total: 100,
      label: 'import',
      unit: 'records',
      now: () => t,
    });
    for (t = 0; t < 9_000; t += 500) progress.update(t / 1000, t / 100);
    assert.equal(out.text(), '');
    for (; t <= 25_000; t += 500) progress.update(t / 1000, t / 100);
    assert.equal(out.text().split('\n').filter(Boolean).length, 2);
    progress.finish('done');
    assert.match(out.text(), /\ndone\n$/);
  });

  it('redraws a terminal line at most once a second', () => {
    let t = 0;
    const out = recorder();
    const progress = createProgress({
      stream: out.stream,
      isTty: true,
      total: 100,
      label: 'import',
      now: () => t,
    });
    for (t = 0; t <= 3_000; t += 100) progress.update(t / 100, t);
    assert.equal(out.text().split('\r\x1b[2K').filter(Boolean).length, 3);
  });
});
