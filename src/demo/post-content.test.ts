import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Post } from '../core/types.js';
import { foldText, isPlainText } from '../nlp/fold.js';
import { generatePosts } from './generate-posts.js';
import { OUTLETS } from './outlets.js';
import { DISTRICTS } from './places.js';

const HOUR = 3_600_000;
const END = Date.UTC(2026, 10, 23, 12);
const posts = generatePosts({ seed: 11, count: 6000, endMs: END, spanMs: 7 * 24 * HOUR });
const share = (list: readonly Post[], test: (p: Post) => boolean): number =>
  list.filter(test).length / list.length;
const citizenSocial = posts.filter(
  (p) => p.platform !== 'news' && p.lang === 'vi' && p.author?.isPress !== true,
);

describe('post content: style mix', () => {
  it('types 28–42% of Vietnamese social posts without diacritics', () => {
    const plain = share(citizenSocial, (p) => isPlainText(p.text));
    assert.ok(plain >= 0.28 && plain <= 0.42, `plain share ${plain}`);
  });

  it('mixes teencode, emoji, hashtags, mentions, URLs, "!!!" and stretched letters', () => {
    const teen =
      /(^|[\s,])(ko|k|dc|đc|mn|mng|j|r|wá|cx|bít|ng|vs|mik|mk|lun|thui|nhìu|trc|ae)(?=[\s,.!?]|$)/iu;
    assert.ok(share(citizenSocial, (p) => teen.test(p.text)) > 0.05);
    assert.ok(share(posts, (p) => /\p{Extended_Pictographic}/u.test(p.text)) > 0.1);
    assert.ok(share(posts, (p) => /#[\p{L}\d_]+/u.test(p.text)) > 0.08);
    assert.ok(posts.some((p) => /(^|\s)@[a-z]/.test(p.text)));
    assert.ok(posts.some((p) => p.platform !== 'news' && /https:\/\//.test(p.text)));
    assert.ok(posts.some((p) => p.text.includes('!!!')));
    assert.ok(posts.some((p) => /([aiouy])\1\1/iu.test(foldText(p.text))));
  });

  it('includes English posts (mostly on Reddit), spam and ads, and a few NFD texts', () => {
    const reddit = posts.filter((p) => p.platform === 'reddit');
    assert.ok(share(reddit, (p) => p.lang === 'en') > 0.5);
    assert.ok(share(posts, (p) => p.lang === 'en') > 0.02);
    assert.ok(
      posts.filter((p) => /inbox|\bib\b|quảng cáo|quang cao|LH 0|Zalo 0|Hotline/iu.test(p.text))
        .length > 20,
    );
    assert.ok(posts.some((p) => p.text !== p.text.normalize('NFC')));
  });

  it('names places in many spellings, old districts and new wards alike', () => {
    const all = posts.map((p) => p.text).join('\n');
    for (const form of [
      'Q7',
      'Q.7',
      'quận 7',
      'Quận 7',
      'q7',
      'District 7',
      'phường Tân Mỹ',
      'Bình Thạnh',
      'Thủ Đức',
      'Nguyễn Hữu Cảnh',
      'cũ)',
    ]) {
      assert.ok(all.includes(form) || foldText(all).includes(foldText(form)), form);
    }
  });
});

describe('post content: lengths and kinds', () => {
  it('keeps comments at 20–200, posts at 50–800, articles at 400–3,000 characters', () => {
    for (const p of posts) {
      const n = p.text.length;
      if (p.kind === 'comment') assert.ok(n >= 20 && n <= 200, `comment ${n}: ${p.text}`);
      if (p.kind === 'post' || p.kind === 'message')
        assert.ok(n >= 50 && n <= 800, `post ${n}: ${p.text}`);
      if (p.kind === 'article') assert.ok(n >= 400 && n <= 3000, `article ${n}`);
    }
  });

  it('uses every kind, with titles on articles and forum threads', () => {
    assert.deepEqual(
      new Set(posts.map((p) => p.kind)),
      new Set(['post', 'comment', 'article', 'video', 'message']),
    );
    for (const p of posts) {
      if (p.kind === 'article') assert.ok((p.title ?? '').length > 10);
      if (p.platform === 'forum' && p.kind === 'post') assert.ok(p.title !== undefined);
    }
  });

  it('publishes articles by real outlets on their own domains', () => {
    const articles = posts.filter((p) => p.kind === 'article');
    assert.ok(articles.length > 200);
    const domains = new Set(OUTLETS.map((o) => o.domain));
    for (const a of articles) {
      assert.equal(a.author?.isPress, true);
      const host = new URL(a.url!).hostname.replace(/^www\./, '');
      assert.ok(domains.has(host) && host === a.author!.id, `${a.url} by ${a.author!.id}`);
    }
    assert.ok(new Set(articles.map((a) => a.author!.id)).size >= 10);
  });

  it('gives citizens Vietnamese names, handles and follower counts', () => {
    const citizens = citizenSocial.filter((p) => p.author!.id.startsWith('demo-u-'));
    assert.ok(citizens.length > 1000);
    assert.ok(share(citizens, (p) => !isPlainText(p.author!.name!)) > 0.5);
    assert.ok(new Set(citizens.map((p) => p.author!.id)).size > 300);
    for (const p of citizens)
      assert.ok(Number.isInteger(p.author!.followers) && p.author!.followers! >= 0);
  });
});

describe('post content: incidents spread from social to press', () => {
  const spotNames = [...new Set(DISTRICTS.flatMap((d) => [...d.flood, ...d.traffic, ...d.streets]))]
    .map((n) => foldText(n.replace(/^đường /, '')))
    .filter((n) => n.length > 8);
  const folded = posts.map((p) => foldText(`${p.title ?? ''} ${p.text}`));

  it('has stories covered by three or more outlets within twelve hours', () => {
    const outletsByStory = new Map<string, Set<string>>();
    posts.forEach((p) => {
      if (p.kind !== 'article') return;
      const lead = foldText(p.text.split('\n')[0]!);
      const spot = spotNames.find((n) => lead.includes(n));
      if (spot === undefined) return;
      const key = `${spot}@${Math.floor(Date.parse(p.publishedAt) / (12 * HOUR))}`;
      outletsByStory.set(key, (outletsByStory.get(key) ?? new Set()).add(p.author!.id));
    });
    const stories = [...outletsByStory.values()].filter((s) => s.size >= 3).length;
    assert.ok(stories >= 5, `${stories} stories`);
  });

  it('has articles preceded by social posts about the same place on two or more platforms', () => {
    let preceded = 0;
    posts.forEach((p, i) => {
      if (p.kind !== 'article') return;
      const spot = spotNames.find((n) => foldText(p.text.split('\n')[0]!).includes(n));
      if (spot === undefined) return;
      const t = Date.parse(p.publishedAt);
      const platforms = new Set<string>();
      for (let j = i - 1; j >= 0 && t - Date.parse(posts[j]!.publishedAt) < 4 * HOUR; j--) {
        if (posts[j]!.platform !== 'news' && folded[j]!.includes(spot))
          platforms.add(posts[j]!.platform);
      }
      if (platforms.size >= 2) preceded++;
    });
    assert.ok(preceded >= 30, `${preceded} articles`);
  });

  it('copies articles onto social platforms as near-duplicates, after publication', () => {
    const articles = posts.filter((p) => p.kind === 'article');
    const copies = posts.filter(
      (p) => p.platform !== 'news' && /^(Theo [^:]+: |.*\nNguồn: )/su.test(p.text),
    );
    assert.ok(copies.length > 30);
    const leads = articles.map((a) => ({
      at: a.publishedAt,
      lead: foldText(a.text.split(/(?<=\.)\s/)[0]!),
    }));
    let traced = 0;
    for (const copy of copies) {
      const text = foldText(copy.text);
      if (leads.some((a) => a.at <= copy.publishedAt && text.includes(a.lead))) traced++;
    }
    assert.ok(traced > copies.length * 0.8, `${traced} of ${copies.length}`);
    assert.ok(new Set(copies.map((c) => c.platform)).size >= 3);
  });
});
