import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { categoryLabelKeys, classifyCategories } from './classify-categories.js';
import { defaultTaxonomy, parseTaxonomy, type Taxonomy } from './taxonomy.js';

/** [post, the categories it must get (exactly)]. */
const CASES: [string, string[]][] = [
  ['Đường Huỳnh Tấn Phát ngập sâu sau cơn mưa chiều nay, xe chết máy hàng loạt', ['flooding']],
  ['duong nguyen huu canh lai ngap nuoc roi, mua co 30 phut', ['flooding']],
  ['Triều cường dâng cao, nhiều hẻm ở Q7 nước tràn vào nhà', ['flooding']],
  ['ngap qua troi luon ae oi', []],
  ['Buồn ngủ quá, ngáp liên tục cả buổi họp', []],
  ['Kẹt xe kinh hoàng ở vòng xoay Hàng Xanh giờ cao điểm', ['traffic']],
  ['ket xe wa troi o nga tu Hang Xanh', ['traffic']],
  ['Xe container tông xe máy trên Xa lộ Hà Nội, 1 người tử vong', ['traffic']],
  ['CSGT xử phạt nhiều trường hợp vượt đèn đỏ, đi ngược chiều', ['traffic']],
  ['#KẹtXe #SaiGon sáng nay', ['traffic']],
  ['Rác thải chất đống bốc mùi hôi thối ở đầu hẻm, không ai thu gom', ['waste_pollution']],
  ['Kênh Nhiêu Lộc đen ngòm, cá chết nổi trắng', ['waste_pollution']],
  ['Bụi mịn vượt ngưỡng, chất lượng không khí ở TP.HCM kém', ['waste_pollution']],
  ['Bị cướp giật điện thoại ngay trên đường Nguyễn Văn Linh', ['security_order']],
  ['Trộm vía con nhà mình ăn ngoan ngủ ngoan', []],
  ['Nhà hàng xóm bị mất trộm xe máy lúc 3h sáng', ['security_order']],
  ['Nhóm thanh niên hỗn chiến bằng hung khí trong đêm', ['security_order']],
  ['Xây dựng không phép nhà 5 tầng trong hẻm mà phường không xử lý', ['construction_urban_order']],
  ['Lấn chiếm vỉa hè để buôn bán, người đi bộ phải xuống lòng đường', ['construction_urban_order']],
  ['Cây xanh bật gốc đè trúng người đi đường', ['construction_urban_order']],
  ['Hố tử thần xuất hiện giữa đường Lê Văn Lương', ['construction_urban_order']],
  ['Bệnh viện Chợ Rẫy quá tải, bệnh nhân nằm ghép', ['health']],
  ['Sốt xuất huyết tăng mạnh, nhiều trẻ nhập viện', ['health']],
  ['45 học sinh nhập viện nghi ngộ độc thực phẩm sau bữa trưa ở trường', ['education', 'health']],
  ['Phụ huynh bức xúc vì lạm thu đầu năm học ở trường tiểu học', ['education']],
  ['Lên phường làm hộ khẩu mà cán bộ hẹn tới hẹn lui, thủ tục rườm rà', ['public_services']],
  ['Đăng ký tạm trú online trên cổng dịch vụ công nhanh gọn', ['public_services']],
  ['Cúp điện từ sáng tới giờ, nóng muốn xỉu', ['utilities']],
  ['Nước máy nhà mình đục ngầu, Sawaco kiểm tra giúp', ['utilities']],
  ['Điện thoại mới mua bị lỗi màn hình', []],
  ['Cảnh báo lừa đảo: giả danh công an gọi điện yêu cầu chuyển khoản', ['fraud_scams']],
  ['bi lua dao qua app vay online, mat het tien', ['fraud_scams']],
  ['Nhận tin nhắn trúng thưởng kèm link lạ, mọi người cẩn thận', ['fraud_scams']],
  ['Dân bức xúc vì chậm đền bù giải tỏa, chưa có tái định cư', ['housing_land']],
  ['Chung cư cũ xuống cấp nghiêm trọng, tường nứt toác', ['housing_land']],
  ['Phát gạo hỗ trợ hộ nghèo, người già neo đơn trong phường', ['social_welfare']],
  ['Quán karaoke hát xuyên đêm, cả xóm không ngủ được', ['environment_noise']],
  ['Mấy thằng nẹt pô ầm ĩ lúc nửa đêm', ['environment_noise']],
  ['Chợ Bến Thành chặt chém khách du lịch', ['consumer_prices']],
  ['Giá xăng tăng lần thứ 3 trong tháng', ['consumer_prices']],
  ['Công nhân khu công nghiệp bị nợ lương 3 tháng', ['labor_jobs']],
  [
    'Cháy lớn ở dãy nhà trọ quận Bình Tân, lính cứu hỏa đang dập lửa',
    ['fire_rescue', 'housing_land'],
  ],
  ['chay nha o hem 123, PCCC toi kip thoi', ['fire_rescue']],
  ['Xe chạy nhanh quá, suýt tông vào tôi', []],
  ['Vé concert cháy hàng chỉ sau 5 phút', []],
  ['Traffic jam on Saigon bridge again, terrible', ['traffic']],
  ['Heavy flooding in District 7 after the rain', ['flooding']],
  ['Scammers pretending to be bank staff asked for my OTP', ['fraud_scams']],
  ['Hôm nay trời đẹp, đi cà phê với bạn bè', []],
  ['Ngập nước + kẹt xe, về nhà mất 2 tiếng', ['flooding', 'traffic']],
  ['Cúp điện kéo dài, lại thêm đường ngập, khổ quá', ['flooding', 'utilities']],
];

function ids(text: string): string[] {
  return classifyCategories(text)
    .map((label) => label.id)
    .sort();
}

for (const [text, expected] of CASES) {
  test(`categories of "${text}"`, () => {
    assert.deepEqual(ids(text), [...expected].sort());
  });
}

test('evidence spans point into the original text', () => {
  for (const [text] of CASES) {
    for (const label of classifyCategories(text)) {
      assert.ok(label.evidence.length > 0);
      for (const span of label.evidence) assert.equal(text.slice(span.start, span.end), span.text);
    }
  }
});

test('evidence of NFD input is a slice of the NFD text', () => {
  const text = 'Kẹt xe ở cầu Sài Gòn'.normalize('NFD');
  const [label] = classifyCategories(text);
  assert.equal(label?.id, 'traffic');
  assert.equal(label?.evidence[0]?.text, 'Kẹt xe'.normalize('NFD'));
  assert.equal(label?.evidence[0]?.start, 0);
});

test('labels are sorted by score and scores stay within 0..1', () => {
  const labels = classifyCategories('Ngập nước sâu, triều cường, mưa lớn, thêm kẹt xe ở Q7');
  assert.deepEqual(
    labels.map((l) => l.id),
    ['flooding', 'traffic'],
  );
  assert.ok(labels[0]!.score > labels[1]!.score);
  for (const l of labels) assert.ok(l.score > 0 && l.score <= 1);
});

test('an unaccented ambiguous word counts when the post supports it', () => {
  assert.deepEqual(ids('mua lon qua, ngap het roi'), ['flooding']);
  assert.deepEqual(ids('ngap het roi'), []);
});

test('a shield phrase keeps its words from shorter phrases', () => {
  assert.deepEqual(ids('Điện thoại hết pin, mất điện thoại luôn'), []);
  assert.deepEqual(ids('Khu này mất điện cả ngày'), ['utilities']);
});

test('a passing mention in a long article weighs less than in a short post', () => {
  const short = classifyCategories('Xe tải va chạm xe máy');
  const filler = ' Thành phố tổ chức lễ hội văn hóa với nhiều hoạt động nghệ thuật.'.repeat(40);
  const long = classifyCategories(`Xe tải va chạm xe máy.${filler}`);
  assert.ok((long[0]?.score ?? 0) < short[0]!.score);
});

test('the threshold option filters labels', () => {
  assert.deepEqual(ids('xe máy'), []);
  assert.deepEqual(
    classifyCategories('xe máy', { threshold: 0.1 }).map((l) => l.id),
    ['traffic'],
  );
});

test('a workspace taxonomy replaces the built-in one', () => {
  const taxonomy: Taxonomy = parseTaxonomy({
    version: 1,
    categories: [
      {
        id: 'tet_market',
        nameVi: 'Chợ Tết',
        nameEn: 'Tet market',
        description: 'Flower and Tet markets',
        terms: [
          { phrase: 'chợ hoa', weight: 3 },
          { phrase: 'hoa Tết', weight: 2 },
        ],
      },
    ],
  });
  const labels = classifyCategories('Chợ hoa Tết ở bến Bình Đông đông nghẹt, kẹt xe', { taxonomy });
  assert.deepEqual(
    labels.map((l) => l.id),
    ['tet_market'],
  );
  const again = classifyCategories('Chợ hoa Tết', { taxonomy });
  assert.deepEqual(
    again[0]?.evidence.map((e) => e.text),
    ['Chợ hoa', 'hoa Tết'],
  );
});

test('parseTaxonomy rejects malformed taxonomies with a stable code', () => {
  assert.throws(
    () => parseTaxonomy({ version: 1, categories: [{ id: 'Bad Id', nameVi: 'x', nameEn: 'x' }] }),
    (error: unknown) => (error as { code?: string }).code === 'taxonomy.invalid',
  );
  const duplicate = {
    ...defaultTaxonomy,
    categories: [...defaultTaxonomy.categories, defaultTaxonomy.categories[0]],
  };
  assert.throws(() => parseTaxonomy(duplicate), /malformed/);
});

test('the built-in taxonomy has at least 12 categories of at least 25 positive terms', () => {
  assert.ok(defaultTaxonomy.categories.length >= 12);
  for (const category of defaultTaxonomy.categories) {
    const positive = category.terms.filter((t) => t.weight > 0);
    assert.ok(positive.length >= 25, `${category.id} has ${positive.length} positive terms`);
  }
});

test('categoryLabelKeys lists ids and folded names', () => {
  const keys = categoryLabelKeys(classifyCategories('Ngập nước ở Thủ Đức'));
  assert.deepEqual(keys, ['flooding', 'ngap nuoc']);
});

test('empty, emoji-only, URL-only and hostile texts have no category and do not throw', () => {
  for (const text of [
    '',
    '   ',
    '😡😡👍',
    'https://tuoitre.vn/ngap-nuoc-q7.htm',
    '\ud800\udc00\ud800',
    '東京 🚗',
  ]) {
    assert.deepEqual(classifyCategories(text), []);
  }
  assert.deepEqual(ids('\udc00 ngập nước \ud800'), ['flooding']);
});

test('a 100 KB text is classified quickly', () => {
  const text = 'Kẹt xe ở vòng xoay, ngập nước đường Nguyễn Hữu Cảnh. '.repeat(2000);
  const started = performance.now();
  const labels = classifyCategories(text);
  assert.ok(performance.now() - started < 1000);
  assert.deepEqual(labels.map((l) => l.id).sort(), ['flooding', 'traffic']);
  assert.ok(labels.every((l) => l.evidence.length <= 10));
});

test('never throws and keeps evidence consistent on arbitrary text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      for (const label of classifyCategories(text)) {
        for (const span of label.evidence)
          assert.equal(text.slice(span.start, span.end), span.text);
      }
    }),
    { numRuns: 300 },
  );
});
