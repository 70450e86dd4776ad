import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPostFilter } from './post-filter.js';

describe('createPostFilter', () => {
  it('matches keywords whatever the case and diacritics, on either side', () => {
    const isWanted = createPostFilter({ keywords: ['hà nội', 'DA NANG'] });
    assert.equal(isWanted('Hôm nay HÀ NỘI mưa to', undefined), true);
    assert.equal(isWanted('ha noi oi', undefined), true);
    assert.equal(isWanted('Biển Đà Nẵng!', undefined), true);
    assert.equal(isWanted('Sài Gòn', undefined), false);
  });

  it('matches whole words and phrases only, across any whitespace', () => {
    const isWanted = createPostFilter({ keywords: ['ha noi', 'phở'] });
    assert.equal(isWanted('Hanoi', undefined), false);
    assert.equal(isWanted('cha noi', undefined), false);
    assert.equal(isWanted('Hà\n  Nội', undefined), true);
    assert.equal(isWanted('(phở)', undefined), true);
    assert.equal(isWanted('phởbò', undefined), false);
  });

  it('keeps posts declaring a wanted language or a region of it; none declared is not kept', () => {
    const isWanted = createPostFilter({ langs: ['vi'] });
    assert.equal(isWanted('xin chào', ['vi']), true);
    assert.equal(isWanted('xin chào', ['en', 'vi-VN']), true);
    assert.equal(isWanted('hello', ['en']), false);
    assert.equal(isWanted('xin chào', undefined), false);
    assert.equal(isWanted('video', ['vie']), false);
  });

  it('needs both a keyword and a language when both are asked; nothing asked keeps all', () => {
    const isWanted = createPostFilter({ keywords: ['bão'], langs: ['VI'] });
    assert.equal(isWanted('Bão số 3', ['vi']), true);
    assert.equal(isWanted('Bão số 3', ['en']), false);
    assert.equal(isWanted('Trời nắng', ['vi']), false);
    assert.equal(createPostFilter({})('anything', undefined), true);
  });
});
