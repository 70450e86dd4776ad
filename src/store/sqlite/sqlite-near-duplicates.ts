import type { Database } from 'better-sqlite3';
import { LangngheError } from '../../core/errors.js';
import { EMPTY_SIMHASH, hammingDistance } from '../../nlp/simhash.js';

/** Two hashes within this many bits are near-duplicates (4 bands of 16 bits: one band agrees). */
const MAX_DISTANCE = 3;
/** First occurrences remembered (the newest); older ones are forgotten, as reposts come early. */
const MAX_REMEMBERED = 100_000;
/** Prune once this many rows beyond the bound have accumulated, not on every write. */
const PRUNE_SLACK_ROWS = 10_000;
const HEX64 = /^[0-9a-f]{16}$/;

/**
 * Near-duplicate lookup by SimHash in the database, so links survive a restart and every writer
 * shares them: each first occurrence leaves a row with its 4 bands of 16 bits indexed; a
 * candidate shares at least one band with any hash within 3 bits (pigeonhole), and the closest
 * one wins (the newest on a tie), as the in-memory `createSimhashIndex` does. Private posts only
 * meet posts of the same workspace, so a link never reveals another workspace's post.
 */
export function createSqliteNearDuplicates(db: Database) {
  const candidates = db.prepare(
    `SELECT seq, post_id AS postId, hash FROM near_duplicates
     WHERE (b0 = ? OR b1 = ? OR b2 = ? OR b3 = ?) AND visibility = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO near_duplicates (b0, b1, b2, b3, visibility, post_id, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const newest = db.prepare('SELECT MAX(seq) FROM near_duplicates').pluck();
  const prune = db.prepare('DELETE FROM near_duplicates WHERE seq <= ?');
  let added = 0;

  function bandsOf(hash: string, index: number): number[] {
    if (typeof hash !== 'string' || !HEX64.test(hash)) {
      throw new LangngheError('store.invalid', `Post ${index} cannot be stored: bad simhash`, {
        details: { index },
      });
    }
    return [0, 4, 8, 12].map((at) => parseInt(hash.slice(at, at + 4), 16));
  }

  return {
    /** The closest remembered first occurrence within 3 bits, if any. */
    find(hash: string, privateTo: string | undefined, index: number): string | undefined {
      const bands = bandsOf(hash, index);
      if (hash === EMPTY_SIMHASH) return undefined;
      let best: { postId: string; distance: number; seq: number } | undefined;
      const rows = candidates.all(...bands, privateTo ?? '') as {
        seq: number;
        postId: string;
        hash: string;
      }[];
      for (const row of rows) {
        const distance = hammingDistance(hash, row.hash);
        if (distance > MAX_DISTANCE) continue;
        if (
          best === undefined ||
          distance < best.distance ||
          (distance === best.distance && row.seq > best.seq)
        )
          best = { postId: row.postId, distance, seq: row.seq };
      }
      return best?.postId;
    },

    /** Remembers a first occurrence. */
    add(postId: string, hash: string, privateTo: string | undefined): void {
      if (hash === EMPTY_SIMHASH) return;
      insert.run(...bandsOf(hash, 0), privateTo ?? '', postId, hash);
      added++;
    },

    /** Forgets all but the newest first occurrences, now and then. */
    prune(): void {
      if (added < PRUNE_SLACK_ROWS) return;
      added = 0;
      const top = newest.get() as number | null;
      if (top !== null) prune.run(top - MAX_REMEMBERED);
    },
  };
}
