/**
 * The programs of many disjuncts laid end to end in one `Int32Array`, so that checking a post's
 * candidates reads one array instead of an object and an array per disjunct (with 100,000 topics
 * those scattered reads, not the programs, were most of the time). `array` and `starts` are
 * replaced when they grow or are compacted: read them again after a `put` or `drop`.
 */
export interface CodeArena {
  array: Int32Array;
  /** Where each disjunct's program starts in `array`. */
  starts: Int32Array;
  put(id: number, code: Int32Array): void;
  drop(id: number): void;
}

export function createCodeArena(): CodeArena {
  const codes: (Int32Array | undefined)[] = [];
  let end = 0;
  let garbage = 0;

  function ensure(size: number): void {
    if (size <= arena.array.length) return;
    const grown = new Int32Array(Math.max(arena.array.length * 2, size));
    grown.set(arena.array.subarray(0, end));
    arena.array = grown;
  }

  /** Copies the live programs into a fresh array once half of it is dropped code. */
  function compact(): void {
    const live = end - garbage;
    const next = new Int32Array(Math.max(1024, live * 2));
    end = 0;
    codes.forEach((program, id) => {
      if (program === undefined) return;
      next.set(program, end);
      arena.starts[id] = end;
      end += program.length;
    });
    arena.array = next;
    garbage = 0;
  }

  const arena: CodeArena = {
    array: new Int32Array(1024),
    starts: new Int32Array(64),
    put(id, program) {
      if (id >= arena.starts.length) {
        const grown = new Int32Array(Math.max(arena.starts.length * 2, id + 1));
        grown.set(arena.starts);
        arena.starts = grown;
      }
      if (codes[id] !== undefined) arena.drop(id);
      ensure(end + program.length);
      arena.array.set(program, end);
      arena.starts[id] = end;
      end += program.length;
      codes[id] = program;
    },
    drop(id) {
      const program = codes[id];
      if (program === undefined) return;
      codes[id] = undefined;
      garbage += program.length;
      if (garbage > 4096 && garbage * 2 > end) compact();
    },
  };
  return arena;
}
