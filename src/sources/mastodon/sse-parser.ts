import { LangngheError } from '../../core/errors.js';

/** A Mastodon event is one status as JSON: far below this. */
export const MAX_EVENT_CHARS = 4 * 1024 * 1024;

/** One dispatched server-sent event. */
export interface SseEvent {
  /** The `event:` field, `message` when absent. */
  event: string;
  /** The `data:` lines joined with line feeds. */
  data: string;
  id?: string;
}

export interface SseParser {
  /** Feeds decoded text, cut anywhere (mid-line, between CR and LF); returns the events completed. */
  push(text: string): SseEvent[];
}

/**
 * An incremental `text/event-stream` parser, per the WHATWG HTML "Server-sent events" parsing
 * rules: lines end with CRLF, LF or CR; a line starting with `:` is a comment (Mastodon's `:thump`
 * heartbeat); `field: value` drops one space after the colon; several `data` lines join with
 * `\n`; a blank line dispatches the event, unless it has no data. What is pending when the stream
 * ends is dropped, as the standard says. An event (or a line) longer than `maxEventChars` is
 * `source.bad_response`: a server that never ends one would otherwise fill the memory.
 */
export function createSseParser(maxEventChars = MAX_EVENT_CHARS): SseParser {
  let buffer = '';
  let dataChars = 0;
  let isStart = true;
  let isAfterCr = false;
  let eventType = '';
  let data: string[] = [];
  let lastId: string | undefined;

  function dispatch(events: SseEvent[]): void {
    if (data.length > 0) {
      const event: SseEvent = {
        event: eventType === '' ? 'message' : eventType,
        data: data.join('\n'),
      };
      if (lastId !== undefined) event.id = lastId;
      events.push(event);
    }
    eventType = '';
    data = [];
    dataChars = 0;
  }

  function processLine(line: string, events: SseEvent[]): void {
    if (line === '') return dispatch(events);
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      data.push(value);
      dataChars += value.length + 1;
    } else if (field === 'event') eventType = value;
    else if (field === 'id' && !value.includes('\u0000')) lastId = value;
  }

  return {
    push(text) {
      let chunk = text;
      if (isStart && chunk.length > 0) {
        if (chunk.startsWith('\uFEFF')) chunk = chunk.slice(1);
        isStart = false;
      }
      // A CR that ended the last chunk already ended its line; an LF right after it is its pair.
      if (isAfterCr && chunk.length > 0) {
        if (chunk.startsWith('\n')) chunk = chunk.slice(1);
        isAfterCr = false;
      }
      buffer += chunk;
      const events: SseEvent[] = [];
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const code = buffer.charCodeAt(i);
        if (code !== 10 && code !== 13) continue;
        processLine(buffer.slice(start, i), events);
        if (code === 13) {
          if (i + 1 === buffer.length) isAfterCr = true;
          else if (buffer.charCodeAt(i + 1) === 10) i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
      if (buffer.length + dataChars > maxEventChars)
        throw new LangngheError(
          'source.bad_response',
          `The event stream sent an event longer than ${maxEventChars} characters`,
          { details: { maxEventChars } },
        );
      return events;
    },
  };
}
