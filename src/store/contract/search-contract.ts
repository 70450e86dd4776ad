import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextPrefilter } from '../text-prefilter.js';
import type { PostSearch, Store, StoredPost } from '../store.js';
import type { MakeStore } from './contract-kit.js';
import { T0, ids, makePost, rejectsWithCode, storeRunner } from './contract-kit.js';

const term = (folded: string, prefix = false): TextPrefilter => ({ op: 'term', folded, prefix });
const phrase = (...folded: string[]): TextPrefilter => ({ op: 'phrase', folded });
const and = (...children: TextPrefilter[]): TextPrefilter => ({ op: 'and', children });
const or = (...children: TextPrefilter[]): TextPrefilter => ({ op: 'or', children });

const FLOOD = makePost({ text: 'Ngập nước đường Nguyễn Hữu Cảnh sau cơn mưa', minutesAgo: 1 });
const NFD = makePost({ text: 'Kẹt xe nghiêm trọng ở cầu Sài Gòn'.normalize('NFD'), minutesAgo: 2 });
const TITLED = makePost({
  platform: 'news',
  kind: 'article',
  title: 'Triều cường dâng cao',
  text: 'Người dân Thủ Đức lội nước về nhà.',
  author: { id: 'tuoitre', name: 'Báo Tuổi Trẻ', isPress: true },
  minutesAgo: 3,
});
const HOSTILE = makePost({ text: 'near "quoted" AND or (paren) * ^ col:on 🔥', minutesAgo: 4 });

async function find(store: Store, text: TextPrefilter): Promise<string[]> {
  return ids((await store.searchPosts({ text })).posts);
}

/** Every page of a search, concatenated; `between` runs after each page. */
async function allPages(
  store: Store,
  params: PostSearch,
  between?: (page: number) => Promise<void>,
): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 500; page++) {
    const result = await store.searchPosts({ ...params, cursor });
    seen.push(...ids(result.posts));
    await between?.(page);
    if (result.nextCursor === undefined) return seen;
    cursor = result.nextCursor;
  }
  throw new Error('paging did not end');
}

const byNewest = (a: StoredPost, b: StoredPost): number =>
  a.publishedAt === b.publishedAt ? (a.id < b.id ? 1 : -1) : a.publishedAt < b.publishedAt ? 1 : -1;

/**
 * 90 posts over 12 distinct times (many share a millisecond), two out of three about flooding,
 * some private to a workspace, in a shuffled order: arrival order is neither time nor id order.
 */
function crowd(): StoredPost[] {
  const posts = Array.from({ length: 90 }, (_, i) =>
    makePost({
      id: `x:${String((i * 37) % 90).padStart(2, '0')}`,
      platform: i % 5 === 0 ? 'news' : 'x',
      kind: i % 5 === 0 ? 'article' : 'post',
      text: i % 3 === 0 ? `Kẹt xe số ${i}` : `Ngập nước số ${i}`,
      minutesAgo: (i * 7) % 12,
      privateTo: i % 11 === 0 ? 'ubnd-q1' : undefined,
    }),
  );
  return posts.sort((a, b) => (a.text.length % 7) - (b.text.length % 7) || (a.id < b.id ? 1 : -1));
}

/** Full-text search through the dialect-neutral prefilter. */
export function searchContract(makeStore: MakeStore): void {
  const withStore = storeRunner(makeStore);
  const withPosts = (body: (store: Store) => Promise<void>) =>
    withStore(async (store) => {
      await store.upsertPosts([FLOOD, NFD, TITLED, HOSTILE]);
      await body(store);
    });

  describe('text search', () => {
    it('finds Vietnamese with and without diacritics, đ as d, NFC and NFD alike', () =>
      withPosts(async (store) => {
        assert.deepEqual(await find(store, term('ngap')), [FLOOD.id]);
        assert.deepEqual(await find(store, term('ngập')), [FLOOD.id]);
        assert.deepEqual(await find(store, term('duong')), [FLOOD.id]);
        assert.deepEqual(await find(store, phrase('nguyen', 'huu', 'canh')), [FLOOD.id]);
        assert.deepEqual(await find(store, phrase('huu', 'nguyen')), []);
        assert.deepEqual(await find(store, phrase('sai gon')), [NFD.id]);
        assert.deepEqual(await find(store, term('nghiem')), [NFD.id]);
      }));

    it('searches the title and the author name too', () =>
      withPosts(async (store) => {
        assert.deepEqual(await find(store, phrase('trieu', 'cuong')), [TITLED.id]);
        assert.deepEqual(await find(store, phrase('tuoi', 'tre')), [TITLED.id]);
      }));

    it('matches prefixes only when asked', () =>
      withPosts(async (store) => {
        assert.deepEqual(await find(store, term('ngh', true)), [NFD.id]);
        assert.deepEqual(await find(store, term('ngh')), []);
        assert.deepEqual(await find(store, term('ng', true)), [FLOOD.id, NFD.id, TITLED.id]);
      }));

    it('combines terms with and/or; empty and is everything, empty or is nothing', () =>
      withPosts(async (store) => {
        assert.deepEqual(await find(store, and(term('ngap'), term('mua'))), [FLOOD.id]);
        assert.deepEqual(await find(store, and(term('ngap'), term('ket'))), []);
        assert.deepEqual(await find(store, or(term('ngap'), term('ket'))), [FLOOD.id, NFD.id]);
        assert.deepEqual(
          await find(store, or(and(term('nuoc'), term('lo', true)), phrase('cau', 'sai'))),
          [NFD.id, TITLED.id],
        );
        assert.equal((await find(store, and())).length, 4);
        assert.deepEqual(await find(store, or()), []);
        assert.equal(await store.countPosts({ text: or() }), 0);
        assert.equal(await store.countPosts({ text: term('nuoc') }), 2);
      }));

    it('treats quotes, *, NEAR, AND, parentheses and column syntax in terms as plain words', () =>
      withPosts(async (store) => {
        const hostile = [
          '"',
          '""',
          'a"b',
          '*',
          '**',
          'near',
          'NEAR',
          'NEAR(ngap nuoc)',
          'ngap OR ket',
          'AND',
          'or',
          '(',
          ')',
          '(paren',
          ':',
          'body:ngap',
          'col:on',
          '^ngap',
          '-ngap',
          '+',
          '\u0000',
          'ngap\u0000"',
          '🔥',
          '',
          '   ',
          "'; DROP TABLE posts; --",
          '{',
          '}',
          '\\',
          'ạ̣̣',
        ];
        for (const value of hostile) {
          for (const text of [
            term(value),
            term(value, true),
            phrase(value, value),
            phrase(value),
          ]) {
            const found = await store.searchPosts({ text });
            assert.ok(Array.isArray(found.posts), `term ${JSON.stringify(value)}`);
          }
        }
        assert.deepEqual(await find(store, term('NEAR')), [HOSTILE.id]);
        assert.deepEqual(await find(store, term('"quoted"')), [HOSTILE.id]);
        assert.deepEqual(await find(store, term('(paren)')), [HOSTILE.id]);
        assert.deepEqual(await find(store, term('col:on')), [HOSTILE.id]);
        assert.deepEqual(await find(store, term('ngap OR ket')), []);
        assert.deepEqual(await find(store, term('body:ngap')), []);
        assert.ok((await find(store, term('🔥'))).includes(HOSTILE.id), 'may widen, never narrow');
        assert.equal(await store.countPosts(), 4);
      }));

    it('pages a text search newest first, no repeat, no gap, equal times in id order', () =>
      withStore(async (store) => {
        const posts = crowd();
        for (let i = 0; i < posts.length; i += 13) await store.upsertPosts(posts.slice(i, i + 13));
        const flooded = posts.filter((p) => p.text.startsWith('Ngập')).sort(byNewest);
        for (const limit of [1, 3, 7, 59, 60, 61, 500]) {
          assert.deepEqual(
            await allPages(store, { text: term('ngap'), limit }),
            ids(flooded),
            `limit ${limit}`,
          );
        }
        const either = or(term('ngap'), phrase('ket', 'xe'));
        assert.deepEqual(
          await allPages(store, { text: either, limit: 4 }),
          ids(posts.sort(byNewest)),
        );
      }));

    it('pages a text search with time, platform and visibility filters', () =>
      withStore(async (store) => {
        const posts = crowd();
        await store.upsertPosts(posts);
        const from = new Date(T0 - 9 * 60_000).toISOString();
        const to = new Date(T0 - 2 * 60_000).toISOString();
        const expected = posts
          .filter((p) => p.text.startsWith('Ngập') && p.platform === 'x')
          .filter((p) => p.publishedAt >= from && p.publishedAt < to)
          .filter((p) => p.privateTo === undefined || p.privateTo === 'ubnd-q7')
          .sort(byNewest);
        assert.ok(expected.length > 10);
        const params = { text: term('ngap'), from, to, platforms: ['x' as const] };
        for (const limit of [1, 5, 50]) {
          assert.deepEqual(
            await allPages(store, { ...params, visibleTo: 'ubnd-q7', limit }),
            ids(expected),
          );
        }
        const own = await allPages(store, { ...params, visibleTo: 'ubnd-q1', limit: 3 });
        assert.ok(own.length > expected.length, 'a workspace sees its own private posts');
      }));

    it('keeps text pages stable while newer and late older posts arrive', () =>
      withStore(async (store) => {
        const posts = crowd();
        await store.upsertPosts(posts);
        const late: StoredPost[] = [];
        const seen = await allPages(store, { text: term('ngap'), limit: 6 }, async (page) => {
          const newer = makePost({ id: `x:new${page}`, text: 'ngập', minutesAgo: -5 });
          const older = makePost({ id: `x:late${page}`, text: 'ngập', minutesAgo: 30 + page });
          late.push(older);
          await store.upsertPosts([newer, older]);
        });
        const flooded = posts.filter((p) => p.text.startsWith('Ngập')).sort(byNewest);
        assert.deepEqual(
          seen.filter((id) => !id.startsWith('x:late')),
          ids(flooded),
          'no newer post, every earlier one once, in order',
        );
        const lateSeen = seen.filter((id) => id.startsWith('x:late'));
        assert.equal(new Set(lateSeen).size, lateSeen.length, 'no late post twice');
        assert.ok(lateSeen.length > 0, 'late posts older than the cursor are on later pages');
      }));

    it('forgets deleted posts and finds a re-ingested one once', () =>
      withStore(async (store) => {
        const gone = makePost({ text: 'ngập', author: { id: 'u-1' }, minutesAgo: 2 });
        const kept = makePost({ text: 'ngập', author: { id: 'u-2' }, minutesAgo: 2 });
        await store.upsertPosts([gone, kept]);
        assert.equal(await store.deletePosts({ platform: 'facebook', authorId: 'u-1' }), 1);
        assert.deepEqual(await find(store, term('ngap')), [kept.id]);
        await store.upsertPosts([{ ...gone, text: 'triều cường' }]);
        assert.deepEqual(await find(store, term('ngap')), [kept.id]);
        assert.deepEqual(await find(store, phrase('trieu', 'cuong')), [gone.id]);
        assert.equal(await store.countPosts({ text: term('ngap') }), 1);
      }));

    it('survives deep and very wide trees, and rejects malformed ones', () =>
      withPosts(async (store) => {
        let deep: TextPrefilter = term('ngap');
        for (let i = 0; i < 500; i++) deep = i % 2 === 0 ? and(deep) : or(deep, term('zzz'));
        assert.ok((await find(store, deep)).includes(FLOOD.id));
        const wide = or(...Array.from({ length: 3000 }, (_, i) => term(`w${i}`)), term('ngap'));
        assert.ok((await find(store, wide)).includes(FLOOD.id));
        const bad = { op: 'xor', children: [] } as unknown as TextPrefilter;
        await rejectsWithCode(store.searchPosts({ text: bad }), 'store.invalid');
        await rejectsWithCode(
          store.countPosts({ text: term(7 as unknown as string) }),
          'store.invalid',
        );
      }));
  });
}
