import type { QueryNode, ParsedQuery } from './ast.js';
import type { Anchor, AnchorTree, WordFrequency } from './anchors.js';
import { anchorTree, chooseAnchors, chooseGroups } from './anchors.js';
import { createAnchorIndex } from './anchor-index.js';
import { createAtomTable } from './atoms.js';
import { createCodeArena } from './code-arena.js';
import type { Program } from './program.js';
import { compileProgram, releaseProgram, runProgram } from './program.js';
import type { MatchDoc, MatchInput } from './match-doc.js';
import { prepareDoc } from './match-doc.js';
import { defaultWordFrequency } from './word-frequency.js';

/** Counters of the index, for diagnostics and the benchmark. */
export interface TopicMatcherStats {
  topics: number;
  disjuncts: number;
  alwaysCheck: number;
  keys: number;
  /** Distinct atoms (terms, phrases, NEAR groups, conditions) shared by all topics. */
  atoms: number;
  /** Candidate disjuncts whose program ran, since the matcher was created. */
  checked: number;
  /** Index entries read while gathering candidates, since the matcher was created. */
  postings: number;
}

/**
 * All topics compiled together (Lucene Monitor style): each query is filed under its most
 * selective required terms, so the cost of matching a post grows with the post's length and the
 * number of candidate topics, not with the number of topics. Topics share their atoms, so a
 * term or phrase many topics use is evaluated once per post.
 */
export interface TopicMatcher {
  /** Adds or replaces a topic. Throws the parser's `query.syntax`/`query.limit` errors. */
  set(topicId: string, query: ParsedQuery | QueryNode): void;
  remove(topicId: string): boolean;
  has(topicId: string): boolean;
  /** Ids of the topics the post matches, in the order they were added. */
  match(input: MatchInput | MatchDoc): string[];
  stats(): TopicMatcherStats;
}

export interface TopicMatcherOptions {
  frequency?: WordFrequency;
}

function isMatchDoc(input: MatchInput | MatchDoc): input is MatchDoc {
  return (input as MatchDoc).isPrepared === true;
}

/** Splits top-level ORs into disjuncts so each alternative gets its own anchors. */
function disjunctsOf(node: QueryNode): QueryNode[] {
  return node.type === 'or' ? node.children.flatMap(disjunctsOf) : [node];
}

/** A topic's slot: its id, the order it was set in, its disjuncts. */
interface TopicSlot {
  id: string;
  seq: number;
  disjuncts: number[];
}

interface Disjunct {
  slot: number;
  program: Program;
  /** The anchor groups it is filed under; empty when it is checked on every post. */
  groups: Anchor[][];
}

/** Matches from which they are put in order by `Array.prototype.sort`. */
const INSERTION_SORT_MAX = 64;

/** Candidates from which they are checked in id order. */
const SORT_MIN_CANDIDATES = 64;

function grownInt32(array: Int32Array, size: number): Int32Array {
  const grown = new Int32Array(Math.max(array.length * 2, size));
  grown.set(array);
  return grown;
}

function costOf(tree: AnchorTree | null): number {
  return tree === null ? 1 : chooseAnchors(tree).cost;
}

/**
 * A conjunction's children, the likeliest to fail first: the child the disjunct is filed under
 * is known to have its anchor present, so it goes last.
 */
function orderedForCheck(node: QueryNode, frequency: WordFrequency): QueryNode {
  if (node.type !== 'and') return node;
  const costs = node.children.map((child) =>
    child.type === 'not' ? 0.5 : costOf(anchorTree(child, frequency)),
  );
  const order = node.children.map((_, i) => i).sort((a, b) => costs[a]! - costs[b]!);
  if (order.length > 1) order.push(order.shift()!);
  return { ...node, children: order.map((i) => node.children[i]!) };
}

export function createTopicMatcher(options: TopicMatcherOptions = {}): TopicMatcher {
  const frequency = options.frequency ?? defaultWordFrequency;
  const index = createAnchorIndex();
  const atoms = createAtomTable();
  const disjuncts: (Disjunct | undefined)[] = [];
  const freeDisjuncts: number[] = [];
  const slots: (TopicSlot | undefined)[] = [];
  const freeSlots: number[] = [];
  const byTopic = new Map<string, number>();
  let topicSeq = 0;
  let marks = new Uint32Array(64);
  /** Per slot: the order its topic was set in (read when sorting the matches). */
  let seqs = new Float64Array(64);
  const ids: string[] = [];
  /** The hot loop reads typed arrays, not objects: per disjunct its slot and its code's start. */
  const code = createCodeArena();
  let slotOf: Int32Array = new Int32Array(64);
  let stamp = 0;
  let checked = 0;
  const scratch: number[] = [];
  let order = new Int32Array(256);
  const found: number[] = [];

  /** Sorts slots by the order their topics were set in: by insertion up to a few dozen. */
  function sortBySeq(list: number[]): void {
    if (list.length > INSERTION_SORT_MAX) {
      list.sort((a, b) => seqs[a]! - seqs[b]!);
      return;
    }
    for (let i = 1; i < list.length; i++) {
      const slot = list[i]!;
      const seq = seqs[slot]!;
      let at = i;
      for (; at > 0 && seqs[list[at - 1]!]! > seq; at--) list[at] = list[at - 1]!;
      list[at] = slot;
    }
  }

  function addDisjunct(slot: number, node: QueryNode): number {
    const tree = anchorTree(node, frequency);
    const id = freeDisjuncts.pop() ?? disjuncts.length;
    const groups = tree === null ? [] : chooseGroups(tree);
    const program = compileProgram(orderedForCheck(node, frequency), atoms);
    disjuncts[id] = { slot, program, groups };
    code.put(id, program.code);
    if (id >= slotOf.length) slotOf = grownInt32(slotOf, id + 1);
    slotOf[id] = slot;
    if (tree === null) index.fileAlways(id);
    else index.file(groups, id);
    return id;
  }

  function remove(topicId: string): boolean {
    const slot = byTopic.get(topicId);
    if (slot === undefined) return false;
    for (const id of slots[slot]!.disjuncts) {
      const disjunct = disjuncts[id]!;
      if (disjunct.groups.length === 0) index.unfileAlways(id);
      else index.unfile(disjunct.groups, id);
      releaseProgram(disjunct.program, atoms);
      code.drop(id);
      disjuncts[id] = undefined;
      freeDisjuncts.push(id);
    }
    slots[slot] = undefined;
    freeSlots.push(slot);
    byTopic.delete(topicId);
    return true;
  }

  function nextStamp(): void {
    stamp = (stamp + 1) >>> 0;
    if (stamp === 0) {
      marks.fill(0);
      stamp = 1;
    }
  }

  return {
    set(topicId, query) {
      const node = 'ast' in query ? query.ast : query;
      remove(topicId);
      const slot = freeSlots.pop() ?? slots.length;
      if (slot >= marks.length) {
        const grown = new Uint32Array(Math.max(marks.length * 2, slot + 1));
        grown.set(marks);
        marks = grown;
        const grownSeqs = new Float64Array(marks.length);
        grownSeqs.set(seqs);
        seqs = grownSeqs;
      }
      const topic: TopicSlot = { id: topicId, seq: topicSeq++, disjuncts: [] };
      slots[slot] = topic;
      seqs[slot] = topic.seq;
      ids[slot] = topicId;
      byTopic.set(topicId, slot);
      topic.disjuncts = disjunctsOf(node).map((part) => addDisjunct(slot, part));
    },
    remove,
    has: (topicId) => byTopic.has(topicId),
    match(input) {
      const doc = isMatchDoc(input) ? input : prepareDoc(input);
      nextStamp();
      atoms.startDoc(doc);
      index.candidates(doc, scratch);
      found.length = 0;
      const { array, starts } = code;
      const count = scratch.length;
      if (count > order.length) order = new Int32Array(count * 2);
      for (let i = 0; i < count; i++) order[i] = scratch[i]!;
      // In id order the programs are read front to back, and the matches come out nearly sorted;
      // a typed-array sort costs more than it saves on a few candidates.
      if (count >= SORT_MIN_CANDIDATES) order.subarray(0, count).sort();
      for (let i = 0; i < count; i++) {
        const id = order[i]!;
        const slot = slotOf[id]!;
        if (marks[slot] === stamp) continue;
        checked++;
        if (runProgram(array, atoms, starts[id])) {
          marks[slot] = stamp;
          found.push(slot);
        }
      }
      sortBySeq(found);
      const out = new Array<string>(found.length);
      for (let i = 0; i < found.length; i++) out[i] = ids[found[i]!]!;
      return out;
    },
    stats() {
      let live = 0;
      for (const d of disjuncts) if (d !== undefined) live++;
      return {
        topics: byTopic.size,
        disjuncts: live,
        alwaysCheck: index.alwaysCheck(),
        keys: index.keys(),
        atoms: atoms.size(),
        checked,
        postings: index.postings(),
      };
    },
  };
}
