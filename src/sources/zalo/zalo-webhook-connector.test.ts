import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { openSourceHarness } from '../../../test/sources/harness.js';
import type { SourceHarness } from '../../../test/sources/harness.js';
import { zaloWebhookConnector } from './zalo-webhook-connector.js';

const APP_ID = '360846524940903967';
const OA_SECRET = 'oa-secret-Xk29fj3KdLq0';
const OA_ID = '579745863508352884';
const USER_ID = '2512523625412515';

/** What Zalo computes: sha256 hex of appId + body + timestamp + OA secret key, as `mac=…`. */
function signed(body: string, timestamp: string, appId = APP_ID, secret = OA_SECRET): string {
  return `mac=${createHash('sha256').update(`${appId}${body}${timestamp}${secret}`).digest('hex')}`;
}

function userEvent(eventName: string, message: Record<string, unknown>, timestamp: string) {
  return JSON.stringify({
    app_id: APP_ID,
    user_id_by_app: '552177279717587730',
    event_name: eventName,
    timestamp,
    sender: { id: USER_ID },
    recipient: { id: OA_ID },
    message,
  });
}

describe('zalo-webhook connector', () => {
  let h: SourceHarness;
  let counter = 0;

  async function deliver(
    body: string,
    timestamp: string,
    headers?: Record<string, string>,
    method = 'POST',
  ) {
    return h.webhook('zalo-1', {
      method,
      headers: headers ?? { 'X-ZEvent-Signature': signed(body, timestamp) },
      body,
    });
  }

  async function postsById() {
    return new Map((await h.posts()).map((post) => [post.id, post]));
  }

  function nextTimestamp(): string {
    counter++;
    return String(Date.parse('2026-11-23T07:00:00Z') + counter * 1000);
  }

  before(async () => {
    h = await openSourceHarness([zaloWebhookConnector]);
    await h.addSource('zalo-webhook', { appId: APP_ID, oaSecretKey: OA_SECRET }, 'zalo-1');
  });
  after(() => h.close());

  it('stores a signed user_send_text as a message from the sender, at the event time', async () => {
    const timestamp = '1795417200000';
    const body = userEvent(
      'user_send_text',
      { msg_id: 'msgtext01', text: 'Đường ngập quá' },
      timestamp,
    );
    const outcome = await deliver(body, timestamp);
    assert.equal(outcome.status, 200);
    assert.equal(outcome.stored.inserted, 1);
    const post = (await postsById()).get('zalo:msgtext01');
    assert.ok(post);
    assert.equal(post.platform, 'zalo');
    assert.equal(post.kind, 'message');
    assert.equal(post.text, 'Đường ngập quá');
    assert.equal(post.author?.id, USER_ID);
    assert.equal(post.publishedAt, new Date(1795417200000).toISOString());
    assert.equal(post.sourceId, 'zalo-1');
  });

  it('describes attachments: image, link, location, sticker, file', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'user_send_image',
        {
          msg_id: 'msgimg01',
          text: 'Rác ở hẻm 12',
          attachments: [
            {
              type: 'image',
              payload: { thumbnail: 'https://t.zdn.vn/a.jpg', url: 'https://f.zdn.vn/a.jpg' },
            },
          ],
        },
        'Rác ở hẻm 12\n[ảnh] https://f.zdn.vn/a.jpg',
      ],
      [
        'user_send_link',
        {
          msg_id: 'msglink01',
          attachments: [
            {
              type: 'link',
              payload: {
                url: 'https://vnexpress.net/x',
                description: 'Kẹt xe',
                thumbnail: 'https://t/x.jpg',
              },
            },
          ],
        },
        '[liên kết] https://vnexpress.net/x Kẹt xe',
      ],
      [
        'user_send_location',
        {
          msg_id: 'msgloc01',
          attachments: [
            {
              type: 'location',
              payload: { coordinates: { latitude: '10.762622', longitude: '106.660172' } },
            },
          ],
        },
        '[vị trí] 10.762622,106.660172',
      ],
      [
        'user_send_sticker',
        {
          msg_id: 'msgstk01',
          attachments: [{ type: 'sticker', payload: { id: 'bfe2', url: 'https://s/1.png' } }],
        },
        '[nhãn dán] https://s/1.png',
      ],
      [
        'user_send_file',
        {
          msg_id: 'msgfile01',
          attachments: [
            { type: 'file', payload: { url: 'https://f/d.pdf', name: 'don.pdf', size: '1024' } },
          ],
        },
        '[tệp] don.pdf https://f/d.pdf',
      ],
      [
        'user_send_location',
        { msg_id: 'msgloc02', location: { latitude: 21.0285, longitude: 105.8542 } },
        '[vị trí] 21.0285,105.8542',
      ],
    ];
    for (const [eventName, message, expected] of cases) {
      const timestamp = nextTimestamp();
      const outcome = await deliver(userEvent(eventName, message, timestamp), timestamp);
      assert.equal(outcome.status, 200, eventName);
      const post = (await postsById()).get(`zalo:${String(message.msg_id)}`);
      assert.equal(post?.text, expected, eventName);
      assert.equal(post?.kind, 'message');
    }
  });

  it('stores an anonymous citizen message too', async () => {
    const timestamp = nextTimestamp();
    const body = userEvent(
      'anonymous_send_text',
      { msg_id: 'msganon01', text: 'Xin hỏi thủ tục' },
      timestamp,
    );
    assert.equal((await deliver(body, timestamp)).status, 200);
    assert.equal((await postsById()).get('zalo:msganon01')?.text, 'Xin hỏi thủ tục');
  });

  it('acknowledges OA messages, follow, unfollow and receipts without storing them', async () => {
    const before = (await h.posts()).length;
    const events = [
      JSON.stringify({
        app_id: APP_ID,
        event_name: 'oa_send_text',
        timestamp: nextTimestamp(),
        sender: { id: OA_ID },
        recipient: { id: USER_ID },
        message: { msg_id: 'oamsg01', text: 'Cảm ơn bạn' },
      }),
      JSON.stringify({
        app_id: APP_ID,
        oa_id: OA_ID,
        event_name: 'follow',
        timestamp: nextTimestamp(),
        follower: { id: USER_ID },
      }),
      JSON.stringify({
        app_id: APP_ID,
        oa_id: OA_ID,
        event_name: 'unfollow',
        timestamp: nextTimestamp(),
        follower: { id: USER_ID },
      }),
      JSON.stringify({
        app_id: APP_ID,
        event_name: 'user_seen_message',
        timestamp: nextTimestamp(),
        sender: { id: USER_ID },
        recipient: { id: OA_ID },
        message: { msg_ids: ['oamsg01'] },
      }),
    ];
    for (const body of events) {
      const timestamp = String((JSON.parse(body) as { timestamp: string }).timestamp);
      const outcome = await deliver(body, timestamp);
      assert.equal(outcome.status, 200, body);
      assert.equal(outcome.stored.items, 0);
    }
    assert.equal((await h.posts()).length, before);
  });

  it('stores a redelivered message once', async () => {
    const timestamp = nextTimestamp();
    const body = userEvent('user_send_text', { msg_id: 'msgdup01', text: 'Mất điện' }, timestamp);
    const first = await deliver(body, timestamp);
    const second = await deliver(body, timestamp);
    assert.equal(first.stored.inserted, 1);
    assert.equal(second.stored.inserted, 0);
    assert.equal((await h.posts()).filter((post) => post.id === 'zalo:msgdup01').length, 1);
  });

  it('refuses a missing, wrong, foreign or replayed-onto-another-body signature with 401', async () => {
    const before = (await h.posts()).length;
    const timestamp = nextTimestamp();
    const body = userEvent('user_send_text', { msg_id: 'msgforged', text: 'giả mạo' }, timestamp);
    const altered = body.replace('giả mạo', 'đã sửa');
    const attempts: Record<string, string>[] = [
      {},
      { 'X-ZEvent-Signature': '' },
      { 'X-ZEvent-Signature': 'mac=' + '0'.repeat(64) },
      { 'X-ZEvent-Signature': signed(body, timestamp, APP_ID, 'another-oa-secret') },
      { 'X-ZEvent-Signature': signed(body, timestamp, '111111111111111111') },
      { 'X-ZEvent-Signature': signed(body, String(Number(timestamp) + 1)) },
    ];
    for (const headers of attempts) {
      const outcome = await deliver(body, timestamp, headers);
      assert.equal(outcome.status, 401, JSON.stringify(headers));
      assert.equal(outcome.stored.items, 0);
    }
    const tampered = await deliver(altered, timestamp, {
      'X-ZEvent-Signature': signed(body, timestamp),
    });
    assert.equal(tampered.status, 401);
    assert.equal((await h.posts()).length, before);
  });

  it('accepts the mac in upper case or without the mac= prefix', async () => {
    const timestamp = nextTimestamp();
    const body = userEvent('user_send_text', { msg_id: 'msgcase01', text: 'Chữ hoa' }, timestamp);
    const hex = signed(body, timestamp).slice('mac='.length);
    assert.equal(
      (await deliver(body, timestamp, { 'X-ZEvent-Signature': hex.toUpperCase() })).status,
      200,
    );
    assert.equal(
      (await deliver(body, timestamp, { 'X-ZEvent-Signature': `MAC=${hex}` })).status,
      200,
    );
  });

  it('answers 400 to malformed JSON, an empty body or a non-event, storing nothing', async () => {
    const before = (await h.posts()).length;
    for (const body of ['{"event_name": "user_send_text", ', '', '[]', '{"foo": 1}']) {
      const outcome = await deliver(body, '', { 'X-ZEvent-Signature': signed(body, '') });
      assert.equal(outcome.status, 400, JSON.stringify(body));
      assert.equal(outcome.stored.items, 0);
    }
    assert.equal((await h.posts()).length, before);
  });

  it('answers 405 to anything but POST', async () => {
    const timestamp = nextTimestamp();
    const body = userEvent('user_send_text', { msg_id: 'msgget01', text: 'x' }, timestamp);
    assert.equal((await deliver(body, timestamp, undefined, 'GET')).status, 405);
  });

  it('keeps every digit of ids Zalo would send as long JSON numbers', async () => {
    const timestamp = nextTimestamp();
    const body = `{"app_id":${APP_ID},"event_name":"user_send_text","timestamp":"${timestamp}","sender":{"id":8189000477219660231},"recipient":{"id":${OA_ID}},"message":{"msg_id":"msglong01","text":"Số dài"}}`;
    assert.equal((await deliver(body, timestamp)).status, 200);
    assert.equal((await postsById()).get('zalo:msglong01')?.author?.id, '8189000477219660231');
  });

  it('acknowledges a signed user message that has no msg_id, storing nothing', async () => {
    const timestamp = nextTimestamp();
    const body = userEvent('user_send_text', { text: 'không có id' }, timestamp);
    const outcome = await deliver(body, timestamp);
    assert.equal(outcome.status, 200);
    assert.equal(outcome.stored.items, 0);
  });

  it('never writes the OA secret key to the logs', () => {
    assert.ok(h.logs.every((line) => !line.includes(OA_SECRET)));
  });
});
