import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandTeencode, squeezeRepeats, teencodeFor, teencodeSize } from './teencode.js';

const cases: [string, string][] = [
  ['ko biết', 'không biết'],
  ['k đi đâu', 'không đi đâu'],
  ['hok thích', 'không thích'],
  ['khum có', 'không có'],
  ['hem biết', 'không biết'],
  ['kh sao', 'không sao'],
  ['làm dc', 'làm được'],
  ['làm đc', 'làm được'],
  ['làm dk', 'làm được'],
  ['ăn j', 'ăn gì'],
  ['ji vậy', 'gì vậy'],
  ['ai bít', 'ai biết'],
  ['ng ta nói', 'người ta nói'],
  ['ngta nói', 'người ta nói'],
  ['tp Thủ Đức', 'thành phố Thủ Đức'],
  ['ngập ở q7', 'ngập ở quận 7'],
  ['q12 và q1', 'quận 12 và quận 1'],
  ['về sg', 'về sài gòn'],
  ['dân tphcm', 'dân thành phố hồ chí minh'],
  ['tp hcm', 'thành phố hồ chí minh'],
  ['tp. hcm', 'thành phố. hồ chí minh'],
  ['bt thôi', 'bình thường thôi'],
  ['ko bt', 'không biết'],
  ['chào mn', 'chào mọi người'],
  ['đi vs tôi', 'đi với tôi'],
  ['tôi cx vậy', 'tôi cũng vậy'],
  ['cg được', 'cũng được'],
  ['xong r', 'xong rồi'],
  ['đẹp wá', 'đẹp quá'],
  ['hôm wa', 'hôm qua'],
  ['thik lắm', 'thích lắm'],
  ['iu em', 'yêu em'],
  ['ck tôi', 'chồng tôi'],
  ['vk tôi', 'vợ tôi'],
  ['hỏi ad', 'hỏi admin'],
  ['cho xin sdt', 'cho xin số điện thoại'],
  ['cho xin sđt', 'cho xin số điện thoại'],
  ['e đi học', 'em đi học'],
  ['a ơi', 'anh ơi'],
  ['cảm ơn c', 'cảm ơn chị'],
  ['50 k', '50 nghìn'],
  ['5 tr', '5 triệu'],
  ['giá bn', 'giá bao nhiêu'],
  ['bn ơi', 'bạn ơi'],
  ['ck tiền trước', 'chuyển khoản tiền trước'],
  ['hẻm: hem 42', 'hẻm: hẻm 42'],
  ['hum qua', 'hôm qua'],
  ['kp 3', 'khu phố 3'],
  ['kp vậy', 'không phải vậy'],
  ['vl thật', 'vãi lồn thật'],
];

test('expands at least 45 everyday teencode cases, whole tokens only', () => {
  assert.ok(cases.length >= 45);
  for (const [input, expected] of cases) assert.equal(expandTeencode(input), expected, input);
});

test('the curated list holds at least 200 entries', () => {
  assert.ok(teencodeSize() >= 200, `only ${teencodeSize()}`);
});

test('never expands inside a word', () => {
  assert.equal(expandTeencode('kon kho khoai'), 'kon kho khoai');
  assert.equal(expandTeencode('rồi dcm2'), 'rồi dcm2');
  assert.equal(expandTeencode('okay'), 'okay');
});

test('keeps a leading capital', () => {
  assert.equal(expandTeencode('Ko sao'), 'Không sao');
  assert.equal(expandTeencode('Sg mưa'), 'Sài gòn mưa');
});

test('leaves ambiguous letters alone without context', () => {
  assert.equal(expandTeencode('mục a và mục c'), 'mục a và mục c');
  assert.equal(expandTeencode('dài 5 m'), 'dài 5 m');
  assert.equal(expandTeencode('đôi bít tất'), 'đôi bít tất');
  assert.equal(expandTeencode('bưng bít thông tin'), 'bưng bít thông tin');
});

test('does not touch URLs, e-mail addresses, domains, mentions or hashtags', () => {
  const text = 'xem https://vnexpress.net/ko-dc hoặc tuoitre.vn, mail ko@dc.vn @ko #dc';
  assert.equal(expandTeencode(text), text.replace('xem', 'xem'));
});

test('expands a squeezed form of an exaggerated token, but not laughter', () => {
  assert.equal(expandTeencode('kooo biết'), 'không biết');
  assert.equal(expandTeencode('kkkk'), 'kkkk');
});

test('keeps everything else byte for byte, including odd input', () => {
  assert.equal(expandTeencode(''), '');
  assert.equal(expandTeencode('  \n\t'), '  \n\t');
  assert.equal(expandTeencode('a\ud800b ko'), 'a\ud800b không');
  assert.equal(expandTeencode('Đường Lê Lợi ngập.'), 'Đường Lê Lợi ngập.');
});

test('reads decomposed (NFD) input', () => {
  assert.equal(expandTeencode('đc'.normalize('NFD')), 'được');
});

test('teencodeFor applies rules in order', () => {
  assert.equal(teencodeFor('k', { prev: '100' }), 'nghìn');
  assert.equal(teencodeFor('k', { prev: 'toi' }), 'không');
  assert.equal(teencodeFor('a', {}), undefined);
  assert.equal(teencodeFor('tốt', {}), undefined);
});

test('squeezes exaggerated repeats but keeps real spellings', () => {
  assert.equal(squeezeRepeats('quáaaaa'), 'quá');
  assert.equal(squeezeRepeats('đẹppppp'), 'đẹp');
  assert.equal(squeezeRepeats('quaaaá'), 'quá');
  assert.equal(squeezeRepeats('nhaa'), 'nha');
  assert.equal(squeezeRepeats('ngonn'), 'ngon');
  assert.equal(squeezeRepeats('điii'), 'đi');
  assert.equal(squeezeRepeats('xoong'), 'xoong');
  assert.equal(squeezeRepeats('ưu'), 'ưu');
  assert.equal(squeezeRepeats('free'), 'free');
  assert.equal(squeezeRepeats('1000'), '1000');
  assert.equal(squeezeRepeats('tốt'), 'tốt');
});
