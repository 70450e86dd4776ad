import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorCode, openApiHarness } from '../../test/api-harness.js';
import type { ApiHarness, Caller } from '../../test/api-harness.js';

const AT = '2026-11-23T07:00:00Z';
const NDJSON = { 'content-type': 'application/x-ndjson' };
const ndjson = (posts: object[]) => posts.map((p) => JSON.stringify(p)).join('\n');

/** Workspace A is `default`, B is `ubnd-q1`; both have admins with every right but pii:read. */
describe('workspace B and workspace A’s data', () => {
  let h: ApiHarness;
  let a: Caller;
  let b: Caller;
  let topicA: { id: string; name: string; query: string };
  let sourceA: string;
  before(async () => {
    h = await openApiHarness();
    a = h.tokens.default.admin;
    b = h.tokens['ubnd-q1'].owner;
    const created = await a.request({
      method: 'POST',
      url: '/api/topics',
      payload: { name: 'Kẹt xe', query: '"kẹt xe"' },
    });
    topicA = created.json();
    const source = await a.request({
      method: 'POST',
      url: '/api/sources',
      payload: { id: 'tin-a', kind: 'polled', config: { url: 'https://a.vn/rss' } },
    });
    assert.equal(source.statusCode, 201, source.body);
    sourceA = source.json().id;
    const ingested = await a.request({
      method: 'POST',
      url: '/api/ingest',
      headers: NDJSON,
      payload: ndjson([
        { id: 'm1', platform: 'zalo', kind: 'message', text: 'kẹt xe riêng tư', publishedAt: AT },
        { id: 'p1', platform: 'facebook', text: 'kẹt xe công khai', publishedAt: AT },
      ]),
    });
    assert.equal(ingested.json().inserted, 2, ingested.body);
  });
  after(() => h.close());

  const ids = async (caller: Caller, query = '') => {
    const res = await caller.request({ url: `/api/posts${query}` });
    assert.equal(res.statusCode, 200, res.body);
    return res
      .json()
      .hits.map((hit: { post: { id: string } }) => hit.post.id)
      .sort();
  };

  it("cannot read, change or delete A's topic: 404 for each, and A's topic is intact", async () => {
    const url = `/api/topics/${topicA.id}`;
    const answers = [
      await b.request({ url }),
      await b.request({ method: 'PATCH', url, payload: { name: 'Của B' } }),
      await b.request({ method: 'PATCH', url, payload: { query: 'bất kỳ' } }),
      await b.request({ method: 'DELETE', url }),
      await b.request({ url: `${url}/volume` }),
      await b.request({ method: 'POST', url: `${url}/backfill`, payload: {} }),
      await b.request({ url: `/api/posts?topic=${topicA.id}` }),
    ];
    for (const res of answers) {
      assert.equal(res.statusCode, 404, res.body);
      assert.equal(errorCode(res), 'store.not_found');
      assert.doesNotMatch(res.body, /Kẹt xe|kẹt xe/);
    }
    assert.deepEqual((await b.request({ url: '/api/topics' })).json().topics, []);
    const intact = (await a.request({ url })).json();
    assert.deepEqual([intact.name, intact.query], [topicA.name, topicA.query]);
  });

  it("cannot list, change, run, test or delete A's source, nor ingest through it", async () => {
    const url = `/api/sources/${sourceA}`;
    const answers = [
      await b.request({ method: 'PATCH', url, payload: { enabled: false } }),
      await b.request({ method: 'POST', url: `${url}/run` }),
      await b.request({ method: 'POST', url: `${url}/test` }),
      await b.request({ method: 'DELETE', url }),
    ];
    for (const res of answers) assert.equal(res.statusCode, 404, res.body);
    assert.deepEqual((await b.request({ url: '/api/sources' })).json().sources, []);
    const [listed] = (await a.request({ url: '/api/sources' })).json().sources;
    assert.deepEqual([listed.id, listed.enabled], [sourceA, true]);

    const posts = await h.store.countPosts();
    const through = await b.request({
      method: 'POST',
      url: `/api/ingest?sourceId=${sourceA}`,
      headers: NDJSON,
      payload: ndjson([{ id: 'b1', platform: 'news', text: 'giả mạo nguồn A', publishedAt: AT }]),
    });
    assert.equal(through.json().inserted, 0);
    assert.equal(through.json().errors[0].code, 'auth.forbidden');
    assert.equal(await h.store.countPosts(), posts);
  });

  it("never finds A's private message in B's search; A's search does; the public post is both's", async () => {
    assert.deepEqual(await ids(a), ['facebook:p1', 'zalo:m1']);
    assert.deepEqual(await ids(b), ['facebook:p1']);
    const q = `?q=${encodeURIComponent('"kẹt xe"')}`;
    assert.deepEqual(await ids(b, q), ['facebook:p1']);
    assert.deepEqual(await ids(b, `${q}&platform=zalo`), []);
    assert.deepEqual(
      await ids(h.members['ubnd-q1'].viewer, `?q=${encodeURIComponent('riêng')}`),
      [],
    );
    const test = await b.request({
      method: 'POST',
      url: '/api/topics/test',
      payload: { query: 'riêng' },
    });
    assert.equal(test.json().count, 0, "a topic test in B does not count A's private posts");
  });

  it("cannot read A's audit entries, even asking for all", async () => {
    for (const url of ['/api/audit?limit=1000', '/api/audit?all=true&limit=1000']) {
      const res = await b.request({ url });
      assert.equal(res.statusCode, 200, res.body);
      const entries: { workspaceId?: string; target?: string }[] = res.json().entries;
      assert.ok(
        entries.every((e) => e.workspaceId === 'ubnd-q1'),
        url,
      );
      assert.ok(!entries.some((e) => e.target === topicA.id), url);
    }
  });

  it("cannot erase A's private messages by naming their author", async () => {
    const posts = [
      { id: 'm2', platform: 'zalo', kind: 'message', text: 'thư riêng', publishedAt: AT },
    ].map((p) => ({ ...p, author: { id: 'cong-dan-1', name: 'Công dân' } }));
    await a.request({
      method: 'POST',
      url: '/api/ingest',
      headers: NDJSON,
      payload: ndjson(posts),
    });
    const erased = await b.request({
      method: 'POST',
      url: '/api/privacy/erase',
      payload: { platform: 'zalo', authorId: 'cong-dan-1' },
    });
    assert.equal(erased.statusCode, 200);
    assert.equal(erased.json().deleted, 0, "B's erasure reaches only what B may see");
    assert.ok(await h.store.getPost('zalo:m2'), "A's private message is still there");
  });
});
