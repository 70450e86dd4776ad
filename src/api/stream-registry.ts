/** An open live stream the server can end (on shutdown). */
export interface OpenStream {
  end(): void;
}

/** The live streams open now: counted against the cap, ended together on shutdown. */
export interface StreamRegistry {
  readonly size: number;
  readonly capacity: number;
  /** Registers a stream; `false` (and nothing registered) when the cap is reached. */
  add(stream: OpenStream): boolean;
  delete(stream: OpenStream): void;
  /** Ends every open stream (each then deletes itself). */
  endAll(): void;
}

export function createStreamRegistry(capacity: number): StreamRegistry {
  const open = new Set<OpenStream>();
  return {
    get size() {
      return open.size;
    },
    capacity,
    add(stream) {
      if (open.size >= capacity) return false;
      open.add(stream);
      return true;
    },
    delete(stream) {
      open.delete(stream);
    },
    endAll() {
      for (const stream of [...open]) stream.end();
    },
  };
}
