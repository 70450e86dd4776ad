import type { Database } from 'better-sqlite3';
import { foldText } from '../../nlp/fold.js';
import { keyBucket, nextTimeKey, timeBucket } from './time-key.js';

const PAGE = 2_000;

interface StoredText {
  seq: number;
  id: string;
  title: string | null;
  text: string;
  author_name: string | null;
  published_at: string;
}

/**
 * The folded text the index holds for a post: title, line break, text; and the author's name.
 * The same folding upsertPosts applies when the pipeline gives no `folded` hint.
 */
export function foldedBody(title: string | null | undefined, text: string): string {
  return foldText(title ? `${title}\n${text}` : text);
}

/**
 * Gives every stored post a time key and indexes its text in posts_text under that key, oldest
 * first (keys ascending, so FTS5 appends instead of flushing on every step back). The old index is
 * contentless, so the text is folded again from the posts rows. For schema version 3; runs inside
 * the migration's transaction, in pages so no statement iterates while another writes.
 */
export function indexPostsByTime(db: Database): number {
  const page = db.prepare(
    `SELECT seq, id, title, text, author_name, published_at FROM posts
     WHERE (published_at, id) > (?, ?) ORDER BY published_at, id LIMIT ?`,
  );
  const setKey = db.prepare('UPDATE posts SET time_key = ? WHERE seq = ?');
  const index = db.prepare('INSERT INTO posts_text (rowid, body, author) VALUES (?, ?, ?)');
  let after = { publishedAt: '', id: '' };
  let last: bigint | null = null;
  let count = 0;
  for (;;) {
    const rows = page.all(after.publishedAt, after.id, PAGE) as StoredText[];
    for (const row of rows) {
      const bucket = timeBucket(row.published_at);
      last = nextTimeKey(bucket, last !== null && keyBucket(last) === bucket ? last : null);
      setKey.run(last, row.seq);
      const author = row.author_name === null ? null : foldText(row.author_name);
      index.run(last, foldedBody(row.title, row.text), author);
    }
    count += rows.length;
    const end = rows.at(-1);
    if (end === undefined || rows.length < PAGE) return count;
    after = { publishedAt: end.published_at, id: end.id };
  }
}
