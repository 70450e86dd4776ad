import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeArticle } from './article.js';
import { ISSUES } from './content/index.js';
import { OUTLETS, slugify } from './outlets.js';
import { DISTRICTS, casualWard, formalLocation } from './places.js';
import { createRng } from './rng.js';
import { fillSlot, makeScene } from './slots.js';

describe('places', () => {
  it('knows the 22 former districts plus merged provinces, written many ways', () => {
    assert.ok(DISTRICTS.length >= 24);
    const q7 = DISTRICTS.find((d) => d.formal === 'quận 7')!;
    for (const form of ['Quận 7', 'quận 7', 'Q7', 'q7', 'Q.7', 'Q. 7'])
      assert.ok(q7.casual.includes(form), form);
    assert.equal(q7.english, 'District 7');
    assert.ok(q7.wards.includes('phường Tân Mỹ'));
    const thuDuc = DISTRICTS.find((d) => d.formal === 'TP Thủ Đức')!;
    assert.equal(thuDuc.english, 'Thu Duc City');
    assert.ok(
      DISTRICTS.find((d) => d.formal === 'huyện Củ Chi')!.wards.every((w) => w.startsWith('xã ')),
    );
  });

  it('every district has wards, streets and landmarks', () => {
    for (const d of DISTRICTS) {
      assert.ok(d.wards.length > 0 && d.streets.length > 0 && d.landmarks.length > 0, d.formal);
    }
  });

  it('writes wards casually and formally after the 2025 reform', () => {
    const rng = createRng(1);
    const q1 = DISTRICTS.find((d) => d.formal === 'quận 1')!;
    const forms = new Set(Array.from({ length: 200 }, () => casualWard('phường Bến Thành', rng)));
    assert.ok(forms.has('phường Bến Thành') && forms.has('P. Bến Thành'));
    const formal = new Set(
      Array.from({ length: 100 }, () => formalLocation(q1, 'phường Bến Thành', rng)),
    );
    assert.ok(formal.has('phường Bến Thành (quận 1 cũ)') && formal.has('phường Bến Thành, TP.HCM'));
  });
});

describe('slots and articles', () => {
  it('keeps the facts of a scene fixed while wording varies', () => {
    const rng = createRng(2);
    const scene = makeScene(ISSUES[0]!.source, Date.UTC(2026, 10, 14, 9), rng);
    assert.equal(fillSlot('street', scene, rng), fillSlot('street', scene, rng));
    assert.equal(fillSlot('name', scene, rng), fillSlot('name', scene, rng));
    assert.equal(fillSlot('ptime', scene, rng), 'chiều 14/11');
    assert.equal(fillSlot('Ptime', scene, rng), 'Chiều 14/11');
    assert.equal(fillSlot('nonexistent', scene, rng), '');
  });

  it('writes articles of 400–3,000 characters in paragraphs, without unfilled slots', () => {
    const rng = createRng(3);
    for (const issue of ISSUES) {
      for (let k = 0; k < 20; k++) {
        const scene = makeScene(issue.source, Date.UTC(2026, 10, 14, 9), rng);
        const { title, text } = composeArticle(issue, scene, rng);
        assert.ok(text.length >= 400 && text.length <= 3000, `${issue.source.key}: ${text.length}`);
        assert.ok(text.includes('\n\n'));
        assert.ok(!/[{}]/.test(title + text), title);
        assert.match(title, /^\p{Lu}/u);
      }
    }
  });

  it('builds slugs and URLs on the outlets’ own domains', () => {
    assert.equal(
      slugify('Kẹt xe kinh hoàng ở vòng xoay Hàng Xanh, TP.HCM!'),
      'ket-xe-kinh-hoang-o-vong-xoay-hang-xanh-tp-hcm',
    );
    assert.equal(slugify('!!!'), '');
    for (const outlet of OUTLETS) {
      const url = new URL(outlet.url('mua-lon', Date.UTC(2026, 10, 14, 9), 42));
      assert.equal(url.hostname.replace(/^www\./, ''), outlet.domain);
      assert.ok(url.pathname.includes('mua-lon'));
    }
  });
});
