import assert from 'node:assert/strict';

/** A Server-Sent Events reader over fetch, for tests against a listening server. */
export interface Sse {
  /** The next event block (the text before a blank line); rejects when the stream ends. */
  next(): Promise<string>;
  /** Skips blocks until one starts with `prefix` and returns it. */
  nextStartingWith(prefix: string): Promise<string>;
  abort(): void;
  response: Response;
}

/** Opens GET /api/stream (with `query`, as the caller of `headers`). */
export async function openStream(
  base: string,
  query = '',
  headers: Readonly<Record<string, string>> = {},
): Promise<Sse> {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/stream${query}`, {
    signal: controller.signal,
    headers,
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (): Promise<string> => {
    while (!buffer.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended: ${JSON.stringify(buffer)}`);
      buffer += decoder.decode(value, { stream: true });
    }
    const end = buffer.indexOf('\n\n');
    const block = buffer.slice(0, end);
    buffer = buffer.slice(end + 2);
    return block;
  };
  return {
    response,
    next,
    async nextStartingWith(prefix) {
      for (;;) {
        const block = await next();
        if (block.startsWith(prefix)) return block;
      }
    },
    abort: () => controller.abort(),
  };
}

/** The JSON of an `event: match` block. */
export function matchData(block: string): {
  post: { id: string; text: string };
  topicIds: string[];
  highlights: { start: number; end: number; field: string }[];
} {
  const match = /^event: match\ndata: (.*)$/.exec(block);
  assert.ok(match, block);
  return JSON.parse(match[1]!);
}
