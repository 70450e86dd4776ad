import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openSourceHarness } from '../../../test/sources/harness.js';
import type { SourceHarness } from '../../../test/sources/harness.js';
import { MAX_LISTED_ERRORS } from './read-ndjson.js';
import { webhookConnector } from './webhook-connector.js';

const TOKEN = 'tok-5d1c8e0a9b7f4e21a3c6';

function ndjson(...lines: unknown[]): string {
  return lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');
}

describe('webhook connector (NDJSON door)', () => {
  let h: SourceHarness;

  function send(sourceId: string, body: string, headers?: Record<string, string>, method = 'POST') {
    return h.webhook(sourceId, {
      method,
      headers: headers ?? { Authorization: `Bearer ${TOKEN}` },
      body,
    });
  }

  async function post(id: string) {
    return (await h.posts()).find((p) => p.id === id);
  }

  before(async () => {
    h = await openSourceHarness([webhookConnector]);
    await h.addSource('webhook', { token: TOKEN }, 'hook-1');
    await h.addSource(
      'webhook',
      { token: TOKEN, platform: 'forum', kind: 'comment' },
      'hook-forum',
    );
  });
  after(() => h.close());

  it('stores each valid line under the source platform and answers 200 with the count', async () => {
    const body = ndjson(
      {
        id: 'a1',
        text: 'Cầu Rồng sửa chữa',
        title: 'Thông báo',
        url: 'https://example.vn/a1',
        publishedAt: '2026-11-22T10:00:00+07:00',
        author: { id: 'u9', name: 'Ban quản lý' },
        engagement: { likes: 3 },
      },
      { externalId: 77, text: 'Hàng thứ hai', author: 'Lan' },
      '',
    );
    const outcome = await send('hook-1', body);
    assert.equal(outcome.status, 200);
    assert.deepEqual(outcome.body, { accepted: 2, errors: [] });
    const first = await post('import:a1');
    assert.equal(first?.kind, 'post');
    assert.equal(first?.title, 'Thông báo');
    assert.equal(first?.url, 'https://example.vn/a1');
    assert.equal(first?.publishedAt, '2026-11-22T03:00:00.000Z');
    assert.deepEqual(first?.author, { id: 'u9', name: 'Ban quản lý' });
    assert.equal(first?.engagement?.likes, 3);
    assert.equal(first?.sourceId, 'hook-1');
    assert.deepEqual((await post('import:77'))?.author, { id: 'Lan', name: 'Lan' });
  });

  it("uses the configured platform and kind, a line's own kind winning", async () => {
    const outcome = await send(
      'hook-forum',
      ndjson(
        { id: 'f1', text: 'Bình luận' },
        { id: 'f2', text: 'Bài', kind: 'post', platform: 'x' },
      ),
    );
    assert.equal(outcome.status, 200);
    assert.equal((await post('forum:f1'))?.kind, 'comment');
    assert.equal((await post('forum:f2'))?.kind, 'post');
    assert.equal(await post('x:f2'), undefined);
  });

  it('reports bad lines by number and still stores the good ones', async () => {
    const body = ndjson(
      { id: 'ok1', text: 'Tốt' },
      '{"id": "broken", "text": ',
      { text: 'không có id' },
      [1, 2],
      { id: 'bad-date', text: 'x', publishedAt: 'not a date' },
      { id: 'bad-url', text: 'x', url: 'javascript:alert(1)' },
      { id: 'empty', text: '   ' },
      { id: 'bad-kind', text: 'x', kind: 'tweet' },
    );
    const outcome = await send('hook-1', body);
    assert.equal(outcome.status, 200);
    const answer = outcome.body as {
      accepted: number;
      errors: { line: number; message: string }[];
    };
    assert.equal(answer.accepted, 1);
    assert.deepEqual(
      answer.errors.map((e) => e.line),
      [2, 3, 4, 5, 6, 7, 8],
    );
    assert.match(answer.errors[0]!.message, /not valid JSON/);
    assert.match(answer.errors[1]!.message, /id or externalId is required/);
    assert.match(answer.errors[2]!.message, /not a JSON object/);
    assert.match(answer.errors[3]!.message, /publishedAt/);
    assert.match(answer.errors[4]!.message, /url/);
    assert.match(answer.errors[5]!.message, /empty/);
    assert.match(answer.errors[6]!.message, /kind/);
    assert.ok(await post('import:ok1'));
    assert.equal(await post('import:bad-date'), undefined);
  });

  it('answers 400 and stores nothing when no line is good', async () => {
    const before = (await h.posts()).length;
    const outcome = await send('hook-1', ndjson('nope', { text: 'no id' }));
    assert.equal(outcome.status, 400);
    assert.equal((outcome.body as { accepted: number }).accepted, 0);
    assert.equal((await h.posts()).length, before);
  });

  it('answers 400 to an empty body', async () => {
    for (const body of ['', '\n\n  \n']) {
      const outcome = await send('hook-1', body);
      assert.equal(outcome.status, 400);
      assert.deepEqual(outcome.body, {
        accepted: 0,
        errors: [{ line: 0, message: 'The body is empty: send one JSON object per line (NDJSON)' }],
      });
    }
  });

  it('caps the listed errors and counts the rest', async () => {
    const lines = Array.from({ length: MAX_LISTED_ERRORS + 5 }, () => 'x');
    const outcome = await send('hook-1', ndjson(...lines));
    const answer = outcome.body as { errors: unknown[]; rejected: number };
    assert.equal(answer.errors.length, MAX_LISTED_ERRORS);
    assert.equal(answer.rejected, MAX_LISTED_ERRORS + 5);
  });

  it('stores a line sent twice (in one body or two) once, the later winning', async () => {
    const body = ndjson({ id: 'd1', text: 'bản đầu' }, { id: 'd1', text: 'bản sau' });
    const first = await send('hook-1', body);
    assert.equal(first.stored.items, 1);
    const second = await send('hook-1', body);
    assert.equal(second.stored.inserted, 0);
    assert.equal((await h.posts()).filter((p) => p.id === 'import:d1').length, 1);
    assert.equal((await post('import:d1'))?.text, 'bản sau');
  });

  it('accepts CRLF line ends and a byte order mark', async () => {
    const outcome = await send(
      'hook-1',
      `\uFEFF${JSON.stringify({ id: 'crlf1', text: 'a' })}\r\n${JSON.stringify({ id: 'crlf2', text: 'b' })}\r\n`,
    );
    assert.equal(outcome.status, 200);
    assert.equal((outcome.body as { accepted: number }).accepted, 2);
  });

  it('refuses a missing or wrong token with 401 and stores nothing', async () => {
    const before = (await h.posts()).length;
    const body = ndjson({ id: 'sneaky', text: 'x' });
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: `Bearer ${TOKEN}x` },
      { Authorization: `Bearer ${TOKEN.slice(0, -1)}` },
      { Authorization: TOKEN },
      { Authorization: `Basic ${TOKEN}` },
    ];
    for (const headers of attempts) {
      const outcome = await send('hook-1', body, headers);
      assert.equal(outcome.status, 401, JSON.stringify(headers));
      assert.equal(outcome.stored.items, 0);
    }
    assert.equal((await h.posts()).length, before);
  });

  it('answers 405 to anything but POST', async () => {
    assert.equal((await send('hook-1', '', undefined, 'GET')).status, 405);
    assert.equal((await send('hook-1', '', undefined, 'PUT')).status, 405);
  });

  it('refuses a token shorter than 16 characters when the source runs', async () => {
    await h.addSource('webhook', { token: 'short' }, 'hook-weak');
    await assert.rejects(
      send('hook-weak', ndjson({ id: 'w', text: 'x' }), { Authorization: 'Bearer short' }),
      (error: Error & { code?: string }) =>
        error.code === 'source.config' && /16/.test(error.message),
    );
  });

  it('never writes the token to the logs', () => {
    assert.ok(h.logs.every((line) => !line.includes(TOKEN)));
  });
});
