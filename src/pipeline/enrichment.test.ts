import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApp } from '../../test/services/harness.js';
import { defaultEnricher } from './default-enricher.js';

const COMPLAINT =
  'nước ngập tới đầu gối ở đường Huỳnh Tấn Phát Q7 từ sáng tới giờ, ko ai giải quyết';

test('enriched labels are stored and searchable with area:, category: and sentiment:', async () => {
  const { app, store, system } = await openApp({ enrich: defaultEnricher });
  await app.ingest(system, [
    { id: 'c1', platform: 'facebook', text: COMPLAINT },
    { id: 'c2', platform: 'facebook', text: 'Cảm ơn phường đã sửa đèn đường rất nhanh, tuyệt vời' },
  ]);
  const ids = async (q: string): Promise<string[]> =>
    (await app.search(system, { q })).hits.map((h) => h.post.id);
  assert.deepEqual(await ids('area:"quận 7"'), ['facebook:c1']);
  assert.deepEqual(await ids('area:"Tân Mỹ"'), ['facebook:c1']);
  assert.deepEqual(await ids('category:flooding'), ['facebook:c1']);
  assert.deepEqual(await ids('sentiment:negative AND ngập'), ['facebook:c1']);
  assert.deepEqual(await ids('sentiment:tích_cực'), ['facebook:c2']);
  const stored = await store.getPost('facebook:c1');
  const enrichment = stored?.enrichment as {
    intent: { label: string };
    areas: { former?: { name: string } }[];
  };
  assert.equal(enrichment.intent.label, 'complaint');
  assert.equal(enrichment.areas[0]?.former?.name, 'Quận 7');
  assert.equal(stored?.lang, 'vi');
  await app.close();
});

test('a repost is kept and linked to its first occurrence', async () => {
  const { app, store, system } = await openApp({ enrich: defaultEnricher });
  const article =
    'Sáng 23/11, triều cường dâng cao khiến nhiều tuyến đường tại TP Thủ Đức và quận 7 bị ngập sâu, giao thông ùn tắc nghiêm trọng trong nhiều giờ liền.';
  await app.ingest(system, [{ id: 'a1', platform: 'news', text: article }]);
  await app.ingest(system, [
    { id: 'r1', platform: 'facebook', text: `${article} Nguồn: Tuổi Trẻ` },
    {
      id: 'u1',
      platform: 'facebook',
      text: 'Kẹt xe kinh hoàng ở vòng xoay Hàng Xanh sáng nay, mất cả tiếng mới qua được, mọi người tránh nhé',
    },
  ]);
  assert.equal((await store.getPost('facebook:r1'))?.duplicateOf, 'news:a1');
  assert.equal((await store.getPost('facebook:u1'))?.duplicateOf, undefined);
  assert.equal((await store.getPost('news:a1'))?.duplicateOf, undefined);
  assert.equal(await store.countPosts(), 3);
  await app.close();
});
