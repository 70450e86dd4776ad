import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditEntry } from './audit.js';
import type { AuditContent } from './audit-chain.js';
import { GENESIS_HASH, auditHash, checkAuditLink, verifyAuditChain } from './audit-chain.js';

const content: AuditContent = {
  seq: 1,
  at: '2025-06-01T08:00:00.000Z',
  actor: { kind: 'user', id: 'u-lan', name: 'lan' },
  workspaceId: 'q1',
  action: 'topic.update',
  target: 'topic-1',
  details: { name: 'Ngập', query: { before: 'ngập', after: 'ngập OR lụt' } },
};

function chain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let seq = 1; seq <= length; seq++) {
    const prevHash = entries.at(-1)?.hash ?? GENESIS_HASH;
    const next = { ...content, seq };
    entries.push({ ...next, prevHash, hash: auditHash(prevHash, next) });
  }
  return entries;
}

test('hashes the same content to the same value whatever the key order of details', () => {
  const reordered = {
    ...content,
    details: { query: { after: 'ngập OR lụt', before: 'ngập' }, name: 'Ngập' },
  };
  assert.equal(auditHash(GENESIS_HASH, reordered), auditHash(GENESIS_HASH, content));
  assert.match(auditHash(GENESIS_HASH, content), /^[0-9a-f]{64}$/);
});

test('every field and the previous hash change the hash', () => {
  const base = auditHash(GENESIS_HASH, content);
  const variants: AuditContent[] = [
    { ...content, seq: 2 },
    { ...content, at: '2025-06-01T08:00:00.001Z' },
    { ...content, actor: { kind: 'token', id: 'u-lan', name: 'lan' } },
    { ...content, actor: { kind: 'user', id: 'u-lan' } },
    { ...content, workspaceId: undefined },
    { ...content, action: 'topic.delete' },
    { ...content, target: undefined },
    { ...content, address: '203.113.1.7' },
    { ...content, details: {} },
  ];
  for (const variant of variants) assert.notEqual(auditHash(GENESIS_HASH, variant), base);
  assert.notEqual(auditHash('f'.repeat(64), content), base);
});

test('an absent field and an empty one hash differently', () => {
  assert.notEqual(
    auditHash(GENESIS_HASH, { ...content, target: '' }),
    auditHash(GENESIS_HASH, { ...content, target: undefined }),
  );
});

test('verifies a chain and names the first broken link', () => {
  assert.deepEqual(verifyAuditChain(chain(4)), { isIntact: true, count: 4 });
  assert.deepEqual(verifyAuditChain([]), { isIntact: true, count: 0 });
  const changed = chain(4).map((e) => (e.seq === 3 ? { ...e, target: 'topic-2' } : e));
  assert.deepEqual(
    [verifyAuditChain(changed)].map((r) => !r.isIntact && [r.brokenAt, r.count]),
    [[3, 2]],
  );
  const gap = chain(4).filter((e) => e.seq !== 2);
  const result = verifyAuditChain(gap);
  assert.equal(!result.isIntact && result.brokenAt, 3);
});

test('checks one link at a time for stores that walk the log in pages', () => {
  const [first, second] = chain(2);
  assert.ok(first !== undefined && second !== undefined);
  assert.equal(checkAuditLink(undefined, first), undefined);
  assert.equal(checkAuditLink(first, second), undefined);
  assert.match(checkAuditLink(undefined, second) ?? '', /seq/);
  assert.match(checkAuditLink(first, { ...second, prevHash: GENESIS_HASH }) ?? '', /prevHash/);
});
