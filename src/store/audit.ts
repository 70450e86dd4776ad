/** Who did something, as the audit log records it. */
export interface AuditActor {
  kind: 'user' | 'token' | 'system' | 'anonymous';
  /** User id, token id, `system`, or the login tried for a failed login. */
  id: string;
  name?: string;
}

/** One thing to record. */
export interface AuditInput {
  actor: AuditActor;
  /** The workspace it happened in; absent for install-wide actions (login, user creation). */
  workspaceId?: string;
  /** Stable dotted name: `auth.login`, `auth.login_failed`, `topic.create`, `posts.export`, `pii.view`… */
  action: string;
  /** What it acted on: a topic id, a user id, an author, a file name. */
  target?: string;
  /** The client address, when it came over HTTP. */
  address?: string;
  /** Small JSON object with what changed (never secrets, never personal data values). */
  details?: Readonly<Record<string, unknown>>;
}

/** A recorded entry: `hash` = SHA-256 over the previous entry's hash and this entry's content. */
export interface AuditEntry extends Required<Pick<AuditInput, 'actor' | 'action'>> {
  seq: number;
  at: string;
  workspaceId?: string;
  target?: string;
  address?: string;
  details: Readonly<Record<string, unknown>>;
  prevHash: string;
  hash: string;
}

export interface AuditQuery {
  /** Only this workspace's entries (install-wide ones are listed only without this filter). */
  workspaceId?: string;
  actorId?: string;
  /** An exact action, or a prefix ending in `.` (`auth.`). */
  action?: string;
  /** ISO, inclusive. */
  from?: string;
  /** ISO, exclusive. */
  to?: string;
  /** `nextCursor` of the previous page. Opaque; invalid → `store.invalid`. */
  cursor?: string;
  /** Default 100, at most 1,000 (larger values are clamped), at least 1. */
  limit?: number;
}

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[];
  nextCursor?: string;
}

/**
 * `count`: the entries that verified (all of them when intact; those before `brokenAt` when not).
 * `brokenAt`: the seq of the first entry that does not follow its predecessor: its hash does not
 * recompute (changed), its `prevHash` is not the previous hash, or seq numbers are missing before
 * it (removed). `reason` says which, in English, for the operator.
 */
export type AuditVerification =
  | { isIntact: true; count: number }
  | { isIntact: false; count: number; brokenAt: number; reason: string };

/**
 * The append-only audit log. No method changes or deletes an entry, and the database refuses it
 * (triggers); each entry's hash chains to the previous one (`auditHash` in audit-chain.ts, shared
 * by every store), so `verify` finds an entry changed or removed behind the store's back. Entries
 * cut off the end leave a shorter chain that still verifies: compare `count` with one kept
 * elsewhere to notice that.
 */
export interface AuditStore {
  /**
   * Appends one entry with the store's time, in its own transaction, and returns it. Appends from
   * several processes serialize, so the chain never forks. `store.invalid` for an unknown actor
   * kind, an empty actor id or action, or `details` that is not a JSON object.
   */
  append(input: AuditInput): Promise<AuditEntry>;
  /** Entries matching every given criterion, newest first (`seq` descending), in keyset pages. */
  search(query?: AuditQuery): Promise<AuditPage>;
  /** Walks the whole chain. */
  verify(): Promise<AuditVerification>;
}
