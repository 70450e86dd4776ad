import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { openSourceHarness } from '../../../test/sources/harness.js';
import type { SourceHarness } from '../../../test/sources/harness.js';
import { facebookWebhookConnector } from './webhook.js';

const VERIFY_TOKEN = 'verify-TOKEN-meatyhamhock';
const APP_SECRET = 'appSECRET-0f1e2d3c4b5a';
const PAGE = '104021';

function sign(body: string | Buffer, secret = APP_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** A delivery as Webhooks for Pages sends it: entries of changes on the `feed` field. */
const delivery = {
  object: 'page',
  entry: [
    {
      id: PAGE,
      time: 1795417200,
      changes: [
        {
          field: 'feed',
          value: {
            item: 'status',
            verb: 'add',
            post_id: `${PAGE}_10`,
            message: 'Lịch cắt nước ngày mai ở Quận 1',
            created_time: 1795417100,
            from: { id: PAGE, name: 'Phường Bến Nghé' },
          },
        },
        {
          field: 'feed',
          value: {
            item: 'comment',
            verb: 'add',
            post_id: `${PAGE}_10`,
            comment_id: `${PAGE}_10_77`,
            parent_id: `${PAGE}_10`,
            message: 'Mấy giờ thì có nước lại?',
            created_time: 1795417150,
            from: { id: '5550001', name: 'Trần Thị B' },
          },
        },
        {
          field: 'feed',
          value: { item: 'reaction', verb: 'add', post_id: `${PAGE}_10`, reaction_type: 'like' },
        },
      ],
    },
    {
      id: PAGE,
      time: 1795417260,
      changes: [
        {
          field: 'feed',
          value: {
            item: 'comment',
            verb: 'edited',
            post_id: `${PAGE}_10`,
            comment_id: `${PAGE}_10_77`,
            parent_id: `${PAGE}_10`,
            message: 'Mấy giờ thì có nước lại ạ?',
            created_time: 1795417150,
            from: { id: '5550001', name: 'Trần Thị B' },
          },
        },
        {
          field: 'feed',
          value: {
            item: 'comment',
            verb: 'add',
            post_id: `${PAGE}_10`,
            comment_id: `${PAGE}_10_78`,
            parent_id: `${PAGE}_10_77`,
            message: 'Khoảng 17 giờ ạ',
            created_time: 1795417250,
          },
        },
        {
          field: 'feed',
          value: {
            item: 'comment',
            verb: 'remove',
            post_id: `${PAGE}_9`,
            comment_id: `${PAGE}_9_1`,
            created_time: 1795417255,
          },
        },
        { field: 'ratings', value: { item: 'rating', verb: 'add', review_text: 'Tốt' } },
      ],
    },
  ],
};

describe('facebook-webhook connector', () => {
  let h: SourceHarness;

  beforeEach(async () => {
    h = await openSourceHarness([facebookWebhookConnector]);
    await h.addSource(
      'facebook-webhook',
      { verifyToken: VERIFY_TOKEN, appSecret: APP_SECRET },
      'fbw',
    );
  });
  afterEach(() => h.close());

  const handshake = (query: Record<string, string>) => h.webhook('fbw', { method: 'GET', query });
  const post = (body: string | Buffer, headers: Record<string, string>) =>
    h.webhook('fbw', { method: 'POST', headers, body });

  it('answers the subscription handshake with the challenge when the verify token matches', async () => {
    const outcome = await handshake({
      'hub.mode': 'subscribe',
      'hub.verify_token': VERIFY_TOKEN,
      'hub.challenge': '1158201444',
    });

    assert.equal(outcome.status, 200);
    assert.equal(outcome.body, '1158201444');
    assert.equal(outcome.stored.items, 0);
  });

  it('refuses the handshake with 403 for a wrong token, a token prefix or another mode', async () => {
    const queries: Record<string, string>[] = [
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' },
      {
        'hub.mode': 'subscribe',
        'hub.verify_token': VERIFY_TOKEN.slice(0, -1),
        'hub.challenge': '1',
      },
      { 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' },
      { 'hub.challenge': '1' },
    ];
    for (const query of queries) {
      const outcome = await handshake(query);
      assert.equal(outcome.status, 403, JSON.stringify(query));
      assert.notEqual(outcome.body, '1');
    }
  });

  it('stores a signed delivery of several entries and changes, answering 200 EVENT_RECEIVED', async () => {
    const body = JSON.stringify(delivery);

    const outcome = await post(body, { 'X-Hub-Signature-256': sign(body) });

    assert.equal(outcome.status, 200);
    assert.equal(outcome.body, 'EVENT_RECEIVED');
    assert.equal(outcome.stored.items, 3, 'the edit of comment 77 replaces its add');
    const posts = await h.posts();
    assert.deepEqual(
      posts.map((p) => [p.id, p.kind, p.text, p.parentId, p.author?.name, p.publishedAt]),
      [
        [
          `facebook:${PAGE}_10`,
          'post',
          'Lịch cắt nước ngày mai ở Quận 1',
          undefined,
          'Phường Bến Nghé',
          new Date(1795417100 * 1000).toISOString(),
        ],
        [
          `facebook:${PAGE}_10_77`,
          'comment',
          'Mấy giờ thì có nước lại ạ?',
          `facebook:${PAGE}_10`,
          'Trần Thị B',
          new Date(1795417150 * 1000).toISOString(),
        ],
        [
          `facebook:${PAGE}_10_78`,
          'comment',
          'Khoảng 17 giờ ạ',
          `facebook:${PAGE}_10`,
          undefined,
          new Date(1795417250 * 1000).toISOString(),
        ],
      ],
    );
    assert.ok(posts.every((p) => p.sourceId === 'fbw' && p.platform === 'facebook'));
  });

  it('refuses with 401 and stores nothing when the signature is wrong, missing or the body was altered', async () => {
    const body = JSON.stringify(delivery);
    const altered = Buffer.from(body);
    altered[altered.indexOf('Quận')] = 'q'.charCodeAt(0);
    const cases: [string, string | Buffer, Record<string, string>][] = [
      ['signed with another secret', body, { 'x-hub-signature-256': sign(body, 'other-secret') }],
      ['missing', body, {}],
      ['sha1 only', body, { 'x-hub-signature': `sha1=${'0'.repeat(40)}` }],
      ['not hex', body, { 'x-hub-signature-256': 'sha256=zz' }],
      ['body altered by one byte', altered, { 'x-hub-signature-256': sign(body) }],
    ];
    for (const [name, sent, headers] of cases) {
      const outcome = await post(sent, headers);
      assert.equal(outcome.status, 401, name);
      assert.equal(outcome.stored.items, 0, name);
    }
    assert.deepEqual(await h.posts(), []);
    assert.ok(h.logs.some((line) => line.includes('missing')));
    assert.ok(!h.logs.join('\n').includes(APP_SECRET));
    assert.ok(!h.logs.join('\n').includes(VERIFY_TOKEN));
  });

  it('answers 400 to a signed body that is not JSON and 405 to other methods', async () => {
    const notJson = '{"object": "page", "entry": [';

    const bad = await post(notJson, { 'x-hub-signature-256': sign(notJson) });
    const put = await h.webhook('fbw', { method: 'PUT', body: '{}' });

    assert.equal(bad.status, 400);
    assert.equal(put.status, 405);
    assert.deepEqual(await h.posts(), []);
  });

  it('acknowledges deliveries for other objects without storing anything', async () => {
    const body = JSON.stringify({ object: 'instagram', entry: delivery.entry });

    const outcome = await post(body, { 'x-hub-signature-256': sign(body) });

    assert.equal(outcome.status, 200);
    assert.deepEqual(await h.posts(), []);
  });
});
