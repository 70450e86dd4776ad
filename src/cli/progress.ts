import type { Writable } from 'node:stream';

/** Progress of a long job on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise. */
export interface Progress {
  update(done: number, items: number): void;
  finish(summary: string): void;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
      : `${s}s`;
}

/** `total` and `done` are in the same unit (bytes of the file); `items` counts records. */
export function createProgress(options: {
  stream: Writable;
  isTty: boolean;
  total: number;
  label: string;
  now?: () => number;
}): Progress {
  const now = options.now ?? (() => performance.now());
  const started = now();
  let lastDraw = 0;
  const line = (done: number, items: number): string => {
    const seconds = (now() - started) / 1000;
    const rate = seconds > 0 ? items / seconds : 0;
    const fraction = options.total > 0 ? Math.min(done / options.total, 1) : 0;
    const eta = fraction > 0 ? (seconds / fraction) * (1 - fraction) : Infinity;
    const width = 24;
    const bar = '█'.repeat(Math.round(fraction * width)).padEnd(width, '░');
    return `${options.label} ${bar} ${(fraction * 100).toFixed(0).padStart(3)}%  ${items.toLocaleString('en-US')} items  ${Math.round(rate).toLocaleString('en-US')}/s  ETA ${formatDuration(eta)}`;
  };
  return {
    update(done, items) {
      const t = now();
      if (options.isTty ? t - lastDraw < 100 : t - lastDraw < 5000) return;
      lastDraw = t;
      options.stream.write(
        options.isTty ? `\r\x1b[2K${line(done, items)}` : `${line(done, items)}\n`,
      );
    },
    finish(summary) {
      options.stream.write(`${options.isTty ? '\r\x1b[2K' : ''}${summary}\n`);
    },
  };
}
