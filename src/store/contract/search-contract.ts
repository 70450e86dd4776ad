import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextPrefilter } from '../text-prefilter.js';
import type { Store } from '../store.js';
import type { MakeStore } from './contract-kit.js';
import { ids, makePost, rejectsWithCode, storeRunner } from './contract-kit.js';

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
