import assert from 'node:assert/strict';
import type { Clock } from '../../core/clock.js';
import { createFixedClock } from '../../core/clock.js';
import { isLangngheError } from '../../core/errors.js';
import type { Store, StoredPost } from '../store.js';

/** What a contract test gets to build a fresh, empty store. */
export interface StoreDeps {
  /** The store must take createdAt/updatedAt and "last hour" from this clock. */
  clock: Clock;
}

export type MakeStore = (deps: StoreDeps) => Promise<Store>;

export interface StoreContractOptions {
  /**
   * Closes `store` and opens another on the same data (same file, same database). Without it the
   * persistence tests are skipped (e.g. for `:memory:`).
   */
  reopen?: (store: Store, deps: StoreDeps) => Promise<Store>;
}

export const T0 = Date.parse('2025-06-01T08:00:00.000Z');

/** A test clock and a way to run a test body against a fresh store that is closed afterwards. */
export function storeRunner(makeStore: MakeStore) {
  return async (
    body: (store: Store, clock: ReturnType<typeof createFixedClock>) => Promise<void>,
  ) => {
    const clock = createFixedClock(T0);
    const store = await makeStore({ clock });
    try {
      await body(store, clock);
    } finally {
      await store.close();
    }
  };
}

let serial = 0;

/** A minimal valid post; `publishedAt` defaults to T0 minus `minutesAgo` (default 0). */
export function makePost(
  overrides: Partial<StoredPost> & { minutesAgo?: number } = {},
): StoredPost {
  serial += 1;
  const { minutesAgo = 0, ...rest } = overrides;
  return {
    id: `facebook:${serial}`,
    platform: 'facebook',
    kind: 'post',
    text: `Bài viết số ${serial}`,
    publishedAt: new Date(T0 - minutesAgo * 60_000).toISOString(),
    collectedAt: new Date(T0).toISOString(),
    sourceId: 'src-test',
    ...rest,
  };
}

/** Asserts that a promise rejects with a LangngheError of the given code. */
export async function rejectsWithCode(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isLangngheError(error), `expected a LangngheError, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  });
}

export function ids(posts: readonly { id: string }[]): string[] {
  return posts.map((p) => p.id);
}
