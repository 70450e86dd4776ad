import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LangngheError } from '../core/errors.js';
import { PLATFORMS, POST_KINDS, type Post } from '../core/types.js';
import { generatePosts, generatePostStream } from './generate-posts.js';

const HOUR = 3_600_000;
const END = Date.UTC(2026, 10, 23, 12);
const SPAN = 7 * 24 * HOUR;
const OPTIONS = { seed: 1, count: 4000, endMs: END, spanMs: SPAN };
const posts = generatePosts(OPTIONS);
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Posts in the busiest clock hour and in the median hour. */
function peakOverMedian(list: readonly Post[]): { max: number; median: number } {
  const perHour = new Map<number, number>();
  for (const p of list) {
    const h = Math.floor(Date.parse(p.publishedAt) / HOUR);
    perHour.set(h, (perHour.get(h) ?? 0) + 1);
  }
  const counts = [...perHour.values()].sort((a, b) => a - b);
  return { max: counts[counts.length - 1]!, median: counts[counts.length >> 1]! };
}

function vnHour(post: Post): number {
  return (new Date(post.publishedAt).getUTCHours() + 7) % 24;
}

describe('generatePosts: determinism', () => {
  it('gives identical posts for the same seed', () => {
    assert.deepEqual(generatePosts(OPTIONS), posts);
  });

  it('gives different posts for a different seed', () => {
    const other = generatePosts({ ...OPTIONS, seed: 2, count: 300 });
    const same = other.filter((p, i) => p.text === posts[i]!.text).length;
    assert.ok(same < 30, `${same} of 300 texts identical`);
    assert.notEqual(other[0]!.id, posts[0]!.id);
  });

  it('streams the same posts as the array form, lazily', () => {
    const streamed = [...generatePostStream({ ...OPTIONS, count: 200 })];
    assert.deepEqual(streamed, generatePosts({ ...OPTIONS, count: 200 }));
    const huge = generatePostStream({ ...OPTIONS, count: 1_000_000_000 });
    const first: Post[] = [];
    for (const post of huge) {
      first.push(post);
      if (first.length === 5) break;
    }
    assert.equal(first.length, 5);
  });
});

describe('generatePosts: the Post contract', () => {
  it('returns exactly `count` posts with unique, well-formed ids', () => {
    assert.equal(posts.length, OPTIONS.count);
    assert.equal(new Set(posts.map((p) => p.id)).size, posts.length);
    for (const p of posts) {
      assert.match(p.id, /^[a-z]+:demo[0-9a-z]+-[0-9a-z]+$/);
      assert.ok(p.id.startsWith(`${p.platform}:`));
    }
  });

  it('fills every required field with valid values', () => {
    for (const p of posts) {
      assert.ok(PLATFORMS.includes(p.platform));
      assert.ok(POST_KINDS.includes(p.kind));
      assert.equal(typeof p.text, 'string');
      assert.ok(p.text.trim().length > 0);
      assert.match(p.publishedAt, ISO_UTC);
      assert.match(p.collectedAt, ISO_UTC);
      assert.equal(new Date(p.publishedAt).toISOString(), p.publishedAt);
      assert.ok(p.collectedAt >= p.publishedAt);
      assert.equal(p.sourceId, `demo:${p.platform}`);
      assert.ok(p.lang === 'vi' || p.lang === 'en');
      assert.ok(
        p.author !== undefined && p.author.id.length > 0 && (p.author.name ?? '').length > 0,
      );
      assert.ok(p.engagement !== undefined && (p.engagement.likes ?? 0) >= 0);
      if (p.url !== undefined) assert.doesNotThrow(() => new URL(p.url!));
    }
  });

  it('publishes in time order within [endMs - spanMs, endMs], never collecting after endMs', () => {
    for (let i = 0; i < posts.length; i++) {
      const t = Date.parse(posts[i]!.publishedAt);
      assert.ok(t >= END - SPAN && t <= END);
      assert.ok(Date.parse(posts[i]!.collectedAt) <= END);
      if (i > 0) assert.ok(posts[i - 1]!.publishedAt <= posts[i]!.publishedAt);
    }
  });

  it('points every comment at an earlier top-level post of the same platform', () => {
    const index = new Map(posts.map((p, i) => [p.id, i]));
    const comments = posts.filter((p) => p.kind === 'comment');
    assert.ok(comments.length > posts.length * 0.2);
    posts.forEach((p, i) => {
      if (p.parentId === undefined) return;
      const parent = index.get(p.parentId);
      assert.ok(parent !== undefined && parent < i, `${p.id} → ${p.parentId}`);
      assert.equal(posts[parent]!.platform, p.platform);
      assert.ok(!['comment', 'message'].includes(posts[parent]!.kind));
    });
  });
});

describe('generatePosts: rhythm and spikes', () => {
  it('posts far less at night (1–5h Vietnam time) than in the day', () => {
    const byHour = new Array<number>(24).fill(0);
    for (const p of posts) byHour[vnHour(p)]!++;
    const night = (byHour[1]! + byHour[2]! + byHour[3]! + byHour[4]!) / 4;
    const day = byHour.slice(8, 22).reduce((a, b) => a + b, 0) / 14;
    assert.ok(night < 0.4 * day, `night ${night} vs day ${day}`);
  });

  it('has bursts: the busiest hour is well above the typical hour', () => {
    const { max, median } = peakOverMedian(posts);
    assert.ok(max > 2.5 * median, `max ${max} median ${median}`);
  });

  it('handles tiny spans and counts', () => {
    const one = generatePosts({ seed: 3, count: 1, endMs: END, spanMs: 1 });
    assert.equal(one.length, 1);
    assert.ok(Date.parse(one[0]!.publishedAt) >= END - 1);
    assert.deepEqual(generatePosts({ seed: 3, count: 0, endMs: END, spanMs: HOUR }), []);
  });
});

describe('generatePosts: options', () => {
  it('only uses the platforms asked for', () => {
    const some = generatePosts({ ...OPTIONS, count: 400, platforms: ['news', 'zalo', 'mastodon'] });
    assert.deepEqual(new Set(some.map((p) => p.platform)), new Set(['news', 'zalo', 'mastodon']));
  });

  it('refuses invalid options with input.invalid', () => {
    const bad = [
      { ...OPTIONS, count: -1 },
      { ...OPTIONS, count: 1.5 },
      { ...OPTIONS, spanMs: 0 },
      { ...OPTIONS, endMs: Number.NaN },
      { ...OPTIONS, platforms: [] },
      { ...OPTIONS, platforms: ['myspace' as never] },
      { ...OPTIONS, incidentShare: 1 },
    ];
    for (const options of bad) {
      assert.throws(
        () => generatePosts(options),
        (e: unknown) => e instanceof LangngheError && e.code === 'input.invalid',
      );
    }
  });

  it('follows only the daily rhythm, without bursts, when incidentShare is 0', () => {
    const calm = generatePosts({ ...OPTIONS, incidentShare: 0 });
    const { max, median } = peakOverMedian(calm);
    assert.ok(max < 2.2 * median, `max ${max} median ${median}`);
  });
});
