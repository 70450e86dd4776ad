/** The source of time for pure code; the composition root passes the system clock. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** A clock that stays where it is told to: for tests and deterministic generators. */
export function createFixedClock(
  startMs: number,
): Clock & { set(ms: number): void; advance(ms: number): void } {
  let current = startMs;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
