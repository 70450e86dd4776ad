import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLangngheError } from '../core/errors.js';
import { dropUnknownFields } from './post-fields.js';
import { MAX_TEXT_CHARS, MAX_TITLE_CHARS, normalizePost, readDateField } from './post-input.js';

const NOW = '2026-12-05T00:00:00.000Z';

function publishedAt(value: string | number): string {
  return normalizePost({ text: 'ngập', publishedAt: value }, { now: NOW }).post.publishedAt;
}

function refusal(raw: unknown): string {
  try {
    normalizePost(raw, { now: NOW });
  } catch (error) {
    if (isLangngheError(error) && error.code === 'input.invalid') return error.message;
    throw error;
  }
  assert.fail('the item should be refused');
}

describe('normalizePost dates', () => {
  it('reads numeric dates day-first and zone-less times as Vietnam time', () => {
    assert.equal(publishedAt('02/12/2026 08:15'), '2026-12-02T01:15:00.000Z');
    assert.equal(publishedAt('13/12/2026 08:15'), '2026-12-13T01:15:00.000Z');
    assert.equal(publishedAt('2026-12-02T08:15:00'), '2026-12-02T01:15:00.000Z');
    assert.equal(publishedAt('2026-12-02T08:15:00Z'), '2026-12-02T08:15:00.000Z');
    assert.equal(publishedAt('Thứ Tư, 02/12/2026 - 08:15'), '2026-12-02T01:15:00.000Z');
  });

  it('reads epoch seconds and milliseconds', () => {
    assert.equal(publishedAt(1795430400), '2026-11-23T10:40:00.000Z');
    assert.equal(publishedAt(1795430400000), '2026-11-23T10:40:00.000Z');
  });

  it('refuses an impossible or out-of-range date naming the field and the reason', () => {
    assert.match(
      refusal({ text: 'ngập', publishedAt: '31/02/2026' }),
      /^publishedAt: not a valid date: "31\/02\/2026" \(February 2026 has 28 days, not 31\)$/,
    );
    assert.match(
      refusal({ text: 'ngập', collectedAt: '1970-01-02' }),
      /collectedAt: .*out of range/,
    );
  });

  it('readDateField reads with the reading it is given and says when the other order fits', () => {
    assert.deepEqual(
      readDateField('02/12/2026 08:15', 'publishedAt', { order: 'mdy', offsetMinutes: 0 }),
      { iso: '2026-02-12T08:15:00.000Z', hasZone: false, isOrderAmbiguous: true },
    );
    assert.throws(
      () => readDateField('12/13/2026', 'publishedAt'),
      (error: unknown) => isLangngheError(error) && error.details.otherOrder === 'mdy',
    );
  });
});

describe('normalizePost caps', () => {
  it('caps text and title before stripping HTML, marking the post truncated', () => {
    const hostile = '<p '.repeat(400_000);
    const { post, truncated } = normalizePost(
      { text: `ngập ${hostile}`, title: `Tiêu đề ${hostile}` },
      { now: NOW },
    );
    assert.equal(truncated, true);
    assert.ok(post.text.length <= MAX_TEXT_CHARS);
    assert.ok((post.title ?? '').length <= MAX_TITLE_CHARS);
  });

  it('marks truncated when the raw cut dropped text, even if what is left is short', () => {
    const markup = '<span class="x"></span>'.repeat(20_000);
    const { post, truncated } = normalizePost({ text: `ngập${markup}nước` }, { now: NOW });
    assert.equal(post.text, 'ngập');
    assert.equal(truncated, true);
  });

  it('keeps a full-length text wrapped in markup whole and not truncated', () => {
    const body = 'ngập '.repeat(MAX_TEXT_CHARS / 5 - 1) + 'ngập';
    const { post, truncated } = normalizePost({ text: `<p>${body}</p>` }, { now: NOW });
    assert.equal(truncated, false);
    assert.equal(post.text, body);
  });

  it('never leaves half a surrogate pair at the end of a capped title', () => {
    const title = `${'a'.repeat(MAX_TITLE_CHARS - 1)}😀 nữa`;
    const { post } = normalizePost({ text: 'ngập', title }, { now: NOW });
    assert.equal(post.title, 'a'.repeat(MAX_TITLE_CHARS - 1));
  });
});

describe('dropUnknownFields', () => {
  it('removes the fields Post does not know, nested ones included, and names them', () => {
    const { item, unknown } = dropUnknownFields({
      text: 'ngập',
      rating: 5,
      author: { name: 'A', avatar: 'x.png' },
      engagement: { likes: 3, reactions: 9 },
    });
    assert.deepEqual(item, { text: 'ngập', author: { name: 'A' }, engagement: { likes: 3 } });
    assert.deepEqual(unknown, ['rating', 'author.avatar', 'engagement.reactions']);
  });

  it('leaves what is no object for validation to refuse', () => {
    assert.deepEqual(dropUnknownFields('text'), { item: 'text', unknown: [] });
    assert.deepEqual(dropUnknownFields({ text: 'a', author: 'B' }), {
      item: { text: 'a', author: 'B' },
      unknown: [],
    });
  });
});
