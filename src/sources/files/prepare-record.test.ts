import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PrepareOptions } from './prepare-record.js';
import { createRecordPreparer } from './prepare-record.js';

const VIETNAM: PrepareOptions = { dates: { order: 'dmy', offsetMinutes: 420 }, isStrict: false };

describe('createRecordPreparer', () => {
  it('turns the dates into ISO UTC with the file reading', () => {
    const preparer = createRecordPreparer(VIETNAM);
    const { item } = preparer.prepare(
      { text: 'ngập', publishedAt: '02/12/2026 08:15', collectedAt: 1795430400 },
      2,
    );
    assert.deepEqual(item, {
      text: 'ngập',
      publishedAt: '2026-12-02T01:15:00.000Z',
      collectedAt: '2026-11-23T10:40:00.000Z',
    });
  });

  it('warns about an unknown field the first time it appears, and drops it', () => {
    const preparer = createRecordPreparer(VIETNAM);
    const first = preparer.prepare({ text: 'a', rating: 1 }, 1);
    const second = preparer.prepare({ text: 'b', rating: 2, mood: 'x' }, 2);
    const third = preparer.prepare({ text: 'c', rating: 3, mood: 'y' }, 3);
    assert.match(first.warning ?? '', /^ignoring unknown field\(s\) "rating" /);
    assert.match(second.warning ?? '', /^ignoring unknown field\(s\) "mood" /);
    assert.equal(third.warning, undefined);
    assert.deepEqual(third.item, { text: 'c' });
  });

  it('keeps unknown fields when strict, for ingest to refuse', () => {
    const preparer = createRecordPreparer({ ...VIETNAM, isStrict: true });
    const prepared = preparer.prepare({ text: 'a', rating: 1 }, 1);
    assert.deepEqual(prepared, { item: { text: 'a', rating: 1 }, warning: undefined });
  });

  it('fills in the platform of a record that names none', () => {
    const preparer = createRecordPreparer({ ...VIETNAM, platform: 'forum' });
    assert.deepEqual(preparer.prepare({ text: 'a' }, 1).item, { text: 'a', platform: 'forum' });
    assert.deepEqual(preparer.prepare({ text: 'b', platform: 'news' }, 2).item, {
      text: 'b',
      platform: 'news',
    });
  });

  it('refuses a date only the other order reads, and the summary says what to do', () => {
    const preparer = createRecordPreparer(VIETNAM);
    preparer.prepare({ text: 'a', publishedAt: '02/12/2026' }, 2);
    const refused = preparer.prepare({ text: 'b', publishedAt: '12/13/2026' }, 3);
    assert.match(refused.error ?? '', /use --date-order mdy$/);
    const [reading, warning] = preparer.summary();
    assert.equal(
      reading,
      'dates read day-first (dd/mm/yyyy), zone-less times as Asia/Ho_Chi_Minh (+07:00): 1 date, 1 without a zone, 1 whose day and month could swap',
    );
    assert.match(
      warning ?? '',
      /^warning: 1 date could be read only month-first \(first: line 3, "12\/13\/2026"\) and was refused, while 1 date that read either way was read day-first\. If the file is month-first, run again with --date-order mdy/,
    );
  });

  it('says when the file held no dates', () => {
    const preparer = createRecordPreparer(VIETNAM);
    preparer.prepare({ text: 'a' }, 1);
    assert.match(preparer.summary()[0] ?? '', /: no dates read/);
  });
});
