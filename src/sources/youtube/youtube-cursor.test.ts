import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  laterOf,
  parseYoutubeCursor,
  serializeYoutubeCursor,
  toRfc3339,
} from './youtube-cursor.js';

describe('youtube cursor', () => {
  it('round-trips and reads an unreadable or foreign cursor as none', () => {
    const cursor = {
      publishedAfter: '2026-11-22T10:00:00Z',
      quotaDay: '2026-11-23',
      quotaUsed: 206,
    };
    assert.deepEqual(parseYoutubeCursor(serializeYoutubeCursor(cursor)), cursor);
    assert.equal(parseYoutubeCursor(undefined), undefined);
    assert.equal(parseYoutubeCursor('{not json'), undefined);
    assert.equal(parseYoutubeCursor('{"quotaUsed": -1}'), undefined);
    assert.deepEqual(parseYoutubeCursor('{"publishedAfter": "yesterday"}'), { quotaUsed: 0 });
  });

  it('writes publishedAfter as RFC 3339 in whole seconds, rounded down so the bound stays inclusive', () => {
    assert.equal(toRfc3339('2026-11-22T17:00:00+07:00'), '2026-11-22T10:00:00Z');
    assert.equal(toRfc3339('2026-11-22T10:00:00.999Z'), '2026-11-22T10:00:00Z');
    assert.equal(toRfc3339('not a date'), undefined);
    assert.equal(laterOf('2026-11-22T10:00:00Z', '2026-11-22T09:00:00Z'), '2026-11-22T10:00:00Z');
    assert.equal(laterOf(undefined, '2026-11-22T09:00:00Z'), '2026-11-22T09:00:00Z');
  });
});
