/** Types of web/highlight.js, for the Node tests that import it. */
export interface Segment {
  text: string;
  isMark: boolean;
}

export interface Range {
  start: number;
  end: number;
}

export interface ParentLike {
  ownerDocument: {
    createTextNode(text: string): unknown;
    createElement(tag: string): { appendChild(node: unknown): unknown };
  } | null;
  appendChild(node: unknown): unknown;
}

export function highlightSegments(text: string, ranges: readonly Range[]): Segment[];
export function appendHighlighted(parent: ParentLike, text: string, ranges: readonly Range[]): void;

export interface Snippet {
  text: string;
  ranges: Range[];
  isCutBefore: boolean;
  isCutAfter: boolean;
}

export function snippet(text: string, ranges: readonly Range[], width: number): Snippet;
