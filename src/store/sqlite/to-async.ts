/** Runs synchronous store work and returns its result (or its translated error) as a promise. */
export type Runner = <T>(work: () => T) => Promise<T>;

/** The async twin of an object of synchronous methods. */
export type AsyncSurface<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
};

/**
 * Wraps each method of a synchronous sub-store so that it runs through `run` (closed check,
 * error translation): the sub-stores are written synchronously, as better-sqlite3 is.
 */
export function toAsync<T extends object>(sync: T, run: Runner): AsyncSurface<T> {
  const surface: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(sync)) {
    const call = method as (...args: unknown[]) => unknown;
    surface[name] = (...args: unknown[]) => run(() => call(...args));
  }
  return surface as AsyncSurface<T>;
}
