import type { Writable } from 'node:stream';

/**
 * Progress of a long job on stderr: on a terminal a line redrawn about once a second; elsewhere
 * (a log, a pipe) nothing for the first ten seconds, so short jobs print only their summary, then
 * a plain line every ten seconds.
 */
export interface Progress {
  /** `done` of `total` (bytes of the file, or items), `items` handled so far; cheap to call. */
  update(done: number, items: number): void;
  /** Clears the progress line and prints the summary. */
  finish(summary: string): void;
}

/** Where a job stands, for `formatProgress`. */
export interface ProgressState {
  label: string;
  /** Work done, in the unit of `total`. */
  done: number;
  total: number;
  /** `done` when the job started (a resumed import starts past its skipped lines). */
  startDone: number;
  items: number;
  /** What an item is called (`records`). */
  unit: string;
  elapsedMs: number;
}

const TTY_EVERY_MS = 1000;
const LOG_EVERY_MS = 10_000;
const BAR_WIDTH = 24;

/** `45s`, `3m05s`, `1h07m`; `?` when unknown. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s >= 3600)
    return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/**
 * One progress line: share done, items and their rate, and the time left at the rate `done` has
 * grown since the start (`ETA ?` until there is a rate). With `hasBar`, a bar before the share.
 */
export function formatProgress(state: ProgressState, hasBar: boolean): string {
  const seconds = state.elapsedMs / 1000;
  const fraction = state.total > 0 ? Math.min(Math.max(state.done / state.total, 0), 1) : 0;
  const rate = seconds > 0 ? state.items / seconds : 0;
  const doneRate = seconds > 0 ? (state.done - state.startDone) / seconds : 0;
  const eta = doneRate > 0 ? Math.max(state.total - state.done, 0) / doneRate : Infinity;
  const bar = hasBar
    ? `${'█'.repeat(Math.round(fraction * BAR_WIDTH)).padEnd(BAR_WIDTH, '░')} `
    : '';
  const share = `${(fraction * 100).toFixed(0).padStart(3)}%`;
  const items = `${state.items.toLocaleString('en-US')} ${state.unit}`;
  const perSecond = `${Math.round(rate).toLocaleString('en-US')} ${state.unit}/s`;
  return `${state.label} ${bar}${share}  ${items}  ${perSecond}  ETA ${formatDuration(eta)}`;
}

/** `total` and `done` are in one unit (bytes of the file, or items); `items` counts records. */
export function createProgress(options: {
  stream: Writable;
  isTty: boolean;
  total: number;
  label: string;
  /** What an item is called in the line (default `items`). */
  unit?: string;
  now?: () => number;
}): Progress {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const every = options.isTty ? TTY_EVERY_MS : LOG_EVERY_MS;
  let startDone: number | undefined;
  let nextDraw = started + every;
  let hasDrawn = false;
  return {
    update(done, items) {
      startDone ??= done;
      const t = now();
      if (t < nextDraw) return;
      nextDraw = t + every;
      hasDrawn = true;
      const state = {
        label: options.label,
        done,
        total: options.total,
        startDone,
        items,
        unit: options.unit ?? 'items',
        elapsedMs: t - started,
      };
      const line = formatProgress(state, options.isTty);
      options.stream.write(options.isTty ? `\r\x1b[2K${line}` : `${line}\n`);
    },
    finish(summary) {
      options.stream.write(`${options.isTty && hasDrawn ? '\r\x1b[2K' : ''}${summary}\n`);
    },
  };
}
