/**
 * Interned words. Each distinct word the tokenizers read (a run of UTF-16 code units) gets a small
 * integer id and one string object, found by hashing the text in place, without slicing it. The
 * stages keep what they derive from a word (its folded form, its language bits, its SimHash
 * feature…) in a {@link WordMemo} indexed by id, so a word seen before costs one probe here
 * instead of a slice and a `Map` lookup in every stage.
 *
 * Bounded: past MAX_WORDS distinct words the table starts afresh and its generation changes, which
 * empties every WordMemo. Ids are only valid within one generation ({@link wordGeneration}).
 */

const MAX_WORDS = 1 << 16;
/**
 * Longer runs are not interned (callers take their slow path): the table must not hold a hostile
 * post's 100,000-character "word" until it fills.
 */
export const MAX_WORD_LENGTH = 40;
/** Open addressing, at most half full. */
const SLOTS = MAX_WORDS * 2;
const EMPTY = -1;
/** What {@link WordNumbers} holds for a word not set. */
export const NO_NUMBER = -0x80000000;

/**
 * How many new words one text may add: past that, its unseen words get no id and callers take
 * their slow path, so a hostile post of 30,000 unseen words neither flushes the table for every
 * other post nor pays for interning (and keeping) each of them.
 */
const MAX_NEW_PER_TEXT = 2_000;
let budget = MAX_NEW_PER_TEXT;

const slots = new Int32Array(SLOTS).fill(EMPTY);
const hashes = new Int32Array(MAX_WORDS);
const words: string[] = [];
let generation = 0;

function clear(): void {
  slots.fill(EMPTY);
  words.length = 0;
  generation++;
}

function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h ^ (h >>> 15);
}

function holds(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = start; i < end; i++)
    if (word.charCodeAt(i - start) !== text.charCodeAt(i)) return false;
  return true;
}

/** A tokenizer starts reading a text: the text may add MAX_NEW_PER_TEXT new words. */
export function startText(): void {
  budget = MAX_NEW_PER_TEXT;
}

/**
 * The id of `text.slice(start, end)` (at most MAX_WORD_LENGTH long), interning it when new, or -1
 * when it is new and the text being read (see {@link startText}) has added its share.
 */
export function wordId(text: string, start: number, end: number): number {
  const h = hashOf(text, start, end);
  let slot = h & (SLOTS - 1);
  for (let id = slots[slot]!; id !== EMPTY; id = slots[slot]!) {
    if (hashes[id] === h && holds(words[id]!, text, start, end)) return id;
    slot = (slot + 1) & (SLOTS - 1);
  }
  if (budget === 0) return -1;
  budget--;
  if (words.length === MAX_WORDS) {
    clear();
    slot = h & (SLOTS - 1);
  }
  const id = words.length;
  words.push(text.slice(start, end));
  hashes[id] = h;
  slots[slot] = id;
  return id;
}

/**
 * The table's generation: ids taken in one generation mean nothing in the next. A caller that
 * keeps ids (a cache of tokens) checks it before reading them again.
 */
export function wordGeneration(): number {
  return generation;
}

/** The word of an id from {@link wordId} (the same string object every time). */
export function wordOf(id: number): string {
  return words[id]!;
}

/**
 * Values derived from words, by word id; emptied when the word table starts afresh. A value is
 * any function of the word's text alone (never of its context).
 */
export class WordMemo<T> {
  // Sized at the first write: a write far past the end would turn a growing array into a slow
  // dictionary.
  private values: (T | undefined)[] = [];
  private generation = generation;

  get(id: number): T | undefined {
    if (this.generation !== generation) this.empty();
    return this.values[id];
  }

  set(id: number, value: T): void {
    if (this.generation !== generation) this.empty();
    if (this.values.length === 0) this.values = new Array<T | undefined>(MAX_WORDS);
    this.values[id] = value;
  }

  private empty(): void {
    this.values = [];
    this.generation = generation;
  }
}

/** A {@link WordMemo} of 32-bit integers; `get` answers {@link NO_NUMBER} for a word not set. */
export class WordNumbers {
  private values = new Int32Array(MAX_WORDS).fill(NO_NUMBER);
  private generation = generation;

  get(id: number): number {
    if (this.generation !== generation) this.empty();
    return this.values[id]!;
  }

  set(id: number, value: number): void {
    if (this.generation !== generation) this.empty();
    this.values[id] = value;
  }

  private empty(): void {
    this.values.fill(NO_NUMBER);
    this.generation = generation;
  }
}
