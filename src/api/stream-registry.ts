/** An open live stream the server can end (on shutdown). */
export interface OpenStream {
  end(): void;
}

/**
 * The live streams open now: counted against a total cap and a cap per principal (so that one
 * client holding idle connections cannot take every slot), ended together on shutdown.
 */
export interface StreamRegistry {
  readonly size: number;
  readonly capacity: number;
  readonly perOwner: number;
  /**
   * Registers a stream of `owner` (a principal's id); `total` or `owner` tells which cap refused
   * it (and nothing is registered), `true` when registered.
   */
  add(stream: OpenStream, owner: string): true | 'total' | 'owner';
  delete(stream: OpenStream): void;
  /** Ends every open stream (each then deletes itself). */
  endAll(): void;
}

export function createStreamRegistry(capacity: number, perOwner = capacity): StreamRegistry {
  const open = new Map<OpenStream, string>();
  const byOwner = new Map<string, number>();
  return {
    get size() {
      return open.size;
    },
    capacity,
    perOwner,
    add(stream, owner) {
      if (open.size >= capacity) return 'total';
      const held = byOwner.get(owner) ?? 0;
      if (held >= perOwner) return 'owner';
      open.set(stream, owner);
      byOwner.set(owner, held + 1);
      return true;
    },
    delete(stream) {
      const owner = open.get(stream);
      if (owner === undefined) return;
      open.delete(stream);
      const left = (byOwner.get(owner) ?? 1) - 1;
      if (left === 0) byOwner.delete(owner);
      else byOwner.set(owner, left);
    },
    endAll() {
      for (const stream of [...open.keys()]) stream.end();
    },
  };
}
