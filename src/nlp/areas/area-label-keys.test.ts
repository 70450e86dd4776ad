import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldText } from '../fold.js';
import { areaLabelKeys } from './area-label-keys.js';
import { tagAreas } from './tag-areas.js';

const keysOf = (text: string) => areaLabelKeys(tagAreas(text));
/** What the query matcher does: fold the user's `area:` value and look it up. */
const answers = (text: string, value: string) => keysOf(text).includes(foldText(value));

describe('areaLabelKeys', () => {
  it('lets a post about Q7 answer to the former district, its wards and the city', () => {
    const text = 'nước ngập ở đường Huỳnh Tấn Phát Q7';
    for (const value of ['Quận 7', 'quan 7', 'Q7', 'District 7', 'Tân Mỹ', 'phường Tân Hưng']) {
      assert.ok(answers(text, value), value);
    }
    for (const value of ['27487', '79', 'TPHCM', 'tp.hcm', 'Sài Gòn', 'Hồ Chí Minh']) {
      assert.ok(answers(text, value), value);
    }
    assert.ok(!answers(text, 'Quận 1'));
    assert.ok(!answers(text, 'Hà Nội'));
  });

  it('lets a post naming a new ward answer to the former district it came from', () => {
    assert.ok(answers('ngập ở phường Tân Mỹ', 'quận 7'));
    assert.ok(answers('mất điện phường Bến Thành', 'Quận 1'));
    assert.ok(answers('kẹt xe phường An Khánh', 'Thủ Đức'));
    assert.ok(answers('kẹt xe phường An Khánh', 'quận 2'));
  });

  it('lets a former ward answer to its own name and its district', () => {
    const text = 'phường 12 quận Gò Vấp';
    assert.ok(answers(text, 'Gò Vấp'));
    assert.ok(answers(text, 'phường 12 quận Gò Vấp'));
    assert.ok(answers(text, 'An Hội Tây'));
    assert.ok(!keysOf(text).includes('12'));
  });

  it('keeps a post about Hà Nội out of HCMC', () => {
    const keys = keysOf('Hà Nội rét đậm');
    assert.deepEqual(keys, ['01', 'ha noi', 'hanoi', 'thanh pho ha noi']);
  });

  it('lets a post about Bình Dương answer to Bình Dương and to HCMC', () => {
    assert.ok(answers('Bình Dương mưa lớn', 'Bình Dương'));
    assert.ok(answers('Bình Dương mưa lớn', 'TP.HCM'));
    assert.ok(answers('kẹt xe ở Dĩ An', 'Bình Dương'));
  });

  it('gives an ambiguous mention only what all its readings share', () => {
    const keys = keysOf('Phường 1 mất điện');
    assert.ok(keys.includes('79'));
    assert.ok(!keys.includes('quan go vap'));
    assert.deepEqual(keysOf('Phú Thọ'), ['phu tho']);
  });

  it('is empty for a post with no area, sorted and without duplicates otherwise', () => {
    assert.deepEqual(keysOf('Bệnh viện nào cũng quá tải hết.'), []);
    const keys = keysOf('Q7 và Quận 7 và phường Tân Mỹ');
    assert.deepEqual(keys, [...new Set(keys)].sort());
  });
});
