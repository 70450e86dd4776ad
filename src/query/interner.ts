interface Interned<T> {
  value: T;
  key: string;
  refs: number;
}

/** A table of interned items with reference counts and reusable integer ids. */
export class Interner<T> {
  readonly items: (Interned<T> | undefined)[] = [];
  /** `items[id].value`, one read less on the matcher's hot path. */
  readonly values: (T | undefined)[] = [];
  private readonly ids = new Map<string, number>();
  private readonly free: number[] = [];

  acquire(key: string, make: () => T): number {
    const known = this.ids.get(key);
    if (known !== undefined) {
      this.items[known]!.refs++;
      return known;
    }
    // `make` may intern the item's parts first: the id is taken after it.
    const value = make();
    const id = this.free.pop() ?? this.items.length;
    this.items[id] = { value, key, refs: 1 };
    this.values[id] = value;
    this.ids.set(key, id);
    return id;
  }

  /** Drops one reference; returns the item when that was the last one. */
  release(id: number): T | undefined {
    const item = this.items[id]!;
    if (--item.refs > 0) return undefined;
    this.ids.delete(item.key);
    this.items[id] = undefined;
    this.values[id] = undefined;
    this.free.push(id);
    return item.value;
  }

  get size(): number {
    return this.ids.size;
  }
}
