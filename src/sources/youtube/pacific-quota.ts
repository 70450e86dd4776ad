import type { Clock } from '../../core/clock.js';

/**
 * YouTube Data API quota is counted per Google Cloud project per day, and the day turns at
 * midnight Pacific Time (https://developers.google.com/youtube/v3/getting-started#quota), so
 * the connector keeps its own tally on that calendar.
 */
const PACIFIC = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function pacificWallClock(ms: number): WallClock {
  const parts: Record<string, number> = {};
  for (const part of PACIFIC.formatToParts(new Date(ms)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Pacific local time minus UTC at an instant, in ms (-8 h in winter, -7 h in summer). */
function pacificOffsetMs(ms: number): number {
  const wall = pacificWallClock(ms);
  const wallAsUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
  return wallAsUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The Pacific calendar day of an instant, `YYYY-MM-DD`: the key the quota is counted under. */
export function pacificDay(ms: number): string {
  const { year, month, day } = pacificWallClock(ms);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Milliseconds from `ms` until the next midnight Pacific Time, when the daily quota resets. */
export function msUntilPacificMidnight(ms: number): number {
  const { year, month, day } = pacificWallClock(ms);
  const midnightAsUtc = Date.UTC(year, month - 1, day + 1);
  // Clocks change at 02:00 local, so the offset an hour either side of midnight is midnight's.
  const guess = midnightAsUtc - pacificOffsetMs(ms);
  return midnightAsUtc - pacificOffsetMs(guess) - ms;
}

/**
 * The units this source has spent today (Pacific), checked before every call so a run stops
 * cleanly instead of being refused by the API half-way through a page.
 */
export interface QuotaLedger {
  /** The Pacific day the tally belongs to. */
  readonly day: string;
  readonly used: number;
  readonly limit: number;
  /** Whether `units` more stay within the limit (a new Pacific day starts from zero). */
  canSpend(units: number): boolean;
  /** Records a call's cost (called before the request: a refused request costs too). */
  spend(units: number): void;
  /** The API said the quota is used up: nothing more is spent today. */
  markExhausted(): void;
}

export function createQuotaLedger(options: {
  clock: Clock;
  limit: number;
  /** The tally saved in the cursor; ignored when it belongs to an earlier day. */
  saved?: { day: string; used: number };
}): QuotaLedger {
  let day = pacificDay(options.clock.now());
  let used = options.saved?.day === day ? options.saved.used : 0;
  const roll = (): void => {
    const today = pacificDay(options.clock.now());
    if (today !== day) {
      day = today;
      used = 0;
    }
  };
  return {
    get day() {
      return day;
    },
    get used() {
      return used;
    },
    limit: options.limit,
    canSpend(units) {
      roll();
      return used + units <= options.limit;
    },
    spend(units) {
      roll();
      used += units;
    },
    markExhausted() {
      roll();
      used = Math.max(used, options.limit);
    },
  };
}
