import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createEmergingTerms } from './emerging-terms.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-12-01T00:00:00+07:00');

const BACKGROUND = [
  'Kẹt xe trên đường Điện Biên Phủ giờ cao điểm sáng nay',
  'Ngập nước ở đường Nguyễn Hữu Cảnh sau cơn mưa chiều',
  'Rác thải ùn ứ ở chợ Bình Tây, người dân phản ánh',
  'Xem thêm: tin tức Tuổi Trẻ hôm nay về giao thông',
];

describe('emerging terms', () => {
  it('finds a phrase that bursts this hour and not the usual ones or boilerplate', () => {
    const terms = createEmergingTerms({ width: 4_096 });
    for (let h = 0; h < 12; h++) {
      for (let i = 0; i < 40; i++) terms.add(BACKGROUND[i % BACKGROUND.length]!, T0 + h * HOUR);
    }
    const now = T0 + 12 * HOUR;
    for (let i = 0; i < 40; i++) terms.add(BACKGROUND[i % BACKGROUND.length]!, now);
    for (let i = 0; i < 25; i++)
      terms.add(`Sập cầu bộ hành ở quận ${i % 12}, nhiều người hoảng hốt`, now);
    const found = terms.emerging().map((t) => t.term);
    assert.ok(found.includes('sap cau'), JSON.stringify(found));
    assert.ok(found.includes('sap cau bo'));
    assert.ok(!found.some((t) => t.startsWith('ket xe')), 'the usual traffic is not news');
    assert.ok(!found.some((t) => t.includes('xem them') || t.includes('tuoi tre')), 'boilerplate');
    const top = terms.emerging()[0]!;
    assert.ok(top.count >= 25 && top.expected < 1, JSON.stringify(top));
  });

  it('stays quiet before it has a baseline and for small counts', () => {
    const terms = createEmergingTerms();
    for (let i = 0; i < 30; i++) terms.add('Cháy chung cư ở phường Tân Định', T0);
    assert.deepEqual(terms.emerging(), [], 'no past hour yet');
    terms.add('Cháy nhỏ ở chợ', T0 + HOUR);
    for (let i = 0; i < 4; i++) terms.add('Mất điện ở phường Bến Thành', T0 + HOUR);
    assert.deepEqual(terms.emerging(), [], 'four posts are no burst');
  });

  it('counts a phrase once per post and keeps memory fixed whatever the vocabulary', () => {
    const terms = createEmergingTerms({ width: 1_024, topK: 50 });
    terms.add('một câu', T0);
    const now = T0 + HOUR;
    for (let i = 0; i < 12; i++) terms.add('lở đất lở đất lở đất', now);
    const found = terms.emerging({ minCount: 10 });
    assert.equal(found.find((t) => t.term === 'lo dat')?.count, 12);
    for (let i = 0; i < 20_000; i++) terms.add(`từ${i} khác${i} lạ${i}`, now);
    assert.ok(terms.emerging({ minCount: 1, limit: 1_000 }).length <= 50);
  });

  it('keeps a burst among a flood of one-off phrases (Space-Saving)', () => {
    const terms = createEmergingTerms({ width: 8_192, topK: 50 });
    terms.add('một câu', T0);
    const now = T0 + HOUR;
    for (let i = 0; i < 3_000; i++) {
      terms.add(`chữ${i} riêng${i}`, now);
      if (i % 10 === 0) terms.add('Triều cường dâng cao ở Thủ Đức', now);
    }
    const found = terms.emerging({ minCount: 100 }).map((t) => t.term);
    assert.ok(found.includes('trieu cuong'), JSON.stringify(found));
  });
});
