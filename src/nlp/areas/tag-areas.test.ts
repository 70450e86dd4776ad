import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { AreaTagResult } from './area-types.js';
import { tagAreas } from './tag-areas.js';

const Q7_WARDS = ['27475', '27478', '27484', '27487'];
const GO_VAP_WARDS = ['26876', '26878', '26882', '26884', '26890', '26898'];

/** Tags the text and checks what every result must satisfy: evidence is the original slice. */
function tag(text: string): AreaTagResult {
  const result = tagAreas(text);
  for (const e of [...result.areas, ...result.ambiguous].map((a) => a.evidence)) {
    assert.equal(text.slice(e.start, e.end), e.text, `evidence ${JSON.stringify(e)} of ${text}`);
  }
  for (const area of result.areas) assert.ok(area.confidence > 0 && area.confidence <= 1);
  return result;
}

const codes = (r: AreaTagResult) => [...new Set(r.areas.map((a) => a.code))].sort();
const formers = (r: AreaTagResult) => [...new Set(r.areas.map((a) => a.former?.name))];
const nothing = (r: AreaTagResult) => r.areas.length === 0 && r.ambiguous.length === 0;

describe('tagAreas: former districts', () => {
  it('maps Q7 in a flooding post to the four wards of the former Quận 7', () => {
    const text = 'nước ngập tới đầu gối ở đường Huỳnh Tấn Phát Q7';
    const r = tag(text);
    assert.deepEqual(codes(r), Q7_WARDS);
    assert.ok(r.areas.every((a) => a.former?.code === '778' && a.former.level === 'district'));
    assert.deepEqual(r.areas[0]!.evidence, { start: 45, end: 47, text: 'Q7' });
    assert.deepEqual(r.ambiguous, []);
  });

  it('reads every common spelling of Quận 7 the same way', () => {
    for (const text of [
      'Q.7',
      'q 7',
      'quận 7',
      'Quan 7',
      'QUẬN 7',
      'District 7',
      'Dist. 7',
      'quận7',
    ]) {
      assert.deepEqual(codes(tag(`ngập ở ${text} rồi`)), Q7_WARDS, text);
    }
  });

  it('rates a written-out qualifier above an abbreviation', () => {
    const full = tag('Quận 7').areas[0]!.confidence;
    const short = tag('Q7').areas[0]!.confidence;
    assert.ok(full > short, `${full} > ${short}`);
  });

  it('reads "Q.Bình Thạnh" as the former district, with the qualifier in the evidence', () => {
    const r = tag('Kẹt xe kinh khủng ở Q.Bình Thạnh sáng nay');
    assert.deepEqual(formers(r), ['Quận Bình Thạnh']);
    assert.equal(r.areas.length, 5);
    assert.equal(r.areas[0]!.evidence.text, 'Q.Bình Thạnh');
  });

  it('maps quận 2 and quận 9 (merged in 2021) to their part of Thủ Đức', () => {
    const q2 = tag('quận 2 mưa to quá');
    assert.deepEqual(codes(q2), ['27094', '27097', '27112']);
    assert.equal(q2.areas[0]!.former?.name, 'Quận 2');
    assert.equal(q2.areas[0]!.former?.code, '769');
    const q9 = tag('Dân Q9 lên tiếng');
    assert.deepEqual(formers(q9), ['Quận 9']);
    assert.ok(codes(q9).includes('26842'));
  });

  it('reads bare "Thủ Đức", "TP Thủ Đức" and "thành phố Thủ Đức" as the former city', () => {
    for (const text of [
      'Thủ Đức',
      'TP Thủ Đức',
      'TP. Thủ Đức',
      'thành phố Thủ Đức',
      'Thu Duc City',
    ]) {
      const r = tag(text);
      assert.deepEqual(formers(r), ['Thành phố Thủ Đức'], text);
      assert.equal(r.areas.length, 12, text);
    }
  });

  it('reads "quận Thủ Đức" as the old district, a part of the former city', () => {
    const r = tag('hồi xưa ở quận Thủ Đức');
    assert.deepEqual(formers(r), ['Quận Thủ Đức']);
    assert.deepEqual(codes(r), ['26800', '26803', '26809', '26824']);
  });

  it('knows rural districts with and without their qualifier', () => {
    assert.deepEqual(formers(tag('Củ Chi nắng nóng')), ['Huyện Củ Chi']);
    assert.deepEqual(formers(tag('huyện Củ Chi')), ['Huyện Củ Chi']);
    assert.deepEqual(formers(tag('mình sắp đi ra H. Bình Chánh')), ['Huyện Bình Chánh']);
    assert.deepEqual(formers(tag('Dạo này ở Nhà Bè nhiều vụ ghê.')), ['Huyện Nhà Bè']);
  });

  it('reads English district names', () => {
    assert.deepEqual(formers(tag('Weekend plans in District 3?')), ['Quận 3']);
    assert.deepEqual(formers(tag('Phu Nhuan District turned into Venice again')), [
      'Quận Phú Nhuận',
    ]);
    assert.deepEqual(formers(tag('Binh Thanh District')), ['Quận Bình Thạnh']);
  });

  it('reads text typed without diacritics', () => {
    assert.deepEqual(formers(tag('O Q. Phu Nhuan co bep an tu thien nao khong a')), [
      'Quận Phú Nhuận',
    ]);
    const r = tag('ket xe o go vap qua');
    assert.deepEqual(codes(r), GO_VAP_WARDS);
    assert.ok(r.areas[0]!.confidence < tag('kẹt xe ở Gò Vấp').areas[0]!.confidence);
  });
});

describe('tagAreas: wards, old and new', () => {
  it('reads a new ward name', () => {
    const r = tag('Ngập nặng ở phường Tân Mỹ tối qua');
    assert.deepEqual(codes(r), ['27487']);
    assert.equal(r.areas[0]!.former, undefined);
    assert.equal(r.areas[0]!.name, 'Phường Tân Mỹ');
    assert.equal(r.areas[0]!.level, 'ward');
    assert.equal(r.areas[0]!.confidence, 0.95);
  });

  it('reads "P. Tân Định" as today\'s ward, less sure because of namesakes in Bình Dương', () => {
    const r = tag('Có ai ở P. Tân Định không');
    assert.deepEqual(codes(r), ['26737']);
    assert.equal(r.areas[0]!.evidence.text, 'P. Tân Định');
    assert.ok(r.areas[0]!.confidence < 0.85);
    assert.deepEqual(codes(tag('phường Tân Định')), ['26737']);
    assert.deepEqual(codes(tag('Tân Định')), ['26737']);
  });

  it('resolves a numbered ward with the district after it and drops the district', () => {
    const text = 'ngập ở phường 12 quận Gò Vấp';
    const r = tag(text);
    assert.deepEqual(codes(r), ['26882']);
    const former = r.areas[0]!.former!;
    assert.equal(former.name, 'Phường 12');
    assert.equal(former.level, 'ward');
    assert.deepEqual(former.district, { code: '764', name: 'Quận Gò Vấp' });
    assert.deepEqual(r.areas[0]!.evidence, { start: 7, end: 16, text: 'phường 12' });
  });

  it('resolves the short forms "P1, Q.Gò Vấp" and "F.12 Q.Gò Vấp"', () => {
    assert.deepEqual(codes(tag('P1, Q.Gò Vấp')), ['26890']);
    assert.deepEqual(codes(tag('nhà ở F.12 Q.Gò Vấp')), ['26882']);
    assert.deepEqual(codes(tag('phường 12, Gò Vấp')), ['26882']);
  });

  it('falls back to the district when it has no ward of that number', () => {
    assert.deepEqual(codes(tag('phường 13 quận Gò Vấp')), GO_VAP_WARDS);
  });

  it('maps a former ward to the ward it became', () => {
    const r = tag('phường Bến Nghé, quận 1');
    assert.deepEqual(codes(r), ['26740']);
    assert.equal(r.areas[0]!.former?.name, 'Phường Bến Nghé');
  });

  it('picks the ward of a shared name with the district named after it', () => {
    const r = tag('phường Tân Phú quận 7');
    assert.deepEqual(codes(r), ['27487']);
    assert.equal(r.areas[0]!.former?.district?.name, 'Quận 7');
  });

  it('keeps only the ward when the district is given in brackets as its old one', () => {
    assert.deepEqual(codes(tag('tại phường Chợ Lớn (quận 5 cũ)')), ['27343']);
  });

  it('reads communes and the special zone', () => {
    const binhMy = tag('UBND xã Bình Mỹ cho biết');
    assert.deepEqual(codes(binhMy), ['27544']);
    assert.equal(binhMy.areas[0]!.level, 'commune');
    const conDao = tag('đặc khu Côn Đảo');
    assert.deepEqual(codes(conDao), ['26732']);
    assert.equal(conDao.areas[0]!.level, 'special_zone');
    assert.deepEqual(formers(tag('du lịch Côn Đảo')), ['Huyện Côn Đảo']);
  });

  it('marks a partial share of a former ward and lowers its confidence', () => {
    const r = tag('An Phú, Thủ Đức');
    assert.deepEqual(codes(r), ['27094', '27097']);
    assert.ok(r.areas.every((a) => a.former?.isPartial === true && a.confidence < 0.8));
  });
});

describe('tagAreas: ambiguity is reported, not guessed', () => {
  it('reports "phường 1" with no district as needing one', () => {
    const r = tag('Phường 1 mất điện');
    assert.deepEqual(r.areas, []);
    assert.equal(r.ambiguous.length, 1);
    assert.equal(r.ambiguous[0]!.reason, 'needs_district');
    assert.ok(r.ambiguous[0]!.candidates.length >= 10);
    assert.ok(r.ambiguous[0]!.candidates.some((c) => c.name === 'Phường 1, Quận Gò Vấp'));
  });

  it('ignores "P1" or "F1" alone: more often "part 1" or a contact class', () => {
    assert.ok(nothing(tag('Review phim P1 nhé')));
    assert.ok(nothing(tag('ca F1 phải cách ly')));
  });

  it('reports "An Phú" alone with its readings', () => {
    const r = tag('Nhà mình ở An Phú');
    assert.deepEqual(r.areas, []);
    assert.equal(r.ambiguous[0]!.reason, 'shared_name');
    const names = r.ambiguous[0]!.candidates.map((c) => c.code);
    assert.ok(names.includes('27091') && names.includes('25975'), names.join());
  });

  it('resolves "An Phú" with a district of Bình Dương near it', () => {
    assert.deepEqual(codes(tag('phường An Phú, Thuận An')), ['25975']);
  });

  it('reports "Phú Thọ" (province, and a ward of HCMC) unless something says which', () => {
    const r = tag('Phú Thọ');
    assert.deepEqual(
      r.ambiguous[0]!.candidates.map((c) => c.code),
      ['25', '27226'],
    );
    assert.deepEqual(codes(tag('tỉnh Phú Thọ')), ['25']);
    assert.deepEqual(codes(tag('phường Phú Thọ')), ['27226']);
    assert.deepEqual(codes(tag('Phú Thọ, quận 11')), ['27226']);
  });

  it('reads bare "Bình Thạnh" as the former district, "phường Bình Thạnh" as the ward', () => {
    assert.deepEqual(formers(tag('Bình Thạnh ngập')), ['Quận Bình Thạnh']);
    const ward = tag('phường Bình Thạnh');
    assert.deepEqual(codes(ward), ['26929']);
    assert.equal(ward.areas[0]!.former, undefined);
  });

  it('reports "phường Tân Phú" (three wards had the name) without a district', () => {
    const r = tag('phường Tân Phú');
    assert.equal(r.ambiguous[0]!.candidates.length, 3);
    assert.deepEqual(formers(tag('Tân Phú')), ['Quận Tân Phú']);
  });

  it('reports "Bình Thuận": a former province and a former ward of Quận 7', () => {
    const r = tag('Bình Thuận');
    assert.deepEqual(
      r.ambiguous[0]!.candidates.map((c) => c.name),
      ['Tỉnh Bình Thuận', 'Phường Bình Thuận, Quận 7'],
    );
    assert.deepEqual(codes(tag('tỉnh Bình Thuận')), ['68']);
  });
});

describe('tagAreas: the city and the provinces', () => {
  it('reads every name of HCMC as province 79', () => {
    for (const text of [
      'TPHCM',
      'TP.HCM',
      'TP HCM',
      'Tp. Hồ Chí Minh',
      'thành phố Hồ Chí Minh',
      'HCM',
      'HCMC',
      'Sài Gòn',
      'sai gon',
      'Saigon',
      'SG',
      'Ho Chi Minh City',
    ]) {
      const r = tag(`Thời tiết ${text} hôm nay`);
      assert.deepEqual(codes(r), ['79'], text);
      assert.equal(r.areas[0]!.level, 'province', text);
      assert.equal(r.areas[0]!.name, 'Thành phố Hồ Chí Minh', text);
    }
  });

  it('trusts "TP.HCM" more than "SG"', () => {
    assert.ok(tag('TP.HCM').areas[0]!.confidence > tag('SG').areas[0]!.confidence);
  });

  it('reads "phường Sài Gòn" as the ward, not the city', () => {
    assert.deepEqual(codes(tag('phường Sài Gòn (quận 1 cũ) mất điện')), ['26740']);
  });

  it('tags a post about Hà Nội at province level', () => {
    for (const text of ['Hà Nội rét đậm', 'Ha Noi ret dam', 'Hanoi is cold', 'thủ đô Hà Nội']) {
      const r = tag(text);
      assert.deepEqual(codes(r), ['01'], text);
      assert.equal(r.areas[0]!.level, 'province');
    }
  });

  it('reads other provinces, and one-word names only with their marks', () => {
    assert.deepEqual(codes(tag('Đà Nẵng')), ['48']);
    assert.deepEqual(codes(tag('Da Nang')), ['48']);
    assert.deepEqual(codes(tag('Huế mưa')), ['46']);
    assert.ok(nothing(tag('what a nice hue')));
    assert.deepEqual(codes(tag('tỉnh Điện Biên')), ['11']);
  });

  it('maps a former province to the province it is part of now', () => {
    const quangNam = tag('lũ ở Quảng Nam');
    assert.deepEqual(codes(quangNam), ['48']);
    assert.deepEqual(quangNam.areas[0]!.former, {
      code: '49',
      name: 'Tỉnh Quảng Nam',
      level: 'province',
    });
    const binhDuong = tag('Bình Dương');
    assert.deepEqual(codes(binhDuong), ['79']);
    assert.equal(binhDuong.areas[0]!.former?.name, 'Tỉnh Bình Dương');
    assert.deepEqual(codes(tag('Bà Rịa - Vũng Tàu')), ['79']);
  });

  it('maps districts of the former Bình Dương and Bà Rịa–Vũng Tàu to their wards', () => {
    const r = tag('Thủ Dầu Một');
    assert.deepEqual(formers(r), ['Thành phố Thủ Dầu Một']);
    assert.ok(codes(r).includes('25747'));
    assert.deepEqual(formers(tag('biển Vũng Tàu')), ['Thành phố Vũng Tàu']);
  });
});

describe('tagAreas: names that are not places here', () => {
  it('needs a qualifier for names that are common words', () => {
    assert.ok(nothing(tag('Cả gia đình tôi đi chơi')));
    assert.ok(nothing(tag('ca gia dinh toi di choi')));
    assert.deepEqual(codes(tag('phường Gia Định')), ['26944']);
    assert.ok(nothing(tag('mong thế giới hòa bình')));
    assert.deepEqual(codes(tag('phường Hòa Bình')), ['27211']);
    assert.ok(nothing(tag('đi chợ lớn mua đồ')));
    assert.deepEqual(codes(tag('phường Chợ Lớn')), ['27343']);
    assert.ok(nothing(tag('miền Tây Nam Bộ')));
  });

  it('tells names from words with the same folded form', () => {
    assert.ok(nothing(tag('con học môn toán')));
    assert.ok(nothing(tag('con hoc mon toan')));
    assert.deepEqual(formers(tag('Hóc Môn')), ['Huyện Hóc Môn']);
    assert.ok(nothing(tag('tôi tán thành ý kiến')));
    assert.ok(nothing(tag('được ba điểm')));
    assert.deepEqual(codes(tag('xã Bà Điểm')), ['27592']);
  });

  it('takes "Cao Bằng" capitalised as the province, "cao bằng nhau" not', () => {
    assert.deepEqual(codes(tag('Cao Bằng')), ['04']);
    assert.ok(nothing(tag('hai đứa cao bằng nhau')));
  });

  it('skips streets, bridges and rivers named after places', () => {
    assert.ok(nothing(tag('kẹt xe trên cầu Sài Gòn')));
    assert.ok(nothing(tag('rác trôi trên sông Sài Gòn')));
    assert.ok(nothing(tag('đường Phạm Ngũ Lão đông khách')));
    assert.ok(nothing(tag('238 đường Hiệp Bình')));
    assert.deepEqual(codes(tag('phường Hiệp Bình')), ['26809']);
  });

  it('skips phrases that only contain a place name', () => {
    assert.ok(nothing(tag('học tập tư tưởng Hồ Chí Minh')));
    assert.ok(nothing(tag('Chủ tịch Hồ Chí Minh')));
    assert.ok(nothing(tag('đường Điện Biên Phủ')));
    assert.ok(nothing(tag('báo Sài Gòn Giải Phóng đưa tin')));
    assert.ok(nothing(tag('Tóc Tiên ra MV mới')));
    assert.ok(nothing(tag('căn hộ ở Phú Mỹ Hưng')));
  });

  it('never turns a bare number into an area', () => {
    assert.ok(nothing(tag('7 người bị thương, 12 xe hư hỏng, 2 người chết')));
    assert.deepEqual(formers(tag('Quận 7, 5 người bị thương')), ['Quận 7']);
  });

  it('skips a quarter or a car model written like a district', () => {
    assert.ok(nothing(tag('Doanh thu Q1 2026 tăng mạnh')));
    assert.ok(nothing(tag('Audi Q7 đời mới')));
    assert.ok(nothing(tag('kết quả kinh doanh quý Q2')));
  });

  it('finds nothing in posts about no place', () => {
    for (const text of [
      'Bệnh viện nào cũng quá tải hết.',
      'Tag Quang vô coi nè. Haizz, biết nói j đây.',
      'Cam on nhung tam long tot.',
      'ok 👍 P2 nhé',
      'Phí quản lý chung cư tăng vô lý!!! 😡',
    ]) {
      assert.ok(nothing(tag(text)), text);
    }
  });
});

describe('tagAreas: several areas, lists and repeats', () => {
  it('finds two areas in one post, in text order', () => {
    const r = tag('Từ Gò Vấp qua Quận 1 mất cả tiếng');
    assert.deepEqual(formers(r), ['Quận Gò Vấp', 'Quận 1']);
    assert.ok(r.areas[0]!.evidence.start < r.areas[r.areas.length - 1]!.evidence.start);
  });

  it('reads "các quận 1, 3 và 5" as three districts', () => {
    const r = tag('mất điện ở các quận 1, 3 và 5');
    assert.deepEqual(formers(r), ['Quận 1', 'Quận 3', 'Quận 5']);
    const q3 = r.areas.find((a) => a.former?.name === 'Quận 3')!;
    assert.equal(q3.evidence.text, '3');
  });

  it('keeps one match per ward when a district is named twice, from the surest mention', () => {
    const r = tag('Q7 ngập. Ai ở Quận 7 cẩn thận');
    assert.equal(r.areas.length, 4);
    assert.ok(r.areas.every((a) => a.evidence.text === 'Quận 7'));
  });

  it('keeps a ward and a far-away district apart', () => {
    const r = tag(
      'Hẻm nhà mình ở phường Hiệp Bình vừa được trồng thêm cây. Quán bánh mì đầu hẻm ngon, ai ở TP. Thủ Đức ghé thử nha.',
    );
    assert.ok(codes(r).includes('26809'));
    assert.ok(formers(r).includes('Thành phố Thủ Đức'));
  });

  it('reads hashtags', () => {
    const r = tag('#saigon #quan7 #govap');
    assert.ok(codes(r).includes('79'));
    assert.ok(Q7_WARDS.every((c) => codes(r).includes(c)));
    assert.ok(formers(r).includes('Quận Gò Vấp'));
    assert.equal(r.areas.find((a) => a.code === '79')!.evidence.text, 'saigon');
  });
});

describe('tagAreas: Unicode and hostile input', () => {
  it('gives offsets into NFD text', () => {
    const text = 'Ngập ở phường Tân Định và Quận 7'.normalize('NFD');
    const r = tag(text);
    assert.ok(codes(r).includes('26737'));
    const tanDinh = r.areas.find((a) => a.code === '26737')!;
    assert.equal(tanDinh.evidence.text.normalize('NFC'), 'phường Tân Định');
    assert.ok(Q7_WARDS.every((c) => codes(r).includes(c)));
  });

  it('treats mixed tone placement alike ("Hoà"/"Hòa")', () => {
    assert.deepEqual(codes(tag('phường Hoà Hưng')), ['27163']);
    assert.deepEqual(codes(tag('phường Hòa Hưng')), ['27163']);
  });

  it('returns nothing for empty, emoji-only and punctuation-only text', () => {
    for (const text of ['', '   ', '🔥🔥🔥😡', '!!!???...', '\u0000\u0001']) {
      assert.ok(nothing(tag(text)), JSON.stringify(text));
    }
  });

  it('survives lone surrogates and keeps offsets right', () => {
    const text = '\ud800 ngập ở Q7 \udfff\ud83d';
    const r = tag(text);
    assert.deepEqual(codes(r), Q7_WARDS);
    assert.equal(r.areas[0]!.evidence.start, 9);
  });

  it('handles 100 KB of text, with places at both ends', () => {
    const filler = 'Nước ngập tới đầu gối, xe chết máy hàng loạt, ai đi đường cẩn thận nha. ';
    const text = `Q7: ${filler.repeat(1400)}phường 12 quận Gò Vấp`;
    assert.ok(text.length >= 100_000);
    const r = tag(text);
    assert.deepEqual(codes(r), [...Q7_WARDS, '26882'].sort());
    assert.equal(r.areas.find((a) => a.code === '26882')!.evidence.end, text.length - 12);
  });

  it('handles a text with thousands of places in it', () => {
    const text = 'kẹt xe ở Quận 7 và phường 12 quận Gò Vấp. '.repeat(1200);
    assert.deepEqual(codes(tag(text)), [...Q7_WARDS, '26882'].sort());
  });

  it('never throws on non-string input from an untyped caller', () => {
    assert.ok(nothing(tagAreas(undefined as unknown as string)));
    assert.ok(nothing(tagAreas(42 as unknown as string)));
  });
});

describe('tagAreas: any input', () => {
  const pieces = [
    'quận',
    'Q',
    '7',
    '12',
    'phường',
    'P.',
    'Tân Định',
    'Gò Vấp',
    'Sài Gòn',
    'TP.HCM',
    'Thủ Đức',
    'An Phú',
    ', ',
    ' ',
    'và',
    '#',
    '🔥',
    'Phường'.normalize('NFD'),
    '\u0301',
  ];
  const fragment = fc.oneof(
    fc.constantFrom(...pieces),
    fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    fc.string({ unit: 'binary', maxLength: 6 }),
  );

  it('never throws, and every result points back into the text', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const result = tag(text);
        for (const area of result.ambiguous) assert.ok(area.candidates.length >= 2);
        for (const area of result.areas) {
          assert.ok(area.evidence.start >= 0 && area.evidence.end <= text.length);
          assert.ok(area.evidence.start < area.evidence.end);
        }
      }),
      { numRuns: 300 },
    );
  });
});
