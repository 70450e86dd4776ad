/**
 * The project's one error class. `code` is a stable dotted identifier (`query.syntax`,
 * `input.invalid`, `source.rate_limited`) that survives serialization (bus, HTTP, CLI) and is what
 * callers branch on; `details` carries machine-readable context (a position, a line number).
 */
export class LangngheError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    message: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LangngheError';
    this.code = code;
    this.details = options.details ?? {};
  }

  toJSON(): { code: string; message: string; details: Readonly<Record<string, unknown>> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isLangngheError(value: unknown): value is LangngheError {
  return value instanceof LangngheError;
}

/** Wraps anything thrown into a LangngheError, keeping the original as `cause`. */
export function toLangngheError(value: unknown, code = 'internal'): LangngheError {
  if (value instanceof LangngheError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new LangngheError(code, message, { cause: value });
}
