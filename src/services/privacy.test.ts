import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LangngheError } from '../core/errors.js';
import { memberScope, openApp } from '../../test/services/harness.js';
import type { AppHarness } from '../../test/services/harness.js';
import type { MatchedEvent } from './app.js';
import { parseRetention } from './privacy.js';

const DAY = 86_400_000;
const PHONE = '0901 234 567';
const MASKED_PHONE = '•••• ••• •••';
const COMPLAINT = `Nhà em ngập tới gối, ai giúp gọi ${PHONE} với`;

async function withApp(run: (h: AppHarness) => Promise<void>): Promise<void> {
  const h = await openApp();
  try {
    await run(h);
  } finally {
    await h.close();
  }
}

const daysAgo = (h: AppHarness, days: number): string =>
  new Date(h.clock.now() - days * DAY).toISOString();

/** Live listeners are called once the post has been presented (masked or audited). */
const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('eraseAuthor', () => {
  it("deletes exactly that author's posts on that platform, with their matches, and audits it", () =>
    withApp(async (h) => {
      const { app, system } = h;
      const admin = await memberScope(h, { login: 'lan', workspaceId: 'default', role: 'admin' });
      const topic = await app.createTopic(system, { name: 'Ngập', query: 'ngập' });
      await app.ingest(system, [
        { id: 'f1', platform: 'facebook', author: 'u-1', text: 'ngập một' },
        { id: 'f2', platform: 'facebook', author: { id: 'u-1', name: 'A' }, text: 'ngập hai' },
        { id: 'f3', platform: 'facebook', author: 'u-2', text: 'ngập ba' },
        { id: 'y1', platform: 'youtube', author: 'u-1', text: 'ngập bốn' },
      ]);
      const result = await app.privacy.eraseAuthor(admin, {
        platform: 'facebook',
        authorId: 'u-1',
      });
      assert.deepEqual(result, { deleted: 2 });
      assert.deepEqual(
        (await h.store.getPosts(['facebook:f1', 'facebook:f2', 'facebook:f3', 'youtube:y1'])).map(
          (p) => p.id,
        ),
        ['facebook:f3', 'youtube:y1'],
      );
      assert.equal((await app.listTopics(system))[0]?.count, 2);
      assert.deepEqual(
        (await app.search(system, { topicId: topic.id })).hits.map((hit) => hit.post.id).sort(),
        ['facebook:f3', 'youtube:y1'],
      );
      const [entry] = (await h.store.audit.search({ action: 'privacy.erase_author' })).entries;
      assert.equal(entry?.actor.id, admin.principal.id);
      assert.equal(entry?.workspaceId, 'default');
      assert.equal(entry?.target, 'facebook:u-1');
      assert.deepEqual(entry?.details, { deleted: 2 });
    }));

  it('needs data:erase and an author id', () =>
    withApp(async (h) => {
      const analyst = await memberScope(h, {
        login: 'lan',
        workspaceId: 'default',
        role: 'analyst',
      });
      await assert.rejects(
        h.app.privacy.eraseAuthor(analyst, { platform: 'facebook', authorId: 'u-1' }),
        { code: 'auth.forbidden', message: /lacks data:erase/ },
      );
      await assert.rejects(
        h.app.privacy.eraseAuthor(h.system, { platform: 'facebook', authorId: '  ' }),
        { code: 'input.invalid' },
      );
    }));
});

describe('applyRetention', () => {
  it('deletes only posts older than the policy of their platform, and audits it', () =>
    withApp(async (h) => {
      const { app, system } = h;
      await app.ingest(system, [
        { id: 'old', platform: 'facebook', text: 'cũ', publishedAt: daysAgo(h, 91) },
        { id: 'new', platform: 'facebook', text: 'mới', publishedAt: daysAgo(h, 89) },
        { id: 'old', platform: 'zalo', text: 'cũ', publishedAt: daysAgo(h, 31) },
        { id: 'new', platform: 'zalo', text: 'mới', publishedAt: daysAgo(h, 29) },
        { id: 'ancient', platform: 'youtube', text: 'rất cũ', publishedAt: daysAgo(h, 400) },
      ]);
      const policy = parseRetention('facebook=90,zalo=30');
      assert.deepEqual(await app.privacy.applyRetention(system, policy), {
        deleted: { facebook: 1, zalo: 1 },
      });
      assert.deepEqual((await app.search(system, {})).hits.map((hit) => hit.post.id).sort(), [
        'facebook:new',
        'youtube:ancient',
        'zalo:new',
      ]);
      const entries = (await h.store.audit.search({ action: 'privacy.retention' })).entries;
      assert.equal(entries.length, 1);
      assert.deepEqual(entries[0]?.details, {
        deleted: { facebook: 1, zalo: 1 },
        policy: { facebook: 90, zalo: 30 },
      });
      assert.deepEqual(await app.privacy.applyRetention(system, policy), { deleted: {} });
      assert.equal((await h.store.audit.search({ action: 'privacy.retention' })).entries.length, 1);
    }));
});

describe('parseRetention', () => {
  it('reads platform=days pairs, spaces allowed, and nothing from an empty text', () => {
    assert.deepEqual(parseRetention(' facebook = 90 , zalo=30,'), { facebook: 90, zalo: 30 });
    assert.deepEqual(parseRetention(''), {});
  });

  it('names the part that is not platform=days', () => {
    for (const part of ['facebook', 'facebook=0', 'facebook=1.5', 'facebook=abc', 'myspace=3']) {
      assert.throws(
        () => parseRetention(`zalo=30,${part}`),
        (error: unknown) => {
          assert.ok(error instanceof LangngheError);
          assert.equal(error.code, 'config.invalid');
          assert.ok(error.message.includes(`"${part}" is not platform=days`), error.message);
          return true;
        },
        part,
      );
    }
  });
});

describe('personal data in what posts show', () => {
  it('masks a phone number in search hits for a viewer, keeping highlights in place', () =>
    withApp(async (h) => {
      const { app, system } = h;
      await app.ingest(system, [
        {
          id: 'c1',
          platform: 'facebook',
          text: COMPLAINT,
          author: { id: 'u-1', name: `Bán nhà ${PHONE}` },
        },
      ]);
      const viewer = await memberScope(h, { login: 'hoa', workspaceId: 'default', role: 'viewer' });
      const [hit] = (await app.search(viewer, { q: 'gối' })).hits;
      assert.equal(hit?.post.text, COMPLAINT.replace(PHONE, MASKED_PHONE));
      assert.deepEqual(hit?.post.author, { id: 'u-1', name: `Bán nhà ${MASKED_PHONE}` });
      const mark = hit!.explanation!.hits[0]!;
      assert.equal(hit!.post.text.slice(mark.start, mark.end), 'gối');
      assert.deepEqual((await h.store.audit.search({ action: 'pii.view' })).entries, []);
    }));

  it('shows it to a member with pii:read and records the view', () =>
    withApp(async (h) => {
      const { app, system } = h;
      await app.ingest(system, [
        { id: 'c1', platform: 'facebook', text: COMPLAINT },
        { id: 'c2', platform: 'facebook', text: 'Nhà em cũng ngập tới gối' },
      ]);
      const reader = await memberScope(h, {
        login: 'lan',
        workspaceId: 'default',
        role: 'viewer',
        canReadPii: true,
      });
      const hits = (await app.search(reader, { q: 'gối' })).hits;
      assert.equal(hits.find((hit) => hit.post.id === 'facebook:c1')?.post.text, COMPLAINT);
      const [entry] = (await h.store.audit.search({ action: 'pii.view' })).entries;
      assert.equal(entry?.actor.id, reader.principal.id);
      assert.equal(entry?.workspaceId, 'default');
      assert.deepEqual(entry?.details, { via: 'posts.search', posts: ['facebook:c1'], count: 1 });
    }));

  it('masks topic test samples for a viewer and shows them, audited, for pii:read', () =>
    withApp(async (h) => {
      const { app, system } = h;
      await app.ingest(system, [{ id: 'c1', platform: 'facebook', text: COMPLAINT }]);
      const viewer = await memberScope(h, { login: 'hoa', workspaceId: 'default', role: 'viewer' });
      const masked = await app.testTopic(viewer, { query: 'ngập' });
      assert.equal(masked.sample[0]?.post.text, COMPLAINT.replace(PHONE, MASKED_PHONE));
      const shown = await app.testTopic(system, { query: 'ngập' });
      assert.equal(shown.sample[0]?.post.text, COMPLAINT);
      const [entry] = (await h.store.audit.search({ action: 'pii.view' })).entries;
      assert.deepEqual(entry?.details, { via: 'topic.test', posts: ['facebook:c1'], count: 1 });
      assert.equal(entry?.actor.kind, 'system');
    }));

  it('streams masked posts to a viewer and whole ones, audited, to pii:read', () =>
    withApp(async (h) => {
      const { app, system } = h;
      const viewer = await memberScope(h, { login: 'hoa', workspaceId: 'default', role: 'viewer' });
      const reader = await memberScope(h, {
        login: 'lan',
        workspaceId: 'default',
        role: 'analyst',
        canReadPii: true,
      });
      await app.createTopic(system, { name: 'Ngập', query: 'ngập' });
      const toViewer: MatchedEvent[] = [];
      const toReader: MatchedEvent[] = [];
      app.onMatched(viewer, (event) => toViewer.push(event));
      app.onMatched(reader, (event) => toReader.push(event));
      await app.ingest(system, [{ id: 'c1', platform: 'facebook', text: COMPLAINT }]);
      await settled();
      assert.equal(toViewer[0]?.post.text, COMPLAINT.replace(PHONE, MASKED_PHONE));
      assert.equal(toReader[0]?.post.text, COMPLAINT);
      const entries = (await h.store.audit.search({ action: 'pii.view' })).entries;
      assert.deepEqual(
        entries.map((e) => [e.actor.id, e.details.via]),
        [[reader.principal.id, 'live.stream']],
      );
    }));
});
