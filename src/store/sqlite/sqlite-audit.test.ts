import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import type { AuditInput } from '../audit.js';
import { auditHash } from '../audit-chain.js';
import { createSqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'langnghe-audit-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const entry = (n: number): AuditInput => ({
  actor: { kind: 'user', id: 'u-lan', name: 'lan' },
  workspaceId: 'q1',
  action: 'topic.update',
  target: `topic-${n}`,
  details: { n },
});

/** A file store holding five entries, closed, and a raw handle on its file. */
async function fiveEntries(): Promise<{ path: string; raw: Database.Database }> {
  const path = join(dir, `audit-${++files}.db`);
  const store = createSqliteStore({ path });
  for (let n = 1; n <= 5; n++) await store.audit.append(entry(n));
  await store.close();
  return { path, raw: new Database(path) };
}

/** What someone with the file and a SQLite shell could do: drop the guards, then edit. */
function tamper(raw: Database.Database, sql: string): void {
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
  raw.exec(sql);
  raw.close();
}

async function verify(path: string) {
  const store = createSqliteStore({ path });
  try {
    return await store.audit.verify();
  } finally {
    await store.close();
  }
}

test('the database itself refuses to change or delete an audit entry', async () => {
  const { path, raw } = await fiveEntries();
  assert.throws(() => raw.exec("UPDATE audit_log SET action = 'x' WHERE seq = 2"), /append-only/);
  assert.throws(() => raw.exec('DELETE FROM audit_log WHERE seq = 5'), /append-only/);
  assert.throws(() => raw.exec('DELETE FROM audit_log'), /append-only/);
  raw.close();
  assert.deepEqual(await verify(path), { isIntact: true, count: 5 });
});

test('verify finds an entry changed behind the triggers', async () => {
  const { path, raw } = await fiveEntries();
  tamper(raw, `UPDATE audit_log SET details = '{"n":33}' WHERE seq = 3`);
  const result = await verify(path);
  assert.equal(result.isIntact, false);
  assert.deepEqual(result.isIntact === false && [result.brokenAt, result.count], [3, 2]);
});

test("a forger who recomputes the changed entry's hash is caught at the next entry", async () => {
  const { path, raw } = await fiveEntries();
  const store = createSqliteStore({ path, readonly: true });
  const third = (await store.audit.search({ limit: 3 })).entries[2];
  await store.close();
  assert.ok(third !== undefined && third.seq === 3);
  const forged = { ...third, details: { n: 33 } };
  tamper(
    raw,
    `UPDATE audit_log SET details = '{"n":33}', hash = '${auditHash(forged.prevHash, forged)}'
     WHERE seq = 3`,
  );
  const result = await verify(path);
  assert.deepEqual(result.isIntact === false && [result.brokenAt, result.count], [4, 3]);
});

test('verify finds an entry removed from the middle or the start', async () => {
  const middle = await fiveEntries();
  tamper(middle.raw, 'DELETE FROM audit_log WHERE seq = 3');
  const result = await verify(middle.path);
  assert.deepEqual(result.isIntact === false && [result.brokenAt, result.count], [4, 2]);
  const start = await fiveEntries();
  tamper(start.raw, 'DELETE FROM audit_log WHERE seq = 1');
  const fromStart = await verify(start.path);
  assert.deepEqual(fromStart.isIntact === false && [fromStart.brokenAt, fromStart.count], [2, 0]);
});

test('an append after reopening chains to the last entry on file', async () => {
  const { path, raw } = await fiveEntries();
  raw.close();
  const store = createSqliteStore({ path });
  const sixth = await store.audit.append(entry(6));
  const [newest, previous] = (await store.audit.search({ limit: 2 })).entries;
  assert.equal(sixth.seq, 6);
  assert.equal(newest?.prevHash, previous?.hash);
  await store.close();
});
