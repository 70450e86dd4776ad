/**
 * Posts and their matches commit together: an import killed at a random moment leaves no stored
 * post without its matches, and the re-run completes both.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePostStream } from '../src/demo/index.js';
import { createTopicRegistry } from '../src/pipeline/topic-registry.js';
import { prepareDoc } from '../src/query/index.js';
import { createSqliteStore } from '../src/store/index.js';
import type { Store } from '../src/store/index.js';
import { startCli, waitFor } from './helpers.js';

const COUNT = 8_000;
const TOPICS = [
  ['flood', 'ngập OR "triều cường"'],
  ['traffic', '"kẹt xe" OR "ùn tắc" OR "tai nạn"'],
  ['waste', 'rác'],
] as const;

/** Every stored post's matches as recorded, and as the matcher says they should be. */
async function audit(store: Store): Promise<{ posts: number; missing: string[]; extra: string[] }> {
  const registry = createTopicRegistry();
  for (const topic of await store.listTopics('default')) registry.setTopic(topic);
  const recorded = new Set<string>();
  for (const [id] of TOPICS) {
    let cursor: string | undefined;
    do {
      const page = await store.searchPosts({ topicId: id, limit: 500, cursor });
      for (const post of page.posts) recorded.add(`${post.id} ${id}`);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }
  const expected = new Set<string>();
  let posts = 0;
  let cursor: string | undefined;
  do {
    const page = await store.scanPosts({ limit: 2_000, cursor });
    for (const post of page.posts) {
      posts++;
      for (const id of registry.match(prepareDoc(post))) expected.add(`${post.id} ${id}`);
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return {
    posts,
    missing: [...expected].filter((m) => !recorded.has(m)),
    extra: [...recorded].filter((m) => !expected.has(m)),
  };
}

async function withStore<T>(dataDir: string, body: (store: Store) => Promise<T>): Promise<T> {
  const store = createSqliteStore({ path: join(dataDir, 'langnghe.sqlite') });
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

test(
  'a process killed mid-ingest leaves every stored post with its matches',
  { timeout: 240_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'langnghe-match-crash-'));
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir, { mode: 0o700 });
    const file = join(dir, 'posts.jsonl');
    const lines: string[] = [];
    for (const post of generatePostStream({
      seed: 7,
      count: COUNT,
      endMs: Date.UTC(2026, 10, 23),
      spanMs: 3 * 24 * 3600_000,
    }))
      lines.push(JSON.stringify(post));
    writeFileSync(file, `${lines.join('\n')}\n`);
    await withStore(dataDir, async (store) => {
      for (const [id, query] of TOPICS)
        await store.createTopic({ id, workspaceId: 'default', name: id, query });
    });

    // Three kills at random moments: mid-transaction as likely as between two batches.
    let afterCrash = { posts: 0, missing: [] as string[], extra: [] as string[] };
    for (const threshold of [1_000, 2_500, 4_000]) {
      const running = startCli(['import', file, '--data-dir', dataDir, '--batch', '100']);
      await waitFor(
        async () => {
          try {
            const store = createSqliteStore({
              path: join(dataDir, 'langnghe.sqlite'),
              readonly: true,
            });
            try {
              return (await store.countPosts()) >= threshold ? true : undefined;
            } finally {
              await store.close();
            }
          } catch {
            return undefined;
          }
        },
        120_000,
        `the import to store ${threshold} posts (stderr: ${running.stderr()})`,
      );
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 40)));
      running.child.kill('SIGKILL');
      await running.exited;
      afterCrash = await withStore(dataDir, audit);
      assert.ok(afterCrash.posts < COUNT, `killed midway (${afterCrash.posts})`);
      assert.deepEqual(afterCrash.missing, [], 'no stored post is missing a match');
      assert.deepEqual(afterCrash.extra, []);
    }

    const second = startCli(['import', file, '--data-dir', dataDir, '--batch', '500']);
    assert.equal(await second.exited, 0, second.stderr());
    const done = await withStore(dataDir, audit);
    assert.ok(done.posts > afterCrash.posts);
    assert.deepEqual(done.missing, []);
    assert.deepEqual(done.extra, []);
    const matched = await withStore(dataDir, async (store) => store.topicCounts('default'));
    assert.ok(
      matched.every((t) => t.count > 0),
      JSON.stringify(matched),
    );
  },
);
