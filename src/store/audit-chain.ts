import { createHash } from 'node:crypto';
import type { AuditEntry, AuditVerification } from './audit.js';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers: everything but the hashes themselves. */
export type AuditContent = Omit<AuditEntry, 'hash' | 'prevHash'>;

/**
 * SHA-256 (hex) over `prevHash` followed by the canonical JSON of the entry: its fields in one
 * fixed order, absent ones as null, `details` with its keys sorted at every depth. The same bytes
 * come out whatever the database did to key order (PostgreSQL's jsonb sorts keys, JSON.parse moves
 * integer-like keys first), so every store computes and checks hashes with this one function.
 */
export function auditHash(prevHash: string, entry: AuditContent): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.at,
    [entry.actor.kind, entry.actor.id, entry.actor.name ?? null],
    entry.workspaceId ?? null,
    entry.action,
    entry.target ?? null,
    entry.address ?? null,
    sortKeys(entry.details),
  ]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  }
  return sorted;
}

/**
 * Why `entry` does not follow `previous` (undefined for the first entry), or undefined when it
 * does: its seq must be the next one, its `prevHash` the previous hash, its hash must recompute.
 */
export function checkAuditLink(
  previous: Pick<AuditEntry, 'seq' | 'hash'> | undefined,
  entry: AuditEntry,
): string | undefined {
  const expectedSeq = (previous?.seq ?? 0) + 1;
  if (entry.seq !== expectedSeq)
    return `seq ${entry.seq} follows ${expectedSeq - 1}: entries are missing`;
  if (entry.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
    return 'prevHash is not the hash of the entry before: an entry was removed or changed';
  }
  if (auditHash(entry.prevHash, entry) !== entry.hash) {
    return 'hash does not match the content: the entry was changed';
  }
  return undefined;
}

/** Walks entries in seq order and reports the first that breaks the chain. */
export function verifyAuditChain(entries: Iterable<AuditEntry>): AuditVerification {
  let previous: AuditEntry | undefined;
  let count = 0;
  for (const entry of entries) {
    const reason = checkAuditLink(previous, entry);
    if (reason !== undefined) return { isIntact: false, count, brokenAt: entry.seq, reason };
    previous = entry;
    count += 1;
  }
  return { isIntact: true, count };
}
