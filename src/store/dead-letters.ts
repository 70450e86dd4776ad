/**
 * Items the pipeline could not process: kept with the stage that refused them and why, so an
 * operator can read, replay or drop them instead of losing them silently.
 */
export interface DeadLetter {
  /** Assigned by the store, increasing. */
  id: number;
  /** The item's own id (a post id), or `unknown` when it had none. */
  itemId: string;
  /** The stage that failed: `normalize`, `enrich`, `match`, `store`. */
  stage: string;
  /** The error's stable code (`store.invalid`, `pipeline.failed`, …). */
  code: string;
  message: string;
  /** The workspace that submitted the item (who may see and replay it). */
  workspaceId: string;
  /** The message as it entered the stage, JSON: replaying hands it to the pipeline again. */
  payload: unknown;
  /** Times the item failed (a replay that fails again adds one). */
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
}

/** What the pipeline hands in; the store assigns the id, attempts and times. */
export type DeadLetterInput = Pick<
  DeadLetter,
  'itemId' | 'stage' | 'code' | 'message' | 'workspaceId' | 'payload'
>;

export interface DeadLetterQuery {
  /** Only this workspace's items; absent: all (the operator). */
  workspaceId?: string;
  /** Items with an id below this one (paging, newest first). */
  before?: number;
  /** Default 50, at most 500. */
  limit?: number;
}

/** The dead-letter table. An item that fails again under the same item id and stage is counted, not duplicated. */
export interface DeadLetterStore {
  add(items: readonly DeadLetterInput[]): Promise<void>;
  /** Newest first. */
  list(query?: DeadLetterQuery): Promise<DeadLetter[]>;
  count(workspaceId?: string): Promise<number>;
  /** The items with these ids (of the workspace when given), in id order. */
  get(ids: readonly number[], workspaceId?: string): Promise<DeadLetter[]>;
  /** Removes items (of the workspace when given); returns how many. */
  remove(ids: readonly number[], workspaceId?: string): Promise<number>;
}

export const MAX_DEAD_LETTER_LIMIT = 500;
/** Longest error message kept. */
export const MAX_DEAD_LETTER_MESSAGE = 2_000;
