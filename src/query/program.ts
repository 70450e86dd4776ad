import type { QueryNode, TextField } from './ast.js';
import type { AtomTable } from './atoms.js';
import { isLeafGroup } from './atoms.js';

const ATOM = 0;
const AND = 1;
const OR = 2;
const NOT = 3;
const TERM = 4;

const FIELD_MASK: Record<TextField, number> = { any: 3, title: 1, text: 2, author: 4 };

/**
 * A query's boolean structure as a flat array over interned atoms: each node is
 * `[op, size, …]` (`size` counts the node's own cells and its children's), an atom node is
 * `[ATOM, 3, atomId]`, a term `[TERM, 4, termId, fieldMask]`, a NOT node wraps one child. No
 * closure per node.
 */
export interface Program {
  code: Int32Array;
  /** The atoms and terms the program holds a reference to (released with it). */
  atoms: number[];
  terms: number[];
}

function emit(node: QueryNode, table: AtomTable, code: number[], held: Program): void {
  switch (node.type) {
    case 'and':
    case 'or': {
      if (isLeafGroup(node)) {
        const id = table.acquire(node);
        held.atoms.push(id);
        code.push(ATOM, 3, id);
        return;
      }
      const at = code.length;
      code.push(node.type === 'and' ? AND : OR, 0);
      for (const child of node.children) {
        // Nested groups of the same operator are flattened into this one.
        if (child.type === node.type) for (const c of child.children) emit(c, table, code, held);
        else emit(child, table, code, held);
      }
      code[at + 1] = code.length - at;
      return;
    }
    case 'not': {
      const at = code.length;
      code.push(NOT, 0);
      emit(node.child, table, code, held);
      code[at + 1] = code.length - at;
      return;
    }
    case 'term': {
      const id = table.acquireTerm(node);
      held.terms.push(id);
      code.push(TERM, 4, id, FIELD_MASK[node.field]);
      return;
    }
    default: {
      const id = table.acquire(node);
      held.atoms.push(id);
      code.push(ATOM, 3, id);
    }
  }
}

export function compileProgram(node: QueryNode, table: AtomTable): Program {
  const code: number[] = [];
  const held: Program = { code: new Int32Array(0), atoms: [], terms: [] };
  emit(node, table, code, held);
  held.code = Int32Array.from(code);
  return held;
}

export function releaseProgram(program: Program, table: AtomTable): void {
  for (const id of program.atoms) table.release(id);
  for (const id of program.terms) table.releaseTerm(id);
}

/** Runs the program at `pc` against the table's current document. */
export function runProgram(code: Int32Array, table: AtomTable, pc = 0): boolean {
  const op = code[pc]!;
  if (op === TERM) return table.hasTerm(code[pc + 2]!, code[pc + 3]!);
  if (op === ATOM) return table.test(code[pc + 2]!);
  if (op === NOT) return !runProgram(code, table, pc + 2);
  const end = pc + code[pc + 1]!;
  const isAnd = op === AND;
  for (let child = pc + 2; child < end; child += code[child + 1]!) {
    // Most children are atoms: tested here, without a call per child.
    const value =
      code[child] === ATOM ? table.test(code[child + 2]!) : runProgram(code, table, child);
    if (value !== isAnd) return !isAnd;
  }
  return isAnd;
}
