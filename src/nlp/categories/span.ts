/**
 * A piece of the original text that supports a label, so the UI can say why. `start`/`end` are
 * UTF-16 offsets into the text the function was given (end exclusive) and `text` is
 * `input.slice(start, end)`.
 */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Builds a span over `text.slice(start, end)`. */
export function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}
