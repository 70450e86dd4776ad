/**
 * A named bus subject and the type of the items it carries, so that a publisher and a consumer
 * cannot disagree on what travels. `queue` subjects hand each item to one consumer (work to share);
 * `broadcast` subjects hand each item to every subscriber (changes every process must see).
 */
export interface Subject<T> {
  readonly name: string;
  readonly kind: 'queue' | 'broadcast';
  /** Never set: carries `T` for the type checker only. */
  readonly item?: T;
}

export function queueSubject<T>(name: string): Subject<T> {
  return { name, kind: 'queue' };
}

export function broadcastSubject<T>(name: string): Subject<T> {
  return { name, kind: 'broadcast' };
}
