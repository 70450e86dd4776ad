import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createSimhashIndex, EMPTY_SIMHASH, hammingDistance, simhash } from './simhash.js';

const POST =
  'Sáng nay, tuyến đường Huỳnh Tấn Phát đoạn qua phường Tân Thuận Đông, quận 7 ngập sâu sau ' +
  'cơn mưa lớn kéo dài hơn 2 giờ. Nhiều xe máy chết máy giữa dòng nước, người dân phải dắt bộ. ' +
  'Tình trạng này lặp lại nhiều năm nay nhưng chưa được khắc phục.';
const SAME_TOPIC = [
  'Chiều qua, đường Nguyễn Hữu Cảnh, quận Bình Thạnh ngập nặng sau trận mưa lớn. Nhiều phương ' +
    'tiện chết máy, người dân phải dắt bộ qua đoạn ngập. Tình trạng ngập ở đây đã kéo dài nhiều năm.',
  'Triều cường dâng cao khiến nhiều tuyến đường ở quận 7 và Nhà Bè ngập sâu, người dân bức xúc ' +
    'vì tình trạng này kéo dài nhiều năm chưa được khắc phục.',
  'Mưa lớn kéo dài khiến đường Huỳnh Tấn Phát ngập, xe cộ ùn tắc.',
];

function distance(a: string, b: string): number {
  return hammingDistance(simhash(a), simhash(b));
}

test('a simhash is 16 hex digits and identical texts are at distance 0', () => {
  assert.match(simhash(POST), /^[0-9a-f]{16}$/);
  assert.equal(distance(POST, POST), 0);
});

test('case, punctuation, spacing and diacritics do not change the hash', () => {
  const plain = POST.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  assert.equal(distance(POST, plain), 0);
  assert.equal(distance(POST, POST.replace(/[,.]/g, ' ').toUpperCase()), 0);
  assert.equal(distance(POST, POST.normalize('NFD')), 0);
});

test('a repost with a source line, hashtags, emoji or a link is near', () => {
  assert.equal(distance(POST, `${POST}\nNguồn: Báo Tuổi Trẻ`), 0);
  assert.equal(distance(POST, `${POST} (Source: https://tuoitre.vn/ngap.htm)`), 0);
  assert.equal(distance(POST, `😱😱 ${POST} #ngapnuoc #q7 @ubnd.tphcm`), 0);
});

test('a repost with a few words changed is near at the distance meant for edited posts', () => {
  const edited = POST.replace('người dân', 'bà con').replace('nhiều năm nay', 'mấy năm nay');
  const index = createSimhashIndex({ maxDistance: 8 });
  index.add('original', simhash(POST));
  SAME_TOPIC.forEach((text, i) => index.add(`other${i}`, simhash(text)));
  assert.equal(index.findNear(simhash(edited))?.id, 'original');
  assert.ok(distance(POST, edited) > 0);
});

test('different posts on the same topic are not near', () => {
  for (const other of SAME_TOPIC) {
    assert.ok(distance(POST, other) > 8, `distance ${distance(POST, other)}`);
  }
});

test('empty text hashes to EMPTY_SIMHASH; emoji-only and URL-only texts hash to something', () => {
  assert.equal(simhash(''), EMPTY_SIMHASH);
  assert.equal(simhash(' ,.!? '), EMPTY_SIMHASH);
  assert.notEqual(simhash('😡😡'), EMPTY_SIMHASH);
  assert.notEqual(simhash('https://tuoitre.vn/a.htm'), EMPTY_SIMHASH);
  assert.notEqual(simhash('https://tuoitre.vn/a.htm'), simhash('https://vnexpress.net/b.html'));
});

test('hammingDistance counts differing bits and rejects malformed hashes', () => {
  assert.equal(hammingDistance('0000000000000000', 'ffffffffffffffff'), 64);
  assert.equal(hammingDistance('8000000000000001', '0000000000000000'), 2);
  assert.equal(hammingDistance('00000000FFFFFFFF', '00000000ffffffff'), 0);
  assert.throws(
    () => hammingDistance('xyz', EMPTY_SIMHASH),
    (e: unknown) => (e as { code?: string }).code === 'nlp.simhash_invalid',
  );
});

test('the index finds a near-duplicate and says how far it is', () => {
  const index = createSimhashIndex();
  index.add('a', simhash(POST));
  SAME_TOPIC.forEach((text, i) => index.add(`other${i}`, simhash(text)));
  assert.deepEqual(index.findNear(simhash(`${POST}\nNguồn: Tuổi Trẻ`)), { id: 'a', distance: 0 });
  assert.equal(index.findNear(simhash('Giá xăng tăng lần thứ ba trong tháng')), undefined);
});

test('the index finds every hash within maxDistance (pigeonhole bands)', () => {
  for (const maxDistance of [3, 6]) {
    const index = createSimhashIndex({ maxDistance });
    const base = 0x12345678;
    index.add('x', `${base.toString(16)}9abcdef0`);
    for (let d = 0; d <= maxDistance + 1; d++) {
      const flipped = ((base ^ ((1 << d) - 1)) >>> 0).toString(16).padStart(8, '0');
      const match = index.findNear(`${flipped}9abcdef0`);
      assert.deepEqual(match, d <= maxDistance ? { id: 'x', distance: d } : undefined);
    }
  }
});

test('the index prefers the closest, then the newest, and forgets removed ids', () => {
  const index = createSimhashIndex();
  index.add('old', '0000000000000003');
  index.add('new', '0000000000000005');
  index.add('far', '0000000000000007');
  assert.deepEqual(index.findNear('0000000000000001'), { id: 'new', distance: 1 });
  assert.equal(index.remove('new'), true);
  assert.equal(index.remove('new'), false);
  assert.deepEqual(index.findNear('0000000000000001'), { id: 'old', distance: 1 });
  assert.equal(index.size, 2);
});

test('the index evicts the oldest id beyond maxSize and never matches the empty hash', () => {
  const index = createSimhashIndex({ maxSize: 2 });
  index.add('1', 'f000000000000000');
  index.add('2', '0f00000000000000');
  index.add('1', 'f000000000000000');
  index.add('3', '00f0000000000000');
  assert.equal(index.size, 2);
  assert.equal(index.findNear('0f00000000000000'), undefined);
  assert.equal(index.findNear('f000000000000000')?.id, '1');
  index.add('empty', EMPTY_SIMHASH);
  assert.equal(index.findNear(EMPTY_SIMHASH), undefined);
  assert.throws(() => createSimhashIndex({ maxDistance: 40 }), /maxDistance/);
  assert.throws(() => index.add('bad', 'not a hash'), /16 hexadecimal/);
});

test('hashing a 100 KB text and hostile strings does not throw', () => {
  assert.match(simhash('Kẹt xe ở cầu Sài Gòn. '.repeat(5000)), /^[0-9a-f]{16}$/);
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
      assert.match(simhash(text), /^[0-9a-f]{16}$/);
    }),
    { numRuns: 300 },
  );
});
