import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectIntent, INTENT_LABELS, type IntentLabel } from './intent.js';

const CASES: [string, IntentLabel][] = [
  ['Đường ngập mãi không ai giải quyết, bức xúc quá', 'complaint'],
  ['ko ai giai quyet het, kho qua', 'complaint'],
  ['Tình trạng xả rác ở đây kéo dài cả năm nay rồi', 'complaint'],
  ['Bao giờ mới sửa xong con đường này vậy?', 'complaint'],
  ['Sao không ai xử lý vậy? Dân khổ quá', 'complaint'],
  ['Phục vụ không tận tình, thật sự không hài lòng', 'complaint'],
  ['Chịu hết nổi với cái quán karaoke này 😡', 'complaint'],
  ['Xin phản ánh tình trạng lấn chiếm vỉa hè trên đường Lê Lợi', 'complaint'],
  ['Đề nghị cơ quan chức năng sớm xử lý', 'suggestion'],
  ['Kiến nghị lắp thêm đèn đường ở hẻm 45', 'suggestion'],
  ['mong co quan chuc nang vao cuoc', 'suggestion'],
  ['Mong chính quyền có biện pháp dứt điểm tình trạng này', 'suggestion'],
  ['Yêu cầu chủ đầu tư khắc phục ngay', 'suggestion'],
  ['Cho em hỏi làm CCCD ở đâu ạ?', 'question'],
  ['Có ai biết đường nào đi Thủ Đức đỡ kẹt không?', 'question'],
  ['Xin hỏi thủ tục đăng ký tạm trú mất bao lâu', 'question'],
  ['Giá vé xe buýt bây giờ bao nhiêu vậy mọi người?', 'question'],
  ['cho minh hoi o dau lam ho chieu', 'question'],
  ['Does anyone know where to renew a passport?', 'question'],
  ['Cảm ơn phường đã xử lý nhanh chóng 👍', 'praise'],
  ['Cám ơn các anh công an phường nhiệt tình giúp đỡ', 'praise'],
  ['Cán bộ một cửa làm việc tận tình, chu đáo, rất hài lòng', 'praise'],
  ['Công viên mới sạch đẹp, tuyệt vời', 'praise'],
  ['Thanks to the firefighters, great job!', 'praise'],
  ['Sáng nay, UBND TP thông báo phân luồng giao thông quanh khu vực', 'information'],
  ['Theo ghi nhận của phóng viên, nước đã rút lúc 19h', 'information'],
  ['Cầu Thủ Thiêm 4 dự kiến khởi công vào năm sau', 'information'],
  ['Hôm nay trời nắng đẹp', 'information'],
  ['', 'information'],
  ['😐', 'information'],
];

for (const [text, expected] of CASES) {
  test(`intent of "${text}" is ${expected}`, () => {
    assert.equal(detectIntent(text).label, expected);
  });
}

test('evidence points into the original text and belongs to the label', () => {
  const text = 'Cảm ơn phường đã xử lý nhanh chóng';
  const intent = detectIntent(text);
  assert.deepEqual(
    intent.evidence.map((e) => e.text),
    ['Cảm ơn', 'nhanh chóng'],
  );
  for (const span of intent.evidence) assert.equal(text.slice(span.start, span.end), span.text);
});

test('a gapped cue reports both of its parts', () => {
  const intent = detectIntent('Tình trạng ngập nước kéo dài');
  assert.deepEqual(
    intent.evidence.map((e) => e.text),
    ['Tình trạng', 'kéo dài'],
  );
});

test('the question mark is evidence of a question', () => {
  const text = 'Đường này đi được không?';
  const intent = detectIntent(text);
  assert.equal(intent.label, 'question');
  assert.ok(intent.evidence.some((e) => e.text === '?' && e.start === text.length - 1));
});

test('an unaccented ambiguous cue needs another cue of its intent', () => {
  assert.equal(detectIntent('hoi').label, 'information');
  assert.equal(detectIntent('Hỏi thăm').scores.question > 0, true);
});

test('scores cover every label, within 0..1, and the label has the top score', () => {
  const intent = detectIntent('Bức xúc quá, đề nghị xử lý, ai biết không?');
  assert.deepEqual(Object.keys(intent.scores).sort(), [...INTENT_LABELS].sort());
  for (const score of Object.values(intent.scores)) assert.ok(score >= 0 && score <= 1);
  assert.equal(intent.score, Math.max(...Object.values(intent.scores)));
});

test('a 100 KB text and hostile strings do not throw', () => {
  assert.equal(detectIntent('Bức xúc quá. '.repeat(8000)).label, 'complaint');
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      const intent = detectIntent(text);
      for (const span of intent.evidence) assert.equal(text.slice(span.start, span.end), span.text);
    }),
    { numRuns: 300 },
  );
});
